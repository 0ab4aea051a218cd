// A learner who fails for good (issue 12.6): the same walk as the passing learner's, driven by the course data and
// plan, except that every knowledge-check question is answered wrong until no attempt is left. Such a learner cannot
// finish the course: on the summary screen they leave, and the LMS closes the course (its "End the attempt"). The
// LMS must then say "failed" (SCORM 1.2 lesson_status, 2004 success_status, an xAPI / cmi5 "failed"), with the
// score, and nothing that reads as complete or passed. Used by the e2e suite and by `npm run conformance`.
import type { Course, Screen } from '../../../course/model/types.ts';
import type { InspectorSnapshot, LogEntry } from '../../../tools/preview/protocol.ts';
import { expectedOutcome } from './expected.ts';
import { planFor, type LearnerPlan } from './plan.ts';
import type { Scenario } from './scenario.ts';

export function failingPlanFor(course: Course): LearnerPlan {
  const plan = planFor(course);
  const check = course.sections.flatMap((s) => s.screens).find((s) => s.type === 'knowledge-check');
  if (check?.type !== 'knowledge-check') return plan;
  // Every question asked answered wrong, in every attempt the check allows.
  const asked = Math.min(check.questionsPerAttempt, check.questions.length);
  return { ...plan, wrongPerAttempt: Array.from({ length: check.attempts }, () => asked) };
}

/** Every screen with the plan, up to the summary; there the learner leaves and the LMS closes the course. */
export async function walkFailing(scenario: Scenario): Promise<void> {
  const { walker } = scenario;
  const screens: Screen[] = walker.screens();
  await walker.enterCourse(screens[0]!.title);
  for (let i = 0; i < screens.length - 1; i++) {
    await walker.complete(screens[i]!);
    await walker.next(screens[i + 1]!);
  }
  await walker.step(`${screens.at(-1)!.id}: not completed`);
  // The move to the summary is with the LMS before the learner goes (a learner reads the summary first).
  await scenario.page.waitForTimeout(2000);
  await scenario.page.click('#end-attempt');
  await scenario.page.waitForFunction(() => document.getElementById('announcer')?.textContent?.includes('session ended') === true, null, { timeout: 15_000 });
}

/** What the LMS holds of a failing learner, in the standard's terms, for comparison with `expectedFailure`. */
export interface FailureRecord {
  status: Record<string, string | undefined>;
  /** xAPI / cmi5: the course-level verbs, in order ("failed", "terminated"…). */
  verbs: string[];
  /** The score reported with the failure, 0..1. */
  scaled: number | null;
}

const SCALED = 'scaled';

export function failureRecord(standard: string, snapshot: InspectorSnapshot, entries: readonly LogEntry[], activityId: string): FailureRecord {
  if (standard === 'scorm12') {
    const c = snapshot.scorm!.committed;
    return { status: { lesson_status: c['cmi.core.lesson_status'] }, verbs: [], scaled: c['cmi.core.score.raw'] ? Number(c['cmi.core.score.raw']) / 100 : null };
  }
  if (standard.startsWith('scorm2004')) {
    const c = snapshot.scorm!.committed;
    return { status: { completion_status: c['cmi.completion_status'], success_status: c['cmi.success_status'] }, verbs: [], scaled: c['cmi.score.scaled'] ? Number(c['cmi.score.scaled']) : null };
  }
  const courseLevel = entries.flatMap((entry) => (entry.kind === 'statement' && entry.by === 'course' && (entry.statement.object as { id?: string } | undefined)?.id === activityId ? [entry.statement] : []));
  const verbs = courseLevel.map((s) => String((s.verb as { id?: string }).id).split('/').at(-1)!);
  const failed = courseLevel.find((s) => String((s.verb as { id?: string }).id).endsWith('/failed'));
  const score = (failed?.result as { score?: Record<string, number> } | undefined)?.score;
  return { status: {}, verbs: verbs.filter((v) => ['completed', 'passed', 'failed'].includes(v)), scaled: score?.[SCALED] ?? null };
}

/** What a learner failed for good must show in each standard. */
export function expectedFailure(standard: string, course: Course, plan: LearnerPlan): FailureRecord {
  const { scaled } = expectedOutcome(course, plan);
  const rounded = Number(scaled.toFixed(4));
  if (standard === 'scorm12') return { status: { lesson_status: 'failed' }, verbs: [], scaled: rounded };
  if (standard.startsWith('scorm2004')) return { status: { completion_status: course.completion.rule === 'all-sections' ? 'completed' : 'incomplete', success_status: 'failed' }, verbs: [], scaled: rounded };
  return { status: {}, verbs: course.completion.rule === 'all-sections' ? ['completed', 'failed'] : ['failed'], scaled: rounded };
}
