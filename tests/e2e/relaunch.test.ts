// Our own packages relaunched again and again raise no warning in the strict LMS (issue 15.8): the course commits
// nothing while its frame is being dismissed (the browser refuses synchronous requests then, and the LMS would
// count the failed commit against the package); it ends its session with Terminate / LMSFinish alone, which the LMS
// sends on as a note of its own, not a fault. cmi5 ends its sessions with "terminated" as its frame goes, except
// when its page goes while its resume document is being saved: "terminated" is then held back on purpose (sent beside
// the save, it could overtake it, and the LMS would refuse the save), and the LMS records "abandoned", an LMS note, not
// a warning; the test holds every "abandoned" to that case, or to a session that sent "initialized" alone (its page
// gone while that was on its way, or before the rest of the session had come). "initialized" goes at launch, so every
// session has it: one with no statement at all fails. Fifty relaunches per standard, the learner moving on a screen
// now and then, and no call refused either. Then the LMS page opened afresh, which is sent the whole kept log at once
// (an unbounded log once made it close itself within seconds): it stays up, resumes the course and still answers its
// buttons.
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium.ts';
import { refusedCalls, warningsOf } from '../../tools/conformance/refused.ts';
import { PREVIEW_RETENTION } from '../../tools/preview/log-retention.ts';
import type { LogEntry } from '../../tools/preview/protocol.ts';
import { browserAndPackages } from './support/suite.ts';
import { openScenario } from './support/scenario.ts';
import { until } from './support/until.ts';

const RELAUNCHES = 50;
const suite = browserAndPackages();

/** The verb's last word of each statement the LMS or the course stored. */
const verbs = (statements: ReadonlyArray<Record<string, unknown>>): string[] => statements.map((statement) => String((statement.verb as { id?: string } | undefined)?.id ?? '').split('/').pop()!);
const count = (list: readonly string[], word: string): number => list.filter((item) => item === word).length;

/**
 * cmi5 sessions the LMS recorded as "abandoned", each with the last two requests the course made in it (a page going
 * sends the resume document and the statements side by side, logged in either order) and its statements' verbs.
 */
function abandonedSessions(entries: readonly LogEntry[]): Array<{ number: number; lastRequests: string[]; verbs: string[] }> {
  const found: Array<{ number: number; lastRequests: string[]; verbs: string[] }> = [];
  let requests: string[] = [];
  let sessionVerbs: string[] = [];
  for (const entry of entries) {
    if (entry.kind === 'lms' && /^Launched registration .*, session \d+ /.test(entry.text)) [requests, sessionVerbs] = [[], []];
    if (entry.kind === 'xapi' && entry.by === 'course') requests.push(`${entry.method} ${entry.resource}`);
    if (entry.kind === 'statement' && entry.by === 'course') sessionVerbs.push(...verbs([entry.statement]));
    const ended = entry.kind === 'lms' ? /^Session (\d+) ended .* the LMS recorded "abandoned"/.exec(entry.text) : null;
    if (ended) found.push({ number: Number(ended[1]), lastRequests: requests.slice(-2), verbs: sessionVerbs });
  }
  return found;
}

/**
 * The cases the runtime leaves "terminated" unsent by design: its page went before the rest of the session came, or
 * while "initialized" was on its way (sent again, the LMS would count a second; anything else could overtake it):
 * "initialized" alone; or while the resume document was being saved (sent side by side, "terminated" could overtake
 * it and the save would then be refused): the document among its last requests.
 */
function expectAbandonedByDesign(session: { number: number; lastRequests: string[]; verbs: string[] }): void {
  if (session.verbs.join() === 'initialized') return;
  expect(session.lastRequests, `session ${session.number}, recorded "abandoned" (${session.verbs.join(', ')})`).toContain('PUT activities/state');
}

