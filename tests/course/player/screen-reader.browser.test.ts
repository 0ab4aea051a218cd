// What a screen-reader user hears on the film, scenario and question screens (issue 18, items 1, 4 to 8), read from
// Chromium's accessibility tree with focus moves and live-region changes logged (tests/support/accessibility-recorder.ts):
// audio description can be switched on with captions on and is read out once per description; video.js says
// nothing on its own (no ", selected", no "Play" when the film pauses for a question); menu items are named by their
// label alone; a film question has a heading of its own; an action either moves focus or is announced, never both;
// the live region is emptied when the page changes; the transcript's chapters are headings; two error summaries
// keep ids of their own. With PLAYER_TRANSCRIPTS=<folder>, each test writes what was heard as a readable file.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../../support/chromium.ts';
import { accessibilityTree, headingOutline, namedControls, spoken, startHearing, transcript, type AxNode, type Hearing } from '../../support/accessibility-recorder.ts';
import { loadCourse, runtimeConfig } from '../runtime/helpers/course-fixtures.ts';
import { enGB } from '../../../course/player/strings/en-GB.ts';
import { enGBScreens } from '../../../course/player/strings/en-GB.screens.ts';
import { parseVtt } from '../../../course/player/logic/webvtt.ts';
import { playerInChromium } from './player-in-chromium.ts';
import { FRAMES, courseInFrameFiles, openInFrame } from './course-in-frame.ts';

const course = loadCourse();
const t = { ...enGB, ...enGBScreens };
const sectionOf = (type: string) => course.sections.find((section) => section.screens.some((screen) => screen.type === type))!;
const screenOf = (type: string) => course.sections.flatMap((section) => section.screens).find((screen) => screen.type === type)!;
const firstCue = course.film.cuePoints[0];
if (!firstCue) throw new Error('the course film asks no questions');

if (!course.film.descriptions) throw new Error('the course film has no descriptions track');
const descriptions = parseVtt(readFileSync(fileURLToPath(new URL(`../../../course/content/${course.film.descriptions}`, import.meta.url)), 'utf8'));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

// The same course with a film that has no descriptions track, as after a swap without --descriptions (issue 15.7).
const withoutDescriptions = structuredClone(course);
delete withoutDescriptions.film.descriptions;

const chromium = playerInChromium((player) =>
  courseInFrameFiles(player, { plain: runtimeConfig('scorm12', 'private', course), 'no-descriptions': runtimeConfig('scorm12', 'private', withoutDescriptions) }),
);

async function open(type: string, variant = 'plain') {
  const opened = await openInFrame(chromium.browser, chromium.origin, { variant, size: FRAMES.wide });
  const section = sectionOf(type);
  await opened.frame.locator('.section-menu__link:visible', { hasText: section.title }).click();
  await opened.frame.locator('#view-heading', { hasText: section.screens[0]!.title }).waitFor();
  return opened;
}

async function openFilm(variant = 'plain') {
  const opened = await open('film', variant);
  await opened.frame.locator('.vjs-control-bar').waitFor();
  await opened.frame.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
  return opened;
}

/**
 * Plays the film, muted, fast, until `until` is true in the page (a learner watching it; the test server does not
 * serve byte ranges, so the film cannot be seeked), then pauses it.
 */
async function playUntil(frame: Frame, until: string): Promise<void> {
  await frame.evaluate(async () => {
    const video = document.querySelector('video')!;
    video.muted = true;
    video.playbackRate = 8;
    await video.play();
  });
  await frame.waitForFunction(until, null, { timeout: 60_000, polling: 50 });
  await frame.evaluate(() => document.querySelector('video')!.pause());
}

const find = (tree: readonly AxNode[], role: string, name: string | RegExp) =>
  tree.filter((node) => node.role === role && (typeof name === 'string' ? node.name === name : name.test(node.name)));

/** Keeps what was heard on a screen as a readable file, for a reviewer, when PLAYER_TRANSCRIPTS names a folder. */
async function keepTranscript(name: string, text: string): Promise<void> {
  const folder = process.env.PLAYER_TRANSCRIPTS;
  if (!folder) return;
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, `${name}.txt`), text);
}

/** Waits until focus is on an element matching `selector`. */
const focusOn = (frame: Frame, selector: string) => expect.poll(() => frame.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)).toBe(true);

/** Waits for the page to settle after an action (a render and the live region's 100 ms gap), then takes the log. */
async function settle(frame: Frame, hearing: Hearing) {
  await frame.waitForTimeout(400);
  return hearing.take();
}

