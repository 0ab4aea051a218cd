// Flesch–Kincaid grade level of the course's learner-facing text, for bench/readability.bench.ts. The usual formula,
// 0.39 × words per sentence + 11.8 × syllables per word − 15.59, with the usual heuristic for syllables (vowel groups,
// less a silent final "e" or "-es"/"-ed"), which is what readability tools use for English. Each text counts as at
// least one sentence, so short labels and list items (which have no full stop) are not run together.
import type { Course } from '../../../course/model/types.ts';
import { learnerTexts } from './learner-text.ts';
import { perScreenType, screenTypeBuild } from '../../../course/screen-types/build.ts';

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch–Kincaid grade level; NaN with no words. */
  grade: number;
}

export function syllablesIn(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') return 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, w.match(/[aeiouy]{1,2}/g)?.length ?? 1);
}

export function measure(texts: readonly string[]): Readability {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const text of texts) {
    for (const block of text.split(/\n+/)) {
      const tokens = block.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token));
      if (tokens.length === 0) continue;
      words += tokens.length;
      syllables += tokens.reduce((sum, token) => sum + (/\p{L}/u.test(token) ? syllablesIn(token) : 1), 0);
      sentences += Math.max(1, (block.match(/[.!?]+(?=\s|$|["”’)])/g) ?? []).length);
    }
  }
  const grade = words === 0 ? Number.NaN : 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
  return { words, sentences, syllables, grade };
}

/**
 * The course's learner-facing text by part (a screen's text under its type's reading part), with the words quoted from
 * real people (not ours to simplify) apart.
 */
export function textsByPart(course: Course): Map<string, string[]> {
  const quoted = new Set(perScreenType(course, (build, screens) => build.quotedTexts?.(screens) ?? []).flat());
  const parts = new Map<string, string[]>();
  const add = (part: string, text: string) => parts.set(part, [...(parts.get(part) ?? []), text]);
  for (const { pointer, text } of learnerTexts(course)) {
    if (quoted.has(pointer)) {
      add('quoted voices (the campaign’s own words)', text);
      continue;
    }
    const screenMatch = /^\/sections\/(\d+)\/screens\/(\d+)/.exec(pointer);
    if (screenMatch) {
      const screen = course.sections[Number(screenMatch[1])]?.screens[Number(screenMatch[2])];
      add(screen ? (screenTypeBuild(screen.type).readingPart ?? screen.type) : 'other', text);
    } else {
      add(pointer.split('/')[1] ?? 'course', text);
    }
  }
  return parts;
}
