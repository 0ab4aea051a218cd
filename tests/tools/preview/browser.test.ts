// The preview LMS in Debian's Chromium: the SCORM API reaches a SCO in the frame (1.2 and 2004), resume and the fault
// switches work through the page, a cmi5 AU runs its launch sequence, and axe-core finds nothing wrong with the LMS
// page at 320 and 1280 px; "Start a new attempt…" asks first, the frame takes LMS sizes, and a log far over its caps
// leaves the page up (issue 15.8). Set PREVIEW_SCREENSHOTS=<folder> to keep screenshots of the inspector.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectorSnapshot } from '../../../tools/preview/protocol.ts';
import { startPreviewServer, type PreviewServer } from '../../../tools/preview/server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, hasChromium } from '../../support/chromium.ts';
import { axeViolations } from '../../support/axe.ts';
import { LRS_KEY_SECRET, startRealLrs } from '../../support/real-lrs.ts';
import { CMI5_FILES, SCORM12_FILES, SCORM2004_FILES, previewOf, workspace, zipOf, type Workspace } from './fixtures.ts';
import { FRAME_SIZES } from '../../../tools/preview/client/frame-sizes.ts';
import { faultLabels } from '../../../tools/preview/client/fault-labels.ts';
import { PREVIEW_RETENTION } from '../../../tools/preview/log-retention.ts';

const SCREENSHOTS = process.env.PREVIEW_SCREENSHOTS;

let space: Workspace;
let profile: string;
let context: BrowserContext;
const servers: PreviewServer[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  space = await workspace();
  profile = await mkdtemp(join(tmpdir(), 'cg-preview-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: CHROMIUM_ARGS,
  });
});

afterAll(async () => {
  if (!hasChromium) return;
  await context.close();
  await Promise.all(servers.map((server) => server.close()));
  await rm(profile, { recursive: true, force: true });
  await space.remove();
});

async function open(name: string, files: Record<string, string | Uint8Array>): Promise<{ page: Page; server: PreviewServer; errors: string[] }> {
  const server = await previewOf(await space.write(name, await zipOf(files)));
  servers.push(server);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  return { page, server, errors };
}

/** What the test SCO / AU wrote into its #result paragraph, once it has written something new. */
async function courseResult(page: Page, previous = 'waiting'): Promise<Record<string, unknown>> {
  const result = page.frameLocator('#course-frame').locator('#result');
  await result.filter({ hasNotText: previous }).first().waitFor();
  return JSON.parse((await result.textContent()) ?? '{}') as Record<string, unknown>;
}

async function snapshot(server: PreviewServer): Promise<InspectorSnapshot> {
  return (await fetch(`${server.packageUrl}lms/snapshot`)).json() as Promise<InspectorSnapshot>;
}

async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).textContent()) ?? '';
}

