// Every word the learner meets comes from a catalogue or from the course (issue 14.7). The real build makes a package
// whose variant asks for the pseudo-locale (tests/fixtures/variants/pseudo-locale.json: the player's words accented,
// lengthened and bracketed), the preview LMS launches it in Chromium, and a keyboard learner walks every screen
// (the e2e walker), the resource pages, the reflections export, the certificate, then a relaunch (the review notice).
// At each step every text node, every name-giving attribute and every accessible name in the course's frame must be
// pseudo-localised text (no plain letter), or text of the course or variant data (course.json, the film's caption,
// chapter and transcript files, the variant file), or what the learner or the LMS supplied (reflections, their name,
// today's date). Anything else is English built into a component, and the failure names it and where it was.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackages } from '../../../build/build-packages.ts';
import { REPO_ROOT, buildPlayer } from '../../../build/player-build.ts';
import { formatDate } from '../../../course/player/logic/certificate.ts';
import { PSEUDO_LOCALE } from '../../../course/player/strings/languages.ts';
import { stringsFor } from '../../../course/player/strings/index.ts';
import type { RuntimeConfig, Screen } from '../../../course/model/types.ts';
import { PREVIEW_LEARNER } from '../../../tools/preview/learner.ts';
import { hasChromium, launchChromium } from '../../support/chromium.ts';
import { accessibilityTree } from '../../support/accessibility-recorder.ts';
import { openScenario, type Scenario } from '../../e2e/support/scenario.ts';

const VARIANTS = fileURLToPath(new URL('../../fixtures/variants/', import.meta.url));
const PLAIN_LETTER = /[A-Za-z]/;

/** video.js writes its playback rates as "1.5x" itself: a notation, not a word (it offers no way to change it). */
const PLAYBACK_RATE = /^\d+(\.\d+)?x$/;

/**
 * An LMS's or LRS's error code as the runtime passes it on in a problem's technical detail ("error 101", "HTTP 503";
 * course/runtime/tracker.ts StatusProblem), quoted for whoever the learner asks for help, as a code is.
 */
const ERROR_CODE = /\b(error|HTTP) \d+\b/g;

/** Chromium's accessibility tree also holds each text node (and each line of it) as a node: the DOM walk has those. */
const TEXT_ROLES = new Set(['StaticText', 'InlineTextBox']);

/** One piece of text the learner can see or hear, and where it is. */
interface Found {
  text: string;
  where: string;
}

/** Text of the course and variant data, and what the learner or LMS supplied: the only words allowed unaccented. */
class DataText {
  /** Every data text on its own, longest first, to take out of a text that mixes them with catalogue words. */
  private readonly pieces: string[];
  /** All of it in one string, so that a text node holding part of one data text (a paragraph, a link) is found. */
  private readonly whole: string;

  /** `later`: texts known only as the walk goes on (what the LMS answers), read when a text is checked. */
  constructor(
    texts: Iterable<string>,
    private readonly later: readonly string[] = [],
  ) {
    const normal = [...new Set([...texts].map((text) => text.replace(/\s+/g, ' ').trim()))];
    // Ids, slugs and paths ("welcome", "media/film/film.mp4") are not words a learner reads; leaving them out keeps a
    // short id from hiding a hard-coded word that happens to contain it.
    this.pieces = normal.filter((text) => text.length > 1 && !/^([a-z0-9-]+|media\/\S+)$/.test(text)).sort((a, b) => b.length - a.length);
    this.whole = this.pieces.join('\n');
  }

  /** What is left of `text` once the data in it is taken out, when that still has a plain letter; else null. */
  leftover(text: string): string | null {
    if (!PLAIN_LETTER.test(text) || PLAYBACK_RATE.test(text) || this.whole.includes(text)) return null;
    let rest = text;
    for (const piece of [...this.pieces, ...this.later]) if (rest.includes(piece)) rest = rest.split(piece).join(' ');
    rest = rest.replace(ERROR_CODE, ' ');
    return PLAIN_LETTER.test(rest) ? rest.replace(/\s+/g, ' ').trim() : null;
  }
}

