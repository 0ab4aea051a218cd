// Picks the frame's catalogue (part 1, what the first screen needs) for the course's language. Only en-GB exists
// today; a translation adds one import and one entry here and in screens.ts.
import { enGB, type FrameStrings } from './en-GB.ts';

const catalogues: Record<string, FrameStrings> = { 'en-GB': enGB };

export function frameStringsFor(language: string): FrameStrings {
  return catalogues[language] ?? catalogues[language.split('-')[0] ?? ''] ?? enGB;
}
