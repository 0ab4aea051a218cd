// The tab killed mid-scenario, with no unload of any kind, then the package launched again by the LMS: the learner
// lands where they were (the scenario, with the step they took), their ratings and reflections intact, the LMS
// continues the same attempt, and it ends up with every answer the learner gave. Every standard, from the real build,
// keyboard only. One run per standard (in beforeAll) and one test per promise, so a known bug in one promise does not
// hide the others.
import type { Frame } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_IDS, type StandardId } from '../../course/model/types.ts';
import type { ConfidenceScreen, ReflectionScreen, ScenarioScreen, Screen } from '../../course/model/types.ts';
import type { InspectorSnapshot } from '../../tools/preview/protocol.ts';
import { hasChromium } from '../support/chromium.ts';
import { hidePage, killTab } from './support/lifecycle.ts';
import { browserAndPackages } from './support/suite.ts';
import { axeAtWidths } from './support/axe.ts';
import { openScenario, WALK_WIDTH, type Scenario } from './support/scenario.ts';
import { answerIdFor, heldByLms } from './support/held.ts';
import { expectedAnswers } from './support/expected.ts';
import { until } from './support/until.ts';
import { refusedCalls, warningsOf, type Refusal } from '../../tools/conformance/refused.ts';

/** The learner reads a scenario's situation before choosing: long enough for the move there to have been saved. */
const READING_SITUATION_MS = 1500;
/**
 * How long the learner reads the outcome of their choice before the tab dies. The player saves a change after two
 * quiet seconds (and at once on a move to another screen); this is a learner who read for three.
 */
const READING_OUTCOME_MS = 3000;

const suite = browserAndPackages();

interface Landmarks {
  confidence: ConfidenceScreen;
  reflection: ReflectionScreen;
  scenario: ScenarioScreen;
  sectionTitle(screen: Screen): string;
}

function landmarks(scenario: Scenario): Landmarks {
  const { course } = scenario.config;
  const screens = scenario.walker.screens();
  return {
    confidence: screens.find((s): s is ConfidenceScreen => s.type === 'confidence' && s.phase === 'before')!,
    reflection: screens.find((s): s is ReflectionScreen => s.type === 'reflection')!,
    // A scenario the learner's path takes through more than one step, so the tab can die between two of them.
    scenario: screens.find((s): s is ScenarioScreen => s.type === 'scenario' && (scenario.plan.scenarios[s.id]?.length ?? 0) > 1)!,
    sectionTitle: (screen) => course.sections.find((section) => section.screens.includes(screen))!.title,
  };
}

/** What the scenario screen shows: the "You chose: …" line of each step taken, and the step waiting for an answer. */
async function scenarioShown(frame: Frame, youChose: string): Promise<{ taken: string[]; waiting: string | null }> {
  return frame.evaluate(
    (youChose) => ({
      taken: [...document.querySelectorAll('.scenario-step--taken')].map(
        (step) => [...step.querySelectorAll('p')].map((line) => line.textContent?.trim() ?? '').find((line) => line.startsWith(youChose)) ?? '',
      ),
      waiting: document.querySelector('.scenario-step:not(.scenario-step--taken) input')?.getAttribute('name') ?? null,
    }),
    youChose,
  );
}

/** What the relaunched course and the LMS showed, gathered in one run. */
interface Observed {
  marks: Landmarks;
  expectedTaken: string[];
  expectedWaiting: string;
  shown: { taken: string[]; waiting: string | null };
  welcomeBack: boolean;
  /** axe-core on the relaunched screen, with its "welcome back" notice. */
  axe: string[];
  afterRelaunch: InspectorSnapshot;
  lmsStatements: string[];
  reflections: Record<string, string>;
  ratings: Record<string, number>;
  /** What the learner wrote and rated before the tab died. */
  written: Record<string, string>;
  rated: Record<string, number>;
  /** Answer ids the LMS holds once the learner has finished the scenario and moved on. */
  recordedAnswers: string[];
  expectedAnswers: string[];
  pageErrors: string[];
  strays: string[];
  /** What the strict LMS refused or warned of, through the kill and the relaunch (cmi5: the abandoned session). */
  refused: Refusal[];
  warnings: string[];
}

