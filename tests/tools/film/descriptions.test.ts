import { describe, expect, it } from 'vitest';
import { asSentence, buildDescriptionCues, describeCard } from '../../../tools/film/descriptions.ts';

describe('asSentence', () => {
  it('adds a full stop only where a sentence does not already end', () => {
    expect(asSentence('Why this matters')).toBe('Why this matters.');
    expect(asSentence('What did you notice?')).toBe('What did you notice?');
    expect(asSentence('  Keep eye contact. ')).toBe('Keep eye contact.');
    expect(asSentence('She said “yes.”')).toBe('She said “yes.”');
  });
});

describe('describeCard', () => {
  const card = { heading: 'Small actions count', body: ['Keep eye contact', 'Explain why there is a wait.'] };

  it('reads the heading and body as sentences', () => {
    expect(describeCard(card, { first: false, footer: 'F' })).toBe('Title card: Small actions count. Keep eye contact. Explain why there is a wait.');
  });

  it('describes the look and the footer once, on the first card, with plain spaces', () => {
    const text = describeCard({ heading: 'Common\u00a0Ground', body: [] }, { first: true, footer: 'Common Ground · stand-in film' });
    expect(text).toBe('A blue title card with white text. Title card: Common Ground. Along the bottom of every card: Common Ground, stand-in film.');
  });
});

describe('buildDescriptionCues', () => {
  it('spans each scene with one escaped cue', () => {
    const cues = buildDescriptionCues(
      [
        { card: { heading: 'One', body: [] }, startMs: 0, endMs: 5000 },
        { card: { heading: 'Two & three', body: [] }, startMs: 5000, endMs: 9000 },
      ],
      'Footer',
    );
    expect(cues.map(({ id, startMs, endMs }) => ({ id, startMs, endMs }))).toEqual([
      { id: 'description-1', startMs: 0, endMs: 5000 },
      { id: 'description-2', startMs: 5000, endMs: 9000 },
    ]);
    expect(cues[1]!.text).toBe('Title card: Two &amp; three.');
  });
});
