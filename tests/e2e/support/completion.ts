// The keyboard walk through the whole module for a list of standards, as a vitest suite: split across two files
// (SCORM, xAPI/cmi5) so the two test workers share the load. What each run checks is in complete-*.test.ts's header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandardId } from '../../../course/model/types.ts';
import { axeViolations } from '../../support/axe.ts';
import { axeAtWidths, reflowProblems } from './axe.ts';
import { leftInBrowser } from './left-behind.ts';
import { hasChromium } from '../../support/chromium.ts';
import { browserAndPackages, WALK_TIMEOUT_MS } from './suite.ts';
import { openScenario, reflectionLeaks, WALK_WIDTH, type Scenario } from './scenario.ts';
import { expectScormRecord, expectWithin, type SessionBounds } from './scorm-record.ts';
import { expectStatements, expectVideoStatements, launchFromUrl } from './statements.ts';
import { FILM_RATE } from './walkthrough.ts';
import { invalidStatements, LRS_KEY_SECRET, startRealLrs, type RealLrs } from '../../support/real-lrs.ts';
import type { WalkInLrs } from './lrs-learners.ts';
import { refusedCalls, warningsOf } from '../../../tools/conformance/refused.ts';
import { isoSeconds, scorm12Seconds } from './expected.ts';
import { commitBudget, commitsMade, documentBeforeTerminated } from './commit-budget.ts';
import { sessionEnded } from './session-end.ts';

/** What the xAPI / cmi5 walks left in the real LRS (with `realLrs`), for checks that follow the walks. */
export interface CompletionWalks {
  /** The LRS, while the suite runs; null without `realLrs` or without Chromium. */
  lrs(): RealLrs | null;
  /** Each finished walk's statements as the LRS holds them, in the order the walks ran. */
  readonly inLrs: WalkInLrs[];
}

const isScorm = (standard: StandardId): boolean => standard.startsWith('scorm');


/**
 * `checkTheChecker`: also show that the axe-core check can fail (once in the suite is enough). `realLrs`: the preview
 * forwards xAPI / cmi5 statements to a real LRS (Learning Locker's xapi-statements), which must end up holding
 * exactly the statements the inspector saw, each valid by @learninglocker/xapi-validation.
 */
