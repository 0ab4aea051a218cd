import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Statement } from '@xapi/xapi';
import { encodeState } from '../../../../course/runtime/state/codec.ts';
import { connect } from '../../../../course/runtime/connect.ts';
import { readCmi5Params } from '../../../../course/runtime/xapi/cmi5-launch.ts';
import { FakeLrs, invalid } from '../helpers/fake-lrs.ts';
import { fakeWindow, MemoryStorage } from '../helpers/fake-window.ts';
import { ACTOR, AU_ID, cmi5Search, launchData, launchXapi, REGISTRATION, seedLaunchData, SESSION_ID, verbsOf, type XapiRun } from '../helpers/xapi-launch.ts';
import { loadCourse, runtimeConfig, typicalRun } from '../helpers/course-fixtures.ts';
import { sessionReady } from '../helpers/session-ready.ts';

const course = loadCourse();
const finalState = encodeState(typicalRun(course), course);
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const categories = (s: Statement) => (s.context?.contextActivities?.category ?? []).map((a) => a.id);
const templateFor = (sessionId: string) => ({ extensions: { [SESSION]: sessionId }, contextActivities: { grouping: [{ id: 'https://commonground.example.org/courses/common-ground/au' }] } });

/** Statements waiting in this browser's queue. */
function queuedStatements(storage: MemoryStorage): Statement[] {
  return storage
    .entries()
    .filter(([key]) => key.startsWith('common-ground:xapi-queue:') && !key.endsWith(':parked'))
    .flatMap(([, value]) => JSON.parse(value) as Statement[]);
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** The statement rules CATAPULT enforces for an AU's session (cmi5 §9), checked over what the LRS stored. */
function expectCmi5Rules(statements: Statement[]): void {
  expect(statements[0]?.verb.id).toBe('http://adlnet.gov/expapi/verbs/initialized');
  expect(statements.at(-1)?.verb.id).toBe('http://adlnet.gov/expapi/verbs/terminated');
  for (const s of statements) {
    expect(invalid(s)).toBeNull();
    expect(s.actor).toEqual(ACTOR);
    expect(s.context?.registration).toBe(REGISTRATION);
    expect(s.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe(SESSION_ID);
    // The template's grouping survives untouched.
    expect(s.context?.contextActivities?.grouping).toEqual([{ id: 'https://commonground.example.org/courses/common-ground/au' }]);
    const verb = s.verb.id.split('/').pop();
    const defined = categories(s).includes(CMI5);
    if (defined) expect((s.object as { id: string }).id).toBe(AU_ID);
    const carriesMoveOn = s.result?.success !== undefined || s.result?.completion !== undefined;
    expect(categories(s).includes(MOVEON)).toBe(defined && carriesMoveOn);
    if (defined && ['completed', 'passed', 'failed', 'terminated'].includes(verb as string)) expect(s.result?.duration).toMatch(/^PT/);
    if (defined && verb !== 'passed' && verb !== 'failed') {
      expect(s.result?.success).toBeUndefined();
      expect(s.result?.score).toBeUndefined();
    }
  }
}

describe('cmi5 session against a fake LMS/LRS', () => {
  it('needs all five launch parameters', () => {
    const lrs = new FakeLrs();
    expect(readCmi5Params(cmi5Search(lrs))).toMatchObject({ endpoint: lrs.endpoint, fetchUrl: lrs.fetchUrl, registration: REGISTRATION, activityId: AU_ID });
    expect(readCmi5Params(cmi5Search(lrs).replace(/&registration=[^&]*/, ''))).toBeNull();
  });

  it('launches, reports in the order cmi5 requires and returns to the LMS', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs, { masteryScore: 0.8 });
    const run = await launchXapi(lrs, 'cmi5');
    expect(lrs.requests[0]?.url.href).toBe(lrs.fetchUrl);
    expect(lrs.requests.filter((r) => r.url.pathname.endsWith('agents/profile'))).toHaveLength(1);
    for (const request of lrs.requests.slice(1)) expect(request.headers.Authorization).toBe(`Basic ${lrs.token}`);
    run.tracker.recordProgress('the-film', 1);
    // Fails the check (by the LMS's masteryScore, although the course would pass 0.7 at… its own mark), then passes.
    run.tracker.setOutcome({ completed: false, passed: true, scaled: 0.7, progress: 0.8 });
    run.tracker.setOutcome({ completed: true, passed: true, scaled: 0.9, progress: 1 });
    await run.tracker.saveState(finalState, 'certificate');
    await run.tracker.exit('finish');
    await run.clock.advance(0);
    expect(verbsOf(lrs)).toEqual(['initialized', 'progressed', 'completed', 'passed', 'terminated']);
    expectCmi5Rules(lrs.stored);
    const passed = lrs.stored[3]!;
    expect(passed.result).toMatchObject({ success: true, score: { scaled: 0.9 } });
    expect(passed.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.8);
    expect(run.page.navigatedTo).toBe('https://lms.example.nhs.uk/course/42');
  });

  /** The course's own entries in the page's storage. */
  const ours = (storage: MemoryStorage) => storage.entries().filter(([key]) => key.startsWith('common-ground:')).map(([key]) => key);

  /** Records the statements the LRS held at the moment the course sent the page back to the LMS. */
  function watchLeaving(run: XapiRun, lrs: FakeLrs): { verbs: string[] | null } {
    const seen: { verbs: string[] | null } = { verbs: null };
    const location = run.page.win.location as unknown as { assign(url: string): void };
    const assign = location.assign.bind(location);
    location.assign = (url) => {
      seen.verbs = verbsOf(lrs);
      assign(url);
    };
    return seen;
  }

  it('goes back to the LMS only once the LRS has the last statements, leaving nothing in the browser', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    const run = await launchXapi(lrs, 'cmi5');
    const leaving = watchLeaving(run, lrs);
    run.tracker.setOutcome({ completed: true, passed: true, scaled: 0.9, progress: 1 });
    await run.tracker.saveState(finalState, 'summary');
    await run.tracker.exit('finish');
    await run.clock.advance(0);
    expect(leaving.verbs?.at(-1), 'the last statement the LRS held when the page left').toBe('terminated');
    expect(run.page.navigatedTo).toBe('https://lms.example.nhs.uk/course/42');
    // A shared PC keeps nothing: no queued statements, no safety copy, no spent auth token.
    expect(ours(run.page.localStorage)).toEqual([]);
    expect(ours(run.page.sessionStorage)).toEqual([]);
  });

  it('keeps the last statements and the token when the LRS is down at the end, and still goes back to the LMS', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    const run = await launchXapi(lrs, 'cmi5');
    run.tracker.setOutcome({ completed: true, passed: true, scaled: 0.9, progress: 1 });
    lrs.failure = 'down';
    await run.tracker.exit('finish');
    await run.clock.advance(0);
    expect(run.page.navigatedTo).toBe('https://lms.example.nhs.uk/course/42');
    expect(ours(run.page.localStorage).some((key) => key.startsWith('common-ground:xapi-queue:'))).toBe(true);
    expect(ours(run.page.sessionStorage).some((key) => key.startsWith('common-ground:cmi5-auth:'))).toBe(true);
    // The next launch delivers them, in cmi5's order.
    lrs.failure = null;
    const next = await launchXapi(lrs, 'cmi5', { storage: run.page.localStorage, sessionStorage: run.page.sessionStorage });
    await next.tracker.exit('suspend');
    await next.clock.advance(0);
    expect(verbsOf(lrs)).toContain('passed');
    expect(ours(next.page.localStorage)).toEqual([]);
  });

  it('sends "failed" only at the end of a session that did not pass, and never after a pass', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    const storage = new MemoryStorage();
    const sessionStorage = new MemoryStorage();
    const first = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
    first.tracker.setOutcome({ completed: false, passed: false, scaled: 0.4, progress: 1 });
    await first.tracker.saveState(finalState, 'check-your-knowledge');
    await first.tracker.exit('suspend');
    await first.clock.advance(0);
    expect(verbsOf(lrs)).toEqual(['initialized', 'failed', 'terminated']);
    expectCmi5Rules(lrs.stored);

    const second = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
    expect(second.session.resumeState).toBe(finalState);
    second.tracker.setOutcome({ completed: true, passed: true, scaled: 1, progress: 1 });
    second.tracker.setOutcome({ completed: true, passed: false, scaled: 0.5, progress: 1 });
    await second.tracker.exit('finish');
    await second.clock.advance(0);
    const secondSession = lrs.stored.slice(3);
    expect(secondSession.map((s) => s.verb.id.split('/').pop())).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    expectCmi5Rules(secondSession);

    const third = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
    third.tracker.setOutcome({ completed: true, passed: false, scaled: 0.2, progress: 1 });
    await third.tracker.exit('finish');
    await third.clock.advance(0);
    // Completed and passed are once per registration; failed never follows passed.
    expect(lrs.stored.slice(7).map((s) => s.verb.id.split('/').pop())).toEqual(['initialized', 'terminated']);
  });

  it('keeps its auth token for a reload, since the fetch URL works only once', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    const sessionStorage = new MemoryStorage();
    await launchXapi(lrs, 'cmi5', { sessionStorage });
    const reloaded = await launchXapi(lrs, 'cmi5', { sessionStorage, reload: true });
    expect(lrs.requests.filter((r) => r.url.href === lrs.fetchUrl)).toHaveLength(1);
    expect(reloaded.session.mode).toBe('normal');
  });

  it('explains, and keeps the work in this browser, when the launch link was already used', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    await launchXapi(lrs, 'cmi5');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const page = fakeWindow({ search: cmi5Search(lrs), fetch: lrs.fetch });
    const tracker = await connect(runtimeConfig('cmi5'), page.win);
    const statuses: unknown[] = [];
    tracker.onStatus((s) => statuses.push(s));
    const session = await tracker.start();
    expect(tracker.standard).toBe('standalone');
    expect(session.storage).toBe('this-browser');
    expect(statuses).toEqual([{ state: 'failed', problem: { kind: 'not-connected', reason: 'link-used', detail: expect.any(String) }, keptLocally: true }]);
  });

  for (const mode of ['Browse', 'Review'] as const) {
    it(`sends only initialized and terminated in ${mode} mode`, async () => {
      const lrs = new FakeLrs();
      seedLaunchData(lrs, { launchMode: mode });
      const run = await launchXapi(lrs, 'cmi5');
      expect(run.session.mode).toBe(mode.toLowerCase());
      run.tracker.recordProgress('the-film', 1);
      run.tracker.recordVideo({ verb: 'played', time: 0, progress: 0, playedSegments: '' });
      run.tracker.setOutcome({ completed: true, passed: true, scaled: 1, progress: 1 });
      await run.tracker.saveState(finalState, 'certificate');
      await run.tracker.exit('finish');
      await run.clock.advance(0);
      expect(verbsOf(lrs)).toEqual(['initialized', 'terminated']);
      expectCmi5Rules(lrs.stored);
      const wroteState = lrs.requests.some((r) => r.method === 'PUT' && r.url.pathname.endsWith('activities/state'));
      expect(wroteState).toBe(mode === 'Browse');
    });
  }

  describe('statements an earlier, abandoned session left unsent', () => {
    const answer = { id: 'check.q1', type: 'choice' as const, description: 'Which comes first?', response: ['a'], correct: ['a'], result: 'correct' as const, latencyMs: 3000, choices: [] };
    const sessionOf = (s: Statement) => s.context?.extensions?.[SESSION] as string | undefined;
    const verbs = (statements: Statement[]) => statements.map((s) => s.verb.id.split('/').pop());

    /** The first session: its "initialized" gets through, then the LRS goes down and the tab dies after `work`. */
    async function killedSession(lrs: FakeLrs, work: (run: XapiRun) => Promise<void> | void, moveOn = 'CompletedAndPassed') {
      seedLaunchData(lrs, { moveOn });
      const storage = new MemoryStorage();
      const sessionStorage = new MemoryStorage();
      const first = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
      lrs.failure = 'down';
      await work(first);
      await first.clock.advance(60_000);
      const queued = queuedStatements(storage);
      lrs.failure = null;
      // The LMS records "abandoned" for it and launches a new session.
      seedLaunchData(lrs, { moveOn, contextTemplate: templateFor('session-2') });
      return { storage, sessionStorage, queued };
    }

    it('issues them again in the new session, after its "initialized", with new ids and their original times', async () => {
      const lrs = new FakeLrs();
      const { storage, sessionStorage, queued } = await killedSession(lrs, (run) => {
        run.tracker.recordProgress('the-film', 1);
        run.tracker.recordAnswer(answer);
      });
      expect(verbs(queued)).toEqual(['progressed', 'answered']);
      const second = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
      await second.tracker.exit('suspend');
      await second.clock.advance(0);
      expect(verbsOf(lrs)).toEqual(['initialized', 'initialized', 'progressed', 'answered', 'terminated']);
      const again = lrs.stored.slice(1);
      for (const statement of again) expect(sessionOf(statement)).toBe('session-2');
      expect(again.slice(1, 3).map((s) => s.timestamp)).toEqual(queued.map((s) => s.timestamp));
      expect(again.slice(1, 3).map((s) => s.id)).not.toContain(queued[0]!.id);
      expect(again[2]!.object).toEqual(queued[1]!.object);
      expect(again[2]!.result).toEqual(queued[1]!.result);
      expect(queuedStatements(storage)).toEqual([]);
    });

    it('asks the LRS nothing about an earlier session\'s "terminated" before "initialized" (it is never issued again)', async () => {
      const lrs = new FakeLrs();
      const { storage, sessionStorage, queued } = await killedSession(lrs, async (run) => {
        run.page.pageHide();
        await run.tracker.exit('suspend');
      });
      expect(verbs(queued)).toEqual(['terminated']);
      const before = lrs.requests.length;
      const second = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
      await second.tracker.exit('suspend');
      await second.clock.advance(0);
      expect(lrs.requests.slice(before).filter((r) => r.method === 'GET' && r.url.pathname.endsWith('/statements'))).toEqual([]);
      expect(verbsOf(lrs)).toEqual(['initialized', 'initialized', 'terminated']);
      expect(queuedStatements(storage)).toEqual([]);
    });

    it('does not send again what the LRS already holds (a request answered after the page closed)', async () => {
      const lrs = new FakeLrs();
      const { storage, sessionStorage, queued } = await killedSession(lrs, (run) => run.tracker.recordAnswer(answer));
      // The statement arrived, but the page was gone before it could hear so.
      for (const statement of queued) lrs.statements.set(statement.id as string, statement);
      const second = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
      await second.tracker.exit('suspend');
      await second.clock.advance(0);
      expect(verbsOf(lrs)).toEqual(['initialized', 'answered', 'initialized', 'terminated']);
      expect(queuedStatements(storage)).toEqual([]);
    });

    it('issues an owed "completed" and "passed" once, in order, and then never a "failed"', async () => {
      const lrs = new FakeLrs();
      const { storage, sessionStorage } = await killedSession(lrs, async (run) => {
        run.tracker.setOutcome({ completed: true, passed: true, scaled: 0.9, progress: 1 });
        await run.tracker.saveState(finalState, 'certificate');
      });
      // The resume document got through as the page closed; the statements did not. It says both were sent.
      const document = { activityId: AU_ID, agent: JSON.stringify(ACTOR), registration: REGISTRATION, stateId: 'https://w3id.org/xapi/common-ground/resume' };
      lrs.setDocument('activities/state', document, { state: finalState, location: 'certificate', sent: { completed: true, passed: true } });
      const second = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
      // The player reports the outcome again at every start.
      second.tracker.setOutcome({ completed: true, passed: true, scaled: 0.9, progress: 1 });
      second.tracker.setOutcome({ completed: true, passed: false, scaled: 0.3, progress: 1 });
      await second.tracker.exit('finish');
      await second.clock.advance(0);
      const secondSession = lrs.stored.slice(1);
      expect(verbs(secondSession)).toEqual(['initialized', 'completed', 'passed', 'terminated']);
      for (const statement of secondSession) expect(categories(statement).includes(MOVEON)).toBe(['completed', 'passed'].includes(verbs([statement])[0]!));
      expect(secondSession[2]!.result).toMatchObject({ success: true, score: { scaled: 0.9 } });
    });

    it('holds an owed "failed" to the end of the new session, and drops it when the learner passes there', async () => {
      for (const passesNow of [false, true]) {
        const lrs = new FakeLrs();
        const { storage, sessionStorage, queued } = await killedSession(lrs, async (run) => {
          run.tracker.setOutcome({ completed: false, passed: false, scaled: 0.4, progress: 1 });
          await run.tracker.exit('suspend');
        });
        expect(verbs(queued)).toEqual(['failed', 'terminated']);
        const second = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
        expect(verbsOf(lrs)).toEqual(['initialized', 'initialized']);
        if (passesNow) second.tracker.setOutcome({ completed: true, passed: true, scaled: 1, progress: 1 });
        await second.tracker.exit('suspend');
        await second.clock.advance(0);
        const secondSession = lrs.stored.slice(1);
        expect(verbs(secondSession)).toEqual(passesNow ? ['initialized', 'completed', 'passed', 'terminated'] : ['initialized', 'failed', 'terminated']);
        if (!passesNow) expect(secondSession[1]!.result).toMatchObject({ success: false, score: { scaled: 0.4 } });
      }
    });

    it('sends an owed "failed" at once where moveOn does not need a pass (Completed)', async () => {
      const lrs = new FakeLrs();
      const { storage, sessionStorage } = await killedSession(
        lrs,
        async (run) => {
          run.tracker.setOutcome({ completed: false, passed: false, scaled: 0.4, progress: 1 });
          await run.tracker.exit('suspend');
        },
        'Completed',
      );
      const second = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
      expect(verbsOf(lrs)).toEqual(['initialized', 'initialized', 'failed']);
      expect(sessionOf(lrs.stored[2]!)).toBe('session-2');
      await second.tracker.exit('suspend');
      await second.clock.advance(0);
      expect(verbsOf(lrs)).toEqual(['initialized', 'initialized', 'failed', 'terminated']);
    });

    it('keeps them through a Browse session, which may not send them, for the next normal one', async () => {
      const lrs = new FakeLrs();
      const { storage, sessionStorage } = await killedSession(lrs, (run) => run.tracker.recordAnswer(answer));
      seedLaunchData(lrs, { launchMode: 'Browse', contextTemplate: templateFor('session-2') });
      const browse = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
      await browse.tracker.exit('suspend');
      await browse.clock.advance(0);
      expect(verbsOf(lrs)).toEqual(['initialized', 'initialized', 'terminated']);
      seedLaunchData(lrs, { contextTemplate: templateFor('session-3') });
      const normal = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
      await normal.tracker.exit('suspend');
      await normal.clock.advance(0);
      expect(verbsOf(lrs).slice(3)).toEqual(['initialized', 'answered', 'terminated']);
      expect(lrs.stored.slice(3).every((s) => sessionOf(s) === 'session-3')).toBe(true);
      expect(storage.entries().filter(([key]) => key.startsWith('common-ground:xapi-queue:'))).toEqual([]);
    });
  });

  describe('moveOn', () => {
    it.each([
      ['Passed', true],
      ['CompletedAndPassed', true],
      ['CompletedOrPassed', true],
      ['Completed', false],
      ['NotApplicable', false],
    ] as const)('%s: sends what the LMS needs; "failed" waits for the session end only where a pass can satisfy', async (moveOn, passMatters) => {
      const lrs = new FakeLrs();
      seedLaunchData(lrs, { moveOn });
      const storage = new MemoryStorage();
      const sessionStorage = new MemoryStorage();
      const first = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
      first.tracker.setOutcome({ completed: false, passed: false, scaled: 0.4, progress: 1 });
      await first.clock.advance(1000);
      // Where a pass cannot satisfy the AU, the failure goes at once: a tab closed now would not lose it.
      expect(verbsOf(lrs)).toEqual(passMatters ? ['initialized'] : ['initialized', 'failed']);
      first.tracker.setOutcome({ completed: true, passed: true, scaled: 0.9, progress: 1 });
      await first.tracker.exit('suspend');
      await first.clock.advance(0);
      expect(verbsOf(lrs)).toEqual(passMatters ? ['initialized', 'completed', 'passed', 'terminated'] : ['initialized', 'failed', 'completed', 'terminated']);
      expectCmi5Rules(lrs.stored);
      // A pass that came after a failure sent in the same session is reported by the next one.
      const second = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
      second.tracker.setOutcome({ completed: true, passed: true, scaled: 0.9, progress: 1 });
      await second.tracker.exit('finish');
      await second.clock.advance(0);
      expect(verbsOf(lrs).slice(4)).toEqual(passMatters ? ['initialized', 'terminated'] : ['initialized', 'passed', 'terminated']);
    });

    it('reads an unknown moveOn as NotApplicable', async () => {
      const lrs = new FakeLrs();
      seedLaunchData(lrs, { moveOn: 'Whenever' });
      const run = await launchXapi(lrs, 'cmi5');
      run.tracker.setOutcome({ completed: false, passed: false, scaled: 0.2, progress: 1 });
      await run.clock.advance(1000);
      expect(verbsOf(lrs)).toEqual(['initialized', 'failed']);
    });
  });
});

