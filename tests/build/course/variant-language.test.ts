// A variant's "language": the language of the player's own words in its packages. Absent, or the course's own, or
// the pseudo-locale; anything else is refused with the file and field named on one line.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course, Variant } from '../../../course/model/types.ts';
import { crossCheckVariant, loadCourse, loadVariant } from '../../../build/course/index.ts';
import { formatProblems } from '../../../build/course/format.ts';
import { runtimeConfig } from '../../../build/runtime-config.ts';
import { MINIMAL, problemsOf, removeTempDirs, tempDir } from './fixtures.ts';

let course: Course;

beforeAll(async () => {
  course = await loadCourse(MINIMAL);
});
afterAll(removeTempDirs);

const base: Variant = { id: 'words', displayName: 'Words', organisation: 'Trust', standards: ['scorm12'], reflections: 'private' };

async function variantFile(language: unknown): Promise<string> {
  const file = join(await tempDir(), 'words.json');
  await writeFile(file, JSON.stringify({ ...base, language }));
  return file;
}

describe('a variant names the language of the player’s words', () => {
  it('accepts the course’s own language (any letter case) and the pseudo-locale', async () => {
    expect(course.language).toBe('en-GB');
    for (const language of ['en-GB', 'en-gb', 'en-XA']) {
      expect((await loadVariant(await variantFile(language), course)).language).toBe(language);
    }
  });

  it('leaving it out changes nothing in the package: the player uses the course’s language', () => {
    const config = runtimeConfig('scorm12', course, base);
    expect('language' in config.variant).toBe(false);
    expect(runtimeConfig('scorm12', course, { ...base, language: 'en-XA' }).variant.language).toBe('en-XA');
  });

  it('refuses a language the player has no words in, naming the file, the field and what it may be', async () => {
    const file = await variantFile('cy');
    const problems = await problemsOf(loadVariant(file, course));
    expect(problems).toEqual([
      {
        file,
        pointer: '/language',
        message: 'the player has no words in "cy": its buttons, notices and messages would be in another language',
        allowed: 'a language the player has a catalogue for (en-GB), or the pseudo-locale "en-XA"; a translation adds one in course/player/strings/',
      },
    ]);
    expect(formatProblems(problems).split('\n')).toHaveLength(1);
    // The pseudo-locale is its tag exactly: the player tells it apart with one comparison.
    const [lowerCase] = await problemsOf(loadVariant(await variantFile('en-xa'), course));
    expect(lowerCase?.message).toBe('the player has no words in "en-xa": its buttons, notices and messages would be in another language');
    expect(formatProblems(problems)).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: /language: `));
  });

  it('refuses a language the player has words in but the course is not written in', () => {
    // A course in Welsh, once the player had Welsh words: English buttons around it would be refused the same way.
    const welsh = { ...course, language: 'cy' };
    expect(crossCheckVariant({ ...base, language: 'en-GB' }, welsh, 'variants/words.json')).toEqual([
      {
        file: 'variants/words.json',
        pointer: '/language',
        message: '"en-GB" is not the course\'s language ("cy"): the player\'s words would be in one language and the course\'s text in another',
        allowed: '"cy" (or leave it out), or the pseudo-locale "en-XA"',
      },
    ]);
    expect(crossCheckVariant({ ...base, language: 'en-XA' }, welsh, 'variants/words.json')).toEqual([]);
  });

  it('refuses something that is not a language tag, through the schema', async () => {
    const file = await variantFile('English');
    const [problem, ...rest] = await problemsOf(loadVariant(file, course));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file, pointer: '/language' });
  });
});
