import { describe, expect, it } from 'vitest';
import { formatClock, parseTimestamp, parseVtt } from '../../../../course/player/logic/webvtt.ts';

describe('WebVTT', () => {
  it('parses timestamps with and without hours', () => {
    expect(parseTimestamp('01:02.500')).toBe(62.5);
    expect(parseTimestamp('1:00:02.000')).toBe(3602);
    expect(parseTimestamp('1:2')).toBeNaN();
  });

  it('reads cues, skipping the header, notes and settings', () => {
    const source = '\uFEFFWEBVTT\r\n\r\nNOTE chapters\r\n\r\nintro\r\n00:00.000 --> 00:20.000\r\nWhy this matters\r\n\r\n00:20.000 --> 01:05.500 line:0\r\n<v Narrator>Small actions</v>\r\n';
    expect(parseVtt(source)).toEqual([
      { start: 0, end: 20, text: 'Why this matters' },
      { start: 20, end: 65.5, text: 'Small actions' },
    ]);
  });

  it('formats clock times', () => {
    expect(formatClock(65.9)).toBe('1:05');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(-3)).toBe('0:00');
  });
});
