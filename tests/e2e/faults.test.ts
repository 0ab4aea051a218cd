// The tracking issue's faults, switched on in the preview LMS while a keyboard learner works through the real
// package in Chromium: commits failing (SCORM), the LRS down, answering 503 and then dropping connections (xAPI,
// cmi5), a slow network, and the LMS disappearing. Each time the learner is told (the course's status banner) while
// their work has not reached the LMS, and once the fault is gone nothing is lost: the course is finally launched on
// another PC (a fresh browser profile, nothing in its storage) and must resume from what the LMS holds alone.
// One run per standard (in beforeAll), then one test per promise, so a known bug in one does not hide the others.
import { beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_IDS, type StandardId } from '../../course/model/types.ts';
import type { ConfidenceScreen, ScenarioScreen, Screen } from '../../course/model/types.ts';
import type { Faults } from '../../tools/preview/protocol.ts';
import { axeAtWidths } from './support/axe.ts';
import { hasChromium } from '../support/chromium.ts';
import { expectedAnswers } from './support/expected.ts';
import { answerIdFor, heldByLms, type Held } from './support/held.ts';
import { browserAndPackages } from './support/suite.ts';
import { openScenario, WALK_WIDTH, type Scenario } from './support/scenario.ts';
import { until } from './support/until.ts';
import type { CourseWalker } from './support/walkthrough.ts';

/** The slow network's delay on every package file, commit and LRS answer. */
const SLOW_MS = 2000;
/** Longest wait for the course to tell the learner, or to get through once a fault is gone (its retries back off). */
const STATUS_WAIT_MS = 45_000;

const suite = browserAndPackages();

/** What the course's status banner says: '' while the LMS has everything. */
async function banner(walker: CourseWalker): Promise<string> {
  return (await walker.frame()).evaluate(() => document.querySelector('.status-banner')?.textContent?.trim() ?? '');
}

/** Whether the learner is told, within the wait, that their work has not reached the LMS (retrying, or failed). */
async function told(walker: CourseWalker): Promise<boolean> {
  const titles = [walker.t.status.unreachableTitle, walker.t.status.failedTitle];
  return walker.learner
    .waitInFrame((titles) => titles.includes(document.querySelector('.status-banner .callout__title')?.textContent?.trim() ?? ''), titles, STATUS_WAIT_MS)
    .then(() => true, () => false);
}

/** Whether the banner goes, within the wait: the course has heard from the LMS that it holds the work. */
async function allClear(walker: CourseWalker): Promise<boolean> {
  return walker.learner
    .waitInFrame(() => (document.querySelector('.status-banner')?.textContent?.trim() ?? '') === '', null, STATUS_WAIT_MS)
    .then(() => true, () => false);
}

async function withFault<T>(scenario: Scenario, fault: Partial<Faults>, work: () => Promise<T>): Promise<T> {
  await scenario.lms.setFaults(fault);
  try {
    return await work();
  } finally {
    await scenario.lms.setFaults({ commitFails: false, lmsGone: false, lrsDown: 'off', slowMs: 0 });
  }
}

function sectionTitle(scenario: Scenario, screen: Screen): string {
  return scenario.config.course.sections.find((section) => section.screens.includes(screen))!.title;
}

/** Take a scenario's whole path and press Next: a move, which the course saves at once. */
async function doScenario(scenario: Scenario, screen: ScenarioScreen): Promise<void> {
  const { walker, plan } = scenario;
  await walker.playScenario(screen, plan.scenarios[screen.id]!);
  const screens = walker.screens();
  await walker.next(screens[screens.indexOf(screen) + 1]!);
}

interface Observed {
  /** Told while the first fault was on (SCORM commits failing; xAPI/cmi5 LRS answering 503), and clear after. */
  firstFault: { told: boolean; banner: string; clear: boolean };
  /** xAPI/cmi5 only: the LRS dropping connections. */
  refused: { told: boolean; clear: boolean } | null;
  /** The slow network: the banner once the LMS had the work (must be empty: nothing failed). */
  slow: { banner: string };
  /** The LMS gone: told, and (after it is back, SCORM after a relaunch) clear. */
  gone: { told: boolean; clear: boolean };
  /** On another PC: the screen it opened on, the ratings shown, the steps shown as taken in the scenario done while the LMS was gone. */
  elsewhere: { title: string; ratings: Record<string, number>; stepsTaken: number };
  expected: { title: string; ratings: Record<string, number>; stepsTaken: number };
  held: Held;
  answersGiven: string[];
  pageErrors: string[];
  strays: string[];
  axe: string[];
}

