// The film's played seconds as a bitmap, six seconds per character. Its size depends only on the film's length, never
// on how the learner skipped about, so the worst case is known at build time (a list of ranges has no such bound).
import { SAFE_ALPHABET } from './hash.ts';

export type PlayedRange = [number, number];

/** Ranges [start, end] in seconds, rounded to whole seconds and clipped to the film, as a bitmap string. */
export function encodePlayed(ranges: readonly PlayedRange[], filmSeconds: number): string {
  const bits = new Uint8Array(filmSeconds);
  for (const [start, end] of ranges) {
    if (!Number.isFinite(start) || !Number.isFinite(end)) continue;
    const from = Math.max(0, Math.round(start));
    const to = Math.min(filmSeconds, Math.round(end));
    for (let second = from; second < to; second++) bits[second] = 1;
  }
  let out = '';
  for (let i = 0; i < filmSeconds; i += 6) {
    let value = 0;
    for (let j = 0; j < 6; j++) if (bits[i + j]) value |= 1 << j;
    out += SAFE_ALPHABET[value];
  }
  return out.replace(/A+$/, ''); // trailing unplayed seconds say nothing
}

/** The ranges back, merged and sorted; null when the text is not a bitmap of this film. */
export function decodePlayed(text: string, filmSeconds: number): PlayedRange[] | null {
  if (text.length > Math.ceil(filmSeconds / 6)) return null;
  const ranges: PlayedRange[] = [];
  let start = -1;
  for (let second = 0; second <= text.length * 6; second++) {
    const char = text[Math.floor(second / 6)];
    const value = char === undefined ? 0 : SAFE_ALPHABET.indexOf(char);
    if (value < 0) return null;
    const played = (value >> (second % 6)) & 1;
    if (played && second >= filmSeconds) return null;
    if (played && start < 0) start = second;
    if (!played && start >= 0) {
      ranges.push([start, second]);
      start = -1;
    }
  }
  return ranges;
}