/** The focused element's id, or its class when it has none. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id || document.activeElement?.className || '');
}

describe.skipIf(!hasChromium)('the preview LMS in Chromium', () => {
  it('gives a SCORM 1.2 SCO its API: initialise, commit, strict limits, resume, commit failure and a vanished LMS', async () => {
    const { page, server, errors } = await open('scorm12.zip', SCORM12_FILES);
    const first = await courseResult(page);
    expect(first).toMatchObject({ api: true, init: 'true', entry: 'ab-initio', name: 'Learner, Preview', launchData: 'from the manifest', mastery: '80', committed: 'true', commitError: '0', query: '?lang=en' });
    await expect.poll(async () => (await snapshot(server)).scorm!.committed['cmi.suspend_data']).toBe('visits=1');

    // scorm-again accepts 5,000 characters of 1.2 suspend_data; the preview refuses them as a strict LMS does.
    await page.frameLocator('#course-frame').locator('#overflow').click();
    expect(await courseResult(page, 'committed')).toEqual({ overflow: 'false', error: '405' });
    await expect.poll(async () => (await snapshot(server)).counts.warnings).toBeGreaterThan(0);
    await expect.poll(() => textOf(page, '#warning-list')).toContain("over SCORM 1.2's limit of 4096");

    await page.check('#fault-commit');
    await expect.poll(async () => (await snapshot(server)).faults.commitFails).toBe(true);
    await page.click('#relaunch');
    const resumed = await courseResult(page, 'overflow');
    expect(resumed).toMatchObject({ entry: 'resume', previous: 'visits=1', location: 'page-1', committed: 'false', commitError: '101' });
    // The SCO's pagehide commit ran while its frame was being dismissed: Chrome refuses synchronous requests then.
    await expect.poll(() => textOf(page, '#warning-list')).toContain('A commit was made while the course frame was unloading');
    await page.uncheck('#fault-commit');

    await page.check('#fault-lms-gone');
    await expect.poll(() => page.evaluate(() => 'API' in window)).toBe(false);
    await page.frameLocator('#course-frame').locator('#finish').click();
    expect(await courseResult(page, 'entry')).toEqual({ finished: 'false', error: '101' });
    await page.uncheck('#fault-lms-gone');

    await expect.poll(() => textOf(page, '#call-log')).toContain('LMSInitialize("") → "true"');
    await expect.poll(() => textOf(page, '#cmi-rows')).toContain('cmi.core.lesson_location');
    await expect.poll(() => textOf(page, '#suspend-label')).toContain('cmi.suspend_data: 8 of 4,096 characters');
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'preview-scorm12.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a SCORM 2004 SCO and closes it after Terminate with adl.nav.request exitAll', async () => {
    const { page, server, errors } = await open('scorm2004.zip', SCORM2004_FILES);
    expect(await courseResult(page)).toMatchObject({ api: true, init: 'true', entry: 'ab-initio', threshold: '0.75', passing: '0.8', committed: 'true' });
    await page.frameLocator('#course-frame').locator('#finish').click();
    await expect.poll(() => page.locator('#course-frame').getAttribute('src')).toBe('about:blank');
    await expect.poll(() => textOf(page, '#announcer')).toContain('asked the LMS to exitAll');
    expect((await snapshot(server)).attempt.running).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a cmi5 AU: fetch, LMS.LaunchData, learner preferences, "initialized" — shown in the inspector', async () => {
    const { page, server, errors } = await open('cmi5.zip', CMI5_FILES);
    expect(await courseResult(page)).toEqual({ launchMode: 'Normal', preferences: 200, initialized: 204, from: 'package' });
    await expect.poll(() => page.locator('#statement-list > li').count()).toBe(2);
    await expect.poll(() => textOf(page, '#statement-list')).toContain('initialized');
    await expect.poll(() => textOf(page, '#document-list')).toContain('LMS.LaunchData');
    expect((await snapshot(server)).counts.warnings).toBe(0);
    if (SCREENSHOTS) await page.locator('#inspector').screenshot({ path: join(SCREENSHOTS, 'preview-cmi5-inspector.png') });

    // The AU sends "terminated" as its page goes away: the LMS waits for it rather than recording "abandoned".
    await page.click('#end-attempt');
    await expect.poll(async () => (await snapshot(server)).xapi!.sessionState, { timeout: 10_000 }).toBe('terminated');
    await expect.poll(() => textOf(page, '#statement-list')).toContain('terminated');

    // With the LRS answering 503, the relaunched AU cannot send "terminated": the LMS records "abandoned".
    await page.click('#relaunch');
    await courseResult(page);
    await page.check('#lrs-503');
    await expect.poll(async () => (await snapshot(server)).faults.lrsDown).toBe('http-503');
    await page.click('#end-attempt');
    await expect.poll(async () => (await snapshot(server)).xapi!.sessionState, { timeout: 10_000 }).toBe('abandoned');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with --lrs, shows where statements go, and says so plainly when that LRS stops answering', async () => {
    const lrs = await startRealLrs();
    try {
      const server = await previewOf(await space.write('cmi5-forwarded.zip', await zipOf(CMI5_FILES)), { lrs: { endpoint: lrs.endpoint, keySecret: LRS_KEY_SECRET } });
      servers.push(server);
      const page = await context.newPage();
      await page.goto(server.url);
      expect(await courseResult(page)).toMatchObject({ initialized: 204 });
      await expect.poll(() => textOf(page, '#status-list')).toContain(`${lrs.endpoint}: answering`);
      expect((await lrs.statements()).map((statement) => statement.verb.id.split('/').pop())).toEqual(['launched', 'initialized']);

      await lrs.stop();
      await page.click('#relaunch');
      // The relaunched AU's "initialized" meets a 503; the inspector says what happened and what the course does.
      expect(await courseResult(page)).toMatchObject({ initialized: 503 });
      await expect.poll(() => textOf(page, '#status-list')).toContain('NOT ANSWERING (connection refused: nothing is listening there)');
      await expect.poll(() => textOf(page, '#warning-list')).toContain('The course was told the LRS is unavailable, so it keeps its statements and sends them again later');
      if (SCREENSHOTS) await page.locator('#inspector').screenshot({ path: join(SCREENSHOTS, 'preview-lrs-down-inspector.png') });
      await page.close();
    } finally {
      await lrs.stop();
    }
  });

  it('has an LMS page axe-core finds no fault with, at 1280 and 320 px, and that works from the keyboard', async () => {
    for (const [name, files] of [
      ['axe-scorm12.zip', SCORM12_FILES],
      ['axe-cmi5.zip', CMI5_FILES],
    ] as const) {
      const { page } = await open(name, files);
      await courseResult(page);
      await page.locator('#call-log > li').first().waitFor();
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 800 });
        expect(await axeViolations(page), `${name} at ${width} px`).toEqual([]);
      }
      // The skip link is the first stop and leads to the inspector; the buttons answer Enter.
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.keyboard.press('Tab');
      await expect.poll(() => focused(page)).toBe('skip-link');
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toBe('inspector');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect.poll(() => focused(page)).toBe('relaunch');
      await page.keyboard.press('Enter');
      await expect.poll(() => textOf(page, '#attempt-summary'), { timeout: 10_000 }).toContain('session 2');
      await page.close();
    }
  });

  it('asks before "Start a new attempt…" wipes the saved progress, and keeps it unless the tester confirms', async () => {
    const { page, server, errors } = await open('new-attempt.zip', SCORM12_FILES);
    await courseResult(page);
    await expect.poll(async () => (await snapshot(server)).scorm!.committed['cmi.suspend_data']).toBe('visits=1');
    // Destructive, and looks it: red, unlike Relaunch, and set apart from it.
    const background = (selector: string) => page.locator(selector).evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await background('#new-attempt')).toBe('rgb(213, 40, 27)');
    expect(await background('#relaunch')).not.toBe(await background('#new-attempt'));
    expect(await page.locator('.button-row #new-attempt').count()).toBe(0);
    expect(await textOf(page, '#new-hint')).toContain('wipes the saved progress');

    const dialog = page.locator('#new-attempt-dialog');
    await page.click('#new-attempt');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await textOf(page, '#new-attempt-dialog')).toContain('discards everything this attempt saved');
    await expect.poll(() => focused(page)).toBe('new-attempt-cancel');
    expect(await axeViolations(page), 'with the confirmation open').toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.click('#new-attempt');
    await page.click('#new-attempt-cancel');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // Neither Escape nor "Keep the progress" touched the attempt.
    expect((await snapshot(server)).attempt).toEqual({ number: 1, session: 1, running: true });
    expect((await snapshot(server)).scorm!.committed['cmi.suspend_data']).toBe('visits=1');

    await page.click('#new-attempt');
    await page.click('#new-attempt-confirm');
    await expect.poll(async () => (await snapshot(server)).attempt.number, { timeout: 10_000 }).toBe(2);
    expect(await courseResult(page, 'visits')).toMatchObject({ entry: 'ab-initio' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sizes the course frame as LMSs do (Moodle’s 650 × 666, 800 × 600, 1024 × 768, full size), and keeps it over a reload', async () => {
    const { page, errors } = await open('frame-sizes.zip', SCORM12_FILES);
    await courseResult(page);
    const inner = () => page.frameLocator('#course-frame').locator('html').evaluate(() => [window.innerWidth, window.innerHeight]);
    const fixed = FRAME_SIZES.filter((size) => size.width !== null);
    expect(fixed.map((size) => [size.width, size.height])).toEqual(expect.arrayContaining([[650, 666], [800, 600], [1024, 768]]));
    for (const size of fixed) {
      await page.selectOption('#frame-size', size.id);
      await expect.poll(inner).toEqual([size.width, size.height]);
      expect(new URL(page.url()).searchParams.get('frame')).toBe(size.id);
    }
    await page.selectOption('#frame-size', 'moodle');
    await page.reload();
    await courseResult(page);
    await expect.poll(inner).toEqual([650, 666]);
    expect(await page.locator('#frame-size').inputValue()).toBe('moodle');
    await page.selectOption('#frame-size', 'full');
    const pane = await page.locator('.course-pane').evaluate((element) => element.clientWidth);
    await expect.poll(async () => (await inner())[0]).toBeGreaterThan(pane - 10);
    expect(new URL(page.url()).searchParams.has('frame')).toBe(false);
    // The switches are labelled in the module's plain words.
    expect(await textOf(page, 'label[for="fault-commit"]')).toContain(faultLabels('scorm12').commitFails!.label);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays up with a log far over its caps: the page is sent the bounded log, keeps every warning and says what was dropped', async () => {
    const { page, server, errors } = await open('long-log.zip', SCORM12_FILES);
    await courseResult(page);
    // Sixty sessions' worth of API calls reported to the LMS (about 3 MB of log unbounded), a warning every tenth.
    for (let session = 100; session < 160; session++) {
      const calls = Array.from({ length: 250 }, (_, n) => ({ method: 'LMSSetValue', args: ['cmi.suspend_data', `${session}:${n}:${'x'.repeat(120)}`], result: 'true', errorCode: '0', errorText: '' }));
      const warnings = session % 10 === 0 ? [{ source: 'limit', text: `warning of session ${session}` }] : [];
      const response = await fetch(`${server.packageUrl}lms/scorm-calls`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ session, calls, values: null, warnings }) });
      expect(response.status).toBe(204);
    }
    const state = await snapshot(server);
    expect(state.log.keptBytes).toBeLessThanOrEqual(PREVIEW_RETENTION.totalBytes);
    expect(state.log.dropped).toBeGreaterThan(10_000);
    expect(state.log.droppedWarnings).toBe(0);

    // A page opening now is sent the kept log at once: it stays up and works.
    await page.close();
    const fresh = await context.newPage();
    const freshErrors: string[] = [];
    fresh.on('pageerror', (error) => freshErrors.push(error.message));
    await fresh.goto(server.url);
    await courseResult(fresh);
    await expect.poll(() => textOf(fresh, '#status-list')).toContain('older entries dropped to keep this page quick (no warnings among them');
    await expect.poll(() => fresh.locator('#warning-list > li').count()).toBe(6);
    expect(await fresh.locator('#call-log > li').count()).toBeLessThanOrEqual(1000);
    await fresh.waitForTimeout(3_000);
    expect(fresh.isClosed()).toBe(false);
    await fresh.click('#relaunch');
    await expect.poll(() => textOf(fresh, '#attempt-summary'), { timeout: 10_000 }).toMatch(/session \d+: running/);
    expect((await snapshot(server)).attempt.session).toBeGreaterThan(state.attempt.session);
    expect([...errors, ...freshErrors]).toEqual([]);
    await fresh.close();
  });

  it('has a package chooser axe-core finds no fault with', async () => {
    const folder = join(space.folder, 'packages');
    await mkdir(join(folder, 'default'), { recursive: true });
    await writeFile(join(folder, 'default', 'common-ground-scorm12.zip'), await zipOf(SCORM12_FILES));
    const server = await startPreviewServer({ packagesDir: folder, port: 0, checkPackages: false });
    servers.push(server);
    const page = await context.newPage();
    await page.goto(server.url);
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await axeViolations(page), `chooser at ${width} px`).toEqual([]);
    }
    await page.click('text=common-ground-scorm12.zip');
    await expect.poll(() => page.url()).toBe(`${server.url}p/common-ground-scorm12/`);
    await page.close();
  });
});
