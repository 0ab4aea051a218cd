import { describe, expect, it } from 'vitest';
import { checkVtt, escapeVttText, formatClock, formatVttTimestamp, parseVttTimestamp, serialiseVtt } from '../../../tools/film/vtt.ts';

describe('formatVttTimestamp', () => {
  it('writes HH:MM:SS.mmm', () => {
    expect(formatVttTimestamp(0)).toBe('00:00:00.000');
    expect(formatVttTimestamp(1)).toBe('00:00:00.001');
    expect(formatVttTimestamp(59_999)).toBe('00:00:59.999');
    expect(formatVttTimestamp(60_000)).toBe('00:01:00.000');
    expect(formatVttTimestamp(125_800)).toBe('00:02:05.800');
    expect(formatVttTimestamp(3_723_004)).toBe('01:02:03.004');
  });
  it('refuses fractional or negative milliseconds', () => {
    expect(() => formatVttTimestamp(1.5)).toThrow(RangeError);
    expect(() => formatVttTimestamp(-1)).toThrow(RangeError);
  });
  it('round-trips through parseVttTimestamp, which also accepts the short form', () => {
    for (const ms of [0, 999, 61_001, 3_599_999, 36_000_000]) expect(parseVttTimestamp(formatVttTimestamp(ms))).toBe(ms);
    expect(parseVttTimestamp('01:02.500')).toBe(62_500);
    expect(parseVttTimestamp('1:02.500')).toBeNull();
    expect(parseVttTimestamp('00:60:00.000')).toBeNull();
    expect(parseVttTimestamp('00:00:01,000')).toBeNull();
  });
});

describe('formatClock', () => {
  it('writes m:ss, rounding down', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(11_600)).toBe('0:11');
    expect(formatClock(125_800)).toBe('2:05');
  });
});

describe('escapeVttText', () => {
  it('escapes &, < and >', () => {
    expect(escapeVttText('A & B <b> --> C')).toBe('A &amp; B &lt;b&gt; --&gt; C');
  });
});

describe('serialiseVtt', () => {
  it('writes the header, then cue blocks separated by blank lines', () => {
    const text = serialiseVtt([
      { id: 'c1', startMs: 500, endMs: 2000, text: 'One\nTwo' },
      { startMs: 2000, endMs: 3000, text: 'Three' },
    ]);
    expect(text).toBe('WEBVTT\n\nc1\n00:00:00.500 --> 00:00:02.000\nOne\nTwo\n\n00:00:02.000 --> 00:00:03.000\nThree\n');
    expect(checkVtt(text)).toEqual([]);
  });
});

describe('checkVtt', () => {
  const good = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello\n\n00:00:01.000 --> 00:00:02.000\nWorld\n';

  it('accepts a well-formed file, with CRLF line endings too', () => {
    expect(checkVtt(good)).toEqual([]);
    expect(checkVtt(good.replace(/\n/g, '\r\n'))).toEqual([]);
  });

  it('needs the WEBVTT header and at least one cue', () => {
    expect(checkVtt(good.replace('WEBVTT', 'WEBVT'))).toEqual(['the file does not start with a "WEBVTT" header line']);
    expect(checkVtt('WEBVTT\n')).toEqual(['the file has no cues']);
  });

  it('finds cues that end before they start, overlap, or run out of order', () => {
    expect(checkVtt('WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nBackwards\n')).toEqual([
      'cue 1: ends (00:00:01.000) before or when it starts (00:00:02.000)',
    ]);
    expect(checkVtt('WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nA\n\n00:00:01.500 --> 00:00:03.000\nB\n')).toEqual([
      'cue 2: overlaps the cue before it',
    ]);
    expect(checkVtt('WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nA\n\n00:00:01.000 --> 00:00:02.000\nB\n')).toEqual([
      'cue 2: starts before the cue before it',
      'cue 2: overlaps the cue before it',
    ]);
  });

  it('finds malformed timings, empty cues, repeated ids and cues past the end of the film', () => {
    expect(checkVtt('WEBVTT\n\n00:00:00 --> 00:00:01.000\nA\n')).toEqual(['cue 1: malformed timing line "00:00:00 --> 00:00:01.000"']);
    expect(checkVtt('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n')).toEqual(['cue 1: has no text']);
    expect(checkVtt('WEBVTT\n\nx\n00:00:00.000 --> 00:00:01.000\nA\n\nx\n00:00:01.000 --> 00:00:02.000\nB\n')).toEqual([
      'cue 2: identifier "x" is used twice',
    ]);
    expect(checkVtt(good, { durationMs: 1500 })).toEqual(['cue 2: ends at 00:00:02.000, after the film ends (00:00:01.500)']);
  });

  it('enforces caption line limits, counting escaped characters once', () => {
    const cue = (text: string): string => `WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n${text}\n`;
    expect(checkVtt(cue('a\nb\nc'), { maxLines: 2 })).toEqual(['cue 1: 3 lines, more than 2']);
    expect(checkVtt(cue('12345 &amp; 7'), { maxLineChars: 9 })).toEqual([]);
    expect(checkVtt(cue('1234567890'), { maxLineChars: 9 })).toEqual(['cue 1: line "1234567890" has 10 characters, more than 9']);
  });
});
