// Narration to caption cues: sentences, then cues of at most two short lines, timed by words.
import { breakCost, charCount, splitWords, wrapBalanced } from './text-wrap.ts';
import { escapeVttText, type VttCue } from './vtt.ts';
import { samplesToMs, type Timeline } from './timeline.ts';

export interface CaptionLimits {
  /** Longest caption line, in characters (42 is the usual broadcast and web limit). */
  maxLineChars: number;
  /** Most lines on screen at once. */
  maxLines: number;
}

export const DEFAULT_CAPTION_LIMITS: CaptionLimits = { maxLineChars: 42, maxLines: 2 };

/**
 * Splits narration into sentences at ".", "!" or "?" followed by a space and a capital letter,
 * a digit or an opening quote. Captions are segmented by sentence first, because a cue that
 * straddles two sentences is harder to follow. (Abbreviations such as "e.g." are not special-cased:
 * the script avoids them.)
 */
export function splitSentences(narration: string): string[] {
  return narration
    .trim()
    .split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** One caption's worth of a sentence, already wrapped into lines. */
export interface CaptionChunk {
  lines: string[];
  wordCount: number;
}

/**
 * Cuts a sentence into the fewest caption chunks that each fit the limits, choosing among equally
 * few chunks the cut at the most natural break (after a clause, not after "a" or "the") with the
 * most even lengths.
 */
export function chunkSentence(sentence: string, limits: CaptionLimits = DEFAULT_CAPTION_LIMITS): CaptionChunk[] {
  const words = splitWords(sentence);
  if (words.length === 0) return [];
  const n = words.length;
  const fits = (from: number, to: number): string[] | null => {
    const lines = wrapBalanced(words.slice(from, to).join(' '), limits.maxLineChars);
    return lines !== null && lines.length <= limits.maxLines ? lines : null;
  };

  // best[end]: cheapest way to caption words 0..end-1. Cost favours fewer chunks first, then
  // natural breaks, then even lengths (sum of squared chunk lengths). Break costs are scaled up
  // because chunk lengths (up to ~84 characters) square to larger numbers than line slack does.
  const CHUNK_COST = 1_000_000;
  const BREAK_WEIGHT = 5;
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    for (let start = end - 1; start >= 0; start--) {
      if (best[start] === Infinity) continue;
      if (fits(start, end) === null) break; // adding earlier words only makes it longer
      const length = charCount(words.slice(start, end).join(' '));
      const cost = best[start]! + CHUNK_COST + length * length + (end < n ? BREAK_WEIGHT * breakCost(words[end - 1]!) : 0);
      if (cost < best[end]!) {
        best[end] = cost;
        from[end] = start;
      }
    }
    if (best[end] === Infinity) {
      throw new RangeError(`"${words[end - 1]}" is too long for a caption line of ${limits.maxLineChars} characters`);
    }
  }

  const chunks: CaptionChunk[] = [];
  for (let end = n; end > 0; end = from[end]!) {
    const start = from[end]!;
    chunks.unshift({ lines: fits(start, end)!, wordCount: end - start });
  }
  return chunks;
}

/**
 * Spreads chunks over [startMs, endMs] in proportion to their word counts, end to end, so no
 * two cues overlap and there are no gaps inside a sentence.
 */
export function timeChunks(chunks: readonly CaptionChunk[], startMs: number, endMs: number): VttCue[] {
  const totalWords = chunks.reduce((sum, chunk) => sum + chunk.wordCount, 0);
  if (totalWords === 0) return [];
  if (endMs - startMs < chunks.length) throw new RangeError('not enough time for these captions');
  const cues: VttCue[] = [];
  let wordsBefore = 0;
  for (const chunk of chunks) {
    const cueStart = startMs + Math.round(((endMs - startMs) * wordsBefore) / totalWords);
    wordsBefore += chunk.wordCount;
    const cueEnd = startMs + Math.round(((endMs - startMs) * wordsBefore) / totalWords);
    cues.push({ startMs: cueStart, endMs: cueEnd, text: chunk.lines.map(escapeVttText).join('\n') });
  }
  return cues;
}

export interface CaptionTimingOptions {
  /** How long the last caption of a scene stays up after the voice stops (never past the scene). */
  lingerMs: number;
  limits: CaptionLimits;
}

/**
 * Caption cues for the whole film. Within a scene, each sentence's captions run while it is spoken;
 * a caption stays up through the short pause to the next sentence rather than blinking off,
 * and the scene's last caption lingers briefly into the silence at the end of the scene.
 */
export function buildCaptionCues(timeline: Timeline, options: CaptionTimingOptions): VttCue[] {
  const ms = (samples: number): number => samplesToMs(samples, timeline.sampleRate);
  const cues: VttCue[] = [];
  for (const scene of timeline.scenes) {
    scene.sentences.forEach((sentence, index) => {
      const next = scene.sentences[index + 1];
      const end = next ? ms(next.startSample) : Math.min(ms(sentence.endSample) + options.lingerMs, ms(scene.endSample));
      const spoken = timeChunks(chunkSentence(sentence.text, options.limits), ms(sentence.startSample), ms(sentence.endSample));
      // Proportional timing covers the speech; the final cue of the sentence absorbs the pause after it.
      const last = spoken[spoken.length - 1];
      if (last) last.endMs = end;
      cues.push(...spoken);
    });
  }
  return cues.map((cue, index) => ({ ...cue, id: `caption-${index + 1}` }));
}
