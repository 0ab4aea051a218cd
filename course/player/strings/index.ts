// Picks the catalogue for the course's language. Only en-GB exists today; a translation adds one import and one entry.
import { enGB, type Strings } from './en-GB.ts';

const catalogues: Record<string, Strings> = { 'en-GB': enGB };

export function stringsFor(language: string): Strings {
  return catalogues[language] ?? catalogues[language.split('-')[0] ?? ''] ?? enGB;
}

export type { Strings };
