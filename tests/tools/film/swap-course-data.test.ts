import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildSwappedManifest, canonicalLanguageTag, captionLabel, detectJsonStyle, formatJson, recordedSource, updateCourseJson, withKeys, type FilmUpdate,
} from '../../../tools/film/swap-course-data.ts';

// Read only: the real course is never written by these tests.
const courseJson = readFileSync(new URL('../../../course/content/course.json', import.meta.url), 'utf8');
const committedFilmJson = readFileSync(new URL('../../../course/content/media/film/film.json', import.meta.url), 'utf8');
const currentFilm = (JSON.parse(courseJson) as { film: { durationSeconds: number } }).film;

/** The update that describes the course as it is: same duration, captions, descriptions. */
const unchanged: FilmUpdate = {
  durationSeconds: currentFilm.durationSeconds,
  title: undefined,
  captions: { srclang: 'en-GB', label: 'English' },
  descriptionsLang: 'en-GB',
};

function updated(text: string, update: FilmUpdate): { text: string; changes: string[] } {
  const result = updateCourseJson(text, 'course.json', update);
  if ('problems' in result) throw new Error(result.problems.join('\n'));
  return result;
}

/** Lines of b that are not in a at the same place, for files with the same number of lines. */
function changedLines(a: string, b: string): string[] {
  const before = a.split('\n');
  return b.split('\n').filter((line, index) => line !== before[index]);
}

describe('updateCourseJson on the real course.json', () => {
  it('rewrites it byte for byte when nothing changes (its style is kept exactly)', () => {
    const result = updated(courseJson, unchanged);
    expect(result.text).toBe(courseJson);
    expect(result.changes).toEqual([]);
  });

  it('moves cue points by changing only their "at" lines, and says which cue moved', () => {
    const result = updated(courseJson, { ...unchanged, cuePointTimes: [12.5, 106.1] });
    expect(changedLines(courseJson, result.text)).toEqual(['        "at": 12.5,']);
    expect(result.changes).toEqual(['film.cuePoints[0].at ("cue-overshadowing"): 64.5 → 12.5']);
  });

  it('changes only the duration line for a new length', () => {
    const result = updated(courseJson, { ...unchanged, durationSeconds: 612.345 });
    expect(changedLines(courseJson, result.text)).toEqual(['    "durationSeconds": 612.345,']);
    expect(result.changes).toEqual([`film.durationSeconds: ${currentFilm.durationSeconds} → 612.345`]);
    expect(result.text.endsWith('}\n')).toBe(true);
  });

  it('drops the descriptions reference when the new film has none, and sets the title when asked', () => {
    const result = updated(courseJson, { ...unchanged, descriptionsLang: undefined, title: 'Our film' });
    const film = (JSON.parse(result.text) as { film: Record<string, unknown> }).film;
    expect(film.descriptions).toBeUndefined();
    expect(film.title).toBe('Our film');
    expect(result.changes).toEqual([expect.stringMatching(/^film\.title: ".*" → "Our film"$/), 'film.descriptions: "media/film/descriptions.en-GB.vtt" → (none)']);
    expect(result.text.split('\n')).toHaveLength(courseJson.split('\n').length - 1);
  });

  it('names the caption and description files after the language and keeps one default caption track', () => {
    const result = updated(courseJson, { ...unchanged, captions: { srclang: 'cy', label: 'Cymraeg' }, descriptionsLang: 'cy' });
    const film = (JSON.parse(result.text) as { film: Record<string, unknown> }).film;
    expect(film.captions).toEqual([{ src: 'media/film/captions.cy.vtt', srclang: 'cy', label: 'Cymraeg', default: true }]);
    expect(film.descriptions).toBe('media/film/descriptions.cy.vtt');
  });

  it('leaves cue points and every other part of the course alone', () => {
    const before = JSON.parse(courseJson) as Record<string, unknown> & { film: Record<string, unknown> };
    const after = JSON.parse(updated(courseJson, { ...unchanged, durationSeconds: 10 }).text) as typeof before;
    expect(after.film.cuePoints).toEqual(before.film.cuePoints);
    expect({ ...after, film: undefined }).toEqual({ ...before, film: undefined });
  });
});

