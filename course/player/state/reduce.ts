// Applies a learner's action to their state. Pure: the same course, state and action always give the same result,
// and an action that changes nothing returns the very same state object (so nothing is saved for it). A move is
// applied here, everything else by answers.ts. Part of the course-logic chunk (state/rules.ts): the session applies
// actions once the course's structure, which they read, has come.
import type { Screen } from '../../types.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import type { PlayerAction } from './actions.ts';
import type { ReduceContext } from './rules.ts';
import { isDoneOnVisit, meetsScreenRule } from '../logic/screen-completion.ts';
import { applyAnswer, answerScreen } from './answers.ts';

export type { ReduceContext } from './rules.ts';
export { reduceContext } from './rules.ts';

export function reduce(context: ReduceContext, state: LearnerState, action: PlayerAction): LearnerState {
  if (action.type === 'go-to') {
    const screen = context.map.byId.get(action.screenId)?.screen;
    const next = screen ? goTo(state, screen) : state;
    return next === state ? state : markDone(context, next, screen);
  }
  const next = applyAnswer(context, state, action);
  return next === state ? state : markDone(context, next, answerScreen(context, action));
}

function goTo(state: LearnerState, screen: Screen): LearnerState {
  const visitDone = isDoneOnVisit(screen) && !state.completedScreens.includes(screen.id);
  if (state.location === screen.id && !visitDone) return state;
  return {
    ...state,
    location: screen.id,
    completedScreens: visitDone ? [...state.completedScreens, screen.id] : state.completedScreens,
  };
}

function markDone(context: ReduceContext, state: LearnerState, screen: Screen | undefined): LearnerState {
  if (!screen || state.completedScreens.includes(screen.id)) return state;
  if (!meetsScreenRule(context.course, screen, state)) return state;
  return { ...state, completedScreens: [...state.completedScreens, screen.id] };
}
