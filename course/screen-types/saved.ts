// The saved tier's registry: what each screen type keeps of the learner's state (screen-type-saved.ts). The state
// codec's layout (course/runtime/state/course-layout.ts) walks it; it travels with the codec, so nothing here imports
// the player or Preact. Whether a screen is done and where the learner is are kept for every type alike.
import type { ScreenType } from './screen-type.ts';
import type { ScreenTypeSaved } from './screen-type-saved.ts';
import { filmSaved } from './film/saved.ts';
import { scenarioSaved } from './scenario/saved.ts';
import { knowledgeCheckSaved } from './knowledge-check/saved.ts';
import { reflectionSaved } from './reflection/saved.ts';
import { confidenceSaved } from './confidence/saved.ts';

/** A type whose screens keep nothing beyond being done and being where the learner is. */
const KEEPS_NOTHING = {};

/**
 * The parts of a section's structure tag after its id and its screens, in order: what the scenario paths, the
 * questions (a slot the film's and the checks' questions share), the confidence ratings, the film and the checks'
 * draws point into. The order is part of the saved format: changing it changes every section's tag, and every
 * learner's progress would restart. A type keeping a new kind of state adds its part at the end.
 */
export const STRUCTURE_ORDER = ['scenario', 'questions', 'confidence', 'film', 'knowledge-check'] as const;

export const screenTypesSaved: { [T in ScreenType]: ScreenTypeSaved<T> } = {
  welcome: KEEPS_NOTHING,
  film: filmSaved,
  voices: KEEPS_NOTHING,
  scenario: scenarioSaved,
  'knowledge-check': knowledgeCheckSaved,
  reflection: reflectionSaved,
  confidence: confidenceSaved,
  summary: KEEPS_NOTHING,
};
