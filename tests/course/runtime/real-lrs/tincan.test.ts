// The xAPI (TinCan launch) adapter against a real LRS (xapi-statements), with the preview as the LMS: a full run is
// stored in order with the launch's registration and the course context; a send whose answer was lost is resent and
// stored once; reflections stay out of every request unless the variant shares them; every statement the LRS holds
// passes @learninglocker/xapi-validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidStatements, verbNames, type StoredStatement } from '../../../support/real-lrs.ts';
import { loadCourse, TYPICAL_REFLECTIONS } from '../helpers/course-fixtures.ts';
import { openCourse, reportFullRun, setUp, type Setup } from './harness.ts';

let setup: Setup;
beforeAll(async () => {
  setup = await setUp('xapi');
});
afterAll(() => setup?.close());

const course = loadCourse();
const registrationOf = (statement: StoredStatement) => (statement.context as { registration?: string } | undefined)?.registration;
const objectId = (statement: StoredStatement) => (statement.object as { id: string }).id;

describe('an xAPI (TinCan launch) session reporting to a real LRS through the preview LMS', () => {
  it('stores a full run in order, with the registration, the learner, results and the course context', async () => {
    const run = await openCourse(setup, 'xapi');
    const registration = run.params.get('registration')!;
    const { reflections } = reportFullRun(run.tracker);
    await run.tracker.saveState('state-after-a-full-run', 'certificate');
    await run.tracker.flush();
    await run.tracker.exit('finish');

    const stored = (await setup.lrs.statements()).filter((statement) => registrationOf(statement) === registration);
    const verbs = verbNames(stored);
    const courseLevel = stored.filter((statement) => objectId(statement) === course.iri);
    expect(verbNames(courseLevel)).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    expect(verbs[0]).toBe('initialized');
    expect(verbs.at(-1)).toBe('terminated');
    const answered = stored.filter((statement) => verbNames([statement])[0] === 'answered');
    const questions = course.sections.flatMap((section) => section.screens).reduce((n, screen) => n + (screen.type === 'knowledge-check' ? screen.questions.length : screen.type === 'confidence' ? course.confidence.items.length : 0), 0);
    expect(answered).toHaveLength(questions);
    for (const statement of stored) {
      expect(statement.actor).toEqual(JSON.parse(run.params.get('actor')!));
      expect(registrationOf(statement)).toBe(registration);
      expect((statement.context as { language?: string }).language).toBe(course.language);
    }
    // Answers and progress sit under the course (contextActivities.parent), so an LRS query by course finds them.
    for (const statement of [...answered, ...stored.filter((s) => verbNames([s])[0] === 'progressed')]) {
      expect((statement.context as { contextActivities: { parent: { id: string }[] } }).contextActivities.parent.map((a) => a.id)).toContain(course.iri);
    }
    expect(courseLevel[2]!.result).toMatchObject({ success: true, score: { scaled: 1 } });
    expect(courseLevel[1]!.result).toMatchObject({ completion: true });
    expect(invalidStatements(stored)).toEqual({});
    // Private by default: none of the learner's words in any request the course made.
    const bodies = setup.requests.map((request) => request.body).join('\n');
    for (const text of reflections) expect(bodies).not.toContain(text.slice(0, 60));
    expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
  });

  it('resends statements whose answer was lost, and the LRS holds each once', async () => {
    const run = await openCourse(setup, 'xapi', { mode: 'new-attempt' });
    await run.tracker.flush();
    setup.loseAnswers = 1;
    run.tracker.recordProgress(course.sections[0]!.id, 1);
    run.tracker.recordProgress(course.sections[1]!.id, 1);
    await run.tracker.flush();
    expect(run.statuses.at(-1)?.state).not.toBe('connected');
    expect(setup.loseAnswers).toBe(0);
    await run.tracker.flush();
    await run.tracker.exit('finish');
    const stored = (await setup.lrs.statements()).filter((statement) => registrationOf(statement) === run.params.get('registration'));
    expect(verbNames(stored)).toEqual(['initialized', 'progressed', 'progressed', 'terminated']);
    expect(new Set(stored.map((statement) => statement.id)).size).toBe(stored.length);
    expect(invalidStatements(stored)).toEqual({});
    expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
  });

  it('sends reflections only where the variant shares them, and the LRS accepts them', async () => {
    const run = await openCourse(setup, 'xapi', { mode: 'new-attempt', reflections: 'shared' });
    const { reflections } = reportFullRun(run.tracker);
    await run.tracker.exit('finish');
    const stored = (await setup.lrs.statements()).filter((statement) => registrationOf(statement) === run.params.get('registration'));
    const responses = stored.map((statement) => (statement.result as { response?: string } | undefined)?.response);
    for (const text of new Set(reflections)) expect(responses).toContain(text);
    expect(TYPICAL_REFLECTIONS.some((text) => setup.requests.some((request) => request.body.includes(text.slice(0, 60))))).toBe(true);
    expect(invalidStatements(stored)).toEqual({});
  });
});
