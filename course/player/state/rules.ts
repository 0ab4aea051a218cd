// The course's logic as the frame and the session use it: applying the learner's actions (state/reduce.ts), what the
// LMS is told of them (state/reports.ts), the outcome, and when a screen is started. All of it reads the course's
// structure, which a first launch's config.js leaves out (build/course-parts.ts), so it comes in a chunk with it
// (state/course-rules.ts, fetched by app/course-parts.ts): nothing asks for it before the structure is in place (the
// session begins then, a move waits for it, the section menu shows nothing started meanwhile), and the first screen
// does not carry it.
import type { Course, Screen } from '../../model/types.ts';
import type { AnswerRecord, Outcome } from '../../runtime/tracker.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import type { PlayerAction } from './actions.ts';
import type { CourseMap } from '../logic/course-map.ts';
import type { Applied } from './reduce.ts';

export interface ReduceContext {
  course: Course;
  map: CourseMap;
}

export function reduceContext(course: Course, map: CourseMap): ReduceContext {
  return { course, map };
}

export interface CourseRules {
  /** Applies an action, and says once what the tracker is told of it (state/reduce.ts). */
  applyAction(context: ReduceContext, state: LearnerState, action: PlayerAction): Applied;
  ratingRecord(context: ReduceContext, phase: 'before' | 'after', itemId: string, rating: number, latencyMs: number): AnswerRecord | null;
  computeOutcome(course: Course, state: LearnerState): Outcome;
  isScreenStarted(screen: Screen, state: LearnerState): boolean;
}

// Code, not state: the logic is pure and knows no course, so one copy serves every session on the page.
let rules: CourseRules | null = null;

/** Hands the logic over once its chunk has come (app/course-parts.ts, with the course's structure). */
export function provideCourseRules(provided: CourseRules): void {
  rules = provided;
}

/** The logic. Only code that runs once the structure is in place asks for it, so its absence is a bug, said plainly. */
export function courseRules(): CourseRules {
  if (!rules) throw new Error('the course logic (state/course-rules.ts) was asked for before it, and the course structure, had come');
  return rules;
}
