// The learner's progress as the player holds it. The codec (beside this file) turns it into the compact, versioned,
// compressed string that goes to suspend_data / the xAPI State API, and back.

export interface LearnerState {
  /** Screen id where the learner is (resume lands here). */
  location: string;
  /** Screen ids the learner has completed. */
  completedScreens: string[];
  /** Scenario screen id → the path taken: [stepId, choiceId] pairs in order. */
  scenarioPaths: Record<string, [string, string][]>;
  /** Knowledge-check or film cue question id → the option ids of the latest attempt. */
  answers: Record<string, string[]>;
  /** Question id → attempts made. */
  attempts: Record<string, number>;
  /** Reflection prompt id → the learner's text. Private by default (see Variant.reflections). */
  reflections: Record<string, string>;
  /** Confidence item id → rating (1-based point on the scale), before and after. */
  confidence: { before: Record<string, number>; after: Record<string, number> };
  /** The film: last position and the ranges actually played, in whole seconds. */
  film: { position: number; played: [number, number][] };
  /** Seconds spent in the course over all sessions (the LMS gets each session's own time separately). */
  secondsSpent: number;
  /**
   * The learner's own shuffle: which knowledge-check questions each attempt draws and the order of their options
   * follow from it, so the order is kept across resume in a few characters. NO_SEED until one is chosen.
   */
  seed: number;
  /** Knowledge-check screen id → the attempt under way (1-based; absent means 1). */
  checkAttempts: Record<string, number>;
}

/** A state whose seed has not been chosen yet (the session chooses one at random: state/resume.ts). */
export const NO_SEED = -1;
/** Seeds are whole numbers below this (31 bits, so they stay exact and short in JSON). */
export const SEED_LIMIT = 2 ** 31;

export function emptyLearnerState(firstScreenId: string, seed: number = NO_SEED): LearnerState {
  return {
    location: firstScreenId,
    completedScreens: [],
    scenarioPaths: {},
    answers: {},
    attempts: {},
    reflections: {},
    confidence: { before: {}, after: {} },
    film: { position: 0, played: [] },
    secondsSpent: 0,
    seed,
    checkAttempts: {},
  };
}

/** A seed for a learner who has none yet: from the browser's secure generator where there is one. */
export function randomSeed(): number {
  const cryptoApi = globalThis.crypto;
  if (cryptoApi?.getRandomValues) return (cryptoApi.getRandomValues(new Uint32Array(1))[0] as number) % SEED_LIMIT;
  return Math.floor(Math.random() * SEED_LIMIT);
}
