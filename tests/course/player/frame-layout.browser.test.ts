// The course as LMSs frame it (issue 15, items 1, 2, 5, 6), in Debian's Chromium: Moodle's player leaves it a
// 650 × 666 frame, many LMSs an 800 × 600 or 1024 × 768 one, and a phone 375 × 812. The layout follows the frame's
// width (container queries): one column below 960 px with the film the column's full width, captions never below
// 14 px, the film and its controls within the frame's height, nothing wider than the frame, nothing but the page
// scrolling, axe clean. A wide frame keeps the menu beside the page, after it in the document. On a phone the header
// stays short, the film's buttons fit one row and the first screen's way in is on screen. The "Sections" panel
// closes with Escape, focus never falls to the page after "Finish the course", and the welcome-back notice says
// where the learner is rather than asking them to go there.
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RuntimeConfig } from '../../../course/model/types.ts';
import { encodeState } from '../../../course/runtime/state/codec.ts';
import { hasChromium } from '../../support/chromium.ts';
import { axeViolations } from '../../support/axe.ts';
import { accessibilityTree, headingOutline } from '../../support/accessibility-recorder.ts';
import { loadCourse, runtimeConfig, typicalRun, typicalStateAt } from '../runtime/helpers/course-fixtures.ts';
import { playerInChromium } from './player-in-chromium.ts';
import { FRAMES, courseInFrameFiles, openInFrame, type FrameSize } from './course-in-frame.ts';

const course = loadCourse();
const sectionOf = (type: string) => course.sections.find((section) => section.screens.some((screen) => screen.type === type))!;
const screenOf = (type: string) => course.sections.flatMap((section) => section.screens).find((screen) => screen.type === type)!;

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="120" viewBox="0 0 480 120"><rect width="480" height="120" fill="#fff"/><rect x="12" y="12" width="160" height="96" fill="#005eb8"/></svg>';
const configs: Record<string, RuntimeConfig> = {
  plain: runtimeConfig('scorm12', 'private', course),
  // A trust with a logo and a long display name: the header a phone has to fit.
  trust: {
    ...runtimeConfig('scorm12', 'private', course),
    variant: {
      id: 'trust',
      displayName: 'Common Ground (Northmoor Valley, fictional example)',
      organisation: 'Northmoor Valley NHS Foundation Trust (fictional)',
      reflections: 'private',
      branding: { logo: { file: 'branding/logo.svg', alt: 'Northmoor Valley NHS Foundation Trust' }, colours: { header: '#003087', accent: '#005EB8' } },
    },
  },
};

const chromium = playerInChromium((player) => courseInFrameFiles(player, configs, { 'branding/logo.svg': LOGO }));

const PHONE: FrameSize = { width: 375, height: 812 };

const scrollsSideways = (frame: Frame) => frame.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** Elements inside the course that scroll on their own (a second scrollbar inside the frame's own). */
const innerScrollers = (frame: Frame) =>
  frame.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((el) => {
        const style = getComputedStyle(el);
        const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
        return el.offsetParent !== null && ((scrolls(style.overflowY) && el.scrollHeight > el.clientHeight + 1) || (scrolls(style.overflowX) && el.scrollWidth > el.clientWidth + 1));
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );

/** Opens a section as a learner does at this width: through "Sections" in a narrow frame, the menu column in a wide one. */
async function goToSection(frame: Frame, type: string): Promise<void> {
  const toggle = frame.locator('.header__menu-toggle');
  if (await toggle.isVisible()) {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }
  const section = sectionOf(type);
  await frame.locator('.section-menu__link:visible', { hasText: section.title }).click();
  await frame.locator('#view-heading', { hasText: section.screens[0]!.title }).waitFor();
}

async function openFilm(frame: Frame): Promise<void> {
  await goToSection(frame, 'film');
  await frame.locator('.vjs-control-bar').waitFor();
  await frame.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1);
}

/** Plays the film (muted) until a caption shows, then pauses; the caption box's size and place. */
async function showCaption(frame: Frame) {
  await frame.evaluate(async () => {
    const video = document.querySelector('video')!;
    video.muted = true;
    await video.play();
  });
  await frame.locator('.vjs-text-track-cue').first().waitFor();
  await frame.evaluate(() => document.querySelector('video')!.pause());
  return frame.evaluate(() => {
    const cue = document.querySelector<HTMLElement>('.vjs-text-track-cue')!;
    const picture = document.querySelector('.vjs-tech')!.getBoundingClientRect();
    const box = cue.getBoundingClientRect();
    return { fontSize: parseFloat(getComputedStyle(cue).fontSize), inside: box.top >= picture.top - 1 && box.bottom <= picture.bottom + 1 };
  });
}

/** The film's controls, by row: the distinct tops of the buttons shown (each a y position, rounded). */
const buttonRows = (frame: Frame) =>
  frame.evaluate(() => {
    const buttons = Array.from(document.querySelectorAll<HTMLElement>('.vjs-control-bar button')).filter((b) => b.offsetParent !== null && b.getBoundingClientRect().width > 0);
    return [...new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top)))];
  });

