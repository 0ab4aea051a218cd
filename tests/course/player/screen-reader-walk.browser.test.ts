// What a screen-reader user hears through the whole course (issue 18), read from Chromium's accessibility tree (the
// proxy for NVDA, JAWS and VoiceOver that runs here). A keyboard learner walks every screen, resource page, film
// question, scenario step and knowledge-check attempt (the e2e suite's walker), and at each step the test records the
// keys pressed, every focus move and live-region change since the step before, the heading outline and every
// control's role, name and state. The rules of tests/support/screen-reader-rules.ts are held on every step; then a
// second learner who has done nothing opens the summary.
//
// The record is kept, readable, in course/player/what-a-screen-reader-hears.md: this test fails when that file
// no longer matches what the course does, and UPDATE_TRANSCRIPT=1 rewrites it (then review the diff and commit it).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Question, Screen } from '../../../course/model/types.ts';
import { hasChromium } from '../../support/chromium.ts';
import { accessibilityTree, liveRegionTexts, startHearing, type Hearing } from '../../support/accessibility-recorder.ts';
import {
  descriptionsBlocked,
  outlineProblems,
  praiseBeforeFinishing,
  questionsWithoutHeading,
  repeatedAnnouncements,
  sameNamedControls,
  sameNamedLandmarks,
  staleLiveText,
  strayTextInNames,
  type ScreenRecord,
} from '../../support/screen-reader-rules.ts';
import { transcriptMarkdown } from '../../support/screen-reader-transcript.ts';
import { CourseWalker } from '../../e2e/support/walkthrough.ts';
import { planFor } from '../../e2e/support/plan.ts';
import { loadCourse, runtimeConfig } from '../runtime/helpers/course-fixtures.ts';
import { enGB } from '../../../course/player/strings/en-GB.ts';
import { enGBScreens } from '../../../course/player/strings/en-GB.screens.ts';
import { playerInChromium } from './player-in-chromium.ts';
import { FRAMES, courseInFrameFiles, openInFrame } from './course-in-frame.ts';

const TRANSCRIPT = fileURLToPath(new URL('../../../course/player/what-a-screen-reader-hears.md', import.meta.url));
const course = loadCourse();
const t = { ...enGB, ...enGBScreens };
const screens: Screen[] = course.sections.flatMap((section) => section.screens);
const first = screens[0]!;
const summary = screens.find((screen) => screen.type === 'summary')!;
const summarySection = course.sections.find((section) => section.screens.includes(summary))!;
// Every question a learner can be asked: the knowledge check's bank and the film's.
const prompts = [
  ...screens.flatMap((screen): Question[] => (screen.type === 'knowledge-check' ? screen.questions : [])),
  ...course.film.cuePoints.map((cue) => cue.question),
].map((question) => question.prompt);

const chromium = playerInChromium((player) => courseInFrameFiles(player, { plain: runtimeConfig('scorm12', 'private', course) }));

/** Records each step: waits for the page to settle (a render, the live region's gap), then takes what was heard. */
function recorder(frame: Frame, hearing: Hearing, records: ScreenRecord[], onFilm: (frame: Frame) => Promise<void>) {
  return async (label: string): Promise<void> => {
    await frame.waitForTimeout(400);
    const heard = await hearing.take();
    records.push({ label, heard, tree: await accessibilityTree(frame), live: await liveRegionTexts(frame) });
    if (label.endsWith('(film)')) await onFilm(frame);
  };
}

/** Every rule of screen-reader-rules.ts on every step; `completed` says whether the learner had finished there. */
function problemsOf(records: readonly ScreenRecord[], completed: (record: ScreenRecord) => boolean): string[] {
  const problems = records.flatMap((record) =>
    [
      ...repeatedAnnouncements(record.heard),
      ...sameNamedControls(record.tree),
      ...sameNamedLandmarks(record.tree),
      ...questionsWithoutHeading(record.tree, prompts),
      ...strayTextInNames(record.tree),
      ...outlineProblems(record.tree),
      ...praiseBeforeFinishing(record.tree, completed(record)),
    ].map((problem) => `${record.label}: ${problem}`),
  );
  return [...problems, ...staleLiveText(records)];
}

async function openCourse(): Promise<{ page: Page; frame: Frame; errors: string[]; hearing: Hearing }> {
  const opened = await openInFrame(chromium.browser, chromium.origin, { variant: 'plain', size: FRAMES.wide, fixedRandom: true });
  return { ...opened, hearing: await startHearing(opened.frame, { keys: true }) };
}

