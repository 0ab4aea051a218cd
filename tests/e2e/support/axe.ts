// axe-core (tests/support/axe.ts) inside the course frame at the frame widths the suite checks (320 and 1280 CSS px:
// the LMS shows the course in a frame that wide), and the reflow check axe-core does not make.
import type { Frame, Page } from 'playwright-core';
import { axeViolations } from '../../support/axe.ts';

export const AXE_WIDTHS = [320, 1280] as const;

/** Make the LMS page show the course frame `width` CSS px wide, and wait until the course has that viewport. */
export async function setCourseWidth(page: Page, frame: Frame, width: number): Promise<void> {
  await page.evaluate((width) => {
    const element = document.getElementById('course-frame') as HTMLIFrameElement;
    element.style.width = `${width}px`;
    element.style.maxWidth = 'none';
    element.style.boxSizing = 'content-box';
  }, width);
  await frame.waitForFunction((width) => window.innerWidth === width, width, { polling: 50 });
}

/**
 * WCAG 1.4.10 Reflow, which axe-core does not check: at 320 CSS px (a 1280 px screen at 400 % zoom) the page must not
 * scroll sideways. One line per element that reaches past the right edge, outermost first, or none.
 */
export async function reflowProblems(frame: Frame): Promise<string[]> {
  // video.js lays its captions out again a debounced 100 ms after the player resizes: let it settle first.
  await frame
    .waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, { timeout: 1_000, polling: 50 })
    .catch(() => undefined);
  return frame.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const wide = [...document.body.querySelectorAll('*')].filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.right > width + 1 && element.checkVisibility();
    });
    // Only the outermost: their children overflow because they do.
    const outermost = wide.filter((element) => !wide.some((other) => other !== element && other.contains(element)));
    const name = (element: Element): string => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
    return [`reflow (1.4.10): the page is ${document.documentElement.scrollWidth} px wide in a ${width} px frame`, ...outermost.map((element) => `  ${name(element)} reaches ${Math.round(element.getBoundingClientRect().right)} px`)];
  });
}

/**
 * axe at each width in turn (and the reflow check at 320 px); the frame is then set back to `restoreWidth`, the width
 * the walk goes on at.
 */
export async function axeAtWidths(page: Page, frame: Frame, restoreWidth: number): Promise<Record<number, string[]>> {
  const found: Record<number, string[]> = {};
  for (const width of AXE_WIDTHS) {
    await setCourseWidth(page, frame, width);
    found[width] = await axeViolations(frame);
    if (width <= 320) found[width].push(...(await reflowProblems(frame)));
  }
  if (AXE_WIDTHS.at(-1) !== restoreWidth) await setCourseWidth(page, frame, restoreWidth);
  return found;
}