describe("cmi5 under ADL's conformance rules (CATAPULT), issue 12", () => {
  const isTerminated = (r: { method: string; url: URL; body: string }) => r.url.pathname.endsWith('/statements') && r.method !== 'GET' && r.body.includes('/verbs/terminated');
  const statePuts = (lrs: FakeLrs) => lrs.requests.filter((r) => r.method === 'PUT' && r.url.pathname.endsWith('activities/state'));

  it('stores the resume document before it sends "terminated", and uses the token for nothing after it (8.1.2.0-2)', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    const run = await launchXapi(lrs, 'cmi5');
    // The LRS is slow to store documents: a document sent beside "terminated" would land after it.
    lrs.documentDelayMs = 20;
    await run.tracker.saveState(finalState, 'summary');
    await run.tracker.exit('finish');
    await run.clock.advance(0);
    const terminated = lrs.requests.find(isTerminated)!;
    expect(terminated, '"terminated" was sent').toBeDefined();
    const puts = statePuts(lrs);
    expect(puts.length).toBeGreaterThan(0);
    for (const put of puts) expect(put.answeredAt, 'each resume document was stored before "terminated" was sent').toBeGreaterThan(-1);
    for (const put of puts) expect(put.answeredAt).toBeLessThan(terminated.sentAt);
    expect(lrs.requests.filter((r) => r.sentAt > terminated.sentAt), 'requests after "terminated"').toEqual([]);
    expect(lrs.getDocument('activities/state', { activityId: AU_ID, agent: JSON.stringify(ACTOR), registration: REGISTRATION, stateId: 'https://w3id.org/xapi/common-ground/resume' })).toMatchObject({ state: finalState });
  });

  it('closing the page with the resume document not yet stored: the document and statements go, "terminated" does not', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    const run = await launchXapi(lrs, 'cmi5');
    lrs.documentDelayMs = 20;
    run.tracker.recordProgress('the-film', 1);
    await run.tracker.saveState(finalState, 'summary');
    run.page.pageHide();
    await run.tracker.exit('suspend');
    await run.clock.advance(0);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(lrs.requests.some(isTerminated), 'no "terminated" could be ordered after the document').toBe(false);
    expect(verbsOf(lrs)).toEqual(['initialized', 'progressed']);
    expect(statePuts(lrs).some((put) => put.body.includes(finalState))).toBe(true);
  });

  it('closing the page when only the time spent changed: no document (nothing left in the browser), "terminated" goes', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    const run = await launchXapi(lrs, 'cmi5');
    await run.tracker.saveState(finalState, 'summary');
    await run.tracker.flush();
    const puts = statePuts(lrs).length;
    run.page.pageHide();
    await run.tracker.saveState(`${finalState}`, 'summary', 'leave');
    await run.tracker.exit('suspend');
    await run.clock.advance(0);
    expect(statePuts(lrs)).toHaveLength(puts);
    expect(verbsOf(lrs)).toEqual(['initialized', 'terminated']);
    expect(run.page.localStorage.entries().filter(([key]) => key.startsWith('common-ground:unconfirmed:'))).toEqual([]);
  });

  it('closing the page with everything stored: "terminated" goes, and it is the last request', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    const run = await launchXapi(lrs, 'cmi5');
    await run.tracker.saveState(finalState, 'summary');
    await run.tracker.flush();
    run.page.pageHide();
    await run.tracker.exit('suspend');
    await run.clock.advance(0);
    expect(verbsOf(lrs)).toEqual(['initialized', 'terminated']);
    const terminated = lrs.requests.find(isTerminated)!;
    expect(lrs.requests.filter((r) => r.sentAt > terminated.sentAt)).toEqual([]);
  });

  it('closing the page while "initialized" is on its way again (the LRS did not take it at launch): it is sent once more only, nothing is sent that could overtake it, and what followed waits for the next session', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    const storage = new MemoryStorage();
    const sessionStorage = new MemoryStorage();
    // The LRS fails the statement the opening sends at launch; the rest of the session, once it has come, sends it
    // again, and the LRS is slow to answer that: the page goes before it has.
    lrs.statementFailure = 503;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const run = await launchXapi(lrs, 'cmi5', { storage, sessionStorage, fetchLater: (load) => released.then(load) });
    const carrying = (verb: string) => lrs.requests.filter((r) => r.url.pathname.endsWith('/statements') && r.method !== 'GET' && r.body.includes(`/verbs/${verb}"`));
    expect(carrying('initialized').map((r) => r.answeredAt > -1), 'the launch\'s "initialized", answered').toEqual([true]);
    lrs.statementFailure = null;
    lrs.statementDelayMs = 20;
    release();
    await sessionReady(run.tracker);
    await run.clock.advance(0);
    expect(carrying('initialized').map((r) => r.answeredAt).slice(1), '"initialized" on its way again, unanswered').toEqual([-1]);
    run.tracker.recordProgress('the-film', 1);
    run.page.pageHide();
    // The page is gone: only what was on its way, or sent at pagehide, reaches the LRS.
    lrs.failure = 'down';
    await run.tracker.exit('suspend');
    await new Promise((resolve) => setTimeout(resolve, 60));
    await run.clock.advance(0);
    const initialized = carrying('initialized');
    expect(initialized, 'requests carrying "initialized": at launch, and once again').toHaveLength(2);
    expect(initialized[1]!.keepalive, 'the first statement request outlives the page').toBe(true);
    const overtaking = lrs.requests.filter((r) => r.url.pathname.endsWith('/statements') && r.method !== 'GET' && r.sentAt > initialized[1]!.sentAt && r.sentAt < initialized[1]!.answeredAt);
    expect(overtaking, 'statement requests sent while it was on its way').toEqual([]);
    expect(verbsOf(lrs)).toEqual(['initialized']);
    // The LMS records that session abandoned; the next one issues again what the learner did in it.
    expect(queuedStatements(storage).map((s) => s.verb.id.split('/').pop())).toEqual(['progressed']);
    lrs.failure = null;
    lrs.statementDelayMs = 0;
    seedLaunchData(lrs, { contextTemplate: templateFor('session-2') });
    const next = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
    await next.tracker.exit('suspend');
    await next.clock.advance(0);
    expect(verbsOf(lrs)).toEqual(['initialized', 'initialized', 'progressed', 'terminated']);
    expect(queuedStatements(storage)).toEqual([]);
  });

  it('closing the page while "completed" is on its way: it is not sent again, and "terminated" does not overtake it', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    const run = await launchXapi(lrs, 'cmi5');
    await run.tracker.flush();
    lrs.statementDelayMs = 20;
    run.tracker.setOutcome({ completed: true, passed: null, scaled: null, progress: 1 });
    void run.tracker.flush();
    await run.clock.advance(0);
    const carrying = (verb: string) => lrs.requests.filter((r) => r.url.pathname.endsWith('/statements') && r.method !== 'GET' && r.body.includes(`/verbs/${verb}"`));
    expect(carrying('completed').map((r) => r.answeredAt), '"completed" on its way, unanswered').toEqual([-1]);
    run.page.pageHide();
    lrs.failure = 'down';
    await run.tracker.exit('suspend');
    await new Promise((resolve) => setTimeout(resolve, 60));
    await run.clock.advance(0);
    expect(carrying('completed'), 'requests carrying "completed"').toHaveLength(1);
    expect(carrying('terminated'), '"terminated" could overtake it').toEqual([]);
    expect(verbsOf(lrs)).toEqual(['initialized', 'completed']);
  });

  it('sends "initialized" alone in the first statement request, even when the LRS was down at first (9.3.0.0-4)', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    lrs.statementFailure = 503;
    const run = await launchXapi(lrs, 'cmi5');
    run.tracker.recordProgress('the-film', 1);
    run.tracker.recordAnswer({ id: 'check.q1', type: 'choice', description: 'Which comes first?', response: ['a'], correct: ['a'], result: 'correct', latencyMs: 3000, choices: [] });
    const failedBefore = lrs.requests.length;
    lrs.statementFailure = null;
    await run.tracker.flush();
    const sent = lrs.requests.slice(failedBefore).filter((r) => r.url.pathname.endsWith('/statements') && r.method !== 'GET');
    const first = ([] as Statement[]).concat(JSON.parse(sent[0]!.body) as Statement | Statement[]);
    expect(first.map((s) => s.verb.id.split('/').pop())).toEqual(['initialized']);
    expect(verbsOf(lrs)).toEqual(['initialized', 'progressed', 'answered']);
  });

  it('uses the launch actor exactly as the LMS sent it, without adding objectType (8.1.3.0-3)', async () => {
    const lrs = new FakeLrs();
    const given = { account: { homePage: 'https://lms.example.nhs.uk', name: 'u-1001' }, name: 'Ada Okafor' };
    lrs.setDocument('activities/state', { activityId: AU_ID, agent: JSON.stringify(given), registration: REGISTRATION, stateId: 'LMS.LaunchData' }, launchData());
    const run = await launchXapi(lrs, 'cmi5', { actor: given });
    await run.tracker.saveState(finalState, 'summary');
    await run.tracker.exit('finish');
    await run.clock.advance(0);
    for (const statement of lrs.stored) expect(statement.actor).toStrictEqual(given);
    const agents = lrs.requests.filter((r) => r.url.searchParams.has('agent')).map((r) => JSON.parse(r.url.searchParams.get('agent')!) as unknown);
    expect(agents.length).toBeGreaterThan(0);
    for (const agent of agents) expect(agent).toStrictEqual(given);
  });
});

