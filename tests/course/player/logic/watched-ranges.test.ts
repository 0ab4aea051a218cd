import { describe, expect, it } from 'vitest';
import {
  addRange,
  allowedSeekTarget,
  coveredSeconds,
  furthestWatched,
  meetsWatchedThreshold,
  normaliseRanges,
  playedSegmentsString,
  toWholeSeconds,
  watchedFraction,
  type PlayedRange,
} from '../../../../course/player/logic/watched-ranges.ts';

describe('addRange', () => {
  it('keeps separate ranges apart and sorted', () => {
    expect(addRange([[50, 60]], [10, 20])).toEqual([
      [10, 20],
      [50, 60],
    ]);
  });

  it('merges overlapping, touching and nearly touching ranges', () => {
    let ranges: PlayedRange[] = [];
    ranges = addRange(ranges, [0, 10]);
    ranges = addRange(ranges, [5, 15]);
    ranges = addRange(ranges, [15, 20]);
    ranges = addRange(ranges, [20.3, 25]);
    expect(ranges).toEqual([[0, 25]]);
  });

  it('swallows several ranges bridged by a new one', () => {
    expect(addRange([[0, 5], [10, 15], [20, 25], [40, 50]], [4, 21])).toEqual([
      [0, 25],
      [40, 50],
    ]);
  });

  it('ignores empty, reversed and non-finite ranges without changing the input', () => {
    const input: PlayedRange[] = [[0, 5]];
    expect(addRange(input, [7, 7])).toEqual([[0, 5]]);
    expect(addRange(input, [9, 8])).toEqual([[0, 5]]);
    expect(addRange(input, [Number.NaN, 8])).toEqual([[0, 5]]);
    expect(input).toEqual([[0, 5]]);
  });
});

describe('coverage', () => {
  it('counts each second once however often it was played', () => {
    let ranges: PlayedRange[] = [];
    for (let i = 0; i < 3; i++) ranges = addRange(ranges, [0, 30]);
    expect(coveredSeconds(ranges)).toBe(30);
    expect(watchedFraction(ranges, 120)).toBe(0.25);
  });

  it('is 0 for an unknown duration and never above 1', () => {
    expect(watchedFraction([[0, 10]], 0)).toBe(0);
    expect(watchedFraction([[0, 200]], 100)).toBe(1);
  });

  it('meets the threshold exactly at the percentage, not a hair below', () => {
    expect(meetsWatchedThreshold([[0, 90]], 100, 90)).toBe(true);
    expect(meetsWatchedThreshold([[0, 89.8]], 100, 90)).toBe(false);
    expect(meetsWatchedThreshold([[0, 30], [40, 100]], 100, 90)).toBe(true);
    expect(meetsWatchedThreshold([], 100, 0)).toBe(true);
  });

  it('normalises saved ranges into the film', () => {
    expect(normaliseRanges([[90, 120], [-5, 10], [5, 20]], 100)).toEqual([
      [0, 20],
      [90, 100],
    ]);
  });
});

describe('no skip-ahead', () => {
  it('allows seeking back and up to the furthest point watched', () => {
    const ranges: PlayedRange[] = [[0, 40]];
    expect(furthestWatched(ranges)).toBe(40);
    expect(allowedSeekTarget(12, ranges)).toBe(12);
    expect(allowedSeekTarget(40.8, ranges)).toBe(40.8);
  });

  it('snaps a seek past the furthest point back to it', () => {
    expect(allowedSeekTarget(80, [[0, 40]])).toBe(40);
    expect(allowedSeekTarget(5, [])).toBe(0);
  });
});

describe('saving and reporting', () => {
  it('writes the xAPI Video Profile played-segments string', () => {
    expect(playedSegmentsString([[0, 12.5], [30, 45.12345]])).toBe('0[.]12.5[,]30[.]45.123');
    expect(playedSegmentsString([])).toBe('');
  });

  it('rounds to whole seconds without crediting unplayed time', () => {
    expect(toWholeSeconds([[0.4, 10.6], [20, 20.9], [30.2, 40]])).toEqual([
      [1, 10],
      [31, 40],
    ]);
  });
});
