// One keyboard walk of a built package in Debian's Chromium against the strictest test LMS (the preview, in-process):
// a learner who passes (the e2e suite's walk, driven by the course data and its plan) or one who fails for good
// (tests/e2e/support/failing.ts). What the LMS recorded and refused is read from its inspector log afterwards.
import type { Browser } from 'playwright-core';
import type { StandardId } from '../../course/model/types.ts';
import type { InspectorSnapshot, LogEntry } from '../preview/protocol.ts';
import { commitBudget, commitsMade } from '../../tests/e2e/support/commit-budget.ts';
import { failingPlanFor, walkFailing } from '../../tests/e2e/support/failing.ts';
import { planFor } from '../../tests/e2e/support/plan.ts';
import { openScenario } from '../../tests/e2e/support/scenario.ts';
import { sessionEnded } from '../../tests/e2e/support/session-end.ts';

export type WalkKind = 'passing' | 'failing';

export interface WalkResult {
  standard: StandardId;
  kind: WalkKind;
  /** The inspector's snapshot once the session ended; null when the walk could not run. */
  snapshot: InspectorSnapshot | null;
  entries: LogEntry[];
  /** The launch URL the LMS gave the course (xAPI: where the activity id and registration are). */
  launchUrl: string;
  commits: number;
  budget: number;
  /** Why the walk stopped, when it did not reach its end. */
  error: string | null;
}

export async function runWalk(browser: Browser, standard: StandardId, zipPath: string, kind: WalkKind): Promise<WalkResult> {
  const scenario = await openScenario(browser, standard, zipPath, {}, {}, kind === 'failing' ? failingPlanFor : planFor);
  const result: WalkResult = { standard, kind, snapshot: null, entries: [], launchUrl: '', commits: 0, budget: commitBudget(scenario.config.course, scenario.plan), error: null };
  try {
    const { walker, lms } = scenario;
    result.launchUrl = (await walker.frame()).url();
    if (kind === 'failing') {
      await walkFailing(scenario);
      await lms.log.sync();
    } else {
      const screens = walker.screens();
      await walker.enterCourse(screens[0]!.title);
      await walker.walkFrom(screens[0]!.id);
      await sessionEnded(standard, lms);
    }
    result.snapshot = await lms.snapshot();
  } catch (error) {
    result.error = (error as Error).message.split('\n')[0] ?? String(error);
    result.snapshot = await scenario.lms.snapshot().catch(() => null);
  } finally {
    result.entries = [...scenario.lms.log.entries];
    result.commits = commitsMade(standard, result.entries);
    await scenario.dispose();
  }
  return result;
}