export function describeCompletion(standards: readonly StandardId[], options: { checkTheChecker?: boolean; realLrs?: boolean } = {}): CompletionWalks {
  const suite = browserAndPackages();
  let lrs: RealLrs | null = null;
  const walks: CompletionWalks = { lrs: () => lrs, inLrs: [] };
  // File-level hooks: the LRS outlives this describe, for the checks a test file adds after the walks.
  beforeAll(async () => {
    if (hasChromium && options.realLrs) lrs = await startRealLrs();
  });
  afterAll(async () => {
    await lrs?.stop();
  });

  describe.skipIf(!hasChromium)('a learner completes the course with the keyboard alone', () => {

    if (options.checkTheChecker) it('has an accessibility check that does find problems', async () => {
      // The check below must be able to fail: a page with an unlabelled field and an image without alt text.
      const page = await suite.browser.newPage();
      await page.setContent('<!doctype html><html lang="en"><title>t</title><main><h1>t</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></html>');
      const found = await axeViolations(page.mainFrame());
      expect(found.map((line) => line.split(' ')[0])).toEqual(expect.arrayContaining(['image-alt', 'label']));
      // And the reflow check: a fixed 600 px box in a 320 px page.
      await page.setViewportSize({ width: 320, height: 600 });
      await page.setContent('<!doctype html><html lang="en"><title>t</title><main><h1>t</h1><div class="wide" style="width:600px">wide</div></main></html>');
      const reflow = await reflowProblems(page.mainFrame());
      expect(reflow[0]).toMatch(/^reflow \(1\.4\.10\): the page is 6\d\d px wide in a 320 px frame$/);
      expect(reflow[1]).toContain('div.wide reaches');
      await page.close();
    });

    it.each(standards)('%s: completes, scores and reports exactly what the course should', async (standard) => {
      const violations: string[] = [];
      const forwardTo = lrs !== null && !isScorm(standard) ? { lrs: { endpoint: lrs.endpoint, keySecret: LRS_KEY_SECRET } } : {};
      const scenario: Scenario = await openScenario(
        suite.browser,
        standard,
        suite.packages.zipOf(standard),
        {
          onStep: async (label, walker) => {
            const found = await axeAtWidths(walker.page, await walker.frame(), WALK_WIDTH);
            for (const [width, lines] of Object.entries(found)) for (const line of lines) violations.push(`${label} at ${width} px: ${line}`);
          },
        },
        forwardTo,
      );
      try {
        const { walker, lms, config, plan } = scenario;
        const course = config.course;
        const screens = walker.screens();
        await walker.enterCourse(screens[0]!.title);
        // The launch URL the LMS gave the course (read now: cmi5 leaves it for the returnURL when it finishes).
        const launchUrl = (await walker.frame()).url();
        await walker.walkFrom(screens[0]!.id);

        // After "Finish the course": SCORM 1.2 and TinCan leave the course open with a message; SCORM 2004 asks the LMS to
        // close it (adl.nav.request exitAll) and cmi5 goes back to the LMS's returnURL.
        if (standard === 'scorm12' || standard === 'xapi') {
          await walker.learner.waitInFrame((text) => document.body.textContent?.includes(text) === true, walker.t.summary.finished);
          await walker.step('certificate: finished');
        }
        await sessionEnded(standard, lms);
        const snapshot = await lms.snapshot();
        const bounds: SessionBounds = {
          minSeconds: Math.floor((course.film.durationSeconds * course.completion.filmWatchedPercent) / 100 / FILM_RATE) - 1,
          maxSeconds: (Date.now() - scenario.startedAt) / 1000,
        };
        // The strict LMS (Moodle's checks for SCORM, CATAPULT's for cmi5) refused nothing and saw no error code.
        expect(snapshot.lmsProfile).toBe('strictest');
        expect(refusedCalls(lms.log.entries), 'calls the strict LMS refused').toEqual([]);
        expect(warningsOf(lms.log.entries), 'warnings of the strict LMS').toEqual([]);
        // About one commit per screen change and one at the end (issue 12.9), plus one per pause in typing.
        expect(commitsMade(standard, lms.log.entries), 'commits (SCORM) or resume-document writes (xAPI)').toBeLessThanOrEqual(commitBudget(course, plan));
        if (isScorm(standard)) {
          // The session's time reached the LMS (issue 12.7): the strict LMS adds it only when the SCO finishes.
          expectWithin((standard === 'scorm12' ? scorm12Seconds : isoSeconds)(snapshot.scorm!.totalTime), bounds, 'total_time');
        }
        // cmi5: the learner's last state is stored before "terminated", and nothing uses the token after it (12.2).
        if (standard === 'cmi5') expect(documentBeforeTerminated(lms.log.entries)).toEqual({ stateWritten: true, requestsAfterTerminated: 0 });

        const leaks: string[] = [];
        if (isScorm(standard)) {
          const committed = snapshot.scorm!.committed;
          expectScormRecord(standard, committed, course, plan, bounds);
          // Reflections are private: in no API call and no element, bar the learner's own suspend_data.
          for (const entry of lms.log.entries) {
            if (entry.kind === 'api-call' && entry.args[0] !== 'cmi.suspend_data') leaks.push(...reflectionLeaks(plan, `${entry.method}(${entry.args[0] ?? ''})`, entry.args.join(' ')));
          }
          for (const [element, value] of Object.entries(committed)) if (element !== 'cmi.suspend_data') leaks.push(...reflectionLeaks(plan, element, value));
          expect(committed['cmi.suspend_data']?.length ?? 0, 'the resume state fits the standard').toBeLessThanOrEqual(snapshot.scorm!.suspendDataLimit);
        } else {
          const statements = lms.log.statements('course');
          const launch = launchFromUrl(launchUrl, standard === 'cmi5', snapshot.xapi!.sessionId || null);
          expect(launch.registration).toBe(snapshot.xapi!.registration);
          expectStatements(standard === 'cmi5' ? 'cmi5' : 'xapi', statements, course, plan, launch, bounds);
          expectVideoStatements(statements, course, walker.film.replays, standard === 'cmi5' ? 'cmi5' : 'xapi');
          if (standard === 'cmi5') {
            // The LMS's own: "launched" before anything else, "satisfied" once moveOn was met, and never "abandoned".
            expect(lms.log.statements().map((s) => String((s.verb as { id?: string }).id).split('/').at(-1))[0]).toBe('launched');
            expect(lms.log.statements('lms').map((s) => String((s.verb as { id?: string }).id).split('/').at(-1))).toEqual(['launched', 'satisfied']);
            expect(lms.log.warnings().filter((w) => w.startsWith('cmi5')), 'statements that break cmi5 rules').toEqual([]);
          }
          leaks.push(...reflectionLeaks(plan, 'the statements', JSON.stringify(statements)));
          if (lrs !== null) {
            // The real LRS holds each statement the LMS saw (the course's and its own) once, the course's in the
            // order the course should send them, and every one is valid xAPI.
            const held = (await lrs.statements()).filter((s) => (s.context as { registration?: string } | undefined)?.registration === launch.registration);
            const seen = lms.log.statements().map((s) => String(s.id));
            expect(held.map((s) => s.id).sort(), 'statements in the real LRS').toEqual([...seen].sort());
            expect(new Set(held.map((s) => s.id)).size).toBe(held.length);
            const lmsOwn = new Set(lms.log.statements('lms').map((s) => String(s.id)));
            // An LRS hands statements back with the Agent's objectType filled in (xAPI's default): the course sent the
            // actor exactly as launched (checked above on what the LMS received).
            const asStored = { ...launch, actor: { objectType: 'Agent', ...launch.actor } };
            expectStatements(standard === 'cmi5' ? 'cmi5' : 'xapi', held.filter((s) => !lmsOwn.has(s.id)), course, plan, asStored, bounds);
            expect(invalidStatements(held), 'statements failing @learninglocker/xapi-validation').toEqual({});
            leaks.push(...reflectionLeaks(plan, 'the real LRS', JSON.stringify(held)));
            walks.inLrs.push({ standard: standard === 'cmi5' ? 'cmi5' : 'xapi', statements: held, course, plan });
          }
          // The resume document (State API) is the learner's own; every other request must be free of reflections.
          for (const request of scenario.requests.requests) {
            if (request.body !== null && !request.url.includes('/xapi/activities/state')) leaks.push(...reflectionLeaks(plan, `${request.method} ${request.url}`, request.body));
          }
        }
        expect(leaks, 'reflection text reported anywhere').toEqual([]);
        // The LMS logs the last statement or commit a moment before the course hears it was stored and clears up.
        await expect.poll(() => leftInBrowser(walker.page), { message: 'what the course leaves in the browser once the LMS has everything', timeout: 10_000 }).toEqual([]);
        expect(scenario.requests.strays(), 'requests leaving the package and its LMS').toEqual([]);
        expect(lms.log.warnings().filter((w) => w.startsWith('csp')), 'requests the LMS saw leave the package').toEqual([]);
        expect(scenario.pageErrors, 'uncaught errors').toEqual([]);
        expect([...walker.learner.focusNotShown], 'focus stops with no visible focus').toEqual([]);
        expect(violations, 'axe-core violations on the steps of the walk').toEqual([]);
      } finally {
        await scenario.dispose();
      }
    }, WALK_TIMEOUT_MS);
  });
  return walks;
}
