// The real player build in Debian's Chromium, inside a page whose SCORM 1.2 API is scorm-again (which, unlike a
// strict LMS, accepts suspend_data past 4,096 characters: the limit is the course's to keep). The reflection screen
// of a SCORM 1.2 package shows the shared room, keeps a paste only in part and says so, refuses a key that does not
// fit without touching what was written, and what reaches cmi.suspend_data stays within 4,096 characters and decodes
// to exactly what is on the screen. A variant that shares reflections says so on the welcome and reflection screens.
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeState } from '../../../course/runtime/state/codec.ts';
import { hasChromium } from '../../support/chromium.ts';
import { LONG_PROSE, loadCourse, runtimeConfig } from '../runtime/helpers/course-fixtures.ts';
import { playerInChromium } from './player-in-chromium.ts';
import { courseInFrameFiles, openInFrame } from './course-in-frame.ts';
import { axeViolations } from '../../support/axe.ts';

const course = loadCourse();
const reflectionScreen = course.sections.flatMap((s) => s.screens).find((s) => s.type === 'reflection');
if (reflectionScreen?.type !== 'reflection') throw new Error('the course has no reflection screen');
const prompts = reflectionScreen.prompts;
const reflectionsSection = course.sections.find((s) => s.screens.includes(reflectionScreen)) as (typeof course.sections)[number];

const configs = {
  private: runtimeConfig('scorm12', 'private', course),
  shared: { ...runtimeConfig('scorm12', 'shared', course), variant: { id: 'trust', displayName: 'Common Ground', organisation: 'Example NHS Trust', reflections: 'shared' as const } },
};

// The LMS page carries scorm-again's SCORM 1.2 API and the package in a frame (course-in-frame.ts); a `resume` is the
// suspend_data the LMS holds from an earlier session.
const chromium = playerInChromium((player) => courseInFrameFiles(player, configs));

const openCourse = (variant: 'private' | 'shared', resume: string | null = null) =>
  openInFrame(chromium.browser, chromium.origin, { variant, size: { width: 1200, height: 1400 }, resume });

async function goToReflections(frame: Frame): Promise<void> {
  await frame.getByRole('button', { name: new RegExp(reflectionsSection.title) }).click();
  await frame.locator('#view-heading', { hasText: reflectionScreen!.title }).waitFor();
  // The heading comes first; the screen itself is a lazy chunk, slower to arrive on a busy machine.
  await frame.locator('main textarea').first().waitFor();
}

const field = (frame: Frame, index: number) => frame.locator(`#reflection-${prompts[index]!.id}`);
const liveRegion = (frame: Frame) => frame.locator('[aria-live="polite"]').last();

