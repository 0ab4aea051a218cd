// The course data split for the first screen (issue 16). config.js carries a thin shell: the course with its first
// section whole (the welcome screen), every later section as its title and its screens' ids, types and titles (all the
// section menu and the pagination show), the film's files without its questions, and the glossary, sources and guide
// as ids. course/structure.js holds the rest of the skeleton, without learner-facing text: scenario steps and choices,
// question banks, prompts, the film's questions, the confidence items (what the state codec, the outcome and the
// marking read). The player fetches it right after the first screen, with the state codec (a resume waits for both,
// so a resumed learner starts on any screen with only that screen's part). course/section-<n>.js and
// course/resources.js hold the text, fetched when a screen needs it and one section ahead.
import { isDeepStrictEqual } from 'node:util';
import type { Course, CourseParts, Section } from '../course/model/types.ts';
import { layoutOf, type CourseLayout } from '../course/runtime/state/course-layout.ts';
import { mergePart } from '../course/player/logic/course-parts.ts';

export const RESOURCES_PART = 'course/resources.js';
export const STRUCTURE_PART = 'course/structure.js';
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

/** What the section menu and the pagination read of a later section before its structure has come. */
function thinSection(section: Section): Section {
  return { id: section.id, title: section.title, screens: section.screens.map(({ id, type, title }) => ({ id, type, title })) } as Section;
}

export function splitCourse(course: Course): SplitCourse {
  const files = new Map<string, string>();
  const { glossary, sources, supervisionGuide, film, confidence } = course;
  const { cuePoints, ...filmFiles } = film;
  const shell: Course = {
    ...course,
    ...skeletonOf({ glossary, sources, supervisionGuide }, true),
    film: skeletonOf(filmFiles) as Course['film'],
    sections: course.sections.map((section, index) => (index === 0 ? section : thinSection(section))),
  };
  delete (shell as Partial<Course>).confidence;
  // The structure, merged into the shell before any part (app/course-parts.ts): the first section is whole already.
  const structure = {
    sections: course.sections.map((section, index) => (index === 0 ? {} : skeletonOf(section))),
    film: { cuePoints: skeletonOf(cuePoints) },
    confidence: skeletonOf(confidence),
  };
  files.set(STRUCTURE_PART, partModule(structure));
  course.sections.forEach((section, index) => index > 0 && files.set(sectionPart(index), partModule(section)));
  // The film's and the confidence items' words come with the first screen that needs the resources; the pages'
  // resources keep only their ids in the shell.
  files.set(RESOURCES_PART, partModule({ glossary, sources, supervisionGuide, film, confidence }));
  const parts: CourseParts = { sections: course.sections.map((_, index) => (index === 0 ? null : sectionPart(index))), resources: RESOURCES_PART, structure: STRUCTURE_PART };

  // The split must lose nothing: the structure and then the parts merged back give the course, and the shell with
  // its structure lays out the learner's saved state exactly as the whole course does (a resume decodes with them
  // before any part has come).
  const structured = mergePart(structuredClone(shell), structuredClone(structure) as unknown as Course);
  const rebuilt = structuredClone(structured);
  course.sections.forEach((section, index) => index > 0 && mergePart(rebuilt.sections[index], structuredClone(section)));
  mergePart(rebuilt, structuredClone({ glossary, sources, supervisionGuide, film, confidence }) as Course);
  if (!isDeepStrictEqual(rebuilt, course)) throw new Error('the course parts do not add up to the course');
  if (layoutKey(layoutOf(structured)) !== layoutKey(layoutOf(course))) {
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
