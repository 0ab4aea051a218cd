// window.COMMON_GROUND comes from config.js, written into each package by the build. The build validated the course
// with its schema already; this only makes sure the player got a config it can run at all (config.js missing,
// cut short or edited by hand), so the learner sees a clear message instead of a broken page.
import { SCREEN_TYPES, STANDARD_IDS, type RuntimeConfig } from '../../model/types.ts';

export type ConfigResult = { ok: true; config: RuntimeConfig } | { ok: false; problem: string };

// The screen types the schema declares (generated from it): a type the player cannot show is named, not rendered blank.
const KNOWN_SCREEN_TYPES: ReadonlySet<string> = new Set(SCREEN_TYPES);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the shape the player relies on; the first problem found is named in plain words for support staff. */
export function readConfig(value: unknown): ConfigResult {
  if (value === undefined) return { ok: false, problem: 'config.js did not load, or did not set window.COMMON_GROUND.' };
  if (!isObject(value)) return { ok: false, problem: 'window.COMMON_GROUND is not an object.' };
  if (typeof value.standard !== 'string' || !(STANDARD_IDS as readonly string[]).includes(value.standard)) {
    return { ok: false, problem: `"standard" must be one of ${STANDARD_IDS.join(', ')}.` };
  }
  if (!isObject(value.build) || typeof value.build.courseVersion !== 'string') return { ok: false, problem: '"build.courseVersion" is missing.' };
  if (!isObject(value.variant) || typeof value.variant.displayName !== 'string') return { ok: false, problem: '"variant.displayName" is missing.' };
  const course = value.course;
  if (!isObject(course)) return { ok: false, problem: '"course" is missing.' };
  for (const key of ['id', 'title', 'language', 'publisher'] as const) {
    if (typeof course[key] !== 'string') return { ok: false, problem: `"course.${key}" is missing.` };
  }
  // A config in parts leaves the confidence items to the course's structure (build/course-parts.ts).
  const parts = value.parts;
  if (parts !== undefined && (!isObject(parts) || typeof parts.structure !== 'string' || !Array.isArray(parts.sections))) {
    return { ok: false, problem: '"parts" does not name the course\'s structure and sections.' };
  }
  for (const key of ['completion', 'limits', 'film', ...(parts === undefined ? (['confidence'] as const) : [])] as const) {
    if (!isObject(course[key])) return { ok: false, problem: `"course.${key}" is missing.` };
  }
  if (!Array.isArray(course.sections) || course.sections.length === 0) return { ok: false, problem: '"course.sections" is empty.' };
  const seen = new Set<string>();
  for (const section of course.sections as unknown[]) {
    if (!isObject(section) || typeof section.id !== 'string' || !Array.isArray(section.screens) || section.screens.length === 0) {
      return { ok: false, problem: 'a section has no id or no screens.' };
    }
    for (const screen of section.screens as unknown[]) {
      if (!isObject(screen) || typeof screen.id !== 'string' || typeof screen.type !== 'string') {
        return { ok: false, problem: `a screen in section "${section.id}" has no id or type.` };
      }
      if (!KNOWN_SCREEN_TYPES.has(screen.type)) return { ok: false, problem: `screen "${screen.id}" has an unknown type "${screen.type}".` };
      if (seen.has(screen.id)) return { ok: false, problem: `two screens share the id "${screen.id}".` };
      seen.add(screen.id);
    }
  }
  return { ok: true, config: value as unknown as RuntimeConfig };
}
