// The resume tier's registry: how each screen type's part of a saved state is cleaned on resume, and what starting
// its section again clears (screen-type-resume.ts). course/player/state/sanitize.ts and resume.ts walk it; it travels
// with the state codec's chunk (app/saved-progress.ts).
import type { ScreenType } from './screen-type.ts';
import type { ScreenTypeResume } from './screen-type-resume.ts';
import { filmResume } from './film/resume.ts';
import { scenarioResume } from './scenario/resume.ts';
import { knowledgeCheckResume } from './knowledge-check/resume.ts';
import { reflectionResume } from './reflection/resume.ts';
import { confidenceResume } from './confidence/resume.ts';

/** A type whose screens keep nothing to clean or clear beyond being done (saved.ts: it keeps nothing). */
const NOTHING_TO_RESUME = {};

export const screenTypesResume: { [T in ScreenType]: ScreenTypeResume<T> } = {
  welcome: NOTHING_TO_RESUME,
  film: filmResume,
  voices: NOTHING_TO_RESUME,
  scenario: scenarioResume,
  'knowledge-check': knowledgeCheckResume,
  reflection: reflectionResume,
  confidence: confidenceResume,
  summary: NOTHING_TO_RESUME,
};
