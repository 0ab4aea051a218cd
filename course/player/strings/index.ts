// The whole catalogue for a language, all three parts together, for code outside the player (tests, tools) that looks
// up the player's words. The player itself takes the frame's part (frame.ts) at start and the rest with its lazy
// screens (screens.ts, app/use-strings.ts), so that the first screen downloads only what it shows.
import type { FrameStrings } from './en-GB.ts';
import type { ScreenStrings } from './en-GB.screens.ts';
import type { PageStrings } from './en-GB.pages.ts';
import { frameStringsFor } from './frame.ts';
import { screenStringsFor } from './screens.ts';
import { pageStringsFor } from './pages.ts';
import { isPseudoLocale } from './languages.ts';
import { pseudoLocalise } from './pseudo-locale.ts';

export type Strings = FrameStrings & ScreenStrings & PageStrings;

/** Every word, in `language`; the pseudo-locale's at once (the player loads its transform first: languages.ts). */
export function stringsFor(language: string): Strings {
  const strings = { ...frameStringsFor(language), ...screenStringsFor(language), ...pageStringsFor(language) };
  return isPseudoLocale(language) ? pseudoLocalise(strings) : strings;
}

export type { FrameStrings, ScreenStrings, PageStrings };
