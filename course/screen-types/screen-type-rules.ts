// What a screen type's rules (`<type>/rules.ts`, the course-logic tier) say, and the shapes the reducer reads them
// through: when a screen of the type is done or started, and the actions it owns, each applied as an Effect. The
// interactions it reports are interactions.ts's. Registered once per type in rules.ts.
import type { Course, Screen } from '../model/types.ts';
import type { AnswerRecord } from '../runtime/tracker.ts';
import type { LearnerState } from '../runtime/state/learner-state.ts';
import type { PlayerAction } from '../player/state/actions.ts';
import type { ReduceContext } from '../player/state/rules.ts';
import type { ScreenOf, ScreenType } from './screen-type.ts';

export interface ScreenRules<T extends ScreenType> {
  /**
   * When a screen of the type is done: on arrival, for one that asks only to be read ('visit'); when whoever sees it
   * happen says so ('told': the film's watched share, which the film's controller measures); or once the state meets
   * the type's own rule. Only the first two are not derivable from the state, so for them only the recorded
   * completion counts.
   */
  completion: 'visit' | 'told' | ((course: Course, screen: ScreenOf<T>, state: LearnerState) => boolean);
  /** Whether the learner has done anything on it short of finishing (the menu's "In progress"); absent: never. */
  isStarted?(screen: ScreenOf<T>, state: LearnerState): boolean;
}

/** What an action did, found as it was applied (player/state/reduce.ts turns it into reports). */
export interface Effect {
  /** The state after the action; the very same object when it changed nothing. */
  state: LearnerState;
  /** The answer the tracker hears, with its question's options; null for work that is no answer. */
  answer: AnswerRecord | null;
  /** The screen the action concerns, whose rule is checked once it is applied; none for work that completes nothing. */
  screen?: Screen | undefined;
  /** Whether the action's screen now meets its own rule, where the action knows it (a scenario's end, the film watched). */
  ruleMet?: boolean;
  /** The action changed what a knowledge check's score reads (an answer counted, a retake), so the outcome may change. */
  marks: boolean;
}

export type ActionType = PlayerAction['type'];
/** Everything but a move: the actions screen types own. */
export type ScreenAction = Exclude<PlayerAction, { type: 'go-to' }>;
export type ActionOf<K extends ActionType> = Extract<PlayerAction, { type: K }>;

/** How one kind of action is applied, by the screen type that owns it (a move, by the reducer). */
export type ActionRule<A extends PlayerAction> = (context: ReduceContext, state: LearnerState, action: A) => Effect;

/** The rules for a set of action types, one each. */
export type ActionRules<K extends ActionType> = { [A in K]: ActionRule<ActionOf<A>> };

export function unchanged(state: LearnerState): Effect {
  return { state, answer: null, marks: false };
}

/** The screen an action names by id. */
export function namedScreen(context: ReduceContext, action: { screenId: string }): Screen | undefined {
  return context.map.byId.get(action.screenId)?.screen;
}

/** The record without the keys, or the very same record when it holds none of them (so nothing reads as changed). */
export function withoutKeys<T>(record: Record<string, T>, keys: Iterable<string>): Record<string, T> {
  const drop = new Set(keys);
  if (!Object.keys(record).some((key) => drop.has(key))) return record;
  return Object.fromEntries(Object.entries(record).filter(([key]) => !drop.has(key)));
}
