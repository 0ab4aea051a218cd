// The course split for the first screen (issue 16): the shell config.js carries holds no later section's text, the
// parts add back up to the course, and a split that would change how saved progress is laid out is refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESOURCES_PART, STRUCTURE_PART, sectionPart, skeletonOf, splitCourse } from '../../build/course-parts.ts';
import { mergePart } from '../../course/player/logic/course-parts.ts';
import { layoutOf } from '../../course/runtime/state/course-layout.ts';
import type { Course } from '../../course/model/types.ts';

const course = JSON.parse(readFileSync(new URL('../../course/content/course.json', import.meta.url), 'utf8')) as Course;

/** Every string with white space in it, 30 characters or more, that is not a title: unmistakably the course's text. */
function texts(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key !== 'title' && value.length >= 30 && /\s/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => texts(item));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([name, item]) => texts(item, name));
  return [];
}

const partValue = (module: string): unknown => JSON.parse(/^export default (.*);\n$/s.exec(module)![1]!);

describe('splitCourse', () => {
  const split = splitCourse(course);
  const shellText = JSON.stringify(split.shell);

  it('keeps the first section whole and no text of any later section or of the resources in the shell', () => {
    expect(split.shell.sections[0]).toEqual(course.sections[0]);
    const later = [...course.sections.slice(1).flatMap((section) => texts(section)), ...texts([course.glossary, course.sources, course.supervisionGuide, course.film, course.confidence])];
    expect(later.length).toBeGreaterThan(50);
    expect(later.filter((text) => shellText.includes(JSON.stringify(text).slice(1, -1)))).toEqual([]);
    // The section menu and each screen's heading need every title before its part has come.
    for (const [index, section] of course.sections.entries()) {
      expect(split.shell.sections[index]!.title).toBe(section.title);
      expect(split.shell.sections[index]!.screens.map((screen) => screen.title)).toEqual(section.screens.map((screen) => screen.title));
    }
  });

  it('puts each later section in a part of its own, holding that section whole', () => {
    expect(split.parts.sections).toEqual(course.sections.map((_, index) => (index === 0 ? null : sectionPart(index))));
    expect([...split.files.keys()].sort()).toEqual([...course.sections.slice(1).map((_, i) => sectionPart(i + 1)), RESOURCES_PART, STRUCTURE_PART].sort());
    expect(split.parts.structure).toBe(STRUCTURE_PART);
    for (const [index, section] of course.sections.entries()) {
      if (index > 0) expect(partValue(split.files.get(sectionPart(index))!)).toEqual(section);
    }
    const { glossary, sources, supervisionGuide, film, confidence } = course;
    expect(partValue(split.files.get(RESOURCES_PART)!)).toEqual({ glossary, sources, supervisionGuide, film, confidence });
    // Only ids of the pages' resources stay in the shell.
    expect(JSON.stringify(split.shell.sources)).not.toContain('https://');
  });

  it('keeps only titles and screen ids, types and titles of later sections in the shell, the rest in the structure', () => {
    for (const [index, section] of split.shell.sections.entries()) {
      if (index === 0) continue;
      expect(section).toEqual({ id: course.sections[index]!.id, title: course.sections[index]!.title, screens: course.sections[index]!.screens.map(({ id, type, title }) => ({ id, type, title })) });
    }
    expect(split.shell.film.cuePoints).toBeUndefined();
    expect(split.shell.confidence).toBeUndefined();
    const structure = partValue(split.files.get(STRUCTURE_PART)!) as { sections: unknown[] };
    expect(structure.sections[0]).toEqual({});
    expect(structure.sections[4]).toEqual(skeletonOf(course.sections[4]));
    // No learner-facing text in the structure either.
    expect(texts(structure)).toEqual([]);
  });

  it('adds back up to the course when the structure and then the parts are merged into the shell, and lays out saved progress alike', () => {
    const shell = structuredClone(split.shell);
    const screen = shell.sections[4]!.screens[0]!;
    mergePart(shell, partValue(split.files.get(STRUCTURE_PART)!) as Course);
    const asText = (layout: unknown): string => JSON.stringify(layout, (_k, v: unknown) => (v instanceof Map ? [...v] : v));
    // The codec lays saved progress out with the structure alone, before any section's part has come.
    expect(asText(layoutOf(shell))).toBe(asText(layoutOf(course)));
    for (const [index, path] of split.parts.sections.entries()) if (path) mergePart(shell.sections[index], partValue(split.files.get(path)!));
    mergePart(shell, partValue(split.files.get(RESOURCES_PART)!) as Course);
    expect(shell).toEqual(course);
    // Merged into the objects in place: what held a screen before sees its text now.
    expect(shell.sections[4]!.screens[0]).toBe(screen);
  });

  it('refuses a course whose state layout would change, rather than blank an id the codec reads', () => {
    const odd = structuredClone(course);
    const scenario = odd.sections.flatMap((section) => section.screens).find((screen) => screen.type === 'scenario')!;
    if (scenario.type !== 'scenario') throw new Error('no scenario');
    // An id with a space reads as text to the skeleton; the schema forbids it, and the split must not rely on that.
    const step = scenario.steps.at(-1)!;
    step.choices[0]!.id = 'a choice id with spaces';
    expect(() => splitCourse(odd)).toThrow(/lays out saved progress differently/);
  });
});

describe('skeletonOf', () => {
  it('leaves text out, keeps ids, links, numbers, booleans, titles and the length of every list', () => {
    expect(skeletonOf({ id: 'a-b', title: 'A title', body: 'Some text.', empty: '', next: null, max: 3, ok: true, list: ['x y', 'z'] })).toEqual({
      id: 'a-b',
      title: 'A title',
      empty: '',
      next: null,
      max: 3,
      ok: true,
      list: ['', 'z'],
    });
  });

  it('keeps nothing but ids when asked to', () => {
    expect(skeletonOf({ id: 'nice-ng225', url: 'https://www.nice.org.uk/guidance/ng225', year: 2022, title: 'Self-harm' }, true)).toEqual({ id: 'nice-ng225', year: 2022 });
  });
});
