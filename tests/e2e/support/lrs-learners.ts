// The completion report read from the real LRS the e2e runs reported to. Two walks are two learners, under the
// report's minimum group of five; so each walk's statements, exactly as the course made them, are also loaded as
// other learners (their own actor, registration and statement ids), plus learners who stopped before the first
// question. What the report must then show follows from the walk's plan alone: who completed and passed, each
// question's answers, the confidence change, and no reflection text.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Course } from '../../../course/model/types.ts';
import type { ReportData } from '../../../tools/report/summary.ts';
import { MIN_GROUP_SIZE } from '../../../tools/report/small-groups.ts';
import type { StoredStatement } from '../../support/real-lrs.ts';
import type { LearnerPlan } from './plan.ts';

/** What one walk left in the LRS: its statements in the order stored (the course's and the LMS's own). */
export interface WalkInLrs {
  standard: 'xapi' | 'cmi5';
  statements: StoredStatement[];
  /** The course as the package carries it, and what the walk's learner did in it. */
  course: Course;
  plan: LearnerPlan;
}

const LRS_FIELDS = ['stored', 'authority', 'version'];

/**
 * The walk's statements as learner `n`'s: a new actor (same kind of identifier), registration and statement ids;
 * with `beforeFirstAnswer`, only what came before the first question was answered (a learner who stopped early).
 */
export function asAnotherLearner(walk: WalkInLrs, n: number, options: { beforeFirstAnswer?: boolean } = {}): Record<string, unknown>[] {
  const registration = randomUUID();
  const firstAnswer = walk.statements.findIndex((statement) => statement.verb.id.endsWith('/answered'));
  const kept = options.beforeFirstAnswer ? walk.statements.slice(0, firstAnswer) : walk.statements;
  return kept.map((stored) => {
    const statement = structuredClone(stored) as Record<string, any>;
    for (const field of LRS_FIELDS) delete statement[field];
    statement.id = randomUUID();
    const actor = statement.actor as Record<string, any>;
    if (actor.account) statement.actor = { ...actor, name: `Learner ${n}`, account: { ...actor.account, name: `e2e-learner-${n}` } };
    else statement.actor = { ...actor, name: `Learner ${n}`, mbox: `mailto:e2e-learner-${n}@example.invalid` };
    if (statement.context?.registration) statement.context.registration = registration;
    return statement;
  });
}

/**
 * The figures of a report over `completers` learners who did the walks' plans (shared out equally between the plans)
 * and `stoppers` who stopped early. The plans differ only in the knowledge-check questions each learner's seed drew.
 */
export function expectReportOfWalks(data: ReportData, course: Course, plans: readonly LearnerPlan[], completers: number, stoppers: number): void {
  const plan = plans[0]!;
  const perPlan = completers / plans.length;
  expect(data.suppressedAll).toBe(false);
  expect(data.overall).toMatchObject({ learners: completers + stoppers, completed: completers, judged: completers, passed: completers });

  const screens = course.sections.flatMap((section) => section.screens);
  const expectAnswers = (figures: ReportData['questions'][number], finalAnswer: readonly string[], right: readonly string[]) => {
    expect(figures.respondents, figures.id).toBe(completers);
    for (const choice of figures.choices) expect(choice.count, `${figures.id} ${choice.id}`).toBe(finalAnswer.includes(choice.id) ? completers : 0);
    const isRight = finalAnswer.length === right.length && right.every((id) => finalAnswer.includes(id));
    expect(figures.correct, figures.id).toBe(isRight ? completers : 0);
  };
  let checked = 0;
  for (const figures of data.questions) {
    if (figures.kind === 'knowledge') {
      const question = screens.flatMap((screen) => (screen.type === 'knowledge-check' ? screen.questions.map((q) => ({ key: `${screen.id}.${q.id}`, q })) : [])).find((entry) => entry.key === figures.id)!.q;
      // The bank is drawn per learner and attempt: each learner counts their last answer to it, if any attempt asked it.
      const right = question.options.filter((option) => option.correct).map((option) => option.id);
      const lasts = plans.map((p) => p.asked.flat().filter((entry) => entry.questionId === question.id).at(-1)?.answer ?? null);
      const isRight = (answer: readonly string[]) => answer.length === right.length && right.every((id) => answer.includes(id));
      const respondents = lasts.filter((answer) => answer !== null).length * perPlan;
      expect(figures.respondents, figures.id).toBe(respondents);
      // A question fewer learners answered than the report's smallest group is shown without its figures.
      expect(figures.suppressed, `${figures.id}: ${respondents} answered`).toBe(respondents < MIN_GROUP_SIZE);
      if (!figures.suppressed) {
        for (const choice of figures.choices) expect(choice.count, `${figures.id} ${choice.id}`).toBe(lasts.filter((answer) => answer?.includes(choice.id)).length * perPlan);
        expect(figures.correct, figures.id).toBe(lasts.filter((answer) => answer !== null && isRight(answer)).length * perPlan);
      }
      checked++;
    } else if (figures.kind === 'film') {
      const cue = course.film.cuePoints.find((candidate) => `${course.film.id}.${candidate.id}` === figures.id)!;
      expectAnswers(figures, plan.attempts[cue.question.id]!.at(-1)!, cue.question.options.filter((option) => option.correct).map((option) => option.id));
      checked++;
    } else if (figures.kind === 'scenario') {
      const screen = screens.find((candidate) => candidate.type === 'scenario' && figures.id.startsWith(`${candidate.id}.`));
      if (screen?.type !== 'scenario') throw new Error(`no scenario for ${figures.id}`);
      const step = screen.steps.find((candidate) => `${screen.id}.${candidate.id}` === figures.id)!;
      const taken = plan.scenarios[screen.id]!.find((choiceId) => step.choices.some((choice) => choice.id === choiceId));
      expect(figures.respondents, figures.id).toBe(taken === undefined ? 0 : completers);
      if (taken !== undefined) for (const choice of figures.choices) expect(choice.count, `${figures.id} ${choice.id}`).toBe(choice.id === taken ? completers : 0);
      checked++;
    }
  }
  expect(checked).toBe(data.questions.length);

  expect(data.confidence.paired).toBe(completers);
  for (const item of data.confidence.items) {
    const before = plan.confidence.before[item.itemId]!;
    const after = plan.confidence.after[item.itemId]!;
    expect(item, item.itemId).toMatchObject({ paired: completers, beforeMean: before, afterMean: after });
    expect(item.change).toBeCloseTo(after - before);
  }
  expect(data.confidence.meanChange).not.toBeNull();
}
