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
}

export function emptyLearnerState(firstScreenId: string): LearnerState {
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
  };
}
