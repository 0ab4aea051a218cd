// Every learner-facing string in the course data, with its JSON pointer and the sources that back it (the string's
// own object and every object around it may list `sources`). The sourced-number and readability checks read this.
import type { Course } from '../../../course/model/types.ts';
import { pointerOf } from '../problems.ts';

export interface LearnerText {
  pointer: string;
  text: string;
  /** Source ids listed on the text's own object or any object enclosing it. */
  sources: string[];
}

/**
 * Keys whose values are never shown to learners as prose: ids and references, file paths, enumerations, and the
 * support contacts' numbers. The course's `sources` list (the references themselves) and the completion settings
 * are left out whole.
 */
const NOT_PROSE = new Set([
  '$schema', 'id', 'iri', 'version', 'language', 'type', 'kind', 'quality', 'perspective', 'phase', 'src', 'poster', 'chapters',
  'descriptions', 'transcript', 'srclang', 'start', 'next', 'outcome', 'outcomes', 'sources', 'url', 'phone', 'sms', 'default',
  'completion', 'limits', 'captions',
]);
/** Top-level parts left out: the references list, and national contacts (numbers there are phone numbers). */
const SKIPPED_TOP = new Set(['sources', 'support']);

export function learnerTexts(course: Course): LearnerText[] {
  const out: LearnerText[] = [];
  const walk = (value: unknown, path: (string | number)[], inherited: string[]): void => {
    if (typeof value === 'string') {
      out.push({ pointer: pointerOf(path), text: value, sources: inherited });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...path, index], inherited));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    const own = Array.isArray(record.sources) ? record.sources.filter((id): id is string => typeof id === 'string') : [];
    const sources = own.length > 0 ? [...inherited, ...own] : inherited;
    for (const [key, child] of Object.entries(record)) {
      if (NOT_PROSE.has(key)) continue;
      if (path.length === 0 && SKIPPED_TOP.has(key)) continue;
      walk(child, [...path, key], sources);
    }
  };
  walk(course, [], []);
  return out;
}