describe.skipIf(!hasChromium)('what a screen-reader user hears through the whole course, in Chromium', () => {
  it('hears each screen once and clearly, can switch audio description on with captions on, and the record is current', { timeout: 600_000 }, async () => {
    // The whole walk, by keyboard.
    const walked: ScreenRecord[] = [];
    const film: string[] = [];
    const whole = await openCourse();
    const walker = new CourseWalker(
      whole.page,
      course,
      planFor(course),
      {
        onStep: recorder(whole.frame, whole.hearing, walked, async (frame) => {
          // On arrival at the film, captions are on (the default) and audio description can still be switched on.
          const captionsOn = await frame.evaluate(() => {
            type Tracks = { textTracks(): ArrayLike<{ kind: string; mode: string }> };
            const player = (document.querySelector('.video-js') as unknown as { player?: Tracks } | null)?.player;
            return Array.from(player?.textTracks() ?? []).some((track) => track.kind === 'captions' && track.mode === 'showing');
          });
          if (!captionsOn) film.push('captions are not on when the film screen opens');
          film.push(...descriptionsBlocked(walked.at(-1)!.tree, t.videoPlayer['Descriptions']!));
          // The captions menu's items, named by their words alone (no CSS tick, no video.js "selected"). Opened and
          // closed aside from the walk: focus goes back to the page's heading, and what that made heard is dropped.
          await frame.locator('.vjs-subs-caps-button > button').click();
          await frame.locator('.vjs-subs-caps-button .vjs-menu-item').first().waitFor();
          const items = (await accessibilityTree(frame)).filter((node) => node.role === 'menuitemradio');
          if (!items.some((item) => item.states['checked'] === true)) film.push('no captions item is checked');
          film.push(...strayTextInNames(items));
          await whole.page.keyboard.press('Escape');
          await frame.evaluate(() => document.getElementById('view-heading')?.focus());
          await frame.waitForTimeout(200);
          await whole.hearing.take();
        }),
      },
      '#course',
    );
    await walker.enterCourse(first.title);
    await walker.walkFrom(first.id);
    // "Finish the course" replaces its button with the message, which takes focus.
    await walker.learner.waitInFrame(() => document.activeElement?.classList.contains('callout--success') === true, null);
    await walker.step(`${summary.id}: finished`);
    await whole.page.close();

    // A learner who has done nothing goes straight to the summary from the sections menu.
    const early: ScreenRecord[] = [];
    const fresh = await openCourse();
    const second = new CourseWalker(fresh.page, course, planFor(course), { onStep: recorder(fresh.frame, fresh.hearing, early, async () => {}) }, '#course');
    await second.enterCourse(first.title);
    await second.step(`${first.id}: a new learner arrives`);
    await second.goToSection(summarySection.title, summary);
    await second.step(`${summary.id}: opened before finishing`);
    await fresh.page.close();

    const markdown = transcriptMarkdown(
      'What a screen-reader user hears',
      [
        'Written by `tests/course/player/screen-reader-walk.browser.test.ts`, which fails when this file no longer matches the course:',
        'after a change, run it with `UPDATE_TRANSCRIPT=1`, read the difference and commit it. Do not edit it by hand.',
        '',
        `A keyboard learner walks the whole course in Chromium (a ${FRAMES.wide.width} × ${FRAMES.wide.height} pixel LMS frame, SCORM 1.2), and at`,
        'each step the test records the keys pressed, every focus move and live-region change since the step before, the',
        'heading outline and every control with its role, name and states, from Chromium’s accessibility tree. This is what',
        'a screen reader is given, not how NVDA, JAWS or VoiceOver read it out: the audit record',
        '(`course/content/accessibility/audit.json`) says what still needs one.',
        'Runs of Tab are one line with the stop they reached; clock times and the film’s position are shown as "m:ss".',
      ],
      [
        { heading: 'The whole course, by keyboard', records: walked },
        { heading: 'A new learner opens the summary before doing anything', records: early },
      ],
    );
    // Written before the rules are held, so a reviewer can read what a failing walk heard.
    if (process.env.UPDATE_TRANSCRIPT === '1') await writeFile(TRANSCRIPT, markdown);

    // Every rule's findings at once (soft), then whether the kept record is current.
    expect(walked.filter((record) => record.label.endsWith('(film)'))).toHaveLength(1);
    expect.soft(film).toEqual([]);
    const reachedSummary = walked.findIndex((record) => record.label.startsWith(`${summary.id} `));
    expect(reachedSummary).toBeGreaterThan(0);
    expect.soft(problemsOf(walked, (record) => walked.indexOf(record) >= reachedSummary)).toEqual([]);
    expect.soft(whole.errors).toEqual([]);

    expect.soft(problemsOf(early, () => false)).toEqual([]);
    // The menu does not tick the summary because it was opened.
    const summaryItem = early.at(-1)!.tree.find((node) => node.role === 'button' && node.name.startsWith(summarySection.title));
    expect.soft(summaryItem?.name).not.toContain(t.sectionStatus.completed);
    expect.soft(fresh.errors).toEqual([]);
    const committed = await readFile(TRANSCRIPT, 'utf8').catch(() => '(no file)');
    expect(committed, 'course/player/what-a-screen-reader-hears.md is out of date: run this test with UPDATE_TRANSCRIPT=1 and commit the file').toBe(markdown);
  });
});
