// The cmi5 adapter against a real LRS (xapi-statements), with the preview as the LMS: a full session lands in the
// LRS in cmi5's order with the LMS's launched / satisfied around it; statements the LRS already holds (the same, or
// with other content: 409) count as delivered; an LRS that stops mid-session and comes back gets every queued
// statement exactly once; nothing the LRS holds fails @learninglocker/xapi-validation; no reflection leaves the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidStatements, verbNames, type StoredStatement } from '../../../support/real-lrs.ts';
import { CMI5_CATEGORY, inspectorLog } from '../../../tools/preview/fixtures.ts';
import { TYPICAL_REFLECTIONS } from '../helpers/course-fixtures.ts';
import { MemoryStorage } from '../helpers/fake-window.ts';
import { openCourse, reportFullRun, setUp, type Setup } from './harness.ts';

const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

let setup: Setup;
beforeAll(async () => {
  setup = await setUp('cmi5');
});
afterAll(() => setup?.close());

const registrationOf = (statement: StoredStatement) => (statement.context as { registration?: string } | undefined)?.registration;
const sessionOf = (statement: StoredStatement) => (statement.context as { extensions?: Record<string, unknown> } | undefined)?.extensions?.[SESSION_ID];
const isCmi5Defined = (statement: StoredStatement) =>
  ((statement.context as { contextActivities?: { category?: { id: string }[] } } | undefined)?.contextActivities?.category ?? []).some((activity) => activity.id === CMI5_CATEGORY);

