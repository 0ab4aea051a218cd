// What the tracker is told after an action: answers as interactions, section progress, and the outcome. Computed
// from the states before and after, so the same change is never reported twice and nothing is reported for a no-op.
import type { AnswerRecord, Outcome } from '../../runtime/tracker.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import type { PlayerAction } from './actions.ts';
import type { ReduceContext } from './rules.ts';
import { answerRecord as recordOf } from './answers.ts';
import { sectionProgress } from '../logic/course-map.ts';
import { computeOutcome, sameOutcome } from '../logic/outcome.ts';

export type TrackerReport =
  | { kind: 'answer'; record: AnswerRecord }
  | { kind: 'progress'; sectionId: string; progress: number }
  | { kind: 'outcome'; outcome: Outcome };

export function reportsFor(context: ReduceContext, action: PlayerAction, before: LearnerState, after: LearnerState): TrackerReport[] {
  if (before === after) return [];
  const reports: TrackerReport[] = [];
  const answer = answerRecord(context, action, before, after);
  if (answer) reports.push({ kind: 'answer', record: answer });

  const doneBefore = new Set(before.completedScreens);
  const doneAfter = new Set(after.completedScreens);
  for (const section of context.course.sections) {
    const progress = sectionProgress(section, doneAfter);
    if (progress !== sectionProgress(section, doneBefore)) reports.push({ kind: 'progress', sectionId: section.id, progress });
  }

  const outcome = computeOutcome(context.course, after);
  if (!sameOutcome(outcome, computeOutcome(context.course, before))) reports.push({ kind: 'outcome', outcome });
  return reports;
}

function answerRecord(context: ReduceContext, action: PlayerAction, before: LearnerState, after: LearnerState): AnswerRecord | null {
  return action.type === 'go-to' ? null : recordOf(context, action, before, after);
}

/** A confidence rating as the LMS hears it: a likert interaction on the phase's confidence screen. */
export function ratingRecord(context: ReduceContext, phase: 'before' | 'after', itemId: string, rating: number, latencyMs: number): AnswerRecord | null {
  const screen = context.map.entries.find((e) => e.screen.type === 'confidence' && e.screen.phase === phase)?.screen;
  const item = context.course.confidence.items.find((i) => i.id === itemId);
  if (!screen || !item) return null;
  return {
    id: `${screen.id}.${item.id}`,
    type: 'likert',
    description: item.statement,
    response: [String(rating)],
    result: 'neutral',
    latencyMs,
  };
}
