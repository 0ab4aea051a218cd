// The statements an LRS holds at the end of the walk-through (TinCan launch or cmi5), against what the course should
// have sent: the same statements in the same order, each with the launch's actor and registration, results with
// score and duration where they belong, the xAPI Video Profile's events for the film, and for cmi5 the categories and
// session id its rules require.
import { expect } from 'vitest';
import type { Course } from '../../../course/model/types.ts';
import { expectedOutcome, expectedReports, isoSeconds, type ExpectedReport } from './expected.ts';
import type { LearnerPlan } from './plan.ts';
import { expectWithin, type SessionBounds } from './scorm-record.ts';

/** A statement as the LRS stored it: JSON, read field by field with optional chaining. */
type Statement = Record<string, any>;

export interface XapiLaunch {
  /** The activity the course reports about (TinCan activity_id, cmi5 activityId). */
  activityId: string;
  registration: string;
  actor: Record<string, unknown>;
  /** cmi5 only: the session id of LMS.LaunchData's context template. */
  sessionId: string | null;
}

const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const PROGRESS_EXTENSION = 'https://w3id.org/xapi/cmi5/result/extensions/progress';
const VIDEO = 'https://w3id.org/xapi/video/extensions/';

const verbOf = (statement: Statement): string => String(statement.verb?.id ?? '').split('/').at(-1) ?? '';
const categories = (statement: Statement): string[] => (statement.context?.contextActivities?.category ?? []).map((a: { id: string }) => a.id);

/** The launch parameters the LMS gave the course, read from the course frame's URL. */
export function launchFromUrl(url: string, cmi5: boolean, sessionId: string | null): XapiLaunch {
  const params = new URL(url).searchParams;
  return {
    activityId: params.get(cmi5 ? 'activityId' : 'activity_id') ?? '',
    registration: params.get('registration') ?? '',
    actor: JSON.parse(params.get('actor') ?? '{}') as Record<string, unknown>,
    sessionId,
  };
}

export function filmActivityId(course: Course): string {
  return `${course.iri.replace(/\/+$/, '')}/film/${encodeURIComponent(course.film.id)}`;
}

/** Statements about the film (the Video Profile's), in order. */
export function videoStatements(statements: readonly Statement[], course: Course): Statement[] {
  return statements.filter((s) => s.object?.id === filmActivityId(course));
}

export function expectStatements(kind: 'xapi' | 'cmi5', statements: readonly Statement[], course: Course, plan: LearnerPlan, launch: XapiLaunch, bounds: SessionBounds): void {
  const iri = course.iri.replace(/\/+$/, '');
  const film = filmActivityId(course);
  const outcome = expectedOutcome(course, plan);
  const shape = (report: ExpectedReport): string => {
    switch (report.kind) {
      case 'answer':
        return `answered ${iri}/interactions/${encodeURIComponent(report.answer.id)}`;
      case 'progress':
        return `progressed ${iri}/sections/${encodeURIComponent(report.sectionId)} ${Math.round(report.progress * 100)}`;
      case 'passed':
        return `passed ${launch.activityId}`;
      case 'completed':
        return `completed ${launch.activityId}`;
    }
  };
  const actualShape = (s: Statement): string => {
    const progress = s.result?.extensions?.[PROGRESS_EXTENSION];
    return `${verbOf(s)} ${s.object?.id}${progress === undefined ? '' : ` ${progress}`}`;
  };
  // Everything but the film's events, in order: opening, answers, progress, outcome, closing.
  expect(statements.filter((s) => s.object?.id !== film).map(actualShape)).toEqual([
    `initialized ${launch.activityId}`,
    ...expectedReports(course, plan).map(shape),
    `terminated ${launch.activityId}`,
  ]);

  const ids = statements.map((s) => s.id);
  expect(new Set(ids).size, 'every statement is stored once').toBe(ids.length);
  const times = statements.map((s) => Date.parse(s.timestamp));
  expect(times, 'statements are stored in the order they were made').toEqual([...times].sort((a, b) => a - b));
  for (const statement of statements) {
    expect(statement.actor, `${verbOf(statement)}: the launch's actor`).toEqual(launch.actor);
    expect(statement.context?.registration, `${verbOf(statement)}: the launch's registration`).toBe(launch.registration);
    if (kind === 'cmi5') expect(statement.context?.extensions?.[SESSION_EXTENSION], `${verbOf(statement)}: the session id`).toBe(launch.sessionId);
  }

  // Answers: the interaction's definition and the learner's response, success only where there is a right answer.
  const answers = expectedReports(course, plan).flatMap((r) => (r.kind === 'answer' ? [r.answer] : []));
  const answered = statements.filter((s) => verbOf(s) === 'answered');
  expect(
    answered.map((s) => ({
      response: s.result?.response,
      success: s.result?.success,
      type: s.object?.definition?.interactionType,
      pattern: s.object?.definition?.correctResponsesPattern,
      options: (s.object?.definition?.choices ?? s.object?.definition?.scale ?? []).map((c: { id: string }) => c.id),
      parent: s.context?.contextActivities?.parent?.map((a: { id: string }) => a.id),
    })),
  ).toEqual(
    answers.map((a) => ({
      response: a.response.join('[,]'),
      success: a.result === 'neutral' ? undefined : a.result === 'correct',
      type: a.kind,
      pattern: a.correct ? [a.correct.join('[,]')] : undefined,
      options: a.options,
      parent: [launch.activityId],
    })),
  );
  for (const s of answered) expect(isoSeconds(s.result?.duration ?? ''), 'answered: duration').not.toBeNull();

  const single = (verb: string): Statement => {
    const found = statements.filter((s) => verbOf(s) === verb && s.object?.id === launch.activityId);
    expect(found, `one "${verb}"`).toHaveLength(1);
    return found[0]!;
  };
  const passed = single('passed');
  expect(passed.result?.success).toBe(true);
  expect(passed.result?.score).toEqual({ scaled: Number(outcome.scaled.toFixed(4)), raw: Number((outcome.scaled * 100).toFixed(2)), min: 0, max: 100 });
  expectWithin(isoSeconds(passed.result?.duration ?? ''), bounds, 'passed: result.duration');
  const completed = single('completed');
  expect(completed.result?.completion).toBe(true);
  expectWithin(isoSeconds(completed.result?.duration ?? ''), bounds, 'completed: result.duration');
  expectWithin(isoSeconds(single('terminated').result?.duration ?? ''), bounds, 'terminated: result.duration');
  expect(statements.filter((s) => ['suspended', 'failed', 'abandoned'].includes(verbOf(s))).map(verbOf), 'a finished, passed session').toEqual([]);

  if (kind === 'cmi5') {
    // cmi5 defined statements carry the cmi5 category (and moveOn where they count towards it); allowed ones do not.
    for (const s of statements) {
      const defined = s.object?.id === launch.activityId;
      const moveOn = ['passed', 'completed'].includes(verbOf(s)) && defined;
      expect({ verb: verbOf(s), cmi5: categories(s).includes(CMI5_CATEGORY), moveOn: categories(s).includes(MOVEON_CATEGORY) }).toEqual({ verb: verbOf(s), cmi5: defined, moveOn });
    }
  }
}

