// The announcement rule of components/respond.ts: one composed message, and focus or the live region, never both.
import { describe, expect, it } from 'vitest';
import { composeMessage, deliver } from '../../../../course/player/components/respond.ts';

function live() {
  const said: string[] = [];
  let cleared = 0;
  return { said, cleared: () => cleared, announce: (message: string) => void said.push(message), clearAnnouncement: () => void cleared++ };
}

/** Enough of an element for deliver(): connected or not, and whether it was focused. */
function element(connected = true) {
  const target = { isConnected: connected, focused: 0, focus: () => void target.focused++ };
  return target;
}

describe('composeMessage', () => {
  it('joins the parts in order as sentences, dropping empty ones', () => {
    expect(composeMessage(['Not quite', 'Check the chest pain first.', false, null, '  ', 'You have 2 more attempts.'])).toBe(
      'Not quite. Check the chest pain first. You have 2 more attempts.',
    );
  });

  it('keeps a part’s own end punctuation and collapses whitespace', () => {
    expect(composeMessage(['Correct!', 'Well\n  spotted?', 'Score: 5 of 6 …'])).toBe('Correct! Well spotted? Score: 5 of 6 …');
  });

  it('is empty when nothing is left to say', () => {
    expect(composeMessage([undefined, '', false])).toBe('');
  });
});

describe('deliver', () => {
  it('moves focus to a target that is on the page, says nothing, and empties the live region', () => {
    const region = live();
    const target = element();
    expect(deliver({ focus: { current: target as unknown as HTMLElement }, message: ['Correct'] }, region)).toBe('focus');
    expect(target.focused).toBe(1);
    expect(region.said).toEqual([]);
    expect(region.cleared()).toBe(1);
  });

  it('says the whole message when there is no focus target', () => {
    const region = live();
    expect(deliver({ message: ['Not quite', 'Look again', 'You have 1 more attempt.'] }, region)).toBe('announce');
    expect(region.said).toEqual(['Not quite. Look again. You have 1 more attempt.']);
  });

  it('says the message instead when the focus target is missing or no longer on the page', () => {
    for (const focus of [{ current: null }, () => element(false) as unknown as HTMLElement]) {
      const region = live();
      expect(deliver({ focus, message: ['Helpful response'] }, region)).toBe('announce');
      expect(region.said).toEqual(['Helpful response.']);
    }
  });

  it('does nothing when there is neither a target nor a message', () => {
    const region = live();
    expect(deliver({ message: [] }, region)).toBe('nothing');
    expect(region.said).toEqual([]);
  });
});
