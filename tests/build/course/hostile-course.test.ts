// The bad-input corpus of issue 17: course data a careless or hostile author might write, each refused by the course
// checker (before any Vite build) with one problem naming the file and the field.
import { cp, mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse, parseJson, type CourseProblem } from '../../../build/course/index.ts';
import { MEDIA_LIMITS } from '../../../build/course/media-check.ts';
import { textProblem } from '../../../build/course/text-check.ts';
import { MINIMAL, minimalWith, problemsOf, removeTempDirs, tempDir } from './fixtures.ts';

afterAll(removeTempDirs);

async function problemsAfter(change: Parameters<typeof minimalWith>[0], files: Record<string, string | Uint8Array> = {}): Promise<CourseProblem[]> {
  const dir = await minimalWith(change);
  for (const [path, contents] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), contents);
  }
  return problemsOf(loadCourse(dir));
}

describe('course files that would take the place of the package\'s own files (issue 17.1, 17.2)', () => {
  it.each([
    ['config.js', 'the generated runtime config'],
    ['imsmanifest.xml', 'the generated manifest'],
    ['index.html', "the player's launch page"],
    ['assets/index-AbC123.js', "the player's main chunk"],
    ['accessibility.html', 'the generated accessibility statement'],
    ['branding/logo.svg', "the variant's logo"],
    ['imscp_rootv1p1p2.xsd', 'a SCORM control document'],
  ])('/film/transcript = %s (%s) is refused, naming the field', async (path) => {
    const problems = await problemsAfter((course) => (course.film.transcript = path), { [path]: 'a transcript' });
    expect(problems).toEqual([expect.objectContaining({ pointer: '/film/transcript', message: expect.stringContaining(`file "${path}" is not in the course's media/ folder`) })]);
  });

  it('a caption track outside media/ names its own field', async () => {
    const problems = await problemsAfter((course) => (course.film.captions[0].src = 'captions.vtt'), { 'captions.vtt': 'WEBVTT\n' });
    expect(problems.map((problem) => problem.pointer)).toEqual(['/film/captions/0/src']);
  });
});

describe('text the LMS cannot hold or that shows as nothing (issue 17.5)', () => {
  it.each([
    ['zero-width and no-break spaces only', '\u200b\u00a0\u200b', /is only spaces or invisible characters \(U\+200B zero width space, U\+00A0 no-break space\)/],
    ['a word joiner and a soft hyphen', '\u2060\u00ad', /is only spaces or invisible characters/],
    ['a control character', 'Common\u0007Ground', /has the control character U\+0007 at character 7/],
    ['an escape character', '\u001b[31mRed', /has the control character U\+001B at character 1/],
    ['a C1 control', 'Caf\u0085', /has the control character U\+0085/],
    ['a lone surrogate', 'Smile \ud83d', /has a lone surrogate \(\\uD83D\) at character 7/],
    ['a reversed surrogate pair', '\ude00\ud83d', /has a lone surrogate/],
  ])('a title with %s is refused before the build', async (_, title, message) => {
    const problems = await problemsAfter((course) => (course.title = title));
    expect(problems).toEqual([expect.objectContaining({ pointer: '/title', message: expect.stringMatching(message) })]);
  });

  it('anywhere in the course, not only titles', async () => {
    const problems = await problemsAfter((course) => (course.sections[0].screens[0].activities = ['Tab\tand\nline break are fine.', '\u200b']));
    expect(problems.map((problem) => problem.pointer)).toEqual(['/sections/0/screens/0/activities/1']);
  });

  it('ordinary text passes: emoji, accents, Welsh, right-to-left, line breaks', () => {
    for (const text of ['Diolch 🙏', 'Café crème', 'Ŵ ŷ ẁ', 'مرحبا', 'one\ntwo\tthree', 'a\u00a0b', 'x\u200by']) expect(textProblem(text), text).toBeUndefined();
  });
});

describe('bytes that are not UTF-8 (issue 17.5: they became U+FFFD)', () => {
  it.each([
    ['a Windows-1252 "é"', Buffer.from('{\n  "title": "Caf\xe9"\n}', 'latin1'), 2, 16],
    ['an overlong encoding of "/"', Buffer.from([0x7b, 0x0a, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]), 2, 2],
    ['an encoded surrogate', Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), 1, 7],
    ['a truncated sequence', Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')]), 1, 7],
  ])('%s is refused with its line and column', async (_, bytes, line, column) => {
    const dir = await tempDir();
    await cp(MINIMAL, dir, { recursive: true });
    await writeFile(join(dir, 'course.json'), bytes);
    const problems = await problemsOf(loadCourse(dir));
    expect(problems).toEqual([expect.objectContaining({ pointer: '', line, column, message: expect.stringMatching(/^is not valid UTF-8 at line \d+, column \d+ \(byte \d+: 0x[0-9A-F]{2}\)/) })]);
  });
});

describe('sizes (issue 17.5: a 50 MB caption file was shipped)', () => {
  it('a caption track over the limit is refused with its size and the limit', async () => {
    const dir = await minimalWith(() => {});
    await truncate(join(dir, 'media/film/captions.en-GB.vtt'), 50_000_000);
    const refused = await problemsOf(loadCourse(dir));
    expect(refused).toEqual([
      expect.objectContaining({ pointer: '/film/captions/0/src', message: expect.stringMatching(/is 50 MB; a WebVTT track may be at most 2 MB/) }),
    ]);
  });

  it('every kind of file has a limit', () => {
    expect(Object.keys(MEDIA_LIMITS).sort()).toEqual(['image', 'text', 'video', 'webvtt']);
  });

  it('a transcript that is not UTF-8 is refused', async () => {
    const problems = await problemsAfter(() => {}, { 'media/film/transcript.txt': Buffer.from('Caf\xe9', 'latin1') });
    expect(problems).toEqual([expect.objectContaining({ pointer: '/film/transcript', message: expect.stringContaining('is not UTF-8 text') })]);
  });
});

describe('a 10 MB string (issue 17.1: "Maximum call stack size exceeded")', () => {
  it('parses, at 10 and at 20 million characters, plain and with escapes', () => {
    for (const length of [10_000_000, 20_000_000]) {
      expect((parseJson(`{"title": "${'x'.repeat(length)}"}`).value as { title: string }).title).toHaveLength(length);
    }
    expect((parseJson(`{"a": "${'\\n'.repeat(5_000_000)}"}`).value as { a: string }).a).toHaveLength(5_000_000);
  });

  it('a syntax error after it is still found and placed', () => {
    expect(() => parseJson(`{"title": "${'x'.repeat(10_000_000)}", }`)).toThrow(/expected a property name in double quotes but found "}"/);
  });

  it('in course.json, it is one problem naming the field', async () => {
    const problems = await problemsAfter((course) => (course.title = 'x'.repeat(10_000_000)));
    expect(problems).toEqual([expect.objectContaining({ pointer: '/title', message: expect.stringMatching(/too long/) })]);
  });
});
