// Typing is not lost when the browser dies (issue 17.4). In every standard, a learner types a reflection, pauses for
// three seconds, and the browser process is killed (SIGKILL: no pagehide, no unload, nothing flushed). Relaunched in a
// fresh profile, another PC in effect, with only what the LMS holds, the text is there: the course committed it
// a moment after the learner paused. And where the LMS could not take it (commits failing, the LRS down), the
// browser's own copy survives the kill: relaunched in the same profile, the text is there too (IndexedDB, written
// with strict durability; localStorage alone reaches disk only seconds later).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_IDS, type StandardId } from '../../course/model/types.ts';
import type { ReflectionScreen } from '../../course/model/types.ts';
import { hasChromium } from '../support/chromium.ts';
import { heldByLms } from './support/held.ts';
import { openPreviewLms, type PreviewLms } from './support/lms.ts';
import { openOwnBrowser, newProfile, removeProfile, type OwnBrowser } from './support/own-browser.ts';
import { builtPackages, packageConfig, type BuiltPackages } from './support/packages.ts';
import { planFor } from './support/plan.ts';
import { until } from './support/until.ts';
import { CourseWalker } from './support/walkthrough.ts';

/** The learner stops typing, and the browser dies this long after. */
const PAUSE_BEFORE_KILL_MS = 3000;
/**
 * Where only the browser keeps the text: the player saves it a quiet second after the last key; the browser dies half
 * a second later, before Chromium has written localStorage to disk (it batches such writes).
 */
const QUICK_KILL_MS = 1500;

let packages: BuiltPackages;
beforeAll(async () => {
  if (hasChromium) packages = await builtPackages();
});
afterAll(async () => {
  await packages?.dispose();
});

interface KillRun {
  typed: string;
  shown: string;
}

/**
 * Walk to the first reflection, type its answer, pause, kill the browser; relaunch (`sameProfile`: in the dead
 * browser's profile, with the LMS unable to take the text before the kill) and read the reflection box.
 */
async function typePauseKill(standard: StandardId, sameProfile: boolean): Promise<KillRun> {
  const zip = packages.zipOf(standard);
  const { course } = await packageConfig(zip);
  const plan = planFor(course);
  const lms: PreviewLms = await openPreviewLms(zip);
  const profiles: string[] = [await newProfile()];
  const browsers: OwnBrowser[] = [];
  try {
    const open = async (profile: string): Promise<CourseWalker> => {
      const browser = await openOwnBrowser(profile);
      browsers.push(browser);
      const page = await browser.context.newPage();
      await page.goto(lms.packageUrl);
      return new CourseWalker(page, course, plan);
    };
    let walker = await open(profiles[0]!);
    const screens = walker.screens();
    const reflection = screens.find((s): s is ReflectionScreen => s.type === 'reflection')!;
    const section = course.sections.find((s) => s.screens.includes(reflection))!;
    const prompt = reflection.prompts[0]!;
    const typed = plan.reflections[prompt.id]!;
    await walker.enterCourse(screens[0]!.title);
    await walker.goToSection(section.title, reflection);
    await until(() => heldByLms({ lms }), (held) => held.location === reflection.id, 'the move to the reflection to reach the LMS');
    if (sameProfile) await lms.setFaults(standard.startsWith('scorm') ? { commitFails: true } : { lrsDown: 'http-503' });

    await walker.learner.tabTo(`the reflection box ${prompt.id}`, (f) => f.tag === 'textarea' && f.id === `reflection-${prompt.id}`);
    await walker.learner.type(typed);
    await walker.page.waitForTimeout(sameProfile ? QUICK_KILL_MS : PAUSE_BEFORE_KILL_MS);
    await browsers[0]!.kill();
    await lms.setFaults({ commitFails: false, lrsDown: 'off' });

    if (!sameProfile) profiles.push(await newProfile());
    walker = await open(profiles.at(-1)!);
    await walker.waitForScreen(reflection.title, false);
    await walker.learner.waitInFrame(() => document.querySelector('textarea') !== null, null);
    const shown = await (await walker.frame()).evaluate((id) => (document.getElementById(id) as HTMLTextAreaElement | null)?.value ?? '', `reflection-${prompt.id}`);
    return { typed, shown };
  } finally {
    for (const browser of browsers) await browser.close();
    for (const profile of profiles) await removeProfile(profile);
    await lms.close();
  }
}

describe.skipIf(!hasChromium)('the browser is killed three seconds after the learner stops typing', () => {
  it.each(STANDARD_IDS)('%s: relaunched in a fresh profile, with the LMS data only, the text is there', { timeout: 240_000 }, async (standard) => {
    const run = await typePauseKill(standard, false);
    expect(run.shown).toBe(run.typed);
  });

  it.each(['scorm12', 'cmi5'] as const)('%s: the LMS could not take it; relaunched in the same profile, the text is there from the browser’s own copy', { timeout: 240_000 }, async (standard) => {
    const run = await typePauseKill(standard, true);
    expect(run.shown).toBe(run.typed);
  });
});