describe.skipIf(!hasChromium)('reflections in a SCORM 1.2 package, in Chromium', () => {
  it('shares the saved room between the answers, stops what does not fit and keeps suspend_data within 4,096', async () => {
    const { page, frame, errors } = await openCourse('private');
    await expect(frame.locator('.card--feature').textContent()).resolves.toContain('Your reflections are private');
    await goToReflections(frame);
    await expect(frame.locator('main').textContent()).resolves.toContain('Your answers share the room this course has for them');
    await expect(frame.locator('main').textContent()).resolves.toContain('Your answers are private.');

    // A long paste: only its beginning is kept, and the learner is told how much.
    const first = field(frame, 0);
    await first.fill(`${LONG_PROSE} ${LONG_PROSE.split(' ').reverse().join(' ')}`);
    const kept = await first.inputValue();
    expect(kept.length).toBeGreaterThan(200);
    expect(kept.length).toBeLessThan(prompts[0]!.maxLength);
    expect(LONG_PROSE.startsWith(kept.slice(0, 500))).toBe(true);
    await expect.poll(() => liveRegion(frame).textContent()).toMatch(/^Only [\d,]+ of the [\d,]+ characters you added fit/);

    // The rest of the room is kept for the other answers, so a key press at the start of this one does not fit now:
    // nothing is added and nothing is cut.
    await first.focus();
    await first.press('Control+Home');
    await first.pressSequentially('Zz');
    expect(await first.inputValue()).toBe(kept);
    await expect.poll(() => liveRegion(frame).textContent()).toBe('There is no room left for this answer. To write more, shorten this answer or another one.');
    // What the paste left over: nothing, or a few more characters of ordinary prose.
    await expect.poll(() => frame.locator(`#reflection-${prompts[0]!.id}-count`).textContent()).toMatch(/^There is no room left|^You have about \d characters? left$/);
    // Deleting is always possible.
    await first.press('Delete');
    expect(await first.inputValue()).toBe(kept.slice(1));

    // The other answers still get the room kept for them: at least its floor of any text, more of ordinary prose.
    for (const index of [1, 2, 3]) {
      await field(frame, index).fill(LONG_PROSE.slice(index * 97));
      expect((await field(frame, index).inputValue()).length).toBeGreaterThan(200);
    }

    // Moving on saves at once: what the LMS holds fits and is exactly what is on the screen.
    await frame.getByRole('button', { name: /^Next/ }).click();
    const suspendData = await page.evaluate(() => (window as unknown as { API: { LMSGetValue(e: string): string } }).API.LMSGetValue('cmi.suspend_data'));
    expect(suspendData.length).toBeGreaterThan(1000);
    expect(suspendData.length).toBeLessThanOrEqual(4096);
    const decoded = decodeState(suspendData, course);
    if (!decoded.ok) throw new Error(`the saved state could not be read whole (${decoded.reason})`);
    await frame.getByRole('button', { name: /^Back/ }).click();
    for (const [index, prompt] of prompts.entries()) expect(decoded.state.reflections[prompt.id]).toBe(await field(frame, index).inputValue());

    // The next launch decodes it (the codec is a chunk of its own, which a resume waits for) and says welcome back.
    const next = await openCourse('private', suspendData);
    await expect(next.frame.locator('.notice').textContent()).resolves.toContain('Welcome back');
    await goToReflections(next.frame);
    for (const [index, prompt] of prompts.entries()) expect(await field(next.frame, index).inputValue()).toBe(decoded.state.reflections[prompt.id]);
    expect(next.errors).toEqual([]);
    await next.page.close();
    if (process.env.PLAYER_SCREENSHOTS) await page.screenshot({ path: join(process.env.PLAYER_SCREENSHOTS, 'reflections-scorm12.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no axe violations on the reflection screen at 320 and 1280 px', async () => {
    const { page, frame } = await openCourse('private');
    await goToReflections(frame);
    await field(frame, 0).fill('A first thought.');
    expect(await axeViolations(frame)).toEqual([]);
    await page.locator('#course').evaluate((element) => ((element as HTMLIFrameElement).style.width = '320px'));
    expect(await axeViolations(frame)).toEqual([]);
    await page.close();
  });

  it('says plainly, in a variant that shares reflections, that they go to the organisation', async () => {
    const { page, frame, errors } = await openCourse('shared');
    const note = (await frame.locator('.card--feature').textContent()) ?? '';
    expect(note).toContain('Your reflections are shared with your organisation');
    expect(note).toContain('Example NHS Trust has chosen to receive what you write');
    // Only the course note's shared version is shown: nothing beside it promises privacy.
    expect(note).not.toMatch(/are private|private to you/);
    if (process.env.PLAYER_SCREENSHOTS) await page.screenshot({ path: join(process.env.PLAYER_SCREENSHOTS, 'welcome-shared.png'), fullPage: true });
    await goToReflections(frame);
    const main = (await frame.locator('main').textContent()) ?? '';
    expect(main).toContain('Your answers here are shared with your organisation');
    expect(main).toContain('Your answers are not private: Example NHS Trust receives a copy of each answer');
    // The private version of the course's note is not shown where the variant shares.
    expect(main).not.toMatch(/Your answers are private|Only you can see them|aren't sent to your manager/);
    if (process.env.PLAYER_SCREENSHOTS) await page.screenshot({ path: join(process.env.PLAYER_SCREENSHOTS, 'reflections-shared.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