/** Every string value in some JSON data. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** The course's own text files the player shows (captions, chapters, descriptions, transcript), line by line. */
async function filmTexts(config: RuntimeConfig): Promise<string[]> {
  const film = config.course.film;
  const files = stringsOf(film).filter((path) => /^media\/.*\.(vtt|txt)$/.test(path));
  const texts = await Promise.all(files.map((path) => readFile(join(REPO_ROOT, 'course', 'content', path), 'utf8')));
  // A caption's voice tag (<v Sam>) is not shown; its words are.
  return texts.flatMap((text) => text.split('\n')).map((line) => line.replace(/<[^>]+>/g, ''));
}

/** Every text node (hidden ones too: a closed panel's words are still the learner's), name-giving attribute and title. */
function textsInFrame(frame: Frame): Promise<Found[]> {
  return frame.evaluate(() => {
    const found: { text: string; where: string }[] = [];
    const where = (element: Element): string => {
      const path: string[] = [];
      for (let at: Element | null = element; at && at !== document.body && path.length < 4; at = at.parentElement) {
        const className = typeof at.className === 'string' ? at.className.trim().split(/\s+/)[0] : '';
        path.unshift(`${at.tagName.toLowerCase()}${at.id ? `#${at.id}` : ''}${className ? `.${className}` : ''}`);
      }
      return path.join(' > ');
    };
    const add = (text: string | null, at: string): void => {
      const normal = (text ?? '').replace(/\s+/g, ' ').trim();
      if (normal !== '') found.push({ text: normal, where: at });
    };
    add(document.title, 'the page title');
    const nodes = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = nodes.nextNode(); node; node = nodes.nextNode()) {
      const parent = node.parentElement;
      if (parent && !parent.closest('script, style, noscript, template')) add(node.textContent, where(parent));
    }
    const attributes = ['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'alt', 'placeholder', 'label'];
    for (const element of document.body.querySelectorAll('*')) {
      for (const attribute of attributes) if (element.hasAttribute(attribute)) add(element.getAttribute(attribute), `${where(element)} [${attribute}]`);
      if (element instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(element.type)) add(element.value, `${where(element)} [value]`);
    }
    return found;
  });
}

let work = '';
let zip = '';
let browser: Browser | null = null;

beforeAll(async () => {
  if (!hasChromium) return;
  work = await mkdtemp(join(tmpdir(), 'cg-pseudo-'));
  const player = await buildPlayer(join(work, 'player'));
  const result = await buildPackages({
    courseDir: join(REPO_ROOT, 'course', 'content'),
    variantsDir: VARIANTS,
    outDir: join(work, 'packages'),
    variants: ['pseudo-locale'],
    standards: ['scorm12'],
    player,
  });
  const built = result.packages[0];
  if (!built?.path) throw new Error(`the pseudo-locale package was not built: ${built?.report.problems.map((problem) => problem.message).join('; ') ?? 'nothing built'}`);
  zip = built.path;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(!hasChromium)('a package built in the pseudo-locale', () => {
  it('shows no word that is neither from a catalogue nor from the course, on any screen', { timeout: 600_000 }, async () => {
    const problems = new Map<string, string>();
    const walked: string[] = [];
    let data: DataText | null = null;
    /** What the LMS itself says (its error messages), shown as the technical detail of a problem. */
    const lmsWords: string[] = [];
    let frameLanguage = '';
    const check = async (label: string, frame: Frame): Promise<void> => {
      await frame.waitForTimeout(300);
      walked.push(label);
      const found = [...(await textsInFrame(frame)), ...(await accessibilityTree(frame)).filter((node) => !TEXT_ROLES.has(node.role)).map((node) => ({ text: node.name, where: `accessible name of a ${node.role}` }))];
      for (const { text, where } of found) {
        const left = data!.leftover(text);
        // Each English text once, at the first step it showed on.
        if (left !== null && !problems.has(`${text} @ ${where}`)) problems.set(`${text} @ ${where}`, `${label}: "${left}" in "${text}" (${where})`);
      }
    };

    const scenario: Scenario = await openScenario(browser!, 'scorm12', zip, { onStep: async (label, walker) => check(label, await walker.frame()) });
    try {
      const { config, walker, plan } = scenario;
      expect(config.variant.language).toBe(PSEUDO_LOCALE);
      const today = new Date();
      const tomorrow = new Date(today.getTime() + 86_400_000);
      data = new DataText([
        ...stringsOf(config.course),
        ...stringsOf(config.variant),
        ...(await filmTexts(config)),
        ...Object.values(plan.reflections),
        PREVIEW_LEARNER.name,
        PREVIEW_LEARNER.scorm12Name,
        ...[today, tomorrow].map((date) => formatDate(date, config.course.language)),
      ], lmsWords);
      const screens: Screen[] = config.course.sections.flatMap((section) => section.screens);
      await walker.enterCourse(screens[0]!.title);
      const frame = await walker.frame();
      frameLanguage = await frame.evaluate(() => document.documentElement.lang);
      // The support panel, unfolded: its words are the catalogue's and the variant's contacts.
      await frame.locator('details.support > summary').click();
      await walker.step('welcome, support panel open');
      await walker.walkFrom(screens[0]!.id);
      await walker.learner.waitInFrame(() => document.activeElement?.classList.contains('callout--success') === true, null);
      await walker.step('summary: finished');

      // Launched again after finishing: the welcome back, on the summary.
      await scenario.reopen();
      await scenario.walker.waitForScreen(screens.at(-1)!.title, false);
      await check('relaunched after finishing', await scenario.walker.frame());
      const t = stringsFor(PSEUDO_LOCALE);
      const shown = async (frame: Frame): Promise<string> => frame.evaluate(() => document.body.textContent ?? '');
      expect(await shown(await scenario.walker.frame())).toContain(t.notices.welcomeBack(screens.at(-1)!.title));

      // Another learner: the LMS refuses a save (the status banner, with the LMS's own error words), then a relaunch
      // resumes where they were (the "welcome back" notice).
      const other = await openScenario(browser!, 'scorm12', zip, { onStep: async (label, walker) => check(label, await walker.frame()) });
      try {
        await other.walker.enterCourse(screens[0]!.title);
        await other.lms.setFaults({ commitFails: true });
        await other.walker.next(screens[1]!);
        await other.walker.learner.waitInFrame(() => document.querySelector('.status-banner .callout--warning') !== null, null);
        // SCORM 1.2's "general exception", which the preview's refused commit answers with, in the LMS's own words.
        lmsWords.push(await other.page.evaluate(() => (window as unknown as { API: { LMSGetErrorString(code: string): string } }).API.LMSGetErrorString('101')));
        await other.walker.step('a save refused by the LMS');
        // Retrying or given up, by the runtime's commit policy: either way in the pseudo-locale.
        const banner = await shown(await other.walker.frame());
        expect([t.status.unreachableTitle, t.status.failedTitle].filter((title) => banner.includes(title))).toHaveLength(1);
        await other.lms.setFaults({ commitFails: false });
        await other.reopen();
        await other.walker.waitForScreen(screens[1]!.title, false);
        await other.walker.learner.waitInFrame(() => document.querySelector('.notice, .callout--info') !== null, null);
        await other.walker.step('relaunched: where they left off');
        expect(await shown(await other.walker.frame())).toContain(t.notices.welcomeBack(screens[1]!.title));
        expect(other.pageErrors).toEqual([]);
      } finally {
        await other.dispose();
      }

      // The check can fail: words put into the page by hand, mixed with catalogue and course text, are found.
      const frameNow = await scenario.walker.frame();
      await frameNow.evaluate(() => document.querySelector('main')?.insertAdjacentHTML('beforeend', '<p id="planted">Hard-coded [Ɓåçķ ö] Welcome</p>'));
      const planted = (await textsInFrame(frameNow)).flatMap(({ text }) => {
        const left = data!.leftover(text);
        return left === null ? [] : [`"${left}" in "${text}"`];
      });
      await frameNow.evaluate(() => document.getElementById('planted')?.remove());
      expect(planted).toEqual(['"Hard-coded [Ɓåçķ ö]" in "Hard-coded [Ɓåçķ ö] Welcome"']);

      // Every screen type the course has was walked.
      const types = new Set(screens.map((screen) => screen.type));
      expect([...types].filter((type) => !walked.some((label) => label.endsWith(`(${type})`)))).toEqual([]);
      // The page's language stays the course's: most of its text is the course's en-GB (see course/player/README.md).
      expect(frameLanguage).toBe(config.course.language);
      expect([...problems.values()]).toEqual([]);
      expect(scenario.pageErrors).toEqual([]);
    } finally {
      await scenario.dispose();
    }
  });
});
