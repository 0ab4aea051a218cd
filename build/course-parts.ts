// The course data split for the first screen (issue 16). config.js carries a shell: the course with its first
// section whole (the welcome screen) and every later section, the film, the confidence items, and the glossary,
// sources and supervision guide as a skeleton whose learner-facing text is left out. What is left out is in files of
// its own, course/section-<n>.js and course/resources.js, that the player fetches when a screen needs it (and one section ahead). The skeleton keeps
// what the learner's progress is made of, so a resumed learner starts on any screen with only that screen's part.
import { isDeepStrictEqual } from 'node:util';
import type { Course, CourseParts } from '../course/types.ts';
import { layoutOf, type CourseLayout } from '../course/runtime/state/course-layout.ts';
import { mergePart } from '../course/player/logic/course-parts.ts';

export const RESOURCES_PART = 'course/resources.js';
export const sectionPart = (index: number): string => `course/section-${index}.js`;

export interface SplitCourse {
  shell: Course;
  parts: CourseParts;
  /** Package path → the part's module text. */
  files: Map<string, string>;
}

/**
 * Text is any string with white space in it, except titles (the section menu and each screen's heading show them
 * before its part has come): a blanked string in a list stays as "" (lists keep their length: a scale's points are
 * counted), one in an object is left out. Ids, types, links, outcomes and quality marks never hold white space (the
 * schema's id pattern); splitCourse checks the skeleton still tells the state codec everything the whole course does.
 * `idsOnly` keeps nothing but ids: for the glossary, sources and guide, which only their pages and notes read.
 */
export function skeletonOf<T>(value: T, idsOnly = false, key = ''): T {
  if (typeof value === 'string') return (idsOnly ? (key === 'id' ? value : '') : key !== 'title' && /\s/.test(value) ? '' : value) as T;
  if (Array.isArray(value)) return value.map((item) => skeletonOf(item, idsOnly)) as T;
  if (typeof value === 'object' && value !== null) {
    const kept = Object.entries(value).map(([name, item]) => [name, skeletonOf(item, idsOnly, name)] as const);
    return Object.fromEntries(kept.filter(([name, item]) => !(item === '' && (value as Record<string, unknown>)[name] !== ''))) as T;
  }
  return value;
}

export function splitCourse(course: Course): SplitCourse {
  const files = new Map<string, string>();
  const sections = course.sections.map((section, index) => {
    if (index === 0) return { shell: section, part: null };
    files.set(sectionPart(index), partModule(section));
    return { shell: skeletonOf(section), part: sectionPart(index) };
  });
  // The film's and the confidence items' words come with the first screen that needs the resources; the pages'
  // resources keep only their ids in the shell.
  const { glossary, sources, supervisionGuide, film, confidence } = course;
  files.set(RESOURCES_PART, partModule({ glossary, sources, supervisionGuide, film, confidence }));
  const shell: Course = {
    ...course,
    ...skeletonOf({ glossary, sources, supervisionGuide }, true),
    ...skeletonOf({ film, confidence }),
    sections: sections.map((s) => s.shell),
  };
  const parts: CourseParts = { sections: sections.map((s) => s.part), resources: RESOURCES_PART };

  // The split must lose nothing: the parts merged back give the course, and the skeleton alone lays out the learner's
  // saved state exactly as the whole course does (a resume decodes before any part has come).
  const rebuilt = structuredClone(shell);
  course.sections.forEach((section, index) => index > 0 && mergePart(rebuilt.sections[index], structuredClone(section)));
  mergePart(rebuilt, structuredClone({ glossary, sources, supervisionGuide, film, confidence }));
  if (!isDeepStrictEqual(rebuilt, course)) throw new Error('the course parts do not add up to the course');
  if (layoutKey(layoutOf(shell)) !== layoutKey(layoutOf(course))) {
    throw new Error('the course shell lays out saved progress differently from the whole course: a field the state codec reads was taken for text');
  }
  return { shell, parts, files };
}

/** A part as the player imports it: an ES module whose default export is the whole object. */
function partModule(value: unknown): string {
  return `export default ${JSON.stringify(value).replace(/</g, '\\u003c')};\n`;
}

function layoutKey(layout: CourseLayout): string {
  return JSON.stringify(layout, (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value));
}