describe('a cmi5 session reporting to a real LRS through the preview LMS', () => {
  it('stores a full run in cmi5 order, with the registration, session and results, and valid statements only', async () => {
    const before = (await setup.lrs.statements()).length;
    const run = await openCourse(setup, 'cmi5');
    const registration = run.params.get('registration')!;
    reportFullRun(run.tracker);
    await run.tracker.flush();
    await run.tracker.saveState('state-after-a-full-run', 'certificate');
    await run.tracker.exit('finish');

    const stored = (await setup.lrs.statementsOnceAtLeast(before + 5)).slice(before);
    const verbs = verbNames(stored);
    expect(verbs[0]).toBe('launched');
    expect(verbs[1]).toBe('initialized');
    expect(verbs.at(-1)).toBe('terminated');
    // cmi5 defined statements (the film's Video Profile "completed" is not one): each once, in cmi5's order.
    const defined = stored.filter(isCmi5Defined);
    expect(verbNames(defined)).toEqual(['launched', 'initialized', 'completed', 'passed', 'satisfied', 'terminated']);
    const completedAt = stored.indexOf(defined[2]!);
    // The LMS judges moveOn (CompletedOrPassed) once "completed" is on record, and says so before the session ends.
    expect(verbs.indexOf('satisfied')).toBeGreaterThan(completedAt);
    expect(verbs.indexOf('satisfied')).toBeLessThan(verbs.indexOf('terminated'));
    expect(verbs.filter((verb) => verb === 'answered').length).toBeGreaterThan(5);

    const sessionId = sessionOf(stored[0]!);
    for (const statement of stored) {
      expect(registrationOf(statement)).toBe(registration);
      if (verbs[stored.indexOf(statement)] !== 'satisfied') expect(sessionOf(statement)).toBe(sessionId);
    }
    const passed = defined[3]!;
    expect(passed.result).toMatchObject({ success: true, score: { scaled: 1 } });
    expect((passed.result as { duration?: string }).duration).toMatch(/^PT/);
    expect(defined[2]!.result).toMatchObject({ completion: true });
    // cmi5 defined statements are about the LMS's activity id, never the publisher's.
    for (const statement of stored.filter(isCmi5Defined)) {
      if (verbs[stored.indexOf(statement)] !== 'satisfied') expect((statement.object as { id: string }).id).toBe(run.params.get('activityId'));
    }
    expect(invalidStatements(stored)).toEqual({});
    // The LMS saw nothing against the cmi5 rules, and sent the learner back.
    expect((await inspectorLog(setup.base)).filter((entry) => entry.kind === 'warning')).toEqual([]);
    expect(run.page.navigatedTo).toMatch(/\/lms\/returned$/);
    expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
  });

  it('sends no reflection text anywhere by default (every request body captured)', async () => {
    const run = await openCourse(setup, 'cmi5', { mode: 'new-attempt' });
    const { reflections } = reportFullRun(run.tracker);
    expect(reflections.length).toBeGreaterThan(0);
    await run.tracker.saveState('a-state', 'reflection');
    await run.tracker.flush();
    await run.tracker.exit('suspend');
    const bodies = setup.requests.map((request) => request.body).join('\n');
    expect(bodies).toContain('answered');
    for (const text of TYPICAL_REFLECTIONS) expect(bodies).not.toContain(text.slice(0, 60));
    for (const text of TYPICAL_REFLECTIONS) expect(JSON.stringify(await setup.lrs.statements())).not.toContain(text.slice(0, 60));
  });

  it('counts statements the LRS already holds as delivered, whether equal (204) or different (409)', async () => {
    const storage = new MemoryStorage();
    const run = await openCourse(setup, 'cmi5', { storage, mode: 'new-attempt' });
    await run.tracker.flush();
    const count = (await setup.lrs.statements()).length;
    // Offline for a while: what the learner does waits in the queue.
    run.tracker.recordProgress('section-a', 0.5);
    run.tracker.recordProgress('section-b', 0.5);
    run.tracker.recordProgress('section-c', 0.5);
    const queueKey = storage.entries().find(([key]) => key.startsWith('common-ground:xapi-queue:'))?.[0];
    expect(queueKey).toBeDefined();
    const queued = JSON.parse(storage.getItem(queueKey!)!) as StoredStatement[];
    expect(verbNames(queued)).toEqual(['progressed', 'progressed', 'progressed']);
    // Another copy of this page already sent the first as is, and the second with different content (the LRS keeps
    // the first it got): both are on record, so both count as delivered.
    await setup.lrs.load([queued[0], { ...queued[1], timestamp: new Date(Date.parse(queued[1]!.timestamp as string) - 1000).toISOString() }]);
    setup.requests.length = 0;
    await run.tracker.flush();
    expect(JSON.parse(storage.getItem(queueKey!) ?? '[]')).toEqual([]);
    const stored = (await setup.lrs.statements()).slice(count);
    expect(stored.map((statement) => statement.id)).toEqual(queued.map((statement) => statement.id));
    // The batch was refused for the conflict, then each went alone: 204, 409, 204.
    const sends = setup.requests.filter((request) => request.url.pathname.endsWith('/statements'));
    expect(sends.map((request) => request.method)).toEqual(['POST', 'PUT', 'PUT', 'PUT']);
    expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
    await run.tracker.exit('suspend');
  });

  it('loses nothing and duplicates nothing when the LRS stops mid-session and comes back', async () => {
    const run = await openCourse(setup, 'cmi5', { mode: 'new-attempt' });
    run.tracker.recordProgress('before-the-outage', 0.25);
    await run.tracker.flush();
    const beforeOutage = await setup.lrs.statements();
    const launchedHere = beforeOutage.filter((statement) => registrationOf(statement) === run.params.get('registration'));
    expect(verbNames(launchedHere)).toEqual(['launched', 'initialized', 'progressed']);

    let queuedDuringOutage: string[] = [];
    await setup.restartLrs(async () => {
      reportFullRun(run.tracker);
      await run.tracker.flush();
      expect(run.statuses.at(-1)?.state).not.toBe('connected');
      await run.tracker.flush();
      queuedDuringOutage = (JSON.parse(run.page.localStorage.entries().find(([key]) => key.startsWith('common-ground:xapi-queue:'))![1]) as StoredStatement[]).map((s) => s.id);
      // The preview told the course "unavailable" (503), not "your launch is dead" (401), and says why.
      const snapshot = (await (await fetch(`${setup.base}/lms/snapshot`)).json()) as { xapi: { lrs: { state: string } } };
      expect(snapshot.xapi.lrs.state).toBe('unreachable');
    });
    expect(queuedDuringOutage.length).toBeGreaterThan(10);

    await run.tracker.flush();
    await run.tracker.exit('finish');
    // The new LRS started empty: it holds what waited during the outage, each once, in the order made, then the rest.
    const after = await setup.lrs.statementsOnceAtLeast(queuedDuringOutage.length + 2);
    const courseIds = after.filter((statement) => !['satisfied', 'launched', 'abandoned'].includes(verbNames([statement])[0]!)).map((statement) => statement.id);
    expect(courseIds.slice(0, queuedDuringOutage.length)).toEqual(queuedDuringOutage);
    expect(new Set(after.map((statement) => statement.id)).size).toBe(after.length);
    expect(after.some((statement) => beforeOutage.some((old) => old.id === statement.id))).toBe(false);
    expect(verbNames(after).at(-1)).toBe('terminated');
    expect(invalidStatements(after)).toEqual({});
    expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
  });
});