async function crashAndResume(standard: StandardId): Promise<Observed> {
  const scenario = await openScenario(suite.browser, standard, suite.packages.zipOf(standard));
  try {
    const marks = landmarks(scenario);
    const { plan } = scenario;
    const { course } = scenario.config;
    const path = plan.scenarios[marks.scenario.id]!;
    const firstChoice = marks.scenario.steps.find((s) => s.id === marks.scenario.start)!.choices.find((c) => c.id === path[0])!;

    // Welcome, the ratings, the reflections (through the section menu), then one step of a scenario.
    let walker = scenario.walker;
    const screens = walker.screens();
    await walker.enterCourse(screens[0]!.title);
    await walker.next(screens[1]!);
    await walker.complete(marks.confidence);
    await walker.goToSection(marks.sectionTitle(marks.reflection), marks.reflection);
    await walker.complete(marks.reflection);
    await walker.goToSection(marks.sectionTitle(marks.scenario), marks.scenario);
    await scenario.page.waitForTimeout(READING_SITUATION_MS);
    await walker.playScenario(marks.scenario, path, 1);
    await scenario.page.waitForTimeout(READING_OUTCOME_MS);

    await killTab(scenario.page);
    await scenario.reopen();
    walker = scenario.walker;
    const { lms } = scenario;

    await walker.waitForScreen(marks.scenario.title, false);
    const welcomeBack = await walker.learner
      .waitInFrame((text) => document.body.textContent?.includes(text) === true, walker.t.notices.welcomeBack(marks.scenario.title), 10_000)
      .then(() => true, () => false);
    await walker.learner.waitInFrame(() => document.querySelector('.scenario-steps') !== null, null);
    const shown = await scenarioShown(await walker.frame(), walker.t.scenario.youChose);
    const afterRelaunch = await lms.snapshot();
    const axe = Object.entries(await axeAtWidths(scenario.page, await walker.frame(), WALK_WIDTH)).flatMap(([width, lines]) => lines.map((line) => `${width} px: ${line}`));

    // Reflections and ratings, found again through the section menu with the keyboard.
    await walker.learner.tabTo('the course', () => true);
    await walker.goToSection(marks.sectionTitle(marks.reflection), marks.reflection);
    await walker.learner.waitInFrame(() => document.querySelector('textarea') !== null, null);
    const reflections = await (await walker.frame()).evaluate(() => Object.fromEntries([...document.querySelectorAll('textarea')].map((box) => [box.id.replace(/^reflection-/, ''), box.value])));
    await walker.goToSection(marks.sectionTitle(marks.confidence), marks.confidence);
    await walker.learner.waitInFrame(() => document.querySelector('.choice__input') !== null, null);
    const ratings = await (await walker.frame()).evaluate(
      (prefix) => Object.fromEntries([...document.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')].map((radio) => [radio.name.slice(prefix.length), Number(radio.value)])),
      `${marks.confidence.id}-`,
    );

    // The learner finishes the scenario and moves on (a move is saved at once): the LMS should now hold every answer.
    await walker.goToSection(marks.sectionTitle(marks.scenario), marks.scenario);
    await walker.playScenario(marks.scenario, path, path.length, 1);
    const following = screens[screens.indexOf(marks.scenario) + 1]!;
    await walker.next(following);
    const wanted = expectedAnswers(course, plan)
      .filter((a) => a.id.startsWith(`${marks.confidence.id}.`) || a.id.startsWith(`${marks.scenario.id}.`))
      .map((a) => answerIdFor(standard, a.id));
    // Wait until the move has reached the LMS (with the scenario's last answer), then read what it holds.
    const held = await until(() => heldByLms(scenario), (h) => h.location === following.id && h.answers.includes(wanted.at(-1)!), 'the move to reach the LMS');
    return {
      marks,
      expectedTaken: [`${walker.t.scenario.youChose} ${firstChoice.text}`],
      expectedWaiting: `scenario-${marks.scenario.id}-${firstChoice.next}`,
      shown,
      welcomeBack,
      axe,
      afterRelaunch,
      lmsStatements: lms.log.statements('lms').map((s) => String((s.verb as { id?: string }).id).split('/').at(-1)!),
      reflections,
      ratings,
      written: Object.fromEntries(marks.reflection.prompts.map((prompt) => [prompt.id, plan.reflections[prompt.id] ?? ''])),
      rated: plan.confidence.before,
      recordedAnswers: held.answers,
      expectedAnswers: wanted,
      pageErrors: [...scenario.pageErrors],
      strays: scenario.requests.strays(),
      refused: refusedCalls(lms.log.entries),
      warnings: warningsOf(lms.log.entries),
    };
  } finally {
    await scenario.dispose();
  }
}

describe.skipIf(!hasChromium)('the tab is killed mid-scenario and the package launched again', () => {
  describe.each(STANDARD_IDS)('%s', (standard) => {
    let seen: Observed;
    beforeAll(async () => {
      seen = await crashAndResume(standard);
    });

    it('opens on the scenario, with the step taken and the next one waiting, and says "welcome back"', () => {
      expect(seen.shown).toEqual({ taken: seen.expectedTaken, waiting: seen.expectedWaiting });
      expect(seen.welcomeBack).toBe(true);
    });

    it('shows that screen, notice and all, with no axe-core violation at 320 or 1280 px', () => {
      expect(seen.axe, 'axe-core violations on the relaunched screen').toEqual([]);
    });

    it('keeps the ratings and the reflections', () => {
      expect(seen.reflections).toEqual(seen.written);
      expect(seen.ratings).toEqual(seen.rated);
    });

    it('continues the same attempt in the LMS', () => {
      expect(seen.afterRelaunch.attempt.number).toBe(1);
      if (standard.startsWith('scorm')) expect(seen.afterRelaunch.scorm!.entry).toBe('resume');
      // cmi5: the killed session is abandoned by the LMS and a new one launched, in the same registration.
      if (standard === 'cmi5') expect(seen.lmsStatements).toEqual(['launched', 'abandoned', 'launched']);
      expect(seen.pageErrors, 'uncaught errors').toEqual([]);
      expect(seen.strays, 'requests leaving the package and its LMS').toEqual([]);
    });

    it('ends up with every answer the learner gave in the LMS', () => {
      expect(seen.recordedAnswers).toEqual(seen.expectedAnswers);
    });

    it('goes through the kill and the relaunch (cmi5: the abandoned session) with nothing refused by the strict LMS', () => {
      expect(seen.refused).toEqual([]);
      expect(seen.warnings).toEqual([]);
    });
  });
});

// The player saves the latest change at once when the page is hidden (Player.tsx, visibilitychange), so a tab hidden
// just after an answer and then killed, as mobile browsers and busy hospital PCs do, still has it on relaunch.
describe.skipIf(!hasChromium)('the page is hidden just after an answer, then killed', () => {
  it.each(['scorm2004-4th', 'xapi'] as const)('%s: the answer is still there on relaunch', async (standard) => {
    const scenario = await openScenario(suite.browser, standard, suite.packages.zipOf(standard));
    try {
      const marks = landmarks(scenario);
      const path = scenario.plan.scenarios[marks.scenario.id]!;
      const firstChoice = marks.scenario.steps.find((s) => s.id === marks.scenario.start)!.choices.find((c) => c.id === path[0])!;
      let walker = scenario.walker;
      await walker.enterCourse(walker.screens()[0]!.title);
      await walker.goToSection(marks.sectionTitle(marks.scenario), marks.scenario);
      await scenario.page.waitForTimeout(READING_SITUATION_MS);
      await walker.playScenario(marks.scenario, path, 1);

      // Hidden at once; the page reacts (it sends what it holds to the LMS); then the tab is killed.
      const before = scenario.lms.log.entries.length;
      await hidePage(await walker.frame());
      await until(
        async () => {
          await scenario.lms.log.sync();
          return scenario.lms.log.entries.slice(before).some((e) => e.kind === 'commit' || (e.kind === 'xapi' && e.by === 'course' && e.resource === 'statements' && e.method !== 'GET'));
        },
        (sent) => sent,
        'the LMS hearing from the hidden page',
      );
      await killTab(scenario.page);
      await scenario.reopen();
      walker = scenario.walker;
      await walker.waitForScreen(marks.scenario.title, false);
      await walker.learner.waitInFrame(() => document.querySelector('.scenario-steps') !== null, null);
      expect(await scenarioShown(await walker.frame(), walker.t.scenario.youChose)).toEqual({
        taken: [`${walker.t.scenario.youChose} ${firstChoice.text}`],
        waiting: `scenario-${marks.scenario.id}-${firstChoice.next}`,
      });
    } finally {
      await scenario.dispose();
    }
  });
});
