// What the tracker is told after an action, from what the reducer found as it applied it (state/reduce.ts): the
// answer, with its question's options; the progress of the section whose screen the action completed; and the
// outcome, when the action moved something it reads. Nothing is replayed or compared state against state: an action
// that changed nothing reports nothing, and each change is reported once.
import type { Screen } from '../../model/types.ts';
import type { AnswerRecord, Outcome } from '../../runtime/tracker.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import type { ReduceContext } from './rules.ts';
import { sectionProgress } from '../logic/course-map.ts';
import { computeOutcome, sameOutcome } from '../logic/outcome.ts';

export type TrackerReport =
  | { kind: 'answer'; record: AnswerRecord }
  | { kind: 'progress'; sectionId: string; progress: number }
  | { kind: 'outcome'; outcome: Outcome };

/**
 * The reports for one applied action, in the order the tracker hears them. `done` is the screen the action completed
 * (if any), `marks` whether it changed what a knowledge check's score reads (an answer counted, a retake).
 */
export function reportsOf(context: ReduceContext, before: LearnerState, after: LearnerState, answer: AnswerRecord | null, done: Screen | null, marks: boolean): TrackerReport[] {
  const reports: TrackerReport[] = [];
  if (answer) reports.push({ kind: 'answer', record: answer });
  const section = done ? context.map.byId.get(done.id)?.section : undefined;
  if (section) reports.push({ kind: 'progress', sectionId: section.id, progress: sectionProgress(section, new Set(after.completedScreens)) });
  if (!done && !marks) return reports;
  const outcome = computeOutcome(context.course, after);
  // A screen newly done moves the outcome's progress, so only a change of marks alone needs the outcome before.
  if (done || !sameOutcome(outcome, computeOutcome(context.course, before))) reports.push({ kind: 'outcome', outcome });
  return reports;
}
