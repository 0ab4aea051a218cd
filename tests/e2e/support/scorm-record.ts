// What a SCORM LMS holds at the end of the walk-through, against what the course should have reported: status,
// success, score, location, exit, session time, one interaction per answer in the standard's own format, and one
// objective per section.
import { expect } from 'vitest';
import type { Course, StandardId } from '../../../course/model/types.ts';
import { expectedAnswers, expectedOutcome, isoSeconds, scoreStrings, scorm12Id, scorm12Letters, scorm12Seconds, type ExpectedAnswer } from './expected.ts';
import type { LearnerPlan } from './plan.ts';

/** Entries of a collection (cmi.interactions, cmi.objectives) by index: field → value. */
export function collection(committed: Record<string, string>, name: 'interactions' | 'objectives'): Array<Record<string, string>> {
  const entries: Array<Record<string, string>> = [];
  const pattern = new RegExp(`^cmi\\.${name}\\.(\\d+)\\.(.+)$`);
  for (const [element, value] of Object.entries(committed)) {
    const match = pattern.exec(element);
    if (!match) continue;
    const index = Number(match[1]);
    (entries[index] ??= {})[match[2]!] = value;
  }
  return entries.map((entry) => entry ?? {});
}

export interface SessionBounds {
  /** Seconds the session must at least have lasted (the film alone takes that long at its speed). */
  minSeconds: number;
  /** Seconds since the LMS page was opened: the session cannot have lasted longer. */
  maxSeconds: number;
}

export function expectScormRecord(standard: StandardId, committed: Record<string, string>, course: Course, plan: LearnerPlan, bounds: SessionBounds): void {
  const outcome = expectedOutcome(course, plan);
  const score = scoreStrings(outcome.scaled);
  const lastScreen = course.sections.at(-1)!.screens.at(-1)!;
  const answers = expectedAnswers(course, plan);
  const interactions = collection(committed, 'interactions');
  const objectives = collection(committed, 'objectives');

  if (standard === 'scorm12') {
    expect({
      status: committed['cmi.core.lesson_status'],
      raw: committed['cmi.core.score.raw'],
      min: committed['cmi.core.score.min'],
      max: committed['cmi.core.score.max'],
      exit: committed['cmi.core.exit'],
      location: committed['cmi.core.lesson_location'],
      comments: committed['cmi.comments'] ?? '',
    }).toEqual({ status: outcome.passed ? 'passed' : 'failed', raw: score.raw, min: '0', max: '100', exit: '', location: lastScreen.id, comments: '' });
    expectWithin(scorm12Seconds(committed['cmi.core.session_time'] ?? ''), bounds, 'cmi.core.session_time');
    expect(interactions.map(({ id, type, student_response, result, ...rest }) => ({ id, type, student_response, result, pattern: rest['correct_responses.0.pattern'] }))).toEqual(
      answers.map((answer) => ({
        id: scorm12Id(answer.id),
        type: answer.kind,
        student_response: answer.kind === 'likert' ? answer.response[0] : scorm12Letters(answer, answer.response),
        result: answer.result === 'incorrect' ? 'wrong' : answer.result,
        pattern: answer.correct ? scorm12Letters(answer, answer.correct) : undefined,
      })),
    );
    for (const interaction of interactions) {
      expect(interaction.time, 'cmi.interactions.n.time is a CMITime').toMatch(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/);
      expect(scorm12Seconds(interaction.latency ?? ''), `latency "${interaction.latency}" is a CMITimespan`).not.toBeNull();
    }
    expect(objectives.map(({ id, status }) => ({ id, status }))).toEqual(course.sections.map((section) => ({ id: scorm12Id(section.id), status: 'completed' })));
    return;
  }

  expect({
    completion: committed['cmi.completion_status'],
    success: committed['cmi.success_status'],
    scaled: committed['cmi.score.scaled'],
    raw: committed['cmi.score.raw'],
    min: committed['cmi.score.min'],
    max: committed['cmi.score.max'],
    progress: committed['cmi.progress_measure'],
    exit: committed['cmi.exit'],
    location: committed['cmi.location'],
  }).toEqual({
    completion: 'completed',
    success: outcome.passed ? 'passed' : 'failed',
    scaled: score.scaled,
    raw: score.raw,
    min: '0',
    max: '100',
    progress: '1',
    exit: 'normal',
    location: lastScreen.id,
  });
  expectWithin(isoSeconds(committed['cmi.session_time'] ?? ''), bounds, 'cmi.session_time');
  expect(interactions.map(({ id, type, learner_response, result, description, ...rest }) => ({ id, type, learner_response, result, description, pattern: rest['correct_responses.0.pattern'] }))).toEqual(
    answers.map((answer: ExpectedAnswer) => ({
      id: answer.id,
      type: answer.kind,
      learner_response: answer.response.map(scorm2004ShortId).join('[,]'),
      result: answer.result,
      description: `{lang=${course.language}}${answer.description}`,
      pattern: answer.correct ? answer.correct.map(scorm2004ShortId).join('[,]') : undefined,
    })),
  );
  for (const interaction of interactions) {
    expect(interaction.timestamp, 'cmi.interactions.n.timestamp is an ISO 8601 time').toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2})?(Z|[+-]\d{2}(:\d{2})?)?$/);
    expect(isoSeconds(interaction.latency ?? ''), `latency "${interaction.latency}" is an ISO 8601 duration`).not.toBeNull();
  }
  expect(objectives.map(({ id, completion_status, progress_measure }) => ({ id, completion_status, progress_measure }))).toEqual(
    course.sections.map((section) => ({ id: section.id, completion_status: 'completed', progress_measure: '1' })),
  );
}

/**
 * A course id (a slug: a-z, 0-9 and "-") as SCORM 2004 short identifiers are written for strict LMSs, which take word
 * characters and dots only: "-" becomes "_" (issue 12.1).
 */
export function scorm2004ShortId(slug: string): string {
  return slug.replace(/-/g, '_');
}

export function expectWithin(seconds: number | null, bounds: SessionBounds, what: string): void {
  expect(seconds, `${what} is a duration in the standard's format`).not.toBeNull();
  expect(seconds!, `${what} covers at least the film's playing time`).toBeGreaterThanOrEqual(bounds.minSeconds);
  expect(seconds!, `${what} is no longer than the session really was`).toBeLessThanOrEqual(bounds.maxSeconds);
}
