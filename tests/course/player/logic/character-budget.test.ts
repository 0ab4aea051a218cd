import { describe, expect, it } from 'vitest';
import { characterBudget, clampReflection, countCharacters } from '../../../../course/player/logic/character-budget.ts';

describe('characterBudget', () => {
  it('counts what is left', () => {
    expect(characterBudget('hello', 100)).toEqual({ used: 5, max: 100, remaining: 95, nearLimit: false, atLimit: false });
  });

  it('warns in the last tenth of a short budget and the last 50 characters of a long one', () => {
    expect(characterBudget('x'.repeat(89), 100).nearLimit).toBe(false);
    expect(characterBudget('x'.repeat(90), 100).nearLimit).toBe(true);
    expect(characterBudget('x'.repeat(949), 1000).nearLimit).toBe(false);
    expect(characterBudget('x'.repeat(950), 1000).nearLimit).toBe(true);
  });

  it('reports the limit reached and never a negative remainder', () => {
    expect(characterBudget('x'.repeat(100), 100)).toMatchObject({ remaining: 0, atLimit: true });
    expect(characterBudget('x'.repeat(120), 100).remaining).toBe(0);
  });

  it('counts a Windows line break as one character, as a textarea does', () => {
    expect(countCharacters('a\r\nb')).toBe(3);
    expect(countCharacters('a\nb')).toBe(3);
  });
});

describe('clampReflection', () => {
  it('leaves text within the budget alone', () => {
    expect(clampReflection('short', 10)).toBe('short');
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
