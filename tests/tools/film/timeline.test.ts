import { describe, expect, it } from 'vitest';
import { planTimeline, samplesToFrames, samplesToMs } from '../../../tools/film/timeline.ts';

const options = { sampleRate: 22_050, framesPerSecond: 10, leadInSeconds: 0.5, sentenceGapSeconds: 0.3, tailSeconds: 1 };

describe('planTimeline', () => {
  const timeline = planTimeline(
    [
      [
        { text: 'One.', samples: 22_050 },
        { text: 'Two.', samples: 11_025 },
      ],
      [{ text: 'Three.', samples: 30_000 }],
    ],
    options,
  );

  it('puts the lead-in before the first sentence and the gap between sentences', () => {
    const [first, second] = timeline.scenes[0]!.sentences;
    expect(first).toEqual({ text: 'One.', startSample: 11_025, endSample: 33_075 });
    expect(second).toEqual({ text: 'Two.', startSample: 33_075 + 6_615, endSample: 33_075 + 6_615 + 11_025 });
  });

  it('ends each scene on a whole frame, at least the tail after its last sentence', () => {
    for (const scene of timeline.scenes) {
      expect((scene.endSample - scene.startSample) % 2_205).toBe(0);
      expect(scene.endSample - scene.sentences.at(-1)!.endSample).toBeGreaterThanOrEqual(22_050);
      expect(scene.endSample - scene.sentences.at(-1)!.endSample).toBeLessThan(22_050 + 2_205);
    }
  });

  it('lays scenes end to end and totals them', () => {
    expect(timeline.scenes[0]!.startSample).toBe(0);
    expect(timeline.scenes[1]!.startSample).toBe(timeline.scenes[0]!.endSample);
    expect(timeline.totalSamples).toBe(timeline.scenes[1]!.endSample);
    // Scene 1: 0.5 + 1 + 0.3 + 0.5 + 1 = 3.3 s exactly; scene 2: 0.5 + 1.3605 + 1 = 2.86 s, rounded up to 2.9 s.
    expect(timeline.scenes[0]!.endSample).toBe(33 * 2_205);
    expect(timeline.totalSamples).toBe(62 * 2_205);
  });

  it('refuses empty scenes, bad lengths and frame rates that do not divide the sample rate', () => {
    expect(() => planTimeline([[]], options)).toThrow(/nothing to say/);
    expect(() => planTimeline([[{ text: 'x', samples: 0 }]], options)).toThrow(/positive whole number/);
    expect(() => planTimeline([[{ text: 'x', samples: 10.5 }]], options)).toThrow(/positive whole number/);
    expect(() => planTimeline([[{ text: 'x', samples: 100 }]], { ...options, framesPerSecond: 24 })).toThrow(/whole samples per frame/);
  });
});

describe('sample conversions', () => {
  it('converts samples to whole milliseconds and whole frames', () => {
    expect(samplesToMs(22_050, 22_050)).toBe(1000);
    expect(samplesToMs(2_205, 22_050)).toBe(100);
    expect(samplesToMs(1, 22_050)).toBe(0);
    expect(samplesToMs(23, 22_050)).toBe(1);
    expect(samplesToFrames(44_100, 22_050, 10)).toBe(20);
    expect(() => samplesToFrames(1_000, 22_050, 10)).toThrow(RangeError);
  });
});
