// When a screen counts as done. Screens that only ask to be read are done once shown; the others have a rule of
// their own. A screen once done stays done (the learner replaying a scenario does not lose the tick).
import type { Course, Screen } from '../../model/types.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import { replayPath } from './scenario.ts';
import { attemptOf, checkProgress } from './knowledge.ts';

/** Screen types that are done as soon as the learner has seen them. */
export function isDoneOnVisit(screen: Screen): boolean {
  return screen.type === 'welcome' || screen.type === 'voices' || screen.type === 'reflection' || screen.type === 'summary';
}

/**
 * Whether the state meets the screen's own rule (visits and the film's watched share are decided by whoever sees
 * them happen, so they are not derivable here and only the recorded completion counts).
 */
export function meetsScreenRule(course: Course, screen: Screen, state: LearnerState): boolean {
  switch (screen.type) {
    case 'scenario':
      return replayPath(screen, state.scenarioPaths[screen.id] ?? []).ended;
    case 'knowledge-check': {
      // Done once decided: passed, or every attempt used. An attempt below the pass mark with another to come is not
      // done, so the menu never ticks a check the learner still has to retake.
      const status = checkProgress(course, screen, state);
      return status.passed || status.failedForGood;
    }
    case 'confidence': {
      const ratings = state.confidence[screen.phase];
      return course.confidence.items.every((item) => ratings[item.id] !== undefined);
    }
    case 'welcome':
    case 'film':
    case 'voices':
    case 'reflection':
    case 'summary':
      return state.completedScreens.includes(screen.id);
  }
}

/** Whether the learner has done anything on a screen yet: the menu says "In progress" rather than "Not started". */
export function isScreenStarted(screen: Screen, state: LearnerState): boolean {
  if (state.completedScreens.includes(screen.id)) return true;
  switch (screen.type) {
    case 'film':
      return state.film.played.length > 0;
    case 'scenario':
      return (state.scenarioPaths[screen.id]?.length ?? 0) > 0;
    case 'knowledge-check':
      return attemptOf(screen, state) > 1 || screen.questions.some((question) => (state.attempts[question.id] ?? 0) > 0);
    case 'reflection':
      return screen.prompts.some((prompt) => (state.reflections[prompt.id] ?? '') !== '');
    case 'confidence':
      return Object.keys(state.confidence[screen.phase]).length > 0;
    case 'welcome':
    case 'voices':
    case 'summary':
      return false;
  }
}
