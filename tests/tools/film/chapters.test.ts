import { describe, expect, it } from 'vitest';
import { buildChapterCues, buildChapters } from '../../../tools/film/chapters.ts';

const scenes = [
  { id: 'a', chapter: 'Welcome', startMs: 0, endMs: 10_000 },
  { id: 'b', chapter: 'Stigma & services', startMs: 10_000, endMs: 20_000 },
  { id: 'c', startMs: 20_000, endMs: 31_500 },
  { id: 'd', chapter: 'Supervision', startMs: 31_500, endMs: 40_000 },
];

describe('buildChapters', () => {
  it('starts a chapter at each named scene and runs it to the next', () => {
    expect(buildChapters(scenes)).toEqual([
      { title: 'Welcome', startMs: 0, endMs: 10_000, sceneIds: ['a'] },
      { title: 'Stigma & services', startMs: 10_000, endMs: 31_500, sceneIds: ['b', 'c'] },
      { title: 'Supervision', startMs: 31_500, endMs: 40_000, sceneIds: ['d'] },
    ]);
  });

  it('refuses a first scene without a chapter and scenes that do not meet end to start', () => {
    expect(() => buildChapters([{ id: 'x', startMs: 0, endMs: 1 }])).toThrow(/before any chapter/);
    expect(() => buildChapters([scenes[0]!, { ...scenes[2]!, startMs: 10_100 }])).toThrow(/does not start where/);
  });
});

describe('buildChapterCues', () => {
  it('makes one escaped cue per chapter', () => {
    expect(buildChapterCues(buildChapters(scenes))).toEqual([
      { id: 'chapter-1', startMs: 0, endMs: 10_000, text: 'Welcome' },
      { id: 'chapter-2', startMs: 10_000, endMs: 31_500, text: 'Stigma &amp; services' },
      { id: 'chapter-3', startMs: 31_500, endMs: 40_000, text: 'Supervision' },
    ]);
  });
});