/**
 * The film's Video Profile events: played, a pause at each question, played again after it, and "completed" once the
 * watched share reaches the course's threshold. A run at speed that fell short and was replayed adds its own plays.
 * Under cmi5 the film's end is "progressed" (cmi5's "completed" would read as the AU's own, issue 12.8).
 */
export function expectVideoStatements(statements: readonly Statement[], course: Course, replays: number, kind: 'xapi' | 'cmi5' = 'xapi'): void {
  const video = videoStatements(statements, course);
  const cues = [...course.film.cuePoints].sort((a, b) => a.at - b.at);
  const verbs = video.map(verbOf);
  const ended = kind === 'cmi5' ? 'progressed' : 'completed';
  if (replays === 0) expect(verbs).toEqual([...cues.flatMap(() => ['played', 'paused']), 'played', ended]);
  else expect(verbs.filter((v) => v === ended)).toEqual([ended]);
  const pauses = video.filter((s) => verbOf(s) === 'paused').slice(0, cues.length);
  pauses.forEach((pause, i) => {
    const at = pause.result?.extensions?.[`${VIDEO}time`];
    // A pause for a question happens where playback crossed the cue point: at it, or one timeupdate after.
    expect(at, `pause ${i + 1} at the question at ${cues[i]!.at} s`).toBeGreaterThanOrEqual(cues[i]!.at);
    expect(at).toBeLessThan(cues[i]!.at + 5);
  });
  const completed = video.find((s) => verbOf(s) === ended)!;
  expect(completed.result?.completion).toBe(kind === 'cmi5' ? undefined : true);
  expect(completed.result?.extensions?.[`${VIDEO}progress`]).toBeGreaterThanOrEqual(course.completion.filmWatchedPercent / 100);
  expect(String(completed.result?.extensions?.[`${VIDEO}played-segments`] ?? '')).toMatch(/^\d+(\.\d+)?\[\.\]\d+(\.\d+)?(\[,\]\d+(\.\d+)?\[\.\]\d+(\.\d+)?)*$/);
  const sessions = new Set(video.map((s) => s.context?.extensions?.[`${VIDEO}session-id`]));
  expect(sessions.size, 'one video session id').toBe(1);
  for (const s of video) expect(s.context?.extensions?.[`${VIDEO}length`]).toBe(Math.round(course.film.durationSeconds * 1000) / 1000);
}
