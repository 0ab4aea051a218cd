// Our own packages relaunched again and again raise no warning in the strict LMS (issue 15.8): the course commits
// nothing while its frame is being dismissed (the browser refuses synchronous requests then, and the LMS would
// count the failed commit against the package); it ends its session with Terminate / LMSFinish alone, which the LMS
// sends on as a note of its own, not a fault. Fifty relaunches per SCORM version, the learner moving on a screen now
// and then, and no call refused either.
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium.ts';
import { refusedCalls, warningsOf } from '../../tools/conformance/refused.ts';
import { browserAndPackages } from './support/suite.ts';
import { openScenario } from './support/scenario.ts';

const RELAUNCHES = 50;
const suite = browserAndPackages();

describe.skipIf(!hasChromium)(`our own package, relaunched ${RELAUNCHES} times`, () => {
  it.each(['scorm12', 'scorm2004-4th'] as const)('%s: no warning from the strict LMS, and nothing refused', { timeout: 600_000 }, async (standard) => {
    const scenario = await openScenario(suite.browser, standard, suite.packages.zipOf(standard));
    try {
      const { walker, page, lms } = scenario;
      const screens = walker.screens();
      let at = 0;
      await walker.enterCourse(screens[0]!.title);
      for (let n = 1; n <= RELAUNCHES; n++) {
        // Now and then the learner moves on a screen first (read-only screens: the first few are).
        if (n % 10 === 0 && (screens[at + 1]!.type === 'welcome' || screens[at + 1]!.type === 'confidence')) {
          await walker.next(screens[at + 1]!);
          at++;
        }
        await page.click('#relaunch');
        await walker.waitForScreen(screens[at]!.title, false);
      }
      await lms.log.sync();
      const snapshot = await lms.snapshot();
      expect(snapshot.attempt).toMatchObject({ number: 1, session: RELAUNCHES + 1 });
      expect(warningsOf(lms.log.entries), 'warnings of the strict LMS').toEqual([]);
      expect(refusedCalls(lms.log.entries), 'calls the strict LMS refused').toEqual([]);
      expect(lms.log.entries.filter((e) => e.kind === 'lms' && e.text.includes('finished while its frame was unloading')).length, 'sessions ended by the course as its frame went').toBeGreaterThan(0);
      expect(scenario.pageErrors).toEqual([]);
    } finally {
      await scenario.dispose();
    }
  });
});
