// Applies a learner's action to their state. Pure: the same course, state and action always give the same result,
// and an action that changes nothing returns the very same state object (so nothing is saved for it).
// A move (go-to) is applied here. Every other action comes from a screen after the welcome screen, and is applied by
// the answer logic (answers.ts), a chunk those screens bring: a first screen only navigates, so the first load does
// not carry the marking of answers (issue 16).
import type { Course, Screen } from '../../types.ts';
import type { AnswerRecord } from '../../runtime/tracker.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import type { PlayerAction } from './actions.ts';
import type { CourseMap } from '../logic/course-map.ts';
import { courseRules } from './rules.ts';

export interface ReduceContext {
  course: Course;
  map: CourseMap;
}

export type AnswerAction = Exclude<PlayerAction, { type: 'go-to' }>;

/** What answers.ts provides: applying an action other than a move, and what the LMS hears of it. */
export interface AnswerLogic {
  apply(context: ReduceContext, state: LearnerState, action: AnswerAction): LearnerState;
  /** The screen the action concerns, whose own completion rule is checked afterwards. */
  screenOf(context: ReduceContext, action: AnswerAction): Screen | undefined;
  /** The interaction reported for the action (state/reports.ts), if any. */
  record(context: ReduceContext, action: AnswerAction, before: LearnerState, after: LearnerState): AnswerRecord | null;
}

// Code, not state: the logic is pure and knows no course, so one copy serves every session on the page.
let answerLogic: AnswerLogic | null = null;

/** Hands the answer logic over once its chunk has come (app/ScreenView.tsx, before any screen that dispatches). */
export function provideAnswerLogic(logic: AnswerLogic): void {
  answerLogic = logic;
}

/** The answer logic. Only a screen that has brought it can dispatch an answer, so its absence is a bug, said plainly. */
export function requireAnswerLogic(): AnswerLogic {
  if (!answerLogic) throw new Error('a learner action other than a move came before the answer logic (state/answers.ts) was loaded');
  return answerLogic;
}

export function reduceContext(course: Course, map: CourseMap): ReduceContext {
  return { course, map };
}

export function reduce(context: ReduceContext, state: LearnerState, action: PlayerAction): LearnerState {
  if (action.type === 'go-to') {
    const screen = context.map.byId.get(action.screenId)?.screen;
    const next = screen ? goTo(state, screen) : state;
    return next === state ? state : markDone(context, next, screen);
  }
  const logic = requireAnswerLogic();
  const next = logic.apply(context, state, action);
  return next === state ? state : markDone(context, next, logic.screenOf(context, action));
}

function goTo(state: LearnerState, screen: Screen): LearnerState {
  const visitDone = courseRules().isDoneOnVisit(screen) && !state.completedScreens.includes(screen.id);
  if (state.location === screen.id && !visitDone) return state;
  return {
    ...state,
    location: screen.id,
    completedScreens: visitDone ? [...state.completedScreens, screen.id] : state.completedScreens,
  };
}

function markDone(context: ReduceContext, state: LearnerState, screen: Screen | undefined): LearnerState {
  if (!screen || state.completedScreens.includes(screen.id)) return state;
  if (!courseRules().meetsScreenRule(context.course, screen, state)) return state;
  return { ...state, completedScreens: [...state.completedScreens, screen.id] };
}
