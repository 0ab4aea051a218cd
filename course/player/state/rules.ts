// The course's rules as the frame and the session use them: the outcome, and when a screen is done or started. They
// read the course's structure, which a first launch's config.js leaves out (build/course-parts.ts), so they come in a
// chunk with it (state/course-rules.ts, fetched by app/course-parts.ts): nothing asks for them before the structure
// is in place (the session begins then, and the section menu waits for it), and the first screen does not carry them.
import type { Course, Screen } from '../../types.ts';
import type { Outcome } from '../../runtime/tracker.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';

export interface CourseRules {
  computeOutcome(course: Course, state: LearnerState): Outcome;
  sameOutcome(a: Outcome, b: Outcome): boolean;
  isDoneOnVisit(screen: Screen): boolean;
  meetsScreenRule(course: Course, screen: Screen, state: LearnerState): boolean;
  isScreenStarted(screen: Screen, state: LearnerState): boolean;
}

// Code, not state: the rules are pure and know no course, so one copy serves every session on the page.
let rules: CourseRules | null = null;

/** Hands the rules over once their chunk has come (app/course-parts.ts, with the course's structure). */
export function provideCourseRules(provided: CourseRules): void {
  rules = provided;
}

/** The rules. Only code that runs once the structure is in place asks for them, so their absence is a bug, said plainly. */
export function courseRules(): CourseRules {
  if (!rules) throw new Error('the course rules (state/course-rules.ts) were asked for before they, and the course structure, had come');
  return rules;
}
