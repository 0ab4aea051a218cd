import { describe, expect, it } from 'vitest';
import { enGB } from '../../../../course/player/strings/en-GB.ts';
import { enGBScreens } from '../../../../course/player/strings/en-GB.screens.ts';
import { enGBPages } from '../../../../course/player/strings/en-GB.pages.ts';
import { frameStringsFor } from '../../../../course/player/strings/frame.ts';
import { screenStringsFor } from '../../../../course/player/strings/screens.ts';
import { playerLanguage } from '../../../../course/player/strings/languages.ts';
import { stringsFor } from '../../../../course/player/strings/index.ts';
import type { StatusProblem } from '../../../../course/runtime/tracker.ts';

const all = stringsFor('en-GB');

// Every problem the tracker can report, as the runtime emits it (codes, no words).
const PROBLEMS: StatusProblem[] = [
  { kind: 'unreachable' },
  { kind: 'refused', detail: 'General exception, error 101' },
  { kind: 'not-started', detail: 'Not initialized, error 301' },
  { kind: 'other-session' },
  { kind: 'too-large', length: 4097, limit: 4096 },
  { kind: 'browser-refused' },
  ...(['no-answer', 'link-used', 'sign-in-refused', 'launch-data-unreadable', 'launch-data-invalid', 'other'] as const).map(
    (reason): StatusProblem => ({ kind: 'not-connected', reason, detail: 'HTTP 403' }),
  ),
  { kind: 'saver-not-loaded' },
];

describe('en-GB catalogue', () => {
  it('uses singular and plural forms', () => {
    expect(all.question.attemptsLeft(1)).toBe('You have 1 more attempt.');
    expect(all.question.attemptsLeft(2)).toBe('You have 2 more attempts.');
    expect(all.reflection.charactersRemaining(1)).toBe('You have 1 character left');
    expect(all.reflection.charactersRemaining(1500)).toBe('You have 1,500 characters left');
  });

  it('describes confidence changes in words', () => {
    expect(all.summary.changeText(2)).toBe('Up 2 points');
    expect(all.summary.changeText(-1)).toBe('Down 1 point');
    expect(all.summary.changeText(0)).toBe('No change');
    expect(all.summary.averageChange(1.25)).toBe('On average your confidence went up by 1.3 points.');
    expect(all.summary.averageChange(-1)).toBe('On average your confidence went down by 1 point.');
    expect(all.summary.averageChange(0)).toBe('On average your confidence went neither up nor down.');
  });

  it('words every problem the tracker reports, with its technical detail and where the work is', () => {
    for (const problem of PROBLEMS) {
      for (const keptLocally of [true, false]) {
        const words = enGBPages.problems.describe(problem, keptLocally);
        expect(words, JSON.stringify(problem)).toMatch(/^[A-Z].*\.$/);
        expect(words).not.toMatch(/ {2}|undefined|\[object/);
        if ('detail' in problem) expect(words).toContain(problem.detail);
      }
    }
    expect(enGBPages.problems.describe({ kind: 'too-large', length: 4097, limit: 4096 }, true)).toContain('4,097 characters long');
    expect(enGBPages.problems.describe({ kind: 'not-connected', reason: 'link-used', detail: '' }, true)).toContain('(this launch link has already been used)');
    // Where the work is differs, and is never claimed to be in this browser when it is not.
    expect(enGBPages.problems.describe({ kind: 'unreachable' }, true)).toContain('kept safely in this browser');
    expect(enGBPages.problems.describe({ kind: 'unreachable' }, false)).not.toContain('kept safely in this browser');
    expect(enGB.status.retryingBody(false)).not.toContain('safe in this browser');
    expect(enGB.welcome.savedTo('this-page')).toMatch(/^Your progress is saved to this page only/);
  });

  it('says what a saved state that could not be read whole lost, from the codec’s facts', () => {
    const sections = enGBPages.notices.sectionList(['Reflections']);
    const none = { progressLost: false, reflectionsLost: 0, reflectionCut: false };
    expect(enGBPages.notices.sectionsRestarted('truncated', { ...none, reflectionCut: true }, sections)).toBe(
      'Your learning system returned only part of your saved progress. You will start the section “Reflections” again. ' +
        'A reflection that was cut short has kept its beginning: please check it and finish it. Everything else you had done has been kept.',
    );
    expect(enGBPages.notices.sectionsRestarted('corrupt', { ...none, reflectionsLost: 4 }, sections)).toContain('4 of your reflections could not be recovered.');
    expect(enGBPages.notices.sectionsRestarted('corrupt', { ...none, reflectionsLost: 1 }, sections)).toContain('One of your reflections could not be recovered.');
    expect(enGBPages.notices.sectionsRestarted('corrupt', { ...none, reflectionsLost: 'all', progressLost: true }, sections)).toContain(
      'The record of which sections you had finished could not be recovered. Your reflections could not be recovered.',
    );
    expect(enGBPages.notices.progressLost('unknown-version')).toMatch(/newer version .* nothing has been overwritten yet/);
    expect(enGBPages.notices.progressLost('corrupt')).toMatch(/^Your saved progress could not be read, so the course starts again from the beginning\./);
  });

  it('lists restarted sections naturally', () => {
    expect(enGBPages.notices.sectionList(['Scenarios'])).toBe('the section “Scenarios”');
    expect(enGBPages.notices.sectionList(['The film', 'Scenarios', 'Reflections'])).toBe('the sections “The film”, “Scenarios” and “Reflections”');
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

  it('is chosen for en-GB (any case) in every part; other languages are the build\'s to refuse', () => {
    expect(frameStringsFor('en-GB')).toBe(enGB);
    expect(frameStringsFor('en-gb')).toBe(enGB);
    expect(screenStringsFor('en-GB')).toBe(enGBScreens);
    expect(playerLanguage('EN-GB')).toBe('en-GB');
    // No silent fallback by prefix: "en" or "cy" have no catalogue, and the build says so (bad-course.test.ts).
    expect(playerLanguage('en')).toBeNull();
    expect(playerLanguage('cy')).toBeNull();
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

describe('the LMS’s detail in a problem', () => {
  it('is given in brackets when the LMS gave one, and leaves no empty brackets when it gave none', () => {
    const refused = all.problems.describe({ kind: 'refused', detail: 'General exception, error 101' }, true);
    expect(refused).toContain('your latest work (General exception, error 101).');
    const silent = all.problems.describe({ kind: 'refused', detail: '' }, true);
    expect(silent).toContain('your latest work.');
    expect(silent).not.toContain('()');
    expect(all.problems.describe({ kind: 'not-started', detail: '' }, false)).toContain('for this course. You can carry on');
  });
});
