// What the audio description region says for a descriptions track (film/descriptions-speech.ts).
import { describe, expect, it } from 'vitest';
import { activeDescription } from '../../../../course/screen-types/film/descriptions-speech.ts';

describe('activeDescription', () => {
  it('is the active cues’ text, one after another, on one line', () => {
    expect(activeDescription({ mode: 'showing', activeCues: [{ text: 'A title card.\nBlue, with white text.' }, { text: ' A nurse enters. ' }] })).toBe(
      'A title card. Blue, with white text. A nurse enters.',
    );
  });

  it('says nothing while descriptions are off or nothing is active', () => {
    expect(activeDescription({ mode: 'disabled', activeCues: [{ text: 'A title card.' }] })).toBe('');
    expect(activeDescription({ mode: 'hidden', activeCues: [{ text: 'A title card.' }] })).toBe('');
    expect(activeDescription({ mode: 'showing', activeCues: null })).toBe('');
    expect(activeDescription({ mode: 'showing', activeCues: [{ text: '  ' }] })).toBe('');
  });
});
