// Picks the frame's catalogue (part 1, what the first screen needs) for the course's language. A translation adds
// its tag to languages.ts and one entry here, in screens.ts and in pages.ts (TypeScript names any it forgot).
import { enGB, type FrameStrings } from './en-GB.ts';
import { inLanguage, type PlayerLanguage } from './languages.ts';

const catalogues: Record<PlayerLanguage, FrameStrings> = { 'en-GB': enGB };

/** The build has refused a course in a language the player has no words for; en-GB stands in for a hand-made config. */
export function frameStringsFor(language: string): FrameStrings {
  return inLanguage(language, catalogues);
}
