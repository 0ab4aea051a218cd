import { describe, expect, it } from 'vitest';
import { enGB } from '../../../../course/player/strings/en-GB.ts';
import { stringsFor } from '../../../../course/player/strings/index.ts';

describe('en-GB catalogue', () => {
  it('uses singular and plural forms', () => {
    expect(enGB.question.attemptsLeft(1)).toBe('You have 1 more attempt.');
    expect(enGB.question.attemptsLeft(2)).toBe('You have 2 more attempts.');
    expect(enGB.reflection.charactersRemaining(1)).toBe('You have 1 character remaining');
    expect(enGB.reflection.charactersRemaining(1500)).toBe('You have 1,500 characters remaining');
  });

  it('describes confidence changes in words', () => {
    expect(enGB.summary.changeText(2)).toBe('Up 2 points');
    expect(enGB.summary.changeText(-1)).toBe('Down 1 point');
    expect(enGB.summary.changeText(0)).toBe('No change');
    expect(enGB.summary.averageChange(1.25)).toBe('On average your confidence went up by 1.3 points.');
    expect(enGB.summary.averageChange(-1)).toBe('On average your confidence went down by 1 point.');
    expect(enGB.summary.averageChange(0)).toBe('On average your confidence went neither up nor down.');
  });

  it('lists restarted sections naturally', () => {
    expect(enGB.notices.sectionList(['Scenarios'])).toBe('the section “Scenarios”');
    expect(enGB.notices.sectionList(['The film', 'Scenarios', 'Reflections'])).toBe('the sections “The film”, “Scenarios” and “Reflections”');
  });

  it('says plainly, when a variant shares reflections, who receives them', () => {
    const welcome = enGB.welcome.privacyShared('Example NHS Trust');
    expect(welcome).toMatch(/^Example NHS Trust has chosen to receive what you write in the reflections section\./);
    expect(welcome).toContain('learning system');
    expect(enGB.welcome.privacyHeadingShared).toBe('Your reflections are shared with your organisation');
    expect(enGB.reflection.introShared('Example NHS Trust')).toContain('they are not private: Example NHS Trust receives a copy of each answer');
    for (const text of [welcome, enGB.reflection.introShared('X'), enGB.exportPage.privacyShared, enGB.guide.reflectionsIntroShared]) {
      // Nothing in the shared wording may still promise privacy.
      expect(text).not.toMatch(/only you|are private\b|your private|privately/i);
    }
  });

  it('is chosen for en-GB, for other English tags and as the fallback', () => {
    expect(stringsFor('en-GB')).toBe(enGB);
    expect(stringsFor('cy')).toBe(enGB);
  });
});
