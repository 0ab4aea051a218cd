// The whole catalogue, part 3 included (strings/pages.ts: the knowledge check, summary, certificate, reflections
// export, resource pages and lived-experience page). A module of its own, so that only the chunks of those screens
// and views carry part 3, never the film screen's.
import type { FrameStrings } from '../strings/en-GB.ts';
import type { Strings } from '../strings/index.ts';
import { pageStringsFor } from '../strings/pages.ts';
import { wordsLanguage } from '../strings/languages.ts';
import { usePlayer } from './player-context.ts';
import { useStrings } from './use-strings.ts';

/** One merged object per frame catalogue, so that every render hands out the same one. */
const merged = new WeakMap<FrameStrings, Strings>();

export function usePageStrings(): Strings {
  const base = useStrings();
  const { t, session } = usePlayer();
  let all = merged.get(t);
  if (!all) {
    all = { ...base, ...pageStringsFor(wordsLanguage(session.config)) };
    merged.set(t, all);
  }
  return all;
}
