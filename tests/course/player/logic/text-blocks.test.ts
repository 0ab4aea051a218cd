import { describe, expect, it } from 'vitest';
import { paragraphs, transcriptBlocks } from '../../../../course/player/logic/text-blocks.ts';

describe('paragraphs', () => {
  it('splits on blank lines and joins wrapped lines', () => {
    expect(paragraphs('One line\nwrapped.\n\n  \nTwo.\r\n\r\nThree.')).toEqual(['One line wrapped.', 'Two.', 'Three.']);
    expect(paragraphs(undefined)).toEqual([]);
    expect(paragraphs('   ')).toEqual([]);
  });
});

describe('transcriptBlocks', () => {
  it('reads headings, paragraphs and lists, dropping emphasis markers', () => {
    const source = '# Chapter 1\n\n**Narrator:** People report\nstigma.\n\n- eye contact\n- a few _extra_ minutes\nAfter.';
    expect(transcriptBlocks(source)).toEqual([
      { kind: 'heading', text: 'Chapter 1' },
      { kind: 'paragraph', text: 'Narrator: People report stigma.' },
      { kind: 'list', items: ['eye contact', 'a few extra minutes'] },
      { kind: 'paragraph', text: 'After.' },
    ]);
  });

  it('treats plain text as paragraphs and keeps markup-looking text as text', () => {
    expect(transcriptBlocks('Hello <b>there</b>\n\nBye')).toEqual([
      { kind: 'paragraph', text: 'Hello <b>there</b>' },
      { kind: 'paragraph', text: 'Bye' },
    ]);
  });
});
