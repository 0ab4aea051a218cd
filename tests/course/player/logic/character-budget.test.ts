import { describe, expect, it } from 'vitest';
import { clampReflection } from '../../../../course/player/logic/character-budget.ts';

describe('clampReflection', () => {
  it('leaves text within the budget alone', () => {
    expect(clampReflection('short', 10)).toBe('short');
  });

  it('counts a Windows line break as one character, as a textarea does', () => {
    expect(clampReflection('a\r\nbc', 3)).toBe('a\nb');
  });

  it('cuts text over the budget', () => {
    expect(clampReflection('abcdefghij', 4)).toBe('abcd');
  });

  it('never splits an emoji in half', () => {
    const text = 'ab\u{1F600}';
    expect(text.length).toBe(4);
    expect(clampReflection(text, 3)).toBe('ab');
    expect(clampReflection(text, 4)).toBe(text);
  });
});
