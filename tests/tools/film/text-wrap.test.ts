import { describe, expect, it } from 'vitest';
import { breakCost, charCount, plainSpaces, splitWords, wrapBalanced } from '../../../tools/film/text-wrap.ts';

describe('splitWords', () => {
  it('splits on runs of ordinary whitespace and drops empties', () => {
    expect(splitWords('  one\ttwo \n three  ')).toEqual(['one', 'two', 'three']);
  });
  it('keeps words joined by a no-break space together', () => {
    expect(splitWords('the Time\u00a0to\u00a0Change film')).toEqual(['the', 'Time\u00a0to\u00a0Change', 'film']);
  });
});

describe('charCount and plainSpaces', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(charCount('everyone’s — 😀')).toBe(14);
  });
  it('turns no-break spaces into ordinary spaces', () => {
    expect(plainSpaces('Time\u00a0to\u00a0Change')).toBe('Time to Change');
  });
});

describe('breakCost', () => {
  it('rewards breaking after a clause and penalises breaking after a leaning word', () => {
    expect(breakCost('wait,')).toBeLessThan(0);
    expect(breakCost('overshadowing:')).toBeLessThan(0);
    expect(breakCost('the')).toBeGreaterThan(0);
    expect(breakCost('A')).toBeGreaterThan(0);
    expect(breakCost('services')).toBe(0);
  });
});

describe('wrapBalanced', () => {
  it('returns one line when the text fits', () => {
    expect(wrapBalanced('Keeping eye contact.', 42)).toEqual(['Keeping eye contact.']);
  });

  it('returns no lines for empty text and null when a word is too long', () => {
    expect(wrapBalanced('   ', 10)).toEqual([]);
    expect(wrapBalanced('a supercalifragilistic word', 10)).toBeNull();
  });

  it('rejects a width that is not a positive integer', () => {
    expect(() => wrapBalanced('text', 0)).toThrow(RangeError);
    expect(() => wrapBalanced('text', 2.5)).toThrow(RangeError);
  });

  it('uses the fewest lines a greedy wrap would, but evens them out', () => {
    // Greedy at 20 gives "aaaa bbbb cccc dddd" + "eeee": a lone short last line.
    expect(wrapBalanced('aaaa bbbb cccc dddd eeee', 20)).toEqual(['aaaa bbbb cccc', 'dddd eeee']);
  });

  it('prefers a break after a clause to an even split after "a"', () => {
    expect(wrapBalanced('Explaining why there is a wait, and how long it may be.', 42)).toEqual([
      'Explaining why there is a wait,',
      'and how long it may be.',
    ]);
  });

  it('never lets a line exceed the width, and keeps every word in order', () => {
    // A fixed pseudo-random sequence (no Math.random) so a failure can be reproduced.
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const words = Array.from({ length: 1 + Math.floor(next() * 30) }, () => 'x'.repeat(1 + Math.floor(next() * 12)));
      const width = 12 + Math.floor(next() * 40);
      const lines = wrapBalanced(words.join(' '), width)!;
      for (const line of lines) expect(charCount(line)).toBeLessThanOrEqual(width);
      expect(lines.join(' ')).toBe(words.join(' '));
    }
  });
});