describe('updateCourseJson on other files', () => {
  const minimal = (film: Record<string, unknown>): string => JSON.stringify({ id: 'c', film, sections: [] }, null, 4).replace(/\n/g, '\r\n');

  it('keeps a 4-space, CRLF file in its style, and adds missing references in the declared key order', () => {
    const text = minimal({ id: 'film', title: 'T', src: 'video/old.webm', type: 'video/webm', durationSeconds: 5, captions: [], chapters: 'c.vtt', transcript: 't.txt', cuePoints: [] });
    const result = updated(text, { ...unchanged, durationSeconds: 12 });
    expect(result.text).toContain('\r\n    "film": {\r\n        "id": "film",');
    expect(result.text.endsWith('}')).toBe(true); // the original had no final newline
    const film = (JSON.parse(result.text) as { film: Record<string, unknown> }).film;
    expect(Object.keys(film)).toEqual(['id', 'title', 'src', 'type', 'poster', 'durationSeconds', 'captions', 'chapters', 'descriptions', 'transcript', 'cuePoints']);
    expect(film).toMatchObject({ src: 'media/film/common-ground-film.mp4', type: 'video/mp4', poster: 'media/film/poster.png', transcript: 'media/film/transcript.txt' });
  });

  it('refuses invalid JSON, duplicate keys and a file without a film', () => {
    expect(updateCourseJson('{ "film": ', 'c.json', unchanged)).toEqual({ problems: [expect.stringMatching(/^c\.json must be valid JSON .*invalid JSON at line 1/s)] });
    expect(updateCourseJson('{ "film": {}, "film": {} }', 'c.json', unchanged)).toEqual({ problems: [expect.stringContaining('property "film" appears twice')] });
    expect(updateCourseJson('{ "id": "x" }', 'c.json', unchanged)).toEqual({ problems: ['c.json has no "film" object; it does not look like the course\'s course.json'] });
  });
});

describe('detectJsonStyle and formatJson', () => {
  it('finds the indent, line ending and final newline', () => {
    expect(detectJsonStyle('{\n  "a": 1\n}\n')).toEqual({ indent: '  ', newline: '\n', finalNewline: true });
    expect(detectJsonStyle('{\r\n\t"a": 1\r\n}')).toEqual({ indent: '\t', newline: '\r\n', finalNewline: false });
    expect(detectJsonStyle('{"a":1}')).toEqual({ indent: '  ', newline: '\n', finalNewline: false });
  });

  it('writes in that style', () => {
    expect(formatJson({ a: [1] }, { indent: '\t', newline: '\r\n', finalNewline: true })).toBe('{\r\n\t"a": [\r\n\t\t1\r\n\t]\r\n}\r\n');
  });
});

describe('withKeys', () => {
  it('replaces in place, removes, and inserts after the nearest earlier key of the order', () => {
    const order = ['a', 'b', 'c', 'd'];
    expect(Object.entries(withKeys({ d: 4, a: 1 }, { c: 3, a: 9 }, [], order))).toEqual([['d', 4], ['a', 9], ['c', 3]]);
    expect(Object.keys(withKeys({ b: 1, d: 1 }, { a: 0 }, ['d'], order))).toEqual(['a', 'b']);
  });
});

describe('captionLabel and canonicalLanguageTag', () => {
  it('keeps the label of a track in the same language, else names the language in itself', () => {
    expect(captionLabel('en-GB', [{ srclang: 'en-GB', label: 'English (UK)' }])).toBe('English (UK)');
    expect(captionLabel('en-GB', [])).toBe('English');
    expect(captionLabel('cy', [{ srclang: 'en-GB', label: 'English' }])).toBe('Cymraeg');
    expect(captionLabel('fr', undefined)).toBe('Français');
    expect(captionLabel('qaa', undefined)).toBe('qaa'); // private use: no name, so the tag itself
  });

  it('puts tags in canonical case and refuses what the course schema does not allow', () => {
    expect(canonicalLanguageTag('en-gb')).toEqual({ tag: 'en-GB' });
    expect(canonicalLanguageTag('CY')).toEqual({ tag: 'cy' });
    expect(canonicalLanguageTag('pa-guru-in')).toEqual({ tag: 'pa-Guru-IN' });
    expect(canonicalLanguageTag('en_GB')).toEqual({ problem: expect.stringContaining('"en_GB" is not a language tag') });
    expect(canonicalLanguageTag('english')).toEqual({ problem: expect.stringContaining('not a form the course accepts') });
  });
});

describe('film.json after a swap', () => {
  it('records chapters, no scenes, and the source video', () => {
    const source = { file: 'ttc-film.mov', bytes: 123, sha256: 'ab'.repeat(32) };
    const manifest = buildSwappedManifest(612.3, [{ title: 'Whole film', start: 0, end: 612.3 }], source);
    expect(manifest).toEqual({ durationSeconds: 612.3, chapters: [{ title: 'Whole film', start: 0, end: 612.3 }], scenes: [], source });
    expect(recordedSource(JSON.stringify(manifest))).toEqual(source);
  });

  it('finds no source in the stand-in film.json, a missing file or a damaged one', () => {
    expect(recordedSource(committedFilmJson)).toBeUndefined();
    expect(recordedSource(undefined)).toBeUndefined();
    expect(recordedSource('{ "source": ')).toBeUndefined();
    expect(recordedSource('{ "source": { "sha256": 5 } }')).toBeUndefined();
  });
});
