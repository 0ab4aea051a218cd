// The report as a manager sees it: opened from disk in Chromium, its charts drawn, nothing fetched from anywhere,
// and axe-core finding no accessibility failures. Needs /usr/bin/chromium and the echarts package.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { HTML_NAME, runReport } from '../../../tools/report/cli.ts';
import { INTERACTIONS_FIXTURE, OBJECTIVES_FIXTURE } from '../../fixtures/report/write-fixtures.ts';
import { hasChromium, launchChromium } from '../../support/chromium.ts';
import { axeViolations, WCAG_TAGS } from '../../support/axe.ts';

const require = createRequire(import.meta.url);
let echartsInstalled = true;
try {
  require.resolve('echarts');
} catch {
  echartsInstalled = false;
}

describe.skipIf(!hasChromium || !echartsInstalled)('the report in Chromium', () => {
  let browser: Browser;
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'cg-report-browser-'));
    const code = await runReport(['--scorm-export', INTERACTIONS_FIXTURE, '--scorm-export', OBJECTIVES_FIXTURE, '--out', work], { log: () => {}, error: () => {} });
    expect(code).toBe(0);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('opens from disk with every chart drawn and no request leaving the file', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) outside.push(request.url());
    });
    await page.goto(pathToFileURL(join(work, HTML_NAME)).href);
    const charts = await page.$$eval('.chart-svg svg', (svgs) =>
      svgs.map((svg) => ({ width: svg.getBoundingClientRect().width, marks: svg.querySelectorAll('path, rect').length, text: svg.textContent ?? '' })),
    );
    expect(charts.length).toBeGreaterThanOrEqual(10);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.marks).toBeGreaterThan(3);
    }
    expect(charts[0]!.text).toContain('Ward 7');
    expect(outside).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    // The page's Content Security Policy forbids any script, axe's too: check it in a context that lifts it.
    await expect(page.addScriptTag({ content: 'window.ran = true' })).rejects.toThrow(/Content Security Policy/);
  });

  it('has no WCAG 2.1 A or AA failures that axe-core can find', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(work, HTML_NAME)).href);
    const violations = await axeViolations(page, { runOnly: { type: 'tag', values: WCAG_TAGS } });
    expect(violations).toEqual([]);
    await context.close();
  });
});
