// The statement page as a reader sees it, in Chromium: nothing fetched, no script allowed, no axe-core failures,
// and at 320 CSS px (what 400 % zoom of a 1280 px window gives) nothing runs off the side. Needs /usr/bin/chromium.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Variant } from '../../course/model/types.ts';
import { accessibilityStatement } from '../../build/accessibility-statement.ts';
import { loadAccessibilityAudit } from '../../build/accessibility-audit.ts';
import { loadCourse } from '../../build/course/index.ts';
import { hasChromium, launchChromium } from '../support/chromium.ts';
import { axeViolations, WCAG_TAGS } from '../support/axe.ts';
import { REPO } from './course/fixtures.ts';


describe.skipIf(!hasChromium)('the accessibility statement in Chromium', () => {
  let browser: Browser;
  let work: string;
  let page: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'cg-statement-'));
    const course = await loadCourse(join(REPO, 'course', 'content'));
    const audit = await loadAccessibilityAudit(join(REPO, 'course', 'content'));
    const variant = JSON.parse(readFileSync(join(REPO, 'course/content/variants/example-mental-health-trust.json'), 'utf8')) as Variant;
    // Long unbroken words (a Welsh place name, a long address) are the usual way such a page overflows a narrow screen.
    variant.organisation = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch NHS Trust (fictional)';
    variant.displayName = 'Common Ground (Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch)';
    variant.accessibility = { email: 'accessible.learning.and.development.requests@ashcombe-moor.example.net', phone: '0161 496 0999', responseDays: 5 };
    page = join(work, 'accessibility.html');
    await writeFile(page, accessibilityStatement({ course, variant, audit }));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('loads nothing and runs no script', async () => {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    tab.on('request', (request) => requests.push(request.url()));
    await tab.goto(pathToFileURL(page).href);
    expect(requests).toEqual([pathToFileURL(page).href]);
    await expect(tab.addScriptTag({ content: 'window.ran = true' })).rejects.toThrow(/Content Security Policy/);
    await tab.close();
  });

  it('fits 320 CSS px without sideways scrolling', async () => {
    const tab = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await tab.goto(pathToFileURL(page).href);
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await tab.close();
  });

  it('has no WCAG 2.2 A or AA failures that axe-core can find, at 320 and 1280 px', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const tab = await context.newPage();
    const found: string[] = [];
    for (const width of [320, 1280]) {
      await tab.setViewportSize({ width, height: 900 });
      await tab.goto(pathToFileURL(page).href);
      const violations = await axeViolations(tab, { runOnly: { type: 'tag', values: WCAG_TAGS } });
      found.push(...violations.map((violation) => `${width} px: ${violation}`));
    }
    expect(found).toEqual([]);
    await context.close();
  });
});
