// The languages the player has its own words in (the three catalogues of each: frame, screens, pages). The build
// refuses a course in any other language (build/course/cross-check.ts), so the player never falls back silently to
// another language's words; each picker here only resolves a tag to the catalogue it names.

export const PLAYER_LANGUAGES = ['en-GB'] as const;

export type PlayerLanguage = (typeof PLAYER_LANGUAGES)[number];

/** The player language for a course's language tag (exact, case-insensitive), or null when there is none. */
export function playerLanguage(tag: string): PlayerLanguage | null {
  return PLAYER_LANGUAGES.find((language) => language.toLowerCase() === tag.toLowerCase()) ?? null;
}
