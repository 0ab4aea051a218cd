// The pseudo-locale: en-GB's catalogues transformed (accented, about a third longer, bracketed), with what the player
// passes in (titles, names, codes, counts) still doing its work, and loaded only when asked for.
import { describe, expect, it } from 'vitest';
import { enGB } from '../../../../course/player/strings/en-GB.ts';
import { enGBScreens } from '../../../../course/player/strings/en-GB.screens.ts';
import { enGBPages } from '../../../../course/player/strings/en-GB.pages.ts';
import { frameStringsFor } from '../../../../course/player/strings/frame.ts';
import { screenStringsFor } from '../../../../course/player/strings/screens.ts';
import { pageStringsFor } from '../../../../course/player/strings/pages.ts';
import { PSEUDO_LOCALE, isPseudoLocale, loadWords, playerLanguage, wordsLanguage } from '../../../../course/player/strings/languages.ts';
import { GROWTH, pseudoLocalise, pseudoText } from '../../../../course/player/strings/pseudo-locale.ts';
import { stringsFor } from '../../../../course/player/strings/index.ts';
import type { RuntimeConfig } from '../../../../course/model/types.ts';

/** Every string value in a catalogue, with where it is. */
function stringsIn(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, entry]) => stringsIn(entry, `${path}.${key}`));
  return [];
}

/** The shape of a catalogue: every key, and whether it holds text, a function or a group. */
function shapeOf(value: unknown): unknown {
  if (typeof value === 'function') return 'function';
  if (typeof value === 'string') return 'string';
  return Object.fromEntries(Object.entries(value as object).map(([key, entry]) => [key, shapeOf(entry)]));
}

const PLAIN_LETTER = /[A-Za-z]/;

describe('pseudoText', () => {
  it('accents every letter, brackets the string and makes it about a third longer', () => {
    const text = pseudoText('Skip to main content');
    expect(text).toMatch(/^\[Šķîþ ţö ɱåîñ çöñţéñţ .+\]$/u);
    expect(text).not.toMatch(PLAIN_LETTER);
    expect(text.length - 2).toBeGreaterThanOrEqual(Math.ceil('Skip to main content'.length * (1 + GROWTH)));
  });

  it('keeps placeholders and the texts it is told to keep, and leaves text with no letter alone', () => {
    expect(pseudoText('Skip forward {1} seconds')).toMatch(/^\[Šķîþ ƒöŕŵåŕð \{1\} šéçöñðš /u);
    expect(pseudoText('Next: Welcome', ['Welcome'])).toMatch(/^\[Ñéẋţ: Welcome /u);
    expect(pseudoText(' · ')).toBe(' · ');
    expect(pseudoText('')).toBe('');
  });
});

describe('the pseudo-locale catalogues', () => {
  const parts = { frame: enGB, screens: enGBScreens, pages: enGBPages };

  it('hold what en-GB holds, key for key, every string pseudo-localised', () => {
    for (const [part, catalogue] of Object.entries(parts)) {
      const pseudo = pseudoLocalise(catalogue);
      expect(shapeOf(pseudo), part).toEqual(shapeOf(catalogue));
      const english = new Map(stringsIn(catalogue));
      for (const [path, text] of stringsIn(pseudo)) {
        const source = english.get(path)!;
        // Strings with letters are transformed; video.js's "{1} is loading." keeps its placeholder.
        expect(text.replace(/\{\d+\}/g, ''), `${part}${path}`).not.toMatch(PLAIN_LETTER);
        expect(text, `${part}${path}`).toMatch(/^\[.*\]$/su);
        expect(text.length, `${part}${path}`).toBeGreaterThan(source.length * (1 + GROWTH));
      }
    }
  });

  it('are made once per catalogue, so the player can cache by them', () => {
    expect(pseudoLocalise(enGBScreens)).toBe(pseudoLocalise(enGBScreens));
  });

  it('keep the words of functions working: course text untouched, codes still choosing, numbers still counting', () => {
    const t = stringsFor(PSEUDO_LOCALE);
    expect(t.app.nextScreen('Welcome to the course')).toMatch(/^\[Ñéẋţ: Welcome to the course /u);
    expect(t.notices.sectionList(['Before you start', 'The film'])).toMatch(/^\[ţĥé šéçţîöñš “Before you start” åñð “The film” /u);
    // A plural still follows the count it is given.
    expect(t.question.attemptsLeft(1)).toMatch(/ɱöŕé åţţéɱþţ\./u);
    expect(t.question.attemptsLeft(2)).toMatch(/ɱöŕé åţţéɱþţš\./u);
    // A code still picks its words, and is not shown.
    expect(t.welcome.savedTo('this-browser')).toMatch(/^\[Ýöûŕ þŕöĝŕéšš îš šåṽéð ţö ţĥîš ƀŕöŵšéŕ öñļý/u);
    expect(t.problems.describe({ kind: 'too-large', length: 4097, limit: 4096 }, true)).toMatch(/4,097 çĥåŕåçţéŕš/u);
    expect(t.knowledge.rules(5, 4, 2)).not.toMatch(PLAIN_LETTER);
    // A function's words given to another (the restart notice names the sections) are not transformed twice.
    const sections = t.notices.sectionList(['The film']);
    expect(t.notices.sectionsRestarted('corrupt', { progressLost: false, reflectionsLost: 0, reflectionCut: false }, sections)).toContain(`ŵîļļ šţåŕţ ${sections} åĝåîñ`);
  });

  it('keep video.js’s keys, which it looks its labels up by', () => {
    const pseudo = pseudoLocalise(enGBScreens).videoPlayer;
    expect(Object.keys(pseudo)).toEqual(Object.keys(enGBScreens.videoPlayer));
    expect(pseudo['Skip forward {1} seconds']).toMatch(/\{1\}/);
  });
});

describe('choosing and loading the pseudo-locale', () => {
  it('is no course language, but a variant may ask for it; the variant’s language wins over the course’s', () => {
    expect(playerLanguage(PSEUDO_LOCALE)).toBeNull();
    expect(isPseudoLocale(PSEUDO_LOCALE)).toBe(true);
    expect(isPseudoLocale('en-xa')).toBe(false);
    const config = { course: { language: 'en-GB' }, variant: {} } as RuntimeConfig;
    expect(wordsLanguage(config)).toBe('en-GB');
    expect(wordsLanguage({ ...config, variant: { ...config.variant, language: PSEUDO_LOCALE } })).toBe(PSEUDO_LOCALE);
  });

  it('gives the pickers pseudo words once its transform is loaded, and English stays the same objects', async () => {
    await loadWords('en-GB');
    expect(frameStringsFor('en-GB')).toBe(enGB);
    await loadWords(PSEUDO_LOCALE);
    expect(frameStringsFor(PSEUDO_LOCALE)).toBe(pseudoLocalise(enGB));
    expect(screenStringsFor(PSEUDO_LOCALE)).toBe(pseudoLocalise(enGBScreens));
    expect(pageStringsFor(PSEUDO_LOCALE)).toBe(pseudoLocalise(enGBPages));
    expect(frameStringsFor('en-GB')).toBe(enGB);
    expect(pageStringsFor('en-GB')).toBe(enGBPages);
  });
});
