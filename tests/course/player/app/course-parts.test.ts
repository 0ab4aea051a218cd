// The player's course part loader (issue 16): a section's part merged in place once, a failed fetch forgotten so the
// next ask fetches again, everything already merged kept when later fetches fail, and a whole course asks for nothing.
import { describe, expect, it } from 'vitest';
import { coursePartLoader } from '../../../../course/player/app/course-parts.ts';
import { skeletonOf } from '../../../../build/course-parts.ts';
import type { RuntimeConfig } from '../../../../course/types.ts';
import { fixtureCourse } from '../fixture-course.ts';

function shellConfig(): { config: RuntimeConfig; whole: RuntimeConfig['course']; files: Map<string, unknown> } {
  const whole = fixtureCourse();
  const files = new Map<string, unknown>();
  const sections = whole.sections.map((section, index) => {
    if (index === 0) return { section: structuredClone(section), part: null };
    files.set(`course/section-${index}.js`, structuredClone(section));
    return { section: skeletonOf(section), part: `course/section-${index}.js` };
  });
  const { glossary, sources, supervisionGuide, film, confidence } = whole;
  files.set('course/resources.js', { glossary, sources, supervisionGuide, film, confidence });
  const course = { ...structuredClone(whole), ...skeletonOf({ glossary, sources, supervisionGuide }, true), ...skeletonOf({ film, confidence }), sections: sections.map((s) => s.section) };
  const config = { standard: 'scorm12', build: { courseVersion: whole.version, variant: 'default' }, variant: { id: 'default', displayName: '' }, course, parts: { sections: sections.map((s) => s.part), resources: 'course/resources.js' } } as unknown as RuntimeConfig;
  return { config, whole, files };
}

/** An import of the parts that records each request and fails while `offline` says so. */
function importer(files: Map<string, unknown>) {
  const asked: string[] = [];
  const link = { offline: false };
  const importPart = async (path: string): Promise<{ default: unknown }> => {
    asked.push(path);
    if (link.offline) throw new TypeError('Failed to fetch dynamically imported module');
    const value = files.get(path.replace(/\?attempt=\d+$/, ''));
    if (value === undefined) throw new Error(`no ${path}`);
    return { default: structuredClone(value) };
  };
  return { importPart, asked, link };
}

describe('coursePartLoader', () => {
  it("merges a section's part and the resources into the objects in place, fetching each once", async () => {
    const { config, whole, files } = shellConfig();
    const { importPart, asked } = importer(files);
    const loader = coursePartLoader(config, importPart);
    // A section whose skeleton lacks text (a confidence screen has none of its own).
    const target = config.course.sections.findIndex((section, i) => JSON.stringify(section) !== JSON.stringify(whole.sections[i]));
    expect(target).toBeGreaterThan(0);
    const screen = config.course.sections[target]!.screens[0]!;
    expect(JSON.stringify(screen)).not.toBe(JSON.stringify(whole.sections[target]!.screens[0]));
    await Promise.all([loader.section(target), loader.section(target)]);
    expect(config.course.sections[target]).toEqual(whole.sections[target]);
    expect(config.course.sections[target]!.screens[0]).toBe(screen);
    expect(config.course.glossary).toEqual(whole.glossary);
    expect(asked).toEqual([`course/section-${target}.js`, 'course/resources.js']);
    await loader.section(0);
    expect(asked).toHaveLength(2);
  });

  it('forgets a failed fetch, keeps what had come, and fetches again when asked', async () => {
    const { config, whole, files } = shellConfig();
    const { importPart, asked, link } = importer(files);
    const loader = coursePartLoader(config, importPart);
    await loader.section(1);
    link.offline = true;
    loader.prefetch(2); // a prefetch that fails says nothing
    await expect(loader.section(2)).rejects.toThrow(/Failed to fetch/);
    // What came before the connection went is still there, and asks for nothing.
    const before = asked.length;
    await loader.section(1);
    expect(asked).toHaveLength(before);
    expect(config.course.sections[1]).toEqual(whole.sections[1]);
    link.offline = false;
    await loader.all();
    expect(config.course).toEqual(whole);
    // The prefetch and the screen shared one failed fetch; asked again under another URL, as the browser would answer
    // the first one with its failure again.
    expect(asked.filter((path) => path.startsWith('course/section-2.js'))).toEqual(['course/section-2.js', 'course/section-2.js?attempt=2']);
  });

  it('asks for nothing when the config holds the whole course', async () => {
    const { whole } = shellConfig();
    const { importPart, asked } = importer(new Map());
    const config = { standard: 'scorm12', course: whole } as unknown as RuntimeConfig;
    await coursePartLoader(config, importPart).all();
    expect(asked).toEqual([]);
  });
});
