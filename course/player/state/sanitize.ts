// A saved state is untrusted input: it may come from an older course version, a salvaged corrupt string or an LMS
// that mangled it. This keeps only what still fits the course, so no screen ever renders from an impossible state.
// What each screen type keeps is cleaned by its resume tier (course/screen-types/<type>/resume.ts).
import type { Course } from '../../model/types.ts';
import { emptyLearnerState, NO_SEED, SEED_LIMIT, type LearnerState } from '../../runtime/state/learner-state.ts';
import type { ScreenType } from '../../screen-types/screen-type.ts';
import type { ScreenTypeResume } from '../../screen-types/screen-type-resume.ts';
import { screenTypesResume } from '../../screen-types/resume.ts';
import { firstScreenId, type CourseMap } from '../logic/course-map.ts';

export function sanitizeState(course: Course, map: CourseMap, state: LearnerState): LearnerState {
  const seconds = state.secondsSpent;
  const kept: LearnerState = {
    ...emptyLearnerState(
      map.byId.has(state.location) ? state.location : firstScreenId(map),
      Number.isInteger(state.seed) && state.seed >= 0 && state.seed < SEED_LIMIT ? state.seed : NO_SEED,
    ),
    completedScreens: [...new Set(state.completedScreens.filter((id) => map.byId.has(id)))],
    secondsSpent: typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0,
  };
  for (const resume of Object.values(screenTypesResume) as ScreenTypeResume<ScreenType>[]) resume.clean?.(state, kept, course, map);
  return kept;
}
