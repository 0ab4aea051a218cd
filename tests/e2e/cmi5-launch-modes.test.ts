// cmi5's Browse and Review launch modes, through the browser against the strict LMS (issue 12): after a normal
// session, the LMS launches the AU in Browse mode, then in Review mode. In each the course sends only "initialized"
// and "terminated" (cmi5 section 10), Browse may still keep the learner's place, Review writes nothing, and the strict
// LMS refuses nothing.
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium.ts';
import { refusedCalls, warningsOf } from '../../tools/conformance/refused.ts';
import { browserAndPackages } from './support/suite.ts';
import { openScenario } from './support/scenario.ts';
import { until } from './support/until.ts';
import { heldByLms } from './support/held.ts';
import type { Screen } from '../../course/model/types.ts';

const suite = browserAndPackages();
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

describe.skipIf(!hasChromium)('cmi5 launched in Browse and then Review mode', () => {
  it('sends only initialized and terminated in each, and the strict LMS refuses nothing', { timeout: 180_000 }, async () => {
    const scenario = await openScenario(suite.browser, 'cmi5', suite.packages.zipOf('cmi5'));
    try {
      const { lms, page, walker } = scenario;
      const screens = walker.screens();
      const sessionOf = (statement: Record<string, unknown>) => (statement.context as { extensions?: Record<string, unknown> }).extensions?.[SESSION];
      const statesWritten = () => lms.log.entries.filter((e) => e.kind === 'xapi' && e.by === 'course' && e.method === 'PUT' && e.resource === 'activities/state').length;

      await walker.enterCourse(screens[0]!.title);
      await walker.next(screens[1]!);
      // Each move is with the LMS before the LMS closes the course (a learner reads a screen first).
      const placeHeld = (screen: Screen) => until(() => heldByLms({ lms }), (held) => held.location === screen.id, `the LMS to hold the move to ${screen.id}`);
      await placeHeld(screens[1]!);

      const sessions: { mode: string; verbs: string[]; statesWritten: number }[] = [];
      // Where the learner's place is: Browse keeps the move it sees, Review does not.
      let at = 1;
      for (const mode of ['Browse', 'Review'] as const) {
        await page.selectOption('#launch-mode', mode);
        const before = statesWritten();
        await page.click('#relaunch');
        await walker.waitForScreen(screens[at]!.title, false);
        const sessionId = (await lms.snapshot()).xapi!.sessionId;
        // The learner looks at the next screen, and the LMS then closes the course.
        await walker.learner.tabTo('the course', () => true);
        await walker.next(screens[at + 1]!);
        if (mode === 'Browse') await placeHeld(screens[++at]!);
        else await page.waitForTimeout(1500);
        await page.click('#end-attempt');
        await until(() => lms.snapshot(), (s) => s.xapi!.sessionState === 'terminated' || s.xapi!.sessionState === 'abandoned', `the ${mode} session to end`);
        await lms.log.sync();
        const verbs = lms.log.statements('course').filter((s) => sessionOf(s) === sessionId).map((s) => String((s.verb as { id: string }).id).split('/').at(-1)!);
        sessions.push({ mode, verbs, statesWritten: statesWritten() - before });
        await page.selectOption('#launch-mode', 'Normal');
        await page.click('#relaunch');
        await walker.waitForScreen(screens[at]!.title, false);
      }
      expect(sessions.map(({ mode, verbs }) => ({ mode, verbs }))).toEqual([
        { mode: 'Browse', verbs: ['initialized', 'terminated'] },
        { mode: 'Review', verbs: ['initialized', 'terminated'] },
      ]);
      expect(sessions[0]!.statesWritten, 'Browse keeps the learner\'s place').toBeGreaterThan(0);
      expect(sessions[1]!.statesWritten, 'Review writes nothing').toBe(0);
      expect(lms.log.statements('lms').map((s) => String((s.verb as { id: string }).id).split('/').at(-1))).not.toContain('abandoned');
      await lms.log.sync();
      expect(refusedCalls(lms.log.entries)).toEqual([]);
      expect(warningsOf(lms.log.entries)).toEqual([]);
      expect(scenario.pageErrors).toEqual([]);
    } finally {
      await scenario.dispose();
    }
  });
});
