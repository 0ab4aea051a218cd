import { describe, expect, it } from 'vitest';
import { buildCaptionCues, chunkSentence, DEFAULT_CAPTION_LIMITS, splitSentences, timeChunks } from '../../../tools/film/captions.ts';
import { planTimeline } from '../../../tools/film/timeline.ts';
import { checkVtt, serialiseVtt } from '../../../tools/film/vtt.ts';
import { charCount, splitWords, wrapBalanced } from '../../../tools/film/text-wrap.ts';

describe('splitSentences', () => {
  it('splits after . ! ? before a capital, digit or opening quote', () => {
    expect(splitSentences('Keeping eye contact. Taking a few minutes! Why wait? 1 in 3 people. “Quoted” text.')).toEqual([
      'Keeping eye contact.',
      'Taking a few minutes!',
      'Why wait?',
      '1 in 3 people.',
      '“Quoted” text.',
    ]);
  });
  it('keeps a closing quote with its sentence and does not split before lower case', () => {
    expect(splitSentences('She said “thank you.” Then she left. It was 3.5 km away. ok.')).toEqual([
      'She said “thank you.”',
      'Then she left.',
      'It was 3.5 km away. ok.',
    ]);
  });
});

/**
 * The fewest chunks possible, found independently of chunkSentence: take the longest run of words
 * that fits, repeatedly (fitting is monotonic, so this greedy cover is minimal).
 */
function fewestChunks(sentence: string): number {
  const words = splitWords(sentence);
  let count = 0;
  for (let start = 0; start < words.length; count++) {
    let end = start + 1;
    while (end < words.length && (wrapBalanced(words.slice(start, end + 1).join(' '), 42)?.length ?? 99) <= 2) end++;
    start = end;
  }
  return count;
}

describe('chunkSentence', () => {
  it('keeps a short sentence as one single-line chunk', () => {
    expect(chunkSentence('Welcome to Common Ground.')).toEqual([{ lines: ['Welcome to Common Ground.'], wordCount: 4 }]);
  });

  it('uses two lines before a second chunk', () => {
    const chunks = chunkSentence('This is a short stand-in film, made so that the course is complete.');
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.lines).toEqual(['This is a short stand-in film,', 'made so that the course is complete.']);
  });

  it('splits a long sentence into the fewest chunks within the limits, keeping every word', () => {
    const sentence =
      'And it shows when a person is seen only as a risk to manage, not as someone with hopes and a say in their care, and it shows in what we write down.';
    const chunks = chunkSentence(sentence);
    expect(chunks).toHaveLength(fewestChunks(sentence));
    for (const chunk of chunks) {
      expect(chunk.lines.length).toBeLessThanOrEqual(2);
      for (const line of chunk.lines) expect(charCount(line)).toBeLessThanOrEqual(42);
    }
    expect(chunks.flatMap((chunk) => chunk.lines).join(' ')).toBe(sentence);
    expect(chunks.reduce((sum, chunk) => sum + chunk.wordCount, 0)).toBe(splitWords(sentence).length);
  });

  it('prefers to end a chunk at a clause boundary over a more even cut', () => {
    // Two one-line chunks are needed; "and then" / "we talked" would be more even, but the comma wins.
    const chunks = chunkSentence('We listened, and then we talked it through', { maxLineChars: 30, maxLines: 1 });
    expect(chunks.map((chunk) => chunk.lines)).toEqual([['We listened,'], ['and then we talked it through']]);
  });

  it('avoids ending a chunk on a word that leans on the next', () => {
    // "Sit with the" / "person and listen" is more even, but would strand "the".
    const chunks = chunkSentence('Sit with the person and listen', { maxLineChars: 20, maxLines: 1 });
    expect(chunks.map((chunk) => chunk.lines)).toEqual([['Sit with the person'], ['and listen']]);
  });

  it('honours other limits, and throws for a word that cannot fit', () => {
    const chunks = chunkSentence('one two three four five six', { maxLineChars: 9, maxLines: 1 });
    expect(chunks.map((chunk) => chunk.lines)).toEqual([['one two'], ['three'], ['four'], ['five six']]);
    expect(() => chunkSentence('incomprehensibilities', { maxLineChars: 10, maxLines: 2 })).toThrow(/too long/);
  });
});

describe('timeChunks', () => {
  it('shares the time in proportion to words, end to end', () => {
    const cues = timeChunks(
      [
        { lines: ['one two three'], wordCount: 3 },
        { lines: ['four'], wordCount: 1 },
      ],
      1000,
      5000,
    );
    expect(cues).toEqual([
      { startMs: 1000, endMs: 4000, text: 'one two three' },
      { startMs: 4000, endMs: 5000, text: 'four' },
    ]);
  });
  it('escapes text and joins lines with a newline', () => {
    expect(timeChunks([{ lines: ['A & B', '<c>'], wordCount: 4 }], 0, 100)[0]!.text).toBe('A &amp; B\n&lt;c&gt;');
  });
});

describe('buildCaptionCues', () => {
  const sampleRate = 1000; // 1 sample = 1 ms keeps the arithmetic readable
  const timeline = planTimeline(
    [
      [
        { text: 'Welcome to Common Ground.', samples: 1500 },
        { text: 'This is a short stand-in film, made so that the course is complete, and it is not the original.', samples: 5000 },
      ],
      [{ text: 'Thank you for watching.', samples: 1200 }],
    ],
    { sampleRate, framesPerSecond: 10, leadInSeconds: 0.5, sentenceGapSeconds: 0.3, tailSeconds: 0.2 },
  );
  const cues = buildCaptionCues(timeline, { lingerMs: 800, limits: DEFAULT_CAPTION_LIMITS });

  it('starts each sentence when it is spoken and keeps captions up through short pauses', () => {
    expect(cues[0]).toMatchObject({ id: 'caption-1', startMs: 500, endMs: 2300, text: 'Welcome to Common Ground.' });
    expect(cues[1]!.startMs).toBe(2300);
    // The long sentence becomes two cues, the second ending where the sentence's speech ends plus the linger, capped at the scene end.
    expect(cues).toHaveLength(4);
    expect(cues[2]!.endMs).toBe(timeline.scenes[0]!.endSample);
  });

  it('lingers after the last sentence of a scene but never into the next scene', () => {
    const last = cues.at(-1)!;
    const scene = timeline.scenes[1]!;
    expect(last.startMs).toBe(scene.startSample + 500);
    expect(last.endMs).toBe(Math.min(scene.sentences[0]!.endSample + 800, scene.endSample));
  });

  it('produces a valid caption track that says every word in order', () => {
    expect(checkVtt(serialiseVtt(cues), { durationMs: timeline.totalSamples, maxLineChars: 42, maxLines: 2 })).toEqual([]);
    const spoken = timeline.scenes.flatMap((scene) => scene.sentences.map((sentence) => sentence.text)).join(' ');
    expect(cues.map((cue) => cue.text.replace(/\n/g, ' ')).join(' ')).toBe(spoken);
  });
});
