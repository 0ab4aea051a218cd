// What the learner and the facilitator print, in Debian's Chromium from the real player build: the supervision guide
// (a resource page, opened from the welcome screen) holds its ground rules with the safeguarding exception, the
// one-to-one and team plans, every chapter, every scenario with its discussion questions and what good looks like,
// and every reflection prompt of the course data; printed (print media, then a real PDF) it is the guide alone,
// without the course's menu, buttons or header. "Export my reflections" prints exactly what was typed, and nothing
// of the course around it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ReflectionScreen, ScenarioScreen, Screen } from '../../../course/model/types.ts';
import { parseVtt } from '../../../course/player/logic/webvtt.ts';
import { stringsFor } from '../../../course/player/strings/index.ts';
import { hasChromium } from '../../support/chromium.ts';
import { loadCourse, runtimeConfig } from '../runtime/helpers/course-fixtures.ts';
import { playerInChromium } from './player-in-chromium.ts';

const COURSE_DIR = fileURLToPath(new URL('../../../course/content/', import.meta.url));
const course = loadCourse();
const t = stringsFor('en-GB');
const screens: Screen[] = course.sections.flatMap((section) => section.screens);
const ofType = <T extends Screen['type']>(type: T) => screens.filter((screen): screen is Extract<Screen, { type: T }> => screen.type === type);
const guide = course.supervisionGuide;
const scenarios: ScenarioScreen[] = ofType('scenario');
const reflection = ofType('reflection')[0] as ReflectionScreen;
const sectionTitleOf = (screen: Screen): string => course.sections.find((section) => section.screens.includes(screen))!.title;

// Written with characters a page could mangle: quotes, an ampersand, angle brackets, a line break.
const TYPED = reflection.prompts.map((prompt, i) => `Answer ${i + 1} to “${prompt.id}”: I said <nothing> & then I listened.\nNext time I will ask first.`);

let chapterTitles: string[] = [];

const chromium = playerInChromium(async (player) => {
  const chapters = await readFile(join(COURSE_DIR, course.film.chapters), 'utf8');
  chapterTitles = parseVtt(chapters).map((cue) => cue.text);
  // No LMS: the course runs standalone at the top of the page, so page.pdf() prints the course itself.
  const config = `window.COMMON_GROUND = ${JSON.stringify(runtimeConfig('scorm12', 'private', course))};`;
  return (path) => (path === 'config.js' ? config : path === course.film.chapters ? chapters : player.files.get(path));
});

async function openSection(page: Page, screen: Screen, ready: string): Promise<void> {
  await page.goto(`${chromium.origin}/index.html`);
  await page.locator('#view-heading').waitFor();
  await page.getByRole('button', { name: new RegExp(sectionTitleOf(screen)) }).click();
  await page.locator('#view-heading', { hasText: screen.title }).waitFor();
  await page.locator(ready).first().waitFor();
}

/**
 * What a reader of the printout sees: the text (innerText leaves out what the print stylesheet hides), and any of the
 * course's chrome (header, footer, section menu, buttons, links styled as buttons) still drawn in print.
 */
async function printed(page: Page, media: 'print' | 'screen' = 'print'): Promise<{ text: string; chrome: string[] }> {
  await page.emulateMedia({ media });
  const seen = await page.evaluate(() => ({
    text: document.body.innerText,
    chrome: [...document.querySelectorAll('header, footer, nav, button, .button, .skip-link')]
      .filter((element) => element.checkVisibility())
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${(element.textContent ?? '').trim().slice(0, 40)}`),
  }));
  await page.emulateMedia({ media: 'screen' });
  return seen;
}

const visible = (text: string): string => text.replace(/\s+/g, ' ');

describe.skipIf(!hasChromium)('printing the supervision guide and the reflections, in Chromium', () => {
  it('prints the guide from the course data, and only the guide', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${chromium.origin}/index.html`);
    await page.locator('#view-heading').waitFor();
    await page.getByRole('button', { name: t.resources.link.guide }).click();
    await page.locator('#view-heading', { hasText: guide.title }).waitFor();
    await page.waitForFunction((loading) => !document.body.textContent!.includes(loading), t.guide.chaptersLoading);

    // On screen the course's chrome is there (so the check below can fail); in print it is gone.
    expect((await printed(page, 'screen')).chrome.length).toBeGreaterThan(3);
    const { text, chrome } = await printed(page);
    const shown = visible(text);
    const expected = [
      guide.title,
      ...guide.groundRules,
      ...guide.plans.flatMap((plan) => [plan.title, ...plan.steps.map((step) => step.text)]),
      course.film.title,
      ...chapterTitles,
      ...scenarios.flatMap((scenario) => [scenario.title, ...scenario.discussion, scenario.whatGoodLooksLike]),
      ...reflection.prompts.map((prompt) => prompt.prompt),
    ];
    expect(guide.groundRules.join(' '), 'the ground rules keep the safeguarding exception').toMatch(/safeguarding/);
    expect(guide.plans.map((plan) => plan.id)).toEqual(['one-to-one', 'team']);
    expect(chapterTitles.length, 'chapters in chapters.vtt').toBeGreaterThan(2);
    expect(scenarios.every((scenario) => scenario.discussion.length > 0), 'every scenario has discussion questions').toBe(true);
    expect(expected.filter((line) => !shown.includes(visible(line))), 'course data missing from the printed guide').toEqual([]);
    // The course around the guide is not printed: its header, section menu, back and next, the print button itself.
    expect(chrome, 'the course around the guide, drawn in print').toEqual([]);
    expect(shown).not.toContain(t.guide.print);

    // A real PDF from Chromium's print pipeline, more than one page long for a guide this size.
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints the exported reflections exactly as typed, and nothing of the course around them', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openSection(page, reflection, 'main textarea');
    for (const [i, prompt] of reflection.prompts.entries()) await page.locator(`#reflection-${prompt.id}`).fill(TYPED[i]!);
    await page.getByRole('button', { name: t.reflection.export }).click();
    await page.locator('#view-heading', { hasText: t.exportPage.title }).waitFor();

    // On screen and in print, each answer exactly as typed, line break included.
    const shown = await page.locator('.reflection-answer__text').evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).innerText));
    expect(shown).toEqual(TYPED);
    const { text, chrome } = await printed(page);
    for (const answer of TYPED) expect(text).toContain(answer);
    for (const prompt of reflection.prompts) expect(visible(text)).toContain(visible(prompt.prompt));
    expect(chrome, 'the course around the reflections, drawn in print').toEqual([]);

    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
  });
});
