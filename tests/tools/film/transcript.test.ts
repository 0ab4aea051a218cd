import { describe, expect, it } from 'vitest';
import { buildTranscript } from '../../../tools/film/transcript.ts';

describe('buildTranscript', () => {
  const scenes = [
    { id: 'a', card: { heading: 'Welcome', body: ['A stand-in film'] }, narration: 'Welcome to Common Ground. ' },
    { id: 'b', card: { heading: 'Why', body: [] }, narration: 'One in three people.' },
    { id: 'c', card: { heading: 'Time\u00a0to\u00a0Change', body: ['Bring it to supervision?'] }, narration: 'Bring it.' },
  ];
  const chapters = [
    { title: 'Welcome', startMs: 0, endMs: 20_000, sceneIds: ['a', 'b'] },
    { title: 'Supervision', startMs: 20_000, endMs: 65_400, sceneIds: ['c'] },
  ];

  it('writes title, running time, chapter headings with times, card text and narration', () => {
    expect(buildTranscript({ title: 'Film', durationMs: 65_400, chapters, scenes })).toBe(
      [
        'Film',
        'Transcript. Running time 1:05.',
        'The film is a series of blue title cards with white text, read by a narrator and, for the accounts written for this course, a second voice. The text of each card is given in square brackets, followed by who speaks and what they say.',
        'Chapter 1: Welcome (0:00)',
        '[On screen: Welcome. A stand-in film.]',
        'Narrator: Welcome to Common Ground.',
        '[On screen: Why.]',
        'Narrator: One in three people.',
        'Chapter 2: Supervision (0:20)',
        '[On screen: Time to Change. Bring it to supervision?]',
        'Narrator: Bring it.',
      ].join('\n\n') + '\n',
    );
  });

  it('refuses a chapter that names a scene it does not have', () => {
    expect(() => buildTranscript({ title: 'F', durationMs: 1, chapters: [{ ...chapters[0]!, sceneIds: ['zz'] }], scenes })).toThrow(/unknown scene "zz"/);
  });
});
