// The preview's reading of a Range header (RFC 9110 §14.1-14.2): a valid range is served, one outside the file is
// unsatisfiable (416), and an invalid one is ignored, so the whole file is sent (issue 17.5: "bytes=5-1" gave 416).
import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../tools/preview/package-files.ts';

describe('parseRange', () => {
  it.each([
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=5-', { start: 5, end: 99 }],
    ['bytes=90-200', { start: 90, end: 99 }],
    ['bytes=-10', { start: 90, end: 99 }],
    ['bytes=-500', { start: 0, end: 99 }],
  ])('serves %s', (header, range) => {
    expect(parseRange(header, 100)).toEqual(range);
  });

  it.each(['bytes=5-1', 'bytes=99-0', 'bytes=-', 'items=0-5', 'bytes=0-5,10-20', 'bytes=a-b', ''])('ignores the invalid %j (whole file)', (header) => {
    expect(parseRange(header, 100)).toBeNull();
  });

  it.each(['bytes=100-', 'bytes=100-200', 'bytes=-0'])('finds %s unsatisfiable in a 100-byte file', (header) => {
    expect(parseRange(header, 100)).toBe('unsatisfiable');
  });
});
