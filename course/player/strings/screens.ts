// Picks the catalogue of the later screens (part 2) for the course's language. Only the lazy screens and views import
// this, so it travels in their chunks, never in the first screen's.
import { enGBScreens, type ScreenStrings } from './en-GB.screens.ts';
import { inLanguage, type PlayerLanguage } from './languages.ts';

const catalogues: Record<PlayerLanguage, ScreenStrings> = { 'en-GB': enGBScreens };

export function screenStringsFor(language: string): ScreenStrings {
  return inLanguage(language, catalogues);
}
