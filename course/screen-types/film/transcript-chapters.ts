// The transcript's chapter lines as headings (issue 18.8), so a screen-reader user can jump from chapter to chapter
// with H. A transcript may mark its headings in Markdown ("## Why this matters", logic/text-blocks.ts), but a plain
// text one (ours, or a trust's own) gives each chapter a line of its own: "Chapter 2: Why this matters (0:11)". A
// paragraph is taken for a chapter heading when, without such a "Chapter 2:" label and time, it is the title of one
// of the film's chapters (chapters.vtt), or when it is a short line that starts "Chapter <number>:".
import type { TextBlock } from '../../player/logic/text-blocks.ts';

const LABEL = /^(?:chapter|part)\s+\d+\s*[:.\-–—]\s*/i;
const TIME = /\s*[([]?\s*\d{1,2}:\d{2}(?::\d{2})?\s*[)\]]?\s*$/;
/** Longest line still taken for a "Chapter N:" heading without a matching chapter title. */
const MAX_LABELLED_LENGTH = 100;

/** A chapter line reduced to its title, for comparison: no label, no time, no closing full stop, lower case. */
export function chapterKey(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LABEL, '')
    .replace(TIME, '')
    .replace(/[.:]$/, '')
    .trim()
    .toLowerCase();
}

/** The blocks with every chapter line made a heading; everything else as it was. */
export function withChapterHeadings(blocks: readonly TextBlock[], chapterTitles: readonly string[]): TextBlock[] {
  const titles = new Set(chapterTitles.map(chapterKey).filter((key) => key !== ''));
  return blocks.map((block) => {
    if (block.kind !== 'paragraph') return block;
    const key = chapterKey(block.text);
    const labelled = LABEL.test(block.text) && block.text.length <= MAX_LABELLED_LENGTH;
    return key !== '' && (titles.has(key) || labelled) ? { kind: 'heading', text: block.text } : block;
  });
}