async function runFaults(standard: StandardId): Promise<Observed> {
  const scenario = await openScenario(suite.browser, standard, suite.packages.zipOf(standard));
  const axe: string[] = [];
  try {
    const scorm = standard.startsWith('scorm');
    const { plan } = scenario;
    const { course } = scenario.config;
    let walker = scenario.walker;
    const screens = walker.screens();
    const confidence = screens.find((s): s is ConfidenceScreen => s.type === 'confidence' && s.phase === 'before')!;
    const scenarios = screens.filter((s): s is ScenarioScreen => s.type === 'scenario');
    const after = (screen: Screen): Screen => screens[screens.indexOf(screen) + 1]!;
    const answersOf = (...screenIds: string[]): string[] =>
      expectedAnswers(course, plan)
        .filter((a) => screenIds.includes(a.id.slice(0, a.id.indexOf('.'))))
        .map((a) => answerIdFor(standard, a.id));
    /** Wait until the LMS holds the work up to here: the location to resume at and the latest answer. */
    const settled = (location: Screen, lastAnswer: string): Promise<Held> =>
      until(() => heldByLms(scenario), (held) => held.location === location.id && held.answers.includes(lastAnswer), `the LMS to hold the work up to ${location.id}`, STATUS_WAIT_MS);
    await walker.enterCourse(screens[0]!.title);

    // 1. SCORM: commits fail. xAPI/cmi5: the LRS answers 503. The move and the ratings wait in this browser.
    const firstFault = await withFault(scenario, scorm ? { commitFails: true } : { lrsDown: 'http-503' }, async () => {
      // The rating screen comes straight after the welcome.
      await walker.next(confidence);
      const wasTold = await told(walker);
      const text = await banner(walker);
      const found = await axeAtWidths(walker.page, await walker.frame(), WALK_WIDTH);
      for (const [width, lines] of Object.entries(found)) for (const line of lines) axe.push(`status banner at ${width} px: ${line}`);
      await walker.complete(confidence);
      return { told: wasTold, banner: text };
    });
    const firstClear = await allClear(walker);
    // Ratings are told to the LMS as the learner moves on (the rating each item settled on): with the move to the
    // scenarios the LMS holds them all, and the new location.
    await walker.goToSection(sectionTitle(scenario, scenarios[0]!), scenarios[0]!);
    await settled(scenarios[0]!, answersOf(confidence.id).at(-1)!);

    // 2. xAPI/cmi5: the LRS drops every connection, then comes back.
    let refused: Observed['refused'] = null;
    let next = 0;
    if (!scorm) {
      const at = scenarios[next++]!;
      const wasTold = await withFault(scenario, { lrsDown: 'refuse' }, async () => {
        await doScenario(scenario, at);
        return told(walker);
      });
      refused = { told: wasTold, clear: await allClear(walker) };
      await settled(after(at), answersOf(at.id).at(-1)!);
    }

    // 3. A slow network, until the LMS has the work. SCORM commits are synchronous: the course waits for each. Nothing
    //    fails, so there is nothing to tell.
    const slowAt = scenarios[next++]!;
    const slow = await withFault(scenario, { slowMs: SLOW_MS }, async () => {
      await doScenario(scenario, slowAt);
      await settled(after(slowAt), answersOf(slowAt.id).at(-1)!);
      return { banner: await banner(walker) };
    });

    // 4. The LMS disappears. SCORM: the API object is gone for the rest of the session, so the learner closes the
    //    course and opens it again later from the LMS. xAPI/cmi5: the LMS forgets the session (401) until it is back.
    const goneAt = scenarios[next]!;
    const resumeAt = after(goneAt);
    const goneTold = await withFault(scenario, { lmsGone: true }, async () => {
      await doScenario(scenario, goneAt);
      const wasTold = await told(walker);
      if (scorm) await walker.page.close();
      return wasTold;
    });
    if (scorm) {
      await scenario.reopen();
      walker = scenario.walker;
      await walker.waitForScreen(resumeAt.title, false);
    }
    const gone = { told: goneTold, clear: await allClear(walker) };
    // The place and the answers given while the LMS was gone (SCORM: replayed from the answer journal on relaunch).
    await settled(resumeAt, answersOf(goneAt.id).at(-1)!);

    // Another PC, no browser storage: the course must resume from what the LMS holds alone.
    await scenario.reopen({ elsewhere: true });
    walker = scenario.walker;
    await walker.waitForScreen(resumeAt.title, false);
    const title = await (await walker.frame()).evaluate(() => document.getElementById('view-heading')?.textContent?.trim() ?? '');
    // Back, with the keyboard, to the scenario done while the LMS was gone.
    await walker.learner.tabTo('the course', () => true);
    await walker.learner.tabTo('Back', (f) => f.tag === 'button' && f.className.includes('back-link'));
    await walker.learner.press('Enter');
    await walker.waitForScreen(goneAt.title, true);
    const stepsTaken = await (await walker.frame()).evaluate(() => document.querySelectorAll('.scenario-step--taken').length);
    await walker.goToSection(sectionTitle(scenario, confidence), confidence);
    await walker.learner.waitInFrame(() => document.querySelector('.choice__input') !== null, null);
    const ratings = await (await walker.frame()).evaluate(
      (prefix) => Object.fromEntries([...document.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')].map((radio) => [radio.name.slice(prefix.length), Number(radio.value)])),
      `${confidence.id}-`,
    );

    return {
      firstFault: { ...firstFault, clear: firstClear },
      refused,
      slow,
      gone,
      elsewhere: { title, ratings, stepsTaken },
      expected: { title: resumeAt.title, ratings: plan.confidence.before, stepsTaken: plan.scenarios[goneAt.id]!.length },
      held: await heldByLms(scenario),
      answersGiven: answersOf(confidence.id, ...scenarios.slice(0, next + 1).map((s) => s.id)),
      pageErrors: [...scenario.pageErrors],
      strays: scenario.requests.strays(),
      axe,
    };
  } finally {
    await scenario.dispose();
  }
}

describe.skipIf(!hasChromium)('faults from the tracking issue, through the browser', () => {
  describe.each(STANDARD_IDS)('%s', (standard) => {
    const scorm = standard.startsWith('scorm');
    let seen: Observed;
    beforeAll(async () => {
      seen = await runFaults(standard);
    });

    it(scorm ? 'commit fails: the learner is told their work is kept in this browser, and it gets through afterwards' : 'LRS down (503): the learner is told their work is kept in this browser, and it gets through afterwards', () => {
      expect(seen.firstFault.told).toBe(true);
      expect(seen.firstFault.banner).toMatch(/this browser/);
      expect(seen.firstFault.clear).toBe(true);
      expect(seen.axe, 'axe-core violations with the status banner shown').toEqual([]);
    });

    // SCORM has no LRS: only the xAPI standards have connections to drop.
    if (!scorm) it('LRS dropping connections: the learner is told, and the work gets through afterwards', () => {
      expect(seen.refused).toEqual({ told: true, clear: true });
    });

    it('slow network: the work gets through, with no false alarm', () => {
      expect(seen.slow).toEqual({ banner: '' });
    });

    it(scorm ? 'LMS disappears: the learner is told; relaunched later, the work kept in this browser reaches the LMS' : 'LMS disappears (401): the learner is told, and the work gets through when it is back', () => {
      expect(seen.gone).toEqual({ told: true, clear: true });
    });

    it('another PC resumes from the LMS alone: the place, the ratings, the scenario done while the LMS was gone', () => {
      expect(seen.elsewhere).toEqual(seen.expected);
    });

    it('the LMS holds every answer the learner gave, each once', () => {
      expect(seen.held.answers).toEqual(seen.answersGiven);
      expect(seen.held.duplicateStatements, 'statements stored twice').toBe(0);
    });

    it('raises no page errors and sends nothing outside the package and its LMS', () => {
      expect(seen.pageErrors, 'uncaught errors').toEqual([]);
      expect(seen.strays, 'requests leaving the package and its LMS').toEqual([]);
    });
  });
});