describe('the film under cmi5 (issue 12.8)', () => {
  it('reports the film watched without a cmi5 verb: "progressed" about the film, no result.completion; xAPI keeps the profile\'s "completed"', async () => {
    const watched = { verb: 'completed' as const, time: 600, progress: 0.95, playedSegments: '0[.]570' };
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    const run = await launchXapi(lrs, 'cmi5');
    run.tracker.recordVideo({ verb: 'played', time: 0, progress: 0, playedSegments: '' });
    run.tracker.recordVideo(watched);
    await run.tracker.flush();
    const cmi5Verbs = new Set(['launched', 'initialized', 'completed', 'passed', 'failed', 'abandoned', 'waived', 'terminated', 'satisfied']);
    const aboutFilm = lrs.stored.filter((s) => (s.object as { id: string }).id.includes('/film/'));
    expect(aboutFilm.map((s) => s.verb.id)).toEqual(['https://w3id.org/xapi/video/verbs/played', 'http://adlnet.gov/expapi/verbs/progressed']);
    for (const s of lrs.stored.filter((s) => !categories(s).includes(CMI5))) expect(cmi5Verbs.has(s.verb.id.split('/').pop()!), s.verb.id).toBe(false);
    expect(aboutFilm[1]!.result?.completion).toBeUndefined();
    expect(aboutFilm[1]!.result?.extensions?.['https://w3id.org/xapi/video/extensions/progress']).toBe(0.95);

    const tincan = new FakeLrs();
    const xapi = await launchXapi(tincan, 'xapi');
    xapi.tracker.recordVideo(watched);
    await xapi.tracker.flush();
    expect(tincan.stored.at(-1)).toMatchObject({ verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, result: { completion: true } });
  });
});
