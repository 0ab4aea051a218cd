// What a screen type's resume tier (course/screen-types/<type>/resume.ts) holds: how the learner's state of its screens
// is cleaned when a saved state is read back (course/player/state/sanitize.ts), and what starting its section again
// clears (course/player/state/resume.ts). Both walk the registry (resume.ts) and name no type. This tier travels with
// the state codec's chunk (app/saved-progress.ts), so it may use the player's logic but never a component.
import type { Course } from '../model/types.ts';
import type { LearnerState } from '../runtime/state/learner-state.ts';
import type { CourseMap } from '../player/logic/course-map.ts';
import type { ScreenOf, ScreenType } from './screen-type.ts';

export interface ScreenTypeResume<T extends ScreenType> {
  /**
   * Copies into `kept` what of an untrusted saved state still fits the course's screens of this type (run once per
   * course, whether or not it has such a screen); what it leaves out is dropped. `kept` already holds the location,
   * the completed screens, the seed and the time spent.
   */
  clean?(saved: LearnerState, kept: LearnerState, course: Course, map: CourseMap): void;
  /** The state with one of its screens' progress cleared, when the screen's section starts again. */
  restart?(screen: ScreenOf<T>, state: LearnerState, course: Course): LearnerState;
}
