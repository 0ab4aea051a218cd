// The real player build in Debian's Chromium with a trust's branding in config.js: a dark header band, an accent
// colour, a logo, a long display name and local support contacts. The logo and the name fit the header at 1280 px
// and at 320 px (400 % zoom) without sideways scrolling, the colours reach the header, buttons and links while focus
// stays NHS yellow, the "Getting support" contacts are on the welcome screen (folded), the reflection screen and the
// summary, the footer links to the package's accessibility statement, and axe finds nothing at either width.
// No LMS on the page: the course runs standalone, as it does when opened outside a learning system.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RuntimeConfig, SupportContact } from '../../../course/model/types.ts';
import { hasChromium } from '../../support/chromium.ts';
import { loadCourse, runtimeConfig } from '../runtime/helpers/course-fixtures.ts';
import { playerInChromium } from './player-in-chromium.ts';
import { axeViolations } from '../../support/axe.ts';

const course = loadCourse();
const sectionOf = (type: string) => course.sections.find((section) => section.screens.some((screen) => screen.type === type))!;

const HEADER = '#330072';
const ACCENT = '#005EB8';
const DISPLAY_NAME = 'Common Ground: tackling stigma together (Northmoor Valley and Ashcombe Moor Partnership NHS Foundation Trust, fictional)';
const CONTACTS: SupportContact[] = [
  { role: 'staff-support', name: 'Staff Support Line', description: 'Confidential listening and advice.', phone: '+44 (0)113 496 0312', hours: 'Every day, 8am to 8pm' },
  { role: 'freedom-to-speak-up', name: 'Freedom to Speak Up Guardian', email: 'speakup@northmoor-valley.example.org' },
  { role: 'occupational-health', name: 'Occupational Health', url: 'https://intranet.northmoor-valley.example.org/occupational-health' },
];
const config: RuntimeConfig = {
  ...runtimeConfig('scorm12', 'private', course),
  variant: {
    id: 'northmoor',
    displayName: DISPLAY_NAME,
    organisation: 'Northmoor Valley NHS Foundation Trust (fictional)',
    reflections: 'private',
    branding: { logo: { file: 'branding/logo.svg', alt: 'Northmoor Valley NHS Foundation Trust' }, colours: { header: HEADER, accent: ACCENT } },
    contacts: CONTACTS,
  },
};
/** A wide logo (4:1), as trust logos often are: the header must scale it down, not stretch or overflow. */
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="120" viewBox="0 0 480 120"><rect width="480" height="120" fill="#fff"/><rect x="12" y="12" width="160" height="96" fill="${ACCENT}"/><circle cx="330" cy="60" r="44" fill="${HEADER}"/></svg>`;

const chromium = playerInChromium((player) => {
  const extra: Record<string, string> = {
    'config.js': `window.COMMON_GROUND = ${JSON.stringify(config)};`,
    'branding/logo.svg': LOGO,
    'accessibility.html': '<!doctype html><html lang="en-GB"><head><title>Accessibility statement</title></head><body><h1>Accessibility statement</h1></body></html>',
    // An LMS page that shows the course in a sandboxed frame which may not open tabs or windows.
    'sandboxed.html': '<!doctype html><html lang="en-GB"><head><title>LMS</title></head><body><iframe sandbox="allow-scripts allow-same-origin allow-forms" src="/index.html" title="Course" style="width:1200px;height:900px"></iframe></body></html>',
  };
  return (path) => extra[path] ?? player.files.get(path);
});

async function openCourse(width: number): Promise<{ page: Page; errors: string[] }> {
  const page = await chromium.browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${chromium.origin}/index.html`);
  await page.locator('#view-heading').waitFor();
  return { page, errors };
}

/** Nothing wider than the viewport: the page reflows instead of scrolling sideways. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** Presses Tab until `selector` has the focus (as a keyboard user reaches it), then returns its computed colours. */
async function tabTo(page: Page, selector: string): Promise<{ background: string; color: string }> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      return page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return { background: style.backgroundColor, color: style.color };
      });
    }
  }
  throw new Error(`the keyboard never reached ${selector}`);
}

async function goToSection(page: Page, type: string): Promise<void> {
  const section = sectionOf(type);
  await page.locator('.section-menu__link:visible', { hasText: section.title }).click();
  await page.locator('#view-heading', { hasText: section.screens[0]!.title }).waitFor();
}

const NHS_YELLOW = 'rgb(255, 235, 59)';

