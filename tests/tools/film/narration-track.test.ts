import { describe, expect, it } from 'vitest';
import { assembleNarration } from '../../../tools/film/narration-track.ts';
import { planTimeline } from '../../../tools/film/timeline.ts';

const options = { sampleRate: 100, framesPerSecond: 10, leadInSeconds: 0.02, sentenceGapSeconds: 0.01, tailSeconds: 0 };
const tone = (length: number, value: number): Int16Array => new Int16Array(length).fill(value);

describe('assembleNarration', () => {
  const timeline = planTimeline(
    [
      [
        { text: 'a', samples: 3 },
        { text: 'b', samples: 2 },
      ],
      [{ text: 'c', samples: 4 }],
    ],
    options,
  );

  it('places each sentence at its planned sample with silence elsewhere', () => {
    const track = assembleNarration(timeline, [
      [{ sampleRate: 100, samples: tone(3, 1) }, { sampleRate: 100, samples: tone(2, 2) }],
      [{ sampleRate: 100, samples: tone(4, 3) }],
    ]);
    expect(track.sampleRate).toBe(100);
    // Scene 1: 2 lead-in, 3 of "a", 1 gap, 2 of "b", padded to a 10-sample frame; scene 2: 2 lead-in, 4 of "c", padded.
    expect([...track.samples]).toEqual([0, 0, 1, 1, 1, 0, 2, 2, 0, 0, 0, 0, 3, 3, 3, 3, 0, 0, 0, 0]);
  });

  it('refuses audio that does not match the plan', () => {
    expect(() => assembleNarration(timeline, [[{ sampleRate: 100, samples: tone(3, 1) }]])).toThrow(/scene 1, sentence 2: no audio/);
    expect(() =>
      assembleNarration(timeline, [
        [{ sampleRate: 100, samples: tone(3, 1) }, { sampleRate: 100, samples: tone(5, 2) }],
        [{ sampleRate: 100, samples: tone(4, 3) }],
      ]),
    ).toThrow(/5 samples, the timeline planned 2/);
    expect(() =>
      assembleNarration(timeline, [
        [{ sampleRate: 200, samples: tone(3, 1) }, { sampleRate: 100, samples: tone(2, 2) }],
        [{ sampleRate: 100, samples: tone(4, 3) }],
      ]),
    ).toThrow(/200 Hz/);
  });
});