describe.skipIf(!hasChromium)('what a screen-reader user hears, in Chromium', () => {
  it('a film without a descriptions track offers no audio description: the player says it has none and points to the transcript', async () => {
    const { page, frame, errors } = await openFilm('no-descriptions');
    const tree = await accessibilityTree(frame);
    expect(find(tree, 'button', t.videoPlayer['Descriptions']!)).toEqual([]);
    await expect(frame.locator('.film__note').textContent()).resolves.toBe('This film has no audio description. The transcript describes everything shown on screen as well as what is said.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('can switch audio description on while captions are on, hears each description once, and hears nothing from video.js itself', async () => {
    const { page, frame, errors } = await openFilm();
    let tree = await accessibilityTree(frame);
    // Captions start on; the descriptions button stays usable (video.js disables it while captions show).
    const descriptionsButton = find(tree, 'button', t.videoPlayer['Descriptions']!);
    expect(descriptionsButton).toHaveLength(1);
    expect(descriptionsButton[0]!.states['disabled']).toBeFalsy();
    // The player says how to get audio description, and that the transcript describes what is shown.
    await expect(frame.locator('.film__note').textContent()).resolves.toBe(t.film.descriptionsNote);
    // No hidden label of video.js is a live region of its own (its error dialog, hidden until an error, still is).
    await expect(frame.locator('.video-js [aria-live]:not(.vjs-text-track-display, .vjs-modal-dialog)').count()).resolves.toBe(0);

    const hearing = await startHearing(frame);
    await frame.locator('.vjs-subs-caps-button > button').click();
    await frame.locator('.vjs-subs-caps-button .vjs-menu-item').first().waitFor();
    tree = await accessibilityTree(frame);
    const captionItems = tree.filter((node) => node.role === 'menuitemradio');
    const english = captionItems.find((node) => node.states['checked'] === true);
    // Named by its label and kind alone: no "✓" (a CSS tick) and no ", selected" (video.js's words); checked says it.
    expect(english?.name).toBe(`${course.film.captions[0]!.label} ${t.videoPlayer['Captions']}`);
    for (const item of captionItems) expect(item.name).not.toMatch(/✓|selected/);
    await page.keyboard.press('Escape');
    expect(spoken(await settle(frame, hearing))).toEqual([]);

    // Switched on with captions on, at the start: the description showing now is said at once.
    await frame.locator('.vjs-descriptions-button > button').click();
    const describe = frame.locator('.vjs-descriptions-button .vjs-menu-item', { hasText: t.film.descriptionsTrack });
    await describe.click();
    await expect(describe.getAttribute('aria-checked')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    // Captions are still on.
    await expect(frame.locator('.vjs-subs-caps-button .vjs-menu-item[aria-checked="true"]').textContent()).resolves.toBe(
      `${course.film.captions[0]!.label} ${t.videoPlayer['Captions']}`,
    );
    const heardOn = await settle(frame, hearing);
    expect(spoken(heardOn)).toEqual([squash(descriptions[0]!.text)]);

    // Then each description as the film reaches it, once, assertively, and nothing else.
    await playUntil(frame, `document.querySelector('.film__descriptions')?.textContent.startsWith(${JSON.stringify(squash(descriptions[1]!.text).slice(0, 30))})`);
    const heard = await settle(frame, hearing);
    expect(spoken(heard)).toEqual([squash(descriptions[1]!.text)]);
    expect(heard.filter((h) => h.kind === 'live' && h.text !== '').map((h) => h.what)).toEqual(['assertive']);
    await keepTranscript('film-descriptions', transcript('Film: audio description on, captions on', [...heardOn, ...heard], await accessibilityTree(frame)));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives a film question a heading of its own, moves focus there with nothing else said, and tells each answer once', async () => {
    const { page, frame, errors } = await openFilm();
    const hearing = await startHearing(frame);
    await playUntil(frame, `document.getElementById('cue-question-heading') !== null`);
    await focusOn(frame, '#cue-question-heading');
    const heardAtPause = await settle(frame, hearing);
    // Focus went to the question's heading, and no live region spoke ("Play" when the film paused, before).
    expect(heardAtPause.filter((h) => h.kind === 'focus').map((h) => h.text)).toEqual([t.film.questionHeading(1, course.film.cuePoints.length)]);
    expect(spoken(heardAtPause)).toEqual([]);
    const outline = headingOutline(await accessibilityTree(frame));
    expect(outline).toContain(`h2 ${t.film.questionHeading(1, course.film.cuePoints.length)}`);
    expect(outline).not.toContain('h2 Question');

    // A wrong answer with attempts left: focus stays on the button, and one message says it all.
    const question = firstCue.question;
    const wrong = question.options.find((o) => !o.correct)!;
    const right = question.options.find((o) => o.correct)!;
    await frame.getByRole('radio', { name: wrong.text }).check();
    const check = frame.getByRole('button', { name: t.question.check });
    await check.focus();
    await hearing.take();
    await page.keyboard.press('Enter');
    const afterWrong = await settle(frame, hearing);
    expect(spoken(afterWrong)).toEqual([
      `${t.question.incorrect}. ${wrong.feedback} ${t.question.attemptsLeft(course.limits.maxAttemptsPerQuestion - 1)} ${t.question.tryAgain}`,
    ]);
    expect(afterWrong.filter((h) => h.kind === 'focus')).toEqual([]);
    await expect(frame.evaluate(() => document.activeElement?.textContent)).resolves.toBe(t.question.check);

    // The right answer settles it: the button goes, focus moves to the result's heading, and nothing is announced.
    await frame.getByRole('radio', { name: right.text }).check();
    await check.focus();
    await hearing.take();
    await page.keyboard.press('Enter');
    await focusOn(frame, '.feedback__title');
    const afterRight = await settle(frame, hearing);
    expect(afterRight.filter((h) => h.kind === 'focus').map((h) => h.text)).toEqual([t.question.correct]);
    expect(spoken(afterRight)).toEqual([]);
    await keepTranscript('film-question', transcript('Film question', [...heardAtPause, ...afterWrong, ...afterRight], await accessibilityTree(frame)));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('makes the transcript’s chapters headings under its own', async () => {
    const { page, frame } = await openFilm();
    await frame.locator('.transcript summary').click();
    await frame.locator('.transcript h3').first().waitFor();
    const outline = headingOutline(await accessibilityTree(frame));
    const transcriptAt = outline.indexOf(`h2 ${t.film.transcript}`);
    expect(transcriptAt).toBeGreaterThan(0);
    const chapters = outline.slice(transcriptAt + 1).filter((h) => h.startsWith('h3 '));
    // Every chapter of chapters.vtt, in order, as a level-3 heading.
    const titles = ['Welcome', 'Why this matters', 'What stigma looks like', 'Small actions', 'Experience and dialogue', 'Into supervision'];
    expect(chapters).toHaveLength(titles.length);
    titles.forEach((title, i) => expect(chapters[i]).toContain(title));
    await page.close();
  });

  it('hears a scenario outcome once: focus moves to it and nothing is announced', async () => {
    const { page, frame, errors } = await open('scenario');
    const scenario = screenOf('scenario');
    if (scenario.type !== 'scenario') throw new Error('not a scenario');
    const step = scenario.steps.find((s) => s.id === scenario.start)!;
    const choice = step.choices[0]!;
    await frame.getByRole('radio', { name: choice.text }).check();
    const choose = frame.getByRole('button', { name: t.scenario.choose });
    await choose.focus();
    // From here: what pressing the button makes the learner hear.
    const hearing = await startHearing(frame);
    await page.keyboard.press('Enter');
    await focusOn(frame, '.outcome__title');
    const heard = await settle(frame, hearing);
    expect(heard.filter((h) => h.kind === 'focus').map((h) => h.text)).toEqual([t.quality[choice.quality]]);
    expect(spoken(heard)).toEqual([]);
    await keepTranscript('scenario', transcript(`Scenario: ${scenario.title}`, heard, await accessibilityTree(frame)));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('empties the live region when the page changes, so old feedback cannot be read on the next', async () => {
    const { page, frame } = await open('reflection');
    const screen = screenOf('reflection');
    if (screen.type !== 'reflection') throw new Error('not a reflection screen');
    const prompt = screen.prompts[0]!;
    // A paste longer than the answer may be: the course keeps the part that fits and says so in the live region.
    await frame.locator(`textarea`).first().focus();
    await page.keyboard.insertText('x'.repeat(prompt.maxLength + 50));
    const live = frame.locator('.live-region');
    await expect.poll(() => live.textContent()).not.toBe('');
    await frame.getByRole('button', { name: /^Next/ }).click();
    const next = course.sections[course.sections.indexOf(sectionOf('reflection')) + 1]!;
    await frame.locator('#view-heading', { hasText: next.screens[0]!.title }).waitFor();
    await expect(live.textContent()).resolves.toBe('');
    await page.close();
  });

  it('gives each error summary an id of its own, named by its own title', async () => {
    const { page, frame } = await open('knowledge-check');
    // The check asks one question a page: Check with nothing chosen shows that question's error summary.
    await frame.locator('form.question').first().getByRole('button', { name: /^Check/ }).click();
    await expect.poll(() => frame.locator('.error-summary').count()).toBe(1);
    const ids = await frame.evaluate(() => Array.from(document.querySelectorAll('[id]'), (el) => el.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const tree = await accessibilityTree(frame);
    expect(find(tree, 'alert', t.form.errorSummaryTitle)).toHaveLength(1);
    await page.close();
  });

  it('names every control of the film screen, in the course’s words', async () => {
    const { page, frame } = await openFilm();
    const controls = namedControls(await accessibilityTree(frame));
    expect(controls.filter((control) => control.name === '')).toEqual([]);
    // In the course's words, not video.js's English ("Skip backward 10 seconds").
    expect(find(controls, 'button', 'Back 10 seconds')).toHaveLength(1);
    await page.close();
  });
});
