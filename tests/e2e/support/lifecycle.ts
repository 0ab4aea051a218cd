// Ways a course page goes away or steps back that a learner does not choose with a key: the tab killed outright (a
// crash, or the operating system reclaiming a background tab: no pagehide, no unload, nothing more runs), and the page
// being hidden (a tab switch, a phone locked), which is often the last thing a page hears before it is killed.
import type { Frame, Page } from 'playwright-core';

/**
 * Kill the tab's renderer (devtools' Page.crash): the LMS page and the course frame in it die together, as in a
 * crash, and no handler of either runs. The page is then closed, as the browser would show its "Aw, Snap" tab.
 */
export async function killTab(page: Page): Promise<void> {
  const crashed = page.waitForEvent('crash');
  const cdp = await page.context().newCDPSession(page);
  // The command is never answered: the process that would answer it is gone.
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  await page.close({ runBeforeUnload: false }).catch(() => undefined);
}

/**
 * Tell the course frame its page has been hidden. Headless Chromium keeps every page "visible" (bringToFront and
 * minimising change nothing), so the frame's document is made to report "hidden" and is sent the visibilitychange
 * event a real tab switch sends.
 */
export async function hidePage(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}
