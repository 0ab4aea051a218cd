// Variant files: the real default variant, fixture variants good and bad, folders of them, and applying overrides.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_IDS, type Course, type Variant } from '../../../course/model/types.ts';
import { applyVariant, loadCourse, loadVariant, loadVariants } from '../../../build/course/index.ts';
import { FIXTURES, MINIMAL, REPO, minimalWith, problemsOf, removeTempDirs, tempDir } from './fixtures.ts';

const VARIANTS = join(FIXTURES, 'variants');
let course: Course;

beforeAll(async () => {
  course = await loadCourse(MINIMAL);
});
afterAll(removeTempDirs);

describe('loadVariant', () => {
  it('accepts the real default variant', async () => {
    const variant = await loadVariant(join(REPO, 'course/content/variants/default.json'), course);
    expect(variant).toMatchObject({
      id: 'default',
      displayName: 'Common Ground',
      organisation: 'NHS England (example)',
      standards: [...STANDARD_IDS],
      reflections: 'private',
    });
  });

  it('an unknown standard lists the allowed ones', async () => {
    const file = join(VARIANTS, 'bad/bad-standard.json');
    const problems = await problemsOf(loadVariant(file, course));
    expect(problems).toEqual([
      {
        file,
        pointer: '/standards/1',
        message: '"aicc" is not one of the allowed values',
        allowed: STANDARD_IDS.map((id) => `"${id}"`).join(', '),
      },
    ]);
  });

  it('overrides out of range, an unknown override and a bad enum are all reported', async () => {
    const file = join(VARIANTS, 'bad/out-of-range.json');
    const problems = await problemsOf(loadVariant(file, course));
    expect(problems.map(({ pointer, message, allowed }) => ({ pointer, message, allowed }))).toEqual([
      { pointer: '/reflections', message: '"public" is not one of the allowed values', allowed: '"private", "shared"' },
      { pointer: '/completion/skipAhead', message: 'unknown property "skipAhead"', allowed: 'passMark, filmWatchedPercent, allowSkipAhead' },
      { pointer: '/completion/passMark', message: '101 is out of range', allowed: 'a number from 0 to 100' },
      { pointer: '/completion/filmWatchedPercent', message: '-5 is out of range', allowed: 'a number from 0 to 100' },
    ]);
  });

  it('a repeated standard', async () => {
    const dir = await tempDir();
    const file = join(dir, 'twice.json');
    await writeFile(file, JSON.stringify({ id: 'twice', displayName: 'Twice', organisation: 'Trust', standards: ['xapi', 'cmi5', 'xapi'], reflections: 'shared' }));
    const problems = await problemsOf(loadVariant(file, course));
    expect(problems).toEqual([{ file, pointer: '/standards/2', message: 'repeats item 0 ("xapi")', allowed: 'each value once' }]);
  });

  it('a pass-mark override the course would ignore', async () => {
    const allSections = await loadCourse(await minimalWith((json) => (json.completion.rule = 'all-sections')));
    const file = join(VARIANTS, 'good/trust-a.json');
    const problems = await problemsOf(loadVariant(file, allSections));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, pointer: '/completion/passMark' });
    expect(problems[0]?.message).toMatch(/ignores the pass mark/);
  });
});

describe('loadVariants', () => {
  it('loads every .json file of a folder, sorted by id', async () => {
    const variants = await loadVariants(join(VARIANTS, 'good'), course);
    expect(variants.map((variant) => variant.id)).toEqual(['default', 'trust-a']);
  });

  it('duplicate ids are an error naming both files', async () => {
    const dir = join(VARIANTS, 'duplicate');
    const problems = await problemsOf(loadVariants(dir, course));
    expect(problems).toEqual([
      { file: join(dir, 'b.json'), pointer: '/id', message: `duplicate variant id "default": ${join(dir, 'a.json')} already uses it`, allowed: 'an id no other variant file uses' },
    ]);
  });

  it('collects problems from every file before failing', async () => {
    const problems = await problemsOf(loadVariants(join(VARIANTS, 'bad'), course));
    expect(new Set(problems.map((problem) => problem.file.split('/').pop()))).toEqual(new Set(['bad-standard.json', 'out-of-range.json']));
  });

  it('an empty or missing folder is a problem', async () => {
    const empty = await tempDir();
    expect((await problemsOf(loadVariants(empty, course)))[0]?.message).toBe('the folder holds no variant files');
    expect((await problemsOf(loadVariants(join(empty, 'missing'), course)))[0]?.message).toBe('cannot read the variants folder: it does not exist');
  });

  it('the real variants folder loads against the real course', async () => {
    const variants = await loadVariants(join(REPO, 'course/content/variants'), course);
    expect(variants.map((variant) => variant.id)).toContain('default');
  });
});

describe('applyVariant', () => {
  const variant = (completion?: Variant['completion']): Variant => ({
    id: 'v',
    displayName: 'V',
    organisation: 'O',
    standards: ['xapi'],
    reflections: 'private',
    ...(completion ? { completion } : {}),
  });

  it('applies the overrides given and keeps the rest', () => {
    const applied = applyVariant(course, variant({ passMark: 70, allowSkipAhead: false }));
    expect(applied.completion).toEqual({ passMark: 70, filmWatchedPercent: 90, allowSkipAhead: false, rule: 'all-sections-and-pass' });
    expect(applied.sections).toBe(course.sections);
  });

  it('leaves the course untouched, and an undefined override changes nothing', () => {
    const before = structuredClone(course);
    const applied = applyVariant(course, variant({ passMark: undefined }));
    expect(course).toEqual(before);
    expect(applied).toEqual(before);
    expect(applyVariant(course, variant())).toEqual(before);
  });
});
