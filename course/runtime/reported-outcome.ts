// What every standard reports of the learner's Outcome, and when. The player's Outcome says what is true now:
// `passed` true (passed), false (failed for good: every attempt used, below the pass mark) or null (not decided).
// An LMS reads more into a status than that: many count an activity done when it is "completed or passed" (Moodle,
// cmi5's CompletedOrPassed), so a "passed" sent while the film is unwatched gives the grade and the tick early. So,
// by the LMS profile's choice (lms-profiles.ts `successReported`):
//   'with-completion' (the default): "passed" and the score are reported once the course's completion rule is met;
//     "failed" and the score once the learner has finished (completed, or every screen done): before that the LMS
//     hears "incomplete", success unknown.
//   'when-judged': success and score as soon as they are decided.
// A later pass replaces a failure where the standard allows it (every SCORM status, xAPI; cmi5 in a later session).
import type { Outcome } from './tracker.ts';

export type SuccessTiming = 'with-completion' | 'when-judged';

export interface ReportedOutcome {
  completed: boolean;
  /** null: success unknown to the LMS. */
  success: 'passed' | 'failed' | null;
  /** The score, reported with the success; null when not reported. */
  scaled: number | null;
  /** Share of the course done, 0..1. */
  progress: number;
}

export function reportedOutcome(outcome: Outcome, timing: SuccessTiming): ReportedOutcome {
  const judged = outcome.passed === null ? null : outcome.passed ? 'passed' : 'failed';
  const finished = outcome.completed || outcome.progress >= 1;
  const reported =
    timing === 'when-judged' || judged === null ? judged : judged === 'passed' ? (outcome.completed ? 'passed' : null) : finished ? 'failed' : null;
  const scaled = timing === 'when-judged' || reported !== null ? outcome.scaled : null;
  return { completed: outcome.completed, success: reported, scaled, progress: Math.min(1, Math.max(0, outcome.progress)) };
}
