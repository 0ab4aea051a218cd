// The catalogue for the screens and views that load after the first one: the frame's part from the player's
// context, the rest from strings/screens.ts, which importing this hook brings into the caller's chunk. The knowledge
// check, summary and pages outside the course's flow use use-page-strings.ts, which adds part 3.
import type { FrameStrings } from '../strings/en-GB.ts';
import type { ScreenStrings } from '../strings/en-GB.screens.ts';
import { screenStringsFor } from '../strings/screens.ts';
import { wordsLanguage } from '../strings/languages.ts';
import { usePlayer } from './player-context.ts';

/** One merged object per frame catalogue, so that every render hands out the same one. */
const merged = new WeakMap<FrameStrings, FrameStrings & ScreenStrings>();

export function useStrings(): FrameStrings & ScreenStrings {
  const { t, session } = usePlayer();
  let all = merged.get(t);
  if (!all) {
    all = { ...t, ...screenStringsFor(wordsLanguage(session.config)) };
    merged.set(t, all);
  }
  return all;
}
