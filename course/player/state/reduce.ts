// Applies a learner's action to their state, and says once what happened: the answer given (with its question's
// options), the screen it completed, and so the progress and the outcome the tracker is told (state/reports.ts).
// Pure: the same course, state and action always give the same result, and an action that changes nothing returns the
// very same state object (so nothing is saved or reported for it). A move is applied here; every other action by the
// screen type that owns it (course/screen-types/rules.ts). Part of the course-logic chunk (state/rules.ts): the
// session applies actions once the course's structure, which they read, has come.
import type { Screen } from '../../model/types.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import type { PlayerAction } from './actions.ts';
import type { ReduceContext } from './rules.ts';
import type { ActionOf, ActionRule, ActionRules, ActionType, Effect } from '../../screen-types/screen-type-rules.ts';
import { namedScreen, unchanged } from '../../screen-types/screen-type-rules.ts';
import { screenActions } from '../../screen-types/rules.ts';
import { isDoneOnVisit, meetsScreenRule } from '../logic/screen-completion.ts';
import { reportsOf, type TrackerReport } from './reports.ts';

export type { ReduceContext } from './rules.ts';
export { reduceContext } from './rules.ts';

/** An action applied: the state after it and what the tracker is told of it, in that order. */
export interface Applied {
  state: LearnerState;
  reports: TrackerReport[];
}

/** A move: the new location, and a screen that asks only to be read is done on arrival. */
const move: ActionRule<ActionOf<'go-to'>> = (context, state, action) => {
  const screen = namedScreen(context, action);
  if (!screen) return unchanged(state);
  const visitDone = isDoneOnVisit(screen) && !state.completedScreens.includes(screen.id);
  if (state.location === screen.id && !visitDone) return unchanged(state);
  return { state: { ...state, location: screen.id }, answer: null, screen, marks: false, ...(visitDone ? { ruleMet: true } : {}) };
};

const actionRules: ActionRules<ActionType> = { 'go-to': move, ...screenActions };

export function applyAction(context: ReduceContext, state: LearnerState, action: PlayerAction): Applied {
  // The table pairs each action type with its own rule, which TypeScript cannot follow through the union.
  const effect = (actionRules[action.type] as ActionRule<PlayerAction>)(context, state, action);
  if (effect.state === state) return { state, reports: [] };
  const { screen } = effect;
  // At most the action's own screen becomes done: a screen once done stays done, so only a new tick is looked for.
  const done = screen && isNewlyDone(context, effect, screen) ? screen : null;
  const after = done ? { ...effect.state, completedScreens: [...effect.state.completedScreens, done.id] } : effect.state;
  return { state: after, reports: reportsOf(context, state, after, effect.answer, done, effect.marks) };
}

/** The state after an action, for whoever needs no reports (tests, the resume checks). */
export function reduce(context: ReduceContext, state: LearnerState, action: PlayerAction): LearnerState {
  return applyAction(context, state, action).state;
}

function isNewlyDone(context: ReduceContext, effect: Effect, screen: Screen): boolean {
  if (effect.state.completedScreens.includes(screen.id)) return false;
  return effect.ruleMet ?? meetsScreenRule(context.course, screen, effect.state);
}
