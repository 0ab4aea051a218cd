// The player's course part loader (issue 16): the structure merged before any part, a section's part merged in place
// once, a failed fetch forgotten so the next ask fetches again, everything already merged kept when later fetches
// fail, and a whole course asks for nothing. The shell and parts are the build's own split of the fixture course.
import { describe, expect, it } from 'vitest';
import { coursePartLoader } from '../../../../course/player/app/course-parts.ts';
import { splitCourse } from '../../../../build/course-parts.ts';
import type { RuntimeConfig } from '../../../../course/model/types.ts';
import { fixtureCourse } from '../fixture-course.ts';

function shellConfig(): { config: RuntimeConfig; whole: RuntimeConfig['course']; files: Map<string, unknown> } {
  const whole = fixtureCourse();
  const split = splitCourse(structuredClone(whole));
  const files = new Map<string, unknown>();
  for (const [path, module] of split.files) files.set(path, JSON.parse(/^export default (.*);\n$/s.exec(module)![1]!));
  const config = { standard: 'scorm12', build: { courseVersion: whole.version, variant: 'default' }, variant: { id: 'default', displayName: '' }, course: split.shell, parts: split.parts } as unknown as RuntimeConfig;
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
    expect(asked).toEqual([`course/section-${target}.js`, 'course/structure.js', 'course/resources.js']);
    await loader.section(0);
    expect(asked).toHaveLength(3);
  });

  it('merges the structure first, whichever arrives first, so its blanks never overwrite text', async () => {
    const { config, whole, files } = shellConfig();
    let releaseStructure = (): void => {};
    const structureHeld = new Promise<void>((resolve) => (releaseStructure = resolve));
    const importPart = async (path: string): Promise<{ default: unknown }> => {
      if (path === 'course/structure.js') await structureHeld;
      return { default: structuredClone(files.get(path)) };
    };
    const loader = coursePartLoader(config, importPart);
    expect(loader.hasStructure()).toBe(false);
    const section = loader.section(4);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The section's part has arrived, but waits for the structure.
    expect(config.course.sections[4]).not.toEqual(whole.sections[4]);
    releaseStructure();
    await section;
    expect(loader.hasStructure()).toBe(true);
    expect(config.course.sections[4]).toEqual(whole.sections[4]);
    expect(config.course.film.cuePoints).toEqual(whole.film.cuePoints);
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
    expect(loader.hasStructure()).toBe(true);
  });

  it('asks for nothing when the config holds the whole course', async () => {
    const { whole } = shellConfig();
    const { importPart, asked } = importer(new Map());
    const config = { standard: 'scorm12', course: whole } as unknown as RuntimeConfig;
    await coursePartLoader(config, importPart).all();
    expect(asked).toEqual([]);
  });
});