async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.PLAYER_SCREENSHOTS) await page.screenshot({ path: join(process.env.PLAYER_SCREENSHOTS, `${name}.png`) });
}

describe.skipIf(!hasChromium)('the course in LMS frames, in Chromium', () => {
  for (const [name, size] of [
    ['Moodle’s 650 × 666', FRAMES.moodle],
    ['an 800 × 600', FRAMES.small],
  ] as const) {
    it(`lays out for ${name} frame: one column, the film full width with captions of 14 px or more, no sideways scroll, axe clean`, async () => {
      const { page, frame, errors } = await openInFrame(chromium.browser, chromium.origin, { variant: 'plain', size });
      // One column: the menu is behind "Sections", the wide column is not drawn, and the page has the frame's width.
      await expect(frame.locator('.header__menu-toggle').isVisible()).resolves.toBe(true);
      await expect(frame.locator('.layout__menu--wide').isVisible()).resolves.toBe(false);
      const main = (await frame.locator('main').boundingBox())!;
      expect(main.width).toBeGreaterThanOrEqual(size.width - 2 * 32);
      expect(await scrollsSideways(frame)).toBe(false);
      expect(await innerScrollers(frame)).toEqual([]);
      expect(await axeViolations(frame)).toEqual([]);

      await openFilm(frame);
      // The film takes the column's whole width, and the picture with both rows of controls fits the frame's height.
      const column = await frame.locator('main').evaluate((el) => {
        const style = getComputedStyle(el);
        return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      });
      const player = (await frame.locator('.video-js').boundingBox())!;
      expect(Math.abs(player.width - column)).toBeLessThanOrEqual(1);
      expect(player.height).toBeLessThanOrEqual(size.height);
      const caption = await showCaption(frame);
      expect(caption.fontSize).toBeGreaterThanOrEqual(14);
      expect(caption.inside).toBe(true);
      expect(await buttonRows(frame)).toHaveLength(1);
      expect(await scrollsSideways(frame)).toBe(false);
      expect(await innerScrollers(frame)).toEqual([]);
      expect(await axeViolations(frame)).toEqual([]);
      await screenshot(page, `frame-${size.width}x${size.height}-film`);

      await goToSection(frame, 'scenario');
      await frame.locator('.scenario-steps').waitFor();
      expect(await scrollsSideways(frame)).toBe(false);
      expect(await axeViolations(frame)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('keeps captions at 14 px or more in a 1024 × 768 frame, where the menu stands beside the film', async () => {
    const { page, frame } = await openInFrame(chromium.browser, chromium.origin, { variant: 'plain', size: FRAMES.medium });
    await expect(frame.locator('.layout__menu--wide').isVisible()).resolves.toBe(true);
    await openFilm(frame);
    expect((await showCaption(frame)).fontSize).toBeGreaterThanOrEqual(14);
    expect(await scrollsSideways(frame)).toBe(false);
    await page.close();
  });

  it('puts the page before the menu in a wide frame: the h1 is the first heading, the menu a column on the left', async () => {
    const { page, frame } = await openInFrame(chromium.browser, chromium.origin, { variant: 'plain', size: FRAMES.wide });
    const menu = frame.locator('.layout__menu--wide');
    await expect(menu.isVisible()).resolves.toBe(true);
    await expect(frame.locator('.header__menu-toggle').isVisible()).resolves.toBe(false);
    expect((await menu.boundingBox())!.x).toBeLessThan((await frame.locator('main').boundingBox())!.x);
    const outline = headingOutline(await accessibilityTree(frame));
    expect(outline[0]).toBe(`h1 ${course.sections[0]!.screens[0]!.title}`);
    expect(outline).toContain('h2 Course sections');
    expect(outline.indexOf('h2 Course sections')).toBeGreaterThan(0);
    await page.close();
  });

  it('on a phone: a short header, the film’s buttons on one row, and the way in on the first screen', async () => {
    for (const variant of ['plain', 'trust']) {
      const { page, frame, errors } = await openInFrame(chromium.browser, chromium.origin, { variant, size: PHONE });
      const header = (await frame.locator('header').boundingBox())!;
      // 176 of 812 px before, with a logo and a long name; now the logo sits beside "Sections" and the name under both.
      expect(header.height).toBeLessThanOrEqual(variant === 'trust' ? 112 : 72);
      const start = frame.getByRole('button', { name: 'Start the course' });
      expect((await start.boundingBox())!.y + (await start.boundingBox())!.height).toBeLessThanOrEqual(PHONE.height);
      expect(await scrollsSideways(frame)).toBe(false);
      expect(await axeViolations(frame)).toEqual([]);
      await screenshot(page, `phone-${variant}-welcome`);
      await start.click();
      await frame.locator('#view-heading', { hasText: course.sections[0]!.screens[1]?.title ?? course.sections[1]!.screens[0]!.title }).waitFor();
      await expect.poll(() => frame.evaluate(() => document.activeElement?.id)).toBe('view-heading');

      await openFilm(frame);
      expect(await buttonRows(frame)).toHaveLength(1);
      expect((await showCaption(frame)).fontSize).toBeGreaterThanOrEqual(14);
      expect(await scrollsSideways(frame)).toBe(false);
      await screenshot(page, `phone-${variant}-film`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('closes "Sections" with Escape and gives focus back to its button', async () => {
    const { page, frame } = await openInFrame(chromium.browser, chromium.origin, { variant: 'plain', size: FRAMES.moodle });
    const toggle = frame.locator('.header__menu-toggle');
    const panel = frame.locator('#section-menu');
    // Each read waits for the render after the key press (Preact renders in a later task), so a slow machine is not a failure.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => panel.isVisible()).toBe(true);
    // From inside the menu.
    await page.keyboard.press('Tab');
    await expect.poll(() => frame.evaluate(() => document.activeElement?.closest('#section-menu') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => panel.isVisible()).toBe(false);
    await expect.poll(() => frame.evaluate(() => document.activeElement?.classList.contains('header__menu-toggle'))).toBe(true);
    // And from the button itself.
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => frame.evaluate(() => document.activeElement?.classList.contains('header__menu-toggle'))).toBe(true);
    // And at once: Escape straight after Enter, before the next frame is painted, still closes it.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => panel.isVisible()).toBe(false);
    await page.close();
  });

  it('moves focus to the message after "Finish the course", never to the page', async () => {
    const resume = encodeState(typicalRun(course), course);
    const { page, frame, errors } = await openInFrame(chromium.browser, chromium.origin, { variant: 'plain', size: FRAMES.small, resume });
    await frame.locator('#view-heading', { hasText: screenOf('summary').title }).waitFor();
    const finish = frame.getByRole('button', { name: 'Finish the course' });
    await finish.focus();
    await page.keyboard.press('Enter');
    const message = frame.locator('.finish .callout--success');
    await message.waitFor();
    await expect.poll(() => frame.evaluate(() => document.activeElement?.matches('.finish .callout--success') ?? false)).toBe(true);
    await expect(frame.evaluate(() => document.activeElement === document.body)).resolves.toBe(false);
    // Focus says it: the live region does not say it again.
    await expect(frame.locator('.live-region').textContent()).resolves.toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('welcomes a returning learner on the page they left, without asking them to go there, and drops it once they move', async () => {
    const run = typicalRun(course);
    const welcome = run.completedScreens[0]!;
    // Left on the first page after reading it (the case that said "continue from “Welcome…”"), and further on.
    for (const resume of [encodeState({ ...run, completedScreens: [welcome], location: welcome, reflections: {} }, course), typicalStateAt(course, 3)]) {
      const { page, frame } = await openInFrame(chromium.browser, chromium.origin, { variant: 'plain', size: FRAMES.small, resume });
      const notice = frame.locator('.notice');
      await notice.waitFor();
      const text = (await notice.textContent()) ?? '';
      expect(text).toContain('Welcome back. You are where you left off');
      expect(text).not.toMatch(/continue from/i);
      await frame.getByRole('button', { name: /^Next/ }).click();
      await expect.poll(() => notice.count()).toBe(0);
      await page.close();
    }
  });
});
