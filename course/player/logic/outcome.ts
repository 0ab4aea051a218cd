// What the player reports to the LMS as the learner's outcome, from the course's completion rules.
import type { Course } from '../../model/types.ts';
import type { Outcome } from '../../runtime/tracker.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import { checkProgress, checkScreens, knowledgeScore } from './knowledge.ts';

export function allScreenIds(course: Course): string[] {
  return course.sections.flatMap((section) => section.screens.map((screen) => screen.id));
}

/** Sections with at least one screen not yet done, in course order. */
export function unfinishedSections(course: Course, state: LearnerState): Course['sections'] {
  const done = new Set(state.completedScreens);
  return course.sections.filter((section) => section.screens.some((screen) => !done.has(screen.id)));
}

export interface CompletionBlockers {
  sections: Course['sections'];
  /** Under the pass rule: a check's attempt is complete, below the pass mark, and another attempt is allowed. */
  passNeeded: boolean;
  /** Under the pass rule: every attempt used, below the pass mark. The course cannot be completed in this attempt. */
  failedForGood: boolean;
}

/** What stands between the learner and completion: unfinished sections, and (under the pass rule) the pass mark. */
export function completionBlockers(course: Course, state: LearnerState): CompletionBlockers {
  const passRule = course.completion.rule === 'all-sections-and-pass';
  const statuses = checkScreens(course).map((screen) => checkProgress(course, screen, state));
  return {
    sections: unfinishedSections(course, state),
    passNeeded: passRule && statuses.some((s) => s.canRetake),
    failedForGood: passRule && knowledgeScore(course, state).passed === false,
  };
}

export function computeOutcome(course: Course, state: LearnerState): Outcome {
  const ids = allScreenIds(course);
  const done = new Set(state.completedScreens);
  const doneCount = ids.filter((id) => done.has(id)).length;
  const score = knowledgeScore(course, state);
  const allSectionsDone = doneCount === ids.length;
  // A course without scored questions cannot be failed: the pass part of the rule does not apply to it. `passed` is
  // false only once the learner has failed for good (knowledge.ts), as the Outcome contract asks.
  const passRuleMet = course.completion.rule === 'all-sections' || score.total === 0 || score.passed === true;
  return {
    completed: allSectionsDone && passRuleMet,
    passed: score.passed,
    scaled: score.scaled,
    progress: ids.length === 0 ? 1 : doneCount / ids.length,
  };
}

export function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.completed === b.completed && a.passed === b.passed && a.scaled === b.scaled && a.progress === b.progress;
}
