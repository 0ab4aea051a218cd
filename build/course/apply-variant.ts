// A variant's overrides applied to the course: a new Course value, the inputs untouched.
import type { CompletionRules, Course, Variant } from '../../course/model/types.ts';

/** Course with the variant's overrides applied (pure). */
export function applyVariant(course: Course, variant: Variant): Course {
  const overrides = variant.completion ?? {};
  const completion: CompletionRules = { ...course.completion };
  // Copy only overrides that are present: an explicit undefined must not erase the course's own value.
  if (overrides.passMark !== undefined) completion.passMark = overrides.passMark;
  if (overrides.filmWatchedPercent !== undefined) completion.filmWatchedPercent = overrides.filmWatchedPercent;
  if (overrides.allowSkipAhead !== undefined) completion.allowSkipAhead = overrides.allowSkipAhead;
  return { ...course, completion };
}