describe.skipIf(!hasChromium)(`our own package, relaunched ${RELAUNCHES} times`, () => {
  it.each(['scorm12', 'scorm2004-4th', 'cmi5'] as const)('%s: no warning from the strict LMS, nothing refused, and the LMS page stays up', { timeout: 600_000 }, async (standard) => {
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
      // The first screen does not wait for the LRS's answer to a cmi5 session's "initialized" (sent at launch): the
      // last launch's may be stored after it is drawn.
      if (standard === 'cmi5') {
        await until(
          async () => (await lms.log.sync(), count(verbs(lms.log.statements('course')), 'initialized')),
          (begun) => begun >= RELAUNCHES + 1,
          'the last session to send "initialized"',
        ).catch(() => undefined); // counted again below, where a session that never began fails the test
      }
      await lms.log.sync();
      const snapshot = await lms.snapshot();
      expect(snapshot.attempt).toMatchObject({ number: 1, session: RELAUNCHES + 1 });
      expect(at, 'screens the learner moved on').toBeGreaterThan(0);
      expect(warningsOf(lms.log.entries), 'warnings of the strict LMS').toEqual([]);
      expect(refusedCalls(lms.log.entries), 'calls the strict LMS refused').toEqual([]);
      if (standard === 'cmi5') {
        const course = verbs(lms.log.statements('course'));
        const abandoned = abandonedSessions(lms.log.entries);
        // Every session began: its opening sends "initialized" at launch (course/runtime/README.md, "Opened up front,
        // the rest right after"), so a page gone even before the rest of the session came leaves it on record, and a
        // session recorded abandoned with no statement at all is a fault.
        const silent = abandoned.filter((session) => session.verbs[0] !== 'initialized');
        expect(silent.map((session) => session.number), 'sessions recorded abandoned without "initialized"').toEqual([]);
        expect(count(course, 'initialized'), 'sessions the AU began').toBe(RELAUNCHES + 1);
        expect(count(course, 'terminated') + abandoned.length, 'sessions that ended').toBe(RELAUNCHES);
        // Each left "terminated" unsent by design only (expectAbandonedByDesign).
        for (const session of abandoned) expectAbandonedByDesign(session);
      } else {
        const ended = lms.log.entries.filter((e) => e.kind === 'lms' && e.text.includes('finished while its frame was unloading')).length;
        expect(ended, 'sessions ended by the course as its frame went').toBeGreaterThan(0);
      }

      // The LMS page opened afresh: it is sent the kept log (bounded), launches the course and stays up.
      expect(snapshot.log.keptBytes).toBeLessThanOrEqual(PREVIEW_RETENTION.totalBytes);
      // The learner leaves the LMS page (its course ends its session), then opens it again.
      await page.goto('about:blank');
      // cmi5: a page left before the rest of its session had come (it is fetched after the first paint, and the last
      // launch's "initialized" no longer waits for it) ends through the opening, which sends no "terminated"; the LMS
      // records that session abandoned at the next launch, and it is held to the same rule as the sessions above.
      const endSeen = await until(() => lms.snapshot(), (state) => !state.attempt.running, 'the LMS to see the session end').then(
        () => true,
        (error: unknown) => {
          if (standard !== 'cmi5') throw error;
          return false;
        },
      );
      await scenario.reopen();
      await scenario.walker.waitForScreen(screens[at]!.title, false);
      if (!endSeen) {
        await lms.log.sync();
        const last = abandonedSessions(lms.log.entries).find((session) => session.number === RELAUNCHES + 1);
        expect(last, `session ${RELAUNCHES + 1}, left without "terminated", recorded "abandoned" at the next launch`).toBeDefined();
        expectAbandonedByDesign(last!);
      }
      const reopened = scenario.page;
      await reopened.locator('#call-log > li').first().waitFor();
      await reopened.waitForTimeout(3_000);
      expect(reopened.isClosed(), 'the LMS page closed itself').toBe(false);
      await reopened.click('#relaunch');
      await expect.poll(() => reopened.locator('#attempt-summary').textContent(), { timeout: 20_000 }).toContain(`session ${RELAUNCHES + 3}:`);
      await scenario.walker.waitForScreen(screens[at]!.title, false);
      await lms.log.sync();
      expect(warningsOf(lms.log.entries), 'warnings after the page was opened again').toEqual([]);
      expect(scenario.pageErrors).toEqual([]);
    } finally {
      await scenario.dispose();
    }
  });
});
