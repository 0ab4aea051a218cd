// Saved progress restores after an update that changes no course content: the tags, encoded states, decoding,
// resume and clean-up of the real course (as the build reads it) and the test courses are exactly as pinned in
// tests/fixtures/saved-state/pinned.json (made by tests/course/runtime/helpers/saved-state-figures.ts before screen
// types moved into course/screen-types/, issue 14.3). Never regenerate it to make this pass: a difference means a
// learner's saved progress would restart, or restore to something else.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Course } from '../../../../course/model/types.ts';
import { loadCourse } from '../../../../build/course/load.ts';
import { savedStateFigures, type SavedStateFigures } from '../helpers/saved-state-figures.ts';

const pinned = JSON.parse(readFileSync(new URL('../../../fixtures/saved-state/pinned.json', import.meta.url), 'utf8')) as Record<string, SavedStateFigures>;
const fixture = (name: string): Course => JSON.parse(readFileSync(new URL(`../../../fixtures/courses/${name}/course.json`, import.meta.url), 'utf8')) as Course;

/** Through JSON, as the pinned file holds it (undefined fields left out, NaN as null). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe.each([
  ['the real course', async () => loadCourse(fileURLToPath(new URL('../../../../course/content', import.meta.url)))],
  ['the minimal test course', async () => fixture('minimal')],
  ['course 1.0.0', async () => fixture('course-1.0.0')],
])('saved state of %s', (name, load) => {
  it('is byte for byte as pinned', async () => {
    const figures = asJson(savedStateFigures(await load())) as SavedStateFigures;
    const expected = pinned[name] as SavedStateFigures;
    // Part by part, so a failure names what moved.
    expect(figures.sections).toEqual(expected.sections);
    expect(figures.promptTags).toEqual(expected.promptTags);
    expect(figures.worstCaseLength).toBe(expected.worstCaseLength);
    expect(figures.encoded).toEqual(expected.encoded);
    expect(figures.decoded).toEqual(expected.decoded);
    expect(figures.resumed).toEqual(expected.resumed);
    expect(figures.restarted).toEqual(expected.restarted);
    expect(figures.sanitized).toEqual(expected.sanitized);
    expect(figures.legacy).toEqual(expected.legacy);
  });
});
