// Picks the catalogue of the knowledge check, summary and pages outside the course's flow (part 3) for the course's
// language. Only those screens and views import this, so it travels in their chunks, never in the film screen's.
import { enGBPages, type PageStrings } from './en-GB.pages.ts';
import { inLanguage, type PlayerLanguage } from './languages.ts';

const catalogues: Record<PlayerLanguage, PageStrings> = { 'en-GB': enGBPages };

export function pageStringsFor(language: string): PageStrings {
  return inLanguage(language, catalogues);
}
