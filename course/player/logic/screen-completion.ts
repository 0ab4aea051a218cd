// When a screen counts as done, and when it is started, each by its own type's rules (course/screen-types/rules.ts).
// A screen once done stays done (the learner replaying a scenario does not lose the tick).
import type { Course, Screen } from '../../model/types.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import { rulesOf } from '../../screen-types/rules.ts';

/** Whether the screen is done as soon as the learner has seen it. */
export function isDoneOnVisit(screen: Screen): boolean {
  return rulesOf(screen).completion === 'visit';
}

/**
 * Whether the state meets the screen's own rule (visits and the film's watched share are decided by whoever sees
 * them happen, so they are not derivable here and only the recorded completion counts).
 */
export function meetsScreenRule(course: Course, screen: Screen, state: LearnerState): boolean {
  const { completion } = rulesOf(screen);
  return typeof completion === 'function' ? completion(course, screen, state) : state.completedScreens.includes(screen.id);
}

/** Whether the learner has done anything on a screen yet: the menu says "In progress" rather than "Not started". */
export function isScreenStarted(screen: Screen, state: LearnerState): boolean {
  return state.completedScreens.includes(screen.id) || (rulesOf(screen).isStarted?.(screen, state) ?? false);
}
