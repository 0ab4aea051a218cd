// Which transcript paragraphs are chapter headings (film/transcript-chapters.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chapterKey, withChapterHeadings } from '../../../../course/screen-types/film/transcript-chapters.ts';
import { transcriptBlocks } from '../../../../course/player/logic/text-blocks.ts';
import { parseVtt } from '../../../../course/player/logic/webvtt.ts';
import { loadCourse } from '../../runtime/helpers/course-fixtures.ts';

const paragraph = (text: string) => ({ kind: 'paragraph' as const, text });

describe('chapterKey', () => {
  it('reduces a chapter line to its title', () => {
    expect(chapterKey('Chapter 2: Why this matters (0:11)')).toBe('why this matters');
    expect(chapterKey('Part 3 – Small actions [1:02:03]')).toBe('small actions');
    expect(chapterKey('  Why   this matters. ')).toBe('why this matters');
  });
});

describe('withChapterHeadings', () => {
  const titles = ['Welcome', 'Why this matters'];

  it('makes a line naming a chapter a heading, with or without its label and time', () => {
    const blocks = withChapterHeadings([paragraph('Chapter 1: Welcome (0:00)'), paragraph('Why this matters'), paragraph('Narrator: Welcome to the course.')], titles);
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'heading', 'paragraph']);
    expect(blocks[0]).toEqual({ kind: 'heading', text: 'Chapter 1: Welcome (0:00)' });
  });

  it('takes a short "Chapter N:" line for a heading when the chapters are not known, but not a long paragraph', () => {
    const long = `Chapter 4: ${'and then the narrator goes on to say a great deal more than any heading would '.repeat(2)}`;
    expect(withChapterHeadings([paragraph('Chapter 7: Closing words (2:30)'), paragraph(long)], []).map((b) => b.kind)).toEqual(['heading', 'paragraph']);
  });

  it('leaves headings and lists as they were', () => {
    const blocks = [{ kind: 'heading' as const, text: 'Transcript' }, { kind: 'list' as const, items: ['Welcome'] }];
    expect(withChapterHeadings(blocks, titles)).toEqual(blocks);
  });

  it('finds every chapter of the course film in its transcript, in order', () => {
    const course = loadCourse();
    const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../../../course/content/${path}`, import.meta.url)), 'utf8');
    const chapters = parseVtt(read(course.film.chapters)).map((cue) => cue.text);
    const headings = withChapterHeadings(transcriptBlocks(read(course.film.transcript)), chapters).filter((b) => b.kind === 'heading');
    expect(headings.map((h) => chapterKey(h.kind === 'heading' ? h.text : ''))).toEqual(chapters.map(chapterKey));
  });
});