describe.skipIf(!hasChromium)('a trust-branded package, in Chromium', () => {
  it('shows the logo and the display name in a header of the trust colour, and fits it at 1280 and 320 px', async () => {
    for (const width of [1280, 320]) {
      const { page, errors } = await openCourse(width);
      const logo = page.locator('header img.header__logo');
      await expect(logo.getAttribute('alt')).resolves.toBe('Northmoor Valley NHS Foundation Trust');
      await expect.poll(() => logo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(480);
      await expect(page.locator('header').textContent()).resolves.toContain(DISPLAY_NAME);
      await expect(page.title()).resolves.toBe(DISPLAY_NAME);
      const header = await page.locator('header').boundingBox();
      const box = await logo.boundingBox();
      expect(box!.height).toBeLessThanOrEqual(40);
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      expect(box!.y + box!.height).toBeLessThanOrEqual(header!.y + header!.height);
      expect(await scrollsSideways(page)).toBe(false);
      await expect(page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(51, 0, 114)');
      expect(await axeViolations(page)).toEqual([]);
      if (process.env.PLAYER_SCREENSHOTS) await page.screenshot({ path: join(process.env.PLAYER_SCREENSHOTS, `branded-welcome-${width}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('uses the accent for buttons and links, and keeps the NHS yellow focus state', async () => {
    const { page } = await openCourse(1280);
    const next = page.locator('.pagination__next');
    await expect(next.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(0, 94, 184)');
    await expect(next.evaluate((el) => getComputedStyle(el).color)).resolves.toBe('rgb(255, 255, 255)');
    const focusedButton = await tabTo(page, '.pagination__next');
    expect(focusedButton.background).toBe(NHS_YELLOW);
    const summary = page.locator('.support .details__summary');
    await expect(summary.evaluate((el) => getComputedStyle(el).color)).resolves.toBe('rgb(0, 94, 184)');
    await page.close();

    const again = await openCourse(1280);
    expect((await tabTo(again.page, '.footer a')).background).toBe(NHS_YELLOW);
    await again.page.close();
  });

  it('lists the support contacts, folded on the welcome screen, with dialable, mail and new-tab links', async () => {
    const { page, errors } = await openCourse(320);
    const details = page.locator('details.support');
    await details.waitFor();
    await expect(details.evaluate((el) => (el as HTMLDetailsElement).open)).resolves.toBe(false);
    await details.locator('summary').click();
    // The trust's own contacts first, then the national services every build lists.
    await expect(details.locator('.support__name').allTextContents()).resolves.toEqual([...CONTACTS.map((contact) => contact.name), ...course.support.map((service) => service.name)]);
    await expect(details.locator('a[href^="tel:"]').first().getAttribute('href')).resolves.toBe('tel:+441134960312');
    await expect(details.locator('a[href^="tel:"]').first().textContent()).resolves.toBe('+44 (0)113 496 0312');
    await expect(details.locator('a[href="tel:116123"]').textContent()).resolves.toBe('116 123');
    await expect(details.locator('a[href^="mailto:"]').getAttribute('href')).resolves.toBe('mailto:speakup@northmoor-valley.example.org');
    const web = details.locator('a[href^="https:"]').first();
    await expect(web.getAttribute('target')).resolves.toBe('_blank');
    await expect(web.textContent()).resolves.toBe('Occupational Health (opens in a new tab)');
    await expect(details.textContent()).resolves.toContain('Every day, 8am to 8pm');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('links the footer to the package’s accessibility statement, in a new tab, saying so', async () => {
    const { page } = await openCourse(1280);
    const link = page.locator('.footer a');
    await expect(link.textContent()).resolves.toBe('Accessibility statement (opens in a new tab)');
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await expect(link.evaluate((a) => (a as HTMLAnchorElement).href)).resolves.toBe(`${chromium.origin}/accessibility.html`);
    const [statement] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await statement.waitForLoadState();
    await expect(statement.locator('h1').textContent()).resolves.toBe('Accessibility statement');
    // The course itself stays open behind it.
    await expect(page.locator('#view-heading').isVisible()).resolves.toBe(true);
    await statement.close();
    await page.close();
  });

  it('gives the statement’s address instead where the LMS’s frame may not open a tab', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const opened: string[] = [];
    page.context().on('page', (other) => opened.push(other.url()));
    await page.goto(`${chromium.origin}/sandboxed.html`);
    const frame = page.frame({ url: /index\.html$/ })!;
    await frame.locator('#view-heading').waitFor();
    await frame.locator('.footer a').click();
    await expect(frame.locator('.footer [role="status"]').textContent()).resolves.toBe(
      `Your learning system does not let the course open a new tab. To read the statement, copy this address into a new tab: ${chromium.origin}/accessibility.html`,
    );
    expect(opened).toEqual([]);
    // The course is still there, and the notice passes axe.
    await expect(frame.locator('#view-heading').isVisible()).resolves.toBe(true);
    expect(await axeViolations(frame)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the support panel open on the reflection screen and the summary, with no axe violations at 1280 and 320 px', async () => {
    for (const type of ['reflection', 'summary']) {
      const { page, errors } = await openCourse(1280);
      await goToSection(page, type);
      if (type === 'reflection') await page.locator('main textarea').first().waitFor();
      const panel = page.locator('main section.support');
      await panel.waitFor();
      await expect(panel.locator('h2').textContent()).resolves.toBe('Getting support');
      await expect(panel.locator('.support__name').count()).resolves.toBe(CONTACTS.length + course.support.length);
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 320, height: 900 });
      expect(await scrollsSideways(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      if (process.env.PLAYER_SCREENSHOTS) await page.screenshot({ path: join(process.env.PLAYER_SCREENSHOTS, `branded-${type}-320.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('fetches the logo as an image of the package, and nothing from anywhere else', () => {
    expect(chromium.server.requested).toContain('branding/logo.svg');
    // Every request went to this server (the test server is the only origin the pages could reach by relative URL).
    expect(chromium.server.requested.every((path) => !path.startsWith('http'))).toBe(true);
  });
});
