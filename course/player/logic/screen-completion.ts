// When a screen counts as done. Screens that only ask to be read are done once shown; the others have a rule of
// their own. A screen once done stays done (the learner replaying a scenario does not lose the tick).
import type { Course, Screen } from '../../types.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import { replayPath } from './scenario.ts';

/** Screen types that are done as soon as the learner has seen them. */
export function isDoneOnVisit(screen: Screen): boolean {
  return screen.type === 'welcome' || screen.type === 'reflection' || screen.type === 'supervision-guide' || screen.type === 'summary';
}

/**
 * Whether the state meets the screen's own rule (visits and the film's watched share are decided by whoever sees
 * them happen, so they are not derivable here and only the recorded completion counts).
 */
export function meetsScreenRule(course: Course, screen: Screen, state: LearnerState): boolean {
  switch (screen.type) {
    case 'scenario':
      return replayPath(screen, state.scenarioPaths[screen.id] ?? []).ended;
    case 'knowledge-check':
      return screen.questions.every((question) => (state.attempts[question.id] ?? 0) > 0);
    case 'confidence': {
      const ratings = state.confidence[screen.phase];
      return course.confidence.items.every((item) => ratings[item.id] !== undefined);
    }
    case 'welcome':
    case 'film':
    case 'reflection':
    case 'supervision-guide':
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
      return screen.questions.some((question) => (state.attempts[question.id] ?? 0) > 0);
    case 'reflection':
      return screen.prompts.some((prompt) => (state.reflections[prompt.id] ?? '') !== '');
    case 'confidence':
      return Object.keys(state.confidence[screen.phase]).length > 0;
    case 'welcome':
    case 'supervision-guide':
    case 'summary':
      return false;
  }
}
