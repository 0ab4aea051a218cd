import { describe, expect, it } from 'vitest';
import { parseProgress, percentDone } from '../../../tools/film/swap-encode.ts';

describe('parseProgress', () => {
  it('takes the last encoded position in a chunk of ffmpeg -progress output', () => {
    const chunk = ['frame=120', 'out_time_us=4800000', 'out_time=00:00:04.800000', 'progress=continue', 'frame=150', 'out_time_us=6000000', 'progress=continue', ''].join('\n');
    expect(parseProgress(chunk)).toEqual({ seconds: 6, done: false });
  });

  it('knows the end, and that N/A is no position', () => {
    expect(parseProgress('out_time_us=N/A\nprogress=continue\n')).toEqual({ seconds: undefined, done: false });
    expect(parseProgress('out_time_us=12010667\r\nprogress=end\r\n')).toEqual({ seconds: 12.010667, done: true });
  });
});

describe('percentDone', () => {
  it('gives whole percent, within 0..100', () => {
    expect(percentDone(6, 12)).toBe(50);
    expect(percentDone(11.99, 12)).toBe(99);
    expect(percentDone(12.01, 12)).toBe(100);
    expect(percentDone(-1, 12)).toBe(0);
    expect(percentDone(5, 0)).toBe(0);
  });
});
