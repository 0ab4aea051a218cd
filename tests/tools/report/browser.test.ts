// The report as a manager sees it: opened from disk in Chromium, the headline first, every chart drawn at its own
// size with no text under 12 px and no label cut off, nothing fetched from anywhere, no sideways scrolling of the page
// at 320 px (charts and the wide table scroll inside their own focusable regions), and axe-core finding no
// accessibility failures at 1280 or 320 px. Needs /usr/bin/chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { HTML_NAME, runReport } from '../../../tools/report/cli.ts';
import { COMPLETION_FIXTURE, INTERACTIONS_FIXTURE, MIXED_FIXTURES, OBJECTIVES_FIXTURE } from '../../fixtures/report/write-fixtures.ts';
import { hasChromium, launchChromium } from '../../support/chromium.ts';
import { axeViolations, WCAG_TAGS } from '../../support/axe.ts';

describe.skipIf(!hasChromium)('the report in Chromium', () => {
  let browser: Browser;
  let work: string;
  const reports: Record<'seventeen' | 'mixed', string> = { seventeen: '', mixed: '' };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'cg-report-browser-'));
    const quiet = { log: () => {}, error: () => {} };
    const inputs = {
      seventeen: ['--scorm-export', INTERACTIONS_FIXTURE, '--scorm-export', OBJECTIVES_FIXTURE, '--activity-completion', COMPLETION_FIXTURE],
      mixed: ['--scorm-export', MIXED_FIXTURES.basic, '--scorm-export', MIXED_FIXTURES.interactions, '--scorm-export', MIXED_FIXTURES.objectives, '--activity-completion', MIXED_FIXTURES.completionExcel],
    };
    for (const [name, args] of Object.entries(inputs) as [keyof typeof reports, string[]][]) {
      const out = join(work, name);
      expect(await runReport([...args, '--out', out], quiet)).toBe(0);
      reports[name] = pathToFileURL(join(out, HTML_NAME)).href;
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(work, { recursive: true, force: true });
  });

  async function open(url: string, width: number, options: { bypassCSP?: boolean } = {}): Promise<{ page: Page; outside: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, ...options });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) outside.push(request.url());
    });
    await page.goto(url);
    return { page, outside, close: () => context.close() };
  }

  it('opens on the headline, with every chart drawn at its own size, no text under 12 px, no label cut off', async () => {
    const { page, outside, close } = await open(reports.seventeen, 1280);
    const headline = await page.locator('#headline-h').boundingBox();
    expect(headline!.y).toBeLessThan(300);
    const charts = await page.$$eval('.chart svg', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('text')].map((text) => {
          const t = text.getBoundingClientRect();
          return { size: parseFloat(getComputedStyle(text).fontSize), left: t.left - box.left, right: box.right - t.right, height: t.height };
        });
        return { width: box.width, bars: svg.querySelectorAll('rect').length, texts, label: svg.getAttribute('aria-labelledby') };
      }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(10);
    for (const chart of charts) {
      expect(chart.width, chart.label!).toBe(720);
      expect(chart.bars, chart.label!).toBeGreaterThan(0);
      for (const text of chart.texts) {
        expect(text.size, chart.label!).toBeGreaterThanOrEqual(12);
        expect(text.height, chart.label!).toBeGreaterThanOrEqual(12);
        expect(Math.min(text.left, text.right), chart.label!).toBeGreaterThanOrEqual(0);
      }
    }
    expect(await page.$$eval('svg text', (texts) => texts.some((t) => t.textContent === 'Ward 7'))).toBe(true);
    expect(outside).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    // The page's Content Security Policy forbids any script, axe's too: the audits below lift it in their context.
    await expect(page.addScriptTag({ content: 'window.ran = true' })).rejects.toThrow(/Content Security Policy/);
    await close();
  });

  it('reflows at 320 px: the page never scrolls sideways; charts and the team table scroll in their own regions', async () => {
    for (const url of Object.values(reports)) {
      const { page, close } = await open(url, 320);
      // Measured once layout has settled (two frames after the fonts), and again a moment later.
      const pageWidth = () => page.evaluate(async () => {
        await document.fonts.ready;
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        return document.documentElement.scrollWidth;
      });
      expect(await pageWidth(), url).toBeLessThanOrEqual(320);
      await page.waitForTimeout(300);
      expect(await pageWidth()).toBeLessThanOrEqual(320);
      const regions = await page.$$eval('.chart-scroll, .table-scroll', (els) => els.map((el) => ({ focusable: el.tabIndex === 0, label: el.getAttribute('aria-label') })));
      expect(regions.length).toBeGreaterThan(0);
      expect(regions.every((r) => r.focusable && r.label)).toBe(true);
      await close();
    }
  });

  it('has no WCAG 2.2 A or AA failures (nor best-practice ones) that axe-core can find, at 1280 and 320 px', async () => {
    for (const url of Object.values(reports)) {
      for (const width of [1280, 320]) {
        const { page, close } = await open(url, width, { bypassCSP: true });
        expect(await axeViolations(page, { runOnly: { type: 'tag', values: WCAG_TAGS } }), `${url} at ${width}px`).toEqual([]);
        await close();
      }
    }
  });

  it('can be read with the keyboard alone: the named-list pointer opens, each chart region takes focus', async () => {
    const { page, close } = await open(reports.mixed, 1280);
    const reached: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.slice(0, 40)}`));
    }
    expect(reached[0]).toMatch(/^SUMMARY:Where the named list is in other LMSs/);
    expect(reached).toContain('DIV:Chart: Completion rate by team');
    await page.keyboard.press('Shift+Tab');
    await page.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('details').getAttribute('open')).not.toBeNull();
    await close();
  });
});
