// A learner who leaves mid-course by navigating the LMS page away (a link in the LMS, the browser's back button):
// the course ends its session within the page's last moments (Terminate / LMSFinish, no promise in between, issue
// 12.7), so the strict LMS, which adds session_time to total_time only when the SCO finishes, has the time; and the
// next launch resumes where the learner was.
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium.ts';
import { refusedCalls, warningsOf } from '../../tools/conformance/refused.ts';
import { isoSeconds, scorm12Seconds } from './support/expected.ts';
import { browserAndPackages } from './support/suite.ts';
import { openScenario } from './support/scenario.ts';
import { until } from './support/until.ts';

const suite = browserAndPackages();

describe.skipIf(!hasChromium)('the learner navigates the LMS page away mid-course', () => {
  it.each(['scorm12', 'scorm2004-3rd', 'scorm2004-4th'] as const)('%s: the session ends with its time in total_time, and the next launch resumes', { timeout: 180_000 }, async (standard) => {
    const scenario = await openScenario(suite.browser, standard, suite.packages.zipOf(standard));
    try {
      const { lms } = scenario;
      const walker = scenario.walker;
      const screens = walker.screens();
      await walker.enterCourse(screens[0]!.title);
      await walker.next(screens[1]!);
      await scenario.page.waitForTimeout(2000);
      const started = Date.now();
      await scenario.page.goto('about:blank');
      const ended = await until(() => lms.snapshot(), (snapshot) => !snapshot.attempt.running, 'the LMS to see the session end');
      const seconds = (standard === 'scorm12' ? scorm12Seconds : isoSeconds)(ended.scorm!.totalTime);
      expect(seconds, `total_time ${ended.scorm!.totalTime}`).toBeGreaterThan(1);
      expect(seconds!).toBeLessThanOrEqual((Date.now() - scenario.startedAt) / 1000);
      expect(lms.log.entries.filter((e) => e.kind === 'commit' && e.terminate && e.accepted), 'the SCO finished its session').toHaveLength(1);
      expect(ended.scorm!.lastExit).toBe('suspend');
      expect(Date.now() - started).toBeLessThan(60_000);

      await scenario.reopen();
      await scenario.walker.waitForScreen(screens[1]!.title, false);
      const relaunched = await lms.snapshot();
      expect(relaunched.scorm!.entry).toBe('resume');
      expect(relaunched.attempt.number).toBe(1);
      await lms.log.sync();
      expect(refusedCalls(lms.log.entries)).toEqual([]);
      expect(warningsOf(lms.log.entries)).toEqual([]);
    } finally {
      await scenario.dispose();
    }
  });
});
