import { describe, expect, it } from 'vitest';
import { PlaybackTracker, maxPlayedStep } from '../../../../course/player/logic/playback-tracker.ts';

/** Plays from `from` to `to` in timeupdate steps of `step` seconds. */
function play(tracker: PlaybackTracker, from: number, to: number, step = 0.25, rate = 1): void {
  tracker.start(from);
  for (let t = from + step; t <= to + 1e-9; t += step) tracker.sample(Math.round(t * 1000) / 1000, rate);
}

describe('PlaybackTracker', () => {
  it('credits time played in normal steps', () => {
    const tracker = new PlaybackTracker();
    play(tracker, 0, 10);
    expect(tracker.played).toEqual([[0, 10]]);
  });

  it('does not credit a jump between two samples (a seek the player did not announce)', () => {
    const tracker = new PlaybackTracker();
    play(tracker, 0, 10);
    expect(tracker.sample(70, 1)).toBeNull();
    tracker.sample(70.25, 1);
    expect(tracker.played).toEqual([
      [0, 10],
      [70, 70.25],
    ]);
  });

  it('does not join samples across an interruption', () => {
    const tracker = new PlaybackTracker();
    play(tracker, 0, 5);
    tracker.interrupt();
    tracker.sample(5.2, 1);
    tracker.sample(5.4, 1);
    expect(tracker.played).toEqual([[0, 5.4]]);
    tracker.interrupt();
    expect(tracker.sample(9, 1)).toBeNull();
  });

  it('ignores time standing still or going backwards', () => {
    const tracker = new PlaybackTracker();
    tracker.start(10);
    expect(tracker.sample(10, 1)).toBeNull();
    expect(tracker.sample(8, 1)).toBeNull();
    expect(tracker.played).toEqual([]);
  });

  it('accepts larger steps at faster playback rates', () => {
    expect(maxPlayedStep(2)).toBe(4);
    expect(maxPlayedStep(0.5)).toBe(1);
    const tracker = new PlaybackTracker();
    play(tracker, 0, 12, 1.5, 2);
    expect(tracker.played).toEqual([[0, 12]]);
  });

  it('starts from saved ranges and merges new playback into them', () => {
    const tracker = new PlaybackTracker([[0, 30]]);
    play(tracker, 30, 40);
    expect(tracker.played).toEqual([[0, 40]]);
  });
});
