// A learner who fails for good, in all five standards, against the strict test LMS (issue 12.6): the keyboard walk of
// support/failing.ts (every knowledge-check question wrong until no attempt is left), then the learner leaves from the
// summary. The LMS must hold "failed" with the score, nothing that reads as passed, and have refused nothing.
import { describe, expect, it } from 'vitest';
import { STANDARD_IDS } from '../../course/model/types.ts';
import { hasChromium } from '../support/chromium.ts';
import { refusedCalls, warningsOf } from '../../tools/conformance/refused.ts';
import { browserAndPackages, WALK_TIMEOUT_MS } from './support/suite.ts';
import { openScenario } from './support/scenario.ts';
import { expectedFailure, failingPlanFor, failureRecord, walkFailing } from './support/failing.ts';
import { launchFromUrl } from './support/statements.ts';
import { sessionEnded } from './support/session-end.ts';

const suite = browserAndPackages();

describe.skipIf(!hasChromium)('a learner who fails for good', () => {
  it.each(STANDARD_IDS)('%s: the LMS holds "failed" with the score, and refused nothing', { timeout: WALK_TIMEOUT_MS }, async (standard) => {
    const scenario = await openScenario(suite.browser, standard, suite.packages.zipOf(standard), {}, {}, failingPlanFor);
    try {
      const launchUrl = (await scenario.walker.frame()).url();
      await walkFailing(scenario);
      // Read what the LMS holds once the session has ended there (the course's last statements may still be on their
      // way when the page says the session ended).
      await sessionEnded(standard, scenario.lms);
      const snapshot = await scenario.lms.snapshot();
      const activityId = standard.startsWith('scorm') ? '' : launchFromUrl(launchUrl, standard === 'cmi5', null).activityId;
      expect(failureRecord(standard, snapshot, scenario.lms.log.entries, activityId)).toEqual(expectedFailure(standard, scenario.config.course, scenario.plan));
      expect(refusedCalls(scenario.lms.log.entries), 'calls the strict LMS refused').toEqual([]);
      expect(warningsOf(scenario.lms.log.entries), 'warnings of the strict LMS').toEqual([]);
      if (standard === 'cmi5') expect(snapshot.xapi!.satisfied, 'a failing learner does not satisfy the AU').toBe(false);
      expect(scenario.pageErrors).toEqual([]);
    } finally {
      await scenario.dispose();
    }
  });
});
