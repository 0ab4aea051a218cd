// The languages the player has its own words in (the three catalogues of each: frame, screens, pages). The build
// refuses a course or variant in any other language (build/course/cross-check.ts, variant.ts), so the player never
// falls back silently to another language's words; each picker here only resolves a tag to the catalogue it names.
import type { RuntimeConfig } from '../../model/types.ts';

export const PLAYER_LANGUAGES = ['en-GB'] as const;

export type PlayerLanguage = (typeof PLAYER_LANGUAGES)[number];

/**
 * The pseudo-locale (the conventional tag for one): en-GB's words accented, lengthened and bracketed
 * (pseudo-locale.ts), so a build in it shows every word that does not come from a catalogue. A variant may ask for
 * it; a course never is in it.
 */
export const PSEUDO_LOCALE = 'en-XA';

/** The player language for a course's language tag (exact, case-insensitive), or null when there is none. */
export function playerLanguage(tag: string): PlayerLanguage | null {
  return PLAYER_LANGUAGES.find((language) => language.toLowerCase() === tag.toLowerCase()) ?? null;
}

/** Exactly the tag (the build refuses it in another letter case): a short test, as it is on the first screen's path. */
export const isPseudoLocale = (tag: string): boolean => tag === PSEUDO_LOCALE;

/** The language of the player's own words: the variant's, else the course's. */
export const wordsLanguage = (config: RuntimeConfig): string => config.variant.language ?? config.course.language;

let pseudoLocalise: (<T extends object>(catalogue: T) => T) | undefined;

/**
 * Fetches what the language's words need before the first screen: nothing for a language with catalogues of its own;
 * for the pseudo-locale its transform, a chunk of its own, so an English package neither carries nor loads it.
 */
export async function loadWords(tag: string): Promise<void> {
  if (tag === PSEUDO_LOCALE) pseudoLocalise = (await import('./pseudo-locale.ts')).pseudoLocalise;
}

/** A catalogue (any part) in the language `tag`: the pseudo-locale's words are en-GB's, transformed, once loaded. */
export function inLanguage<T extends object>(tag: string, catalogues: Record<PlayerLanguage, T>): T {
  const own = catalogues[playerLanguage(tag) ?? 'en-GB'];
  return pseudoLocalise && tag === PSEUDO_LOCALE ? pseudoLocalise(own) : own;
}
