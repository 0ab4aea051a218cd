// The build refuses a target whose learner state cannot be kept within the standard's resume-data limit
// (SCORM 1.2: 4,096 characters), instead of letting an LMS truncate a learner's work months later. The rule itself
// (including how reflections share the room SCORM 1.2 leaves) lives with the state codec, which the player enforces.
import type { Course, StandardId, Variant } from '../course/model/types.ts';
import { planStateBudget } from '../course/runtime/state/budget.ts';

/** One message per refused target; empty when the state fits. */
export function checkStateBudget(course: Course, variant: Variant, standard: StandardId): string[] {
  const plan = planStateBudget(course, standard);
  return plan.ok ? [] : [`variant "${variant.id}", ${plan.message}`];
}
