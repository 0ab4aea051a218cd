import { describe, expect, it } from 'vitest';
import { enGB } from '../../../../course/player/strings/en-GB.ts';
import { enGBScreens } from '../../../../course/player/strings/en-GB.screens.ts';
import { enGBPages } from '../../../../course/player/strings/en-GB.pages.ts';
import { frameStringsFor } from '../../../../course/player/strings/frame.ts';
import { screenStringsFor } from '../../../../course/player/strings/screens.ts';
import { stringsFor } from '../../../../course/player/strings/index.ts';

const all = stringsFor('en-GB');

describe('en-GB catalogue', () => {
  it('uses singular and plural forms', () => {
    expect(all.question.attemptsLeft(1)).toBe('You have 1 more attempt.');
    expect(all.question.attemptsLeft(2)).toBe('You have 2 more attempts.');
    expect(all.reflection.charactersRemaining(1)).toBe('You have 1 character remaining');
    expect(all.reflection.charactersRemaining(1500)).toBe('You have 1,500 characters remaining');
  });

  it('describes confidence changes in words', () => {
    expect(all.summary.changeText(2)).toBe('Up 2 points');
    expect(all.summary.changeText(-1)).toBe('Down 1 point');
    expect(all.summary.changeText(0)).toBe('No change');
    expect(all.summary.averageChange(1.25)).toBe('On average your confidence went up by 1.3 points.');
    expect(all.summary.averageChange(-1)).toBe('On average your confidence went down by 1 point.');
    expect(all.summary.averageChange(0)).toBe('On average your confidence went neither up nor down.');
  });

  it('lists restarted sections naturally', () => {
    expect(enGB.notices.sectionList(['Scenarios'])).toBe('the section “Scenarios”');
    expect(enGB.notices.sectionList(['The film', 'Scenarios', 'Reflections'])).toBe('the sections “The film”, “Scenarios” and “Reflections”');
  });

  it('says plainly, when a variant shares reflections, who receives them', () => {
    // The course data says the rest, in its shared version (tests/course/player/logic/privacy-note.test.ts).
    expect(enGB.welcome.privacyHeadingShared).toBe('Your reflections are shared with your organisation');
    expect(all.reflection.sharedTitle).toBe('Your answers here are shared with your organisation');
    for (const text of [enGB.welcome.privacyHeadingShared, all.reflection.sharedTitle, all.exportPage.privacyShared, all.guide.reflectionsIntroShared]) {
      // Nothing in the shared wording may still promise privacy.
      expect(text).not.toMatch(/only you|are private\b|your private|privately/i);
    }
  });

  it('is chosen for en-GB, for other English tags and as the fallback, in both parts', () => {
    expect(frameStringsFor('en-GB')).toBe(enGB);
    expect(frameStringsFor('cy')).toBe(enGB);
    expect(screenStringsFor('en')).toBe(enGBScreens);
    expect(screenStringsFor('cy')).toBe(enGBScreens);
  });

  it('keeps the three parts apart: no group is in two, and the whole catalogue has every group', () => {
    const frameGroups = Object.keys(enGB);
    const screenGroups = Object.keys(enGBScreens);
    const pageGroups = Object.keys(enGBPages);
    expect(frameGroups.filter((group) => screenGroups.includes(group) || pageGroups.includes(group))).toEqual([]);
    expect(screenGroups.filter((group) => pageGroups.includes(group))).toEqual([]);
    expect(Object.keys(all).sort()).toEqual([...frameGroups, ...screenGroups, ...pageGroups].sort());
    expect(all.summary).toBe(enGBPages.summary);
    expect(all.app).toBe(enGB.app);
    expect(all.film).toBe(enGBScreens.film);
  });
});
