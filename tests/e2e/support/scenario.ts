// One e2e scenario's surroundings: a fresh preview LMS for the package, a fresh browser context (its own storage,
// like a learner's browser profile), the request log and the page errors, and the walker, opened on the LMS page that
// launches the course. Everything is closed by dispose().
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Course, RuntimeConfig, StandardId } from '../../../course/model/types.ts';
import { setCourseWidth } from './axe.ts';
import { openPreviewLms, type PreviewLms, type PreviewLmsOptions } from './lms.ts';
import { packageConfig } from './packages.ts';
import { planFor, type LearnerPlan } from './plan.ts';
import { RequestLog } from './requests.ts';
import { CourseWalker, type WalkHooks } from './walkthrough.ts';
import { wordsLanguage } from '../../../course/player/strings/languages.ts';

/** The width (CSS px) of the LMS's course frame while the learner works; axe also checks 320. */
export const WALK_WIDTH = 1280;

export interface Scenario {
  standard: StandardId;
  config: RuntimeConfig;
  plan: LearnerPlan;
  lms: PreviewLms;
  context: BrowserContext;
  requests: RequestLog;
  /** Uncaught errors in any page of the scenario. */
  pageErrors: string[];
  page: Page;
  walker: CourseWalker;
  /** Date.now() when the LMS page was first opened: nothing the course reports can have lasted longer. */
  startedAt: number;
  /**
   * Open the LMS page again, which launches the course (resuming): in a new tab of the same browser profile, or with
   * `elsewhere` in a new profile (another PC: nothing in browser storage), after closing this one's tabs normally.
   */
  reopen(options?: { elsewhere?: boolean }): Promise<void>;
  dispose(): Promise<void>;
}

/** `planOf`: what the learner does, from the course (default: planFor, a learner who passes). */
export async function openScenario(
  browser: Browser,
  standard: StandardId,
  zipPath: string,
  hooks: WalkHooks = {},
  lmsOptions: PreviewLmsOptions = {},
  planOf: (course: Course) => LearnerPlan = planFor,
): Promise<Scenario> {
  const config = await packageConfig(zipPath);
  const plan = planOf(config.course);
  const lms = await openPreviewLms(zipPath, lmsOptions);
  const newContext = () => browser.newContext({ viewport: { width: 1400, height: 900 } });
  let context = await newContext();
  const requests = new RequestLog(lms);
  const pageErrors: string[] = [];
  const open = async (): Promise<{ page: Page; walker: CourseWalker }> => {
    const page = await context.newPage();
    requests.watch(page);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(lms.packageUrl);
    const walker = new CourseWalker(page, config.course, plan, hooks, undefined, wordsLanguage(config));
    await setCourseWidth(page, await walker.frame(), WALK_WIDTH);
    return { page, walker };
  };
  const startedAt = Date.now();
  const first = await open();
  const scenario: Scenario = {
    standard,
    config,
    plan,
    lms,
    context,
    requests,
    pageErrors,
    page: first.page,
    walker: first.walker,
    startedAt,
    reopen: async (options = {}) => {
      if (options.elsewhere) {
        await context.close();
        context = await newContext();
        scenario.context = context;
      }
      const next = await open();
      scenario.page = next.page;
      scenario.walker = next.walker;
    },
    dispose: async () => {
      await scenario.context.close().catch(() => undefined);
      await lms.close();
    },
  };
  return scenario;
}

/** Reflection text, or the private marker each one carries, anywhere in `text`; the problems found. */
export function reflectionLeaks(plan: LearnerPlan, where: string, text: string): string[] {
  const leaks: string[] = [];
  if (text.includes('zqx-reflection')) leaks.push(`${where} holds a reflection's private marker`);
  for (const reflection of Object.values(plan.reflections)) if (text.includes(reflection)) leaks.push(`${where} holds reflection text`);
  return leaks;
}
