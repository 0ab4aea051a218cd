// "Every statistic carries a source": a number in learner-facing text needs a source on its object or an enclosing
// one. A simple rule, as the issue asks: digits count, except times, dates, ages, places (bay 3) and counts of the
// course's own parts; so do the usual ways of stating a statistic in words ("one in three", "per cent",
// "times more likely"). Also: every cited id names a source, every source is cited, and each screen type's own rules
// about sources hold (the "sources" of its build tier: a quoted voice names one).
import type { Course } from '../../../course/model/types.ts';
import type { CourseProblem } from '../problems.ts';
import { pointerOf } from '../problems.ts';
import { learnerTexts } from './learner-text.ts';
import { perScreenType } from '../../../course/screen-types/build.ts';

type Problem = Omit<CourseProblem, 'file'>;

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Numbers that are not claims, removed before looking for digits. */
const NOT_CLAIMS: RegExp[] = [
  /\b\d{1,2}(:\d{2})?\s?(am|pm)\b/gi, // clock times
  /\b\d{1,2}:\d{2}\b/g,
  /\b\d+(\.\d+)?\s?(seconds?|minutes?|mins?|hours?|hrs?)\b/gi, // durations
  new RegExp(`\\b\\d{1,2}(st|nd|rd|th)?\\s+(${MONTHS})\\b`, 'g'), // dates
  /\b(19|20)\d{2}\b/g, // years
  /\baged\s+\d{1,3}\b/gi, // ages
  /\b(bay|bed|room|ward)\s+\d+\b/gi, // places
  /\b(questions?|steps?|sections?|scenarios?|attempts?|pages?|parts?)\s+\d+(\s+of\s+\d+)?\b/gi, // the course's own parts
  /\b\d+\s+(questions?|steps?|sections?|scenarios?|attempts?|statements?|reflections?)\b/gi,
];
const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|\\d+)';
/** Statistics written in words. */
const CLAIM_WORDS: RegExp[] = [
  new RegExp(`\\b${NUMBER_WORD} in ${NUMBER_WORD}\\b`, 'i'),
  /\bper ?cent\b/i,
  /\btimes (more|less|as) likely\b/i,
];

/** The first part of the text that reads as a statistic, or null. */
export function statisticIn(text: string): string | null {
  const words = CLAIM_WORDS.map((pattern) => pattern.exec(text)?.[0]).find((found) => found !== undefined);
  if (words) return words;
  let rest = text;
  for (const pattern of NOT_CLAIMS) rest = rest.replace(pattern, ' ');
  const digits = /\d[\d,.]*%?/.exec(rest);
  return digits ? digits[0] : null;
}

export function checkSourcedNumbers(course: Course): Problem[] {
  const problems: Problem[] = [];
  const known = new Set(course.sources.map((source) => source.id));
  for (const { pointer, text, sources } of learnerTexts(course)) {
    const found = statisticIn(text);
    if (found !== null && sources.length === 0) {
      problems.push({
        pointer,
        message: `"${found}" reads as a statistic or research figure, and no source backs it`,
        allowed: 'list the id of an entry of "sources" in this object\'s "sources" (or an enclosing one); times, dates, ages and counts of the course\'s own parts need none',
      });
    }
  }
  // Every citation names a source, and every source is cited somewhere.
  const cited = new Set<string>();
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) return value.forEach((item, index) => visit(item, [...path, index]));
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'sources' && path.length > 0 && Array.isArray(child)) {
        child.forEach((id, index) => {
          if (typeof id !== 'string') return;
          cited.add(id);
          if (!known.has(id)) {
            problems.push({ pointer: pointerOf([...path, key, index]), message: `cites "${id}", which is not in the course's "sources"`, allowed: [...known].map((k) => `"${k}"`).join(', ') });
          }
        });
      } else if (!(path.length === 0 && key === 'sources')) {
        visit(child, [...path, key]);
      }
    }
  };
  visit(course, []);
  course.sources.forEach((source, index) => {
    if (!cited.has(source.id)) {
      problems.push({ pointer: pointerOf(['sources', index, 'id']), message: `source "${source.id}" is cited nowhere in the course`, allowed: 'cite it where the course uses it, or remove it from the references' });
    }
  });
  problems.push(...perScreenType(course, (build, screens) => build.sources?.(course, screens) ?? []).flat());
  return problems;
}
