// The window between a tracked session's opening (loaded up front, before the first screen) and the rest of it (the
// durable core and the transport, fetched right after): work handed over meanwhile is never lost, a page going then
// still ends the session, and everything said meanwhile reaches the LMS/LRS in order once the rest has come.
import { describe, expect, it, vi } from 'vitest';
import type { AnswerRecord, HandedState, StateSource } from '../../../../course/runtime/tracker.ts';
import type { RuntimeDeps } from '../../../../course/runtime/shared/runtime-deps.ts';
import { RESUME_STATE_ID } from '../../../../course/runtime/xapi/xapi-opening.ts';
import { loadCourse, typicalStateAt } from '../helpers/course-fixtures.ts';
import { MemoryStorage } from '../helpers/fake-window.ts';
import { FakeLrs, type RecordedRequest } from '../helpers/fake-lrs.ts';
import { lmsServerPerTest, relaunchSeed, type LmsServer } from '../helpers/scorm-lms.ts';
import { launchScorm, setValues, unconfirmedCopies } from '../helpers/scorm-launch.ts';
import { sessionReady } from '../helpers/session-ready.ts';
import { ACTOR, AU_ID, launchData, launchXapi, REGISTRATION, seedLaunchData, verbsOf } from '../helpers/xapi-launch.ts';
import { SESSION_EXTENSION } from '../../../../course/runtime/xapi/cmi5-session.ts';

const course = loadCourse();
const midState = typicalStateAt(course, 4);
const laterState = typicalStateAt(course, 6);

const answer: AnswerRecord = { id: 'check-1.q1', type: 'choice', description: 'Which one?', response: ['a'], correct: ['b'], result: 'incorrect', latencyMs: 900, choices: [] };

let server: LmsServer;
lmsServerPerTest((installed) => (server = installed));

/** A fetch of the rest of the session that waits until the test lets it through (or fails it once). */
function heldBack(): { fetchLater: RuntimeDeps['fetchLater']; release: () => void; failOnce: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let fail = false;
  return {
    fetchLater: (load) => {
      if (fail) {
        fail = false;
        return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      }
      return released.then(load);
    },
    release,
    failOnce: () => (fail = true),
  };
}

/** Statement requests (not reads) carrying a statement with this verb. */
function carrying(lrs: FakeLrs, verb: string): RecordedRequest[] {
  return lrs.requests.filter((r) => r.url.pathname.endsWith('/statements') && r.method !== 'GET' && r.body.includes(`/verbs/${verb}"`));
}

/** The player's side: its state now, and how it ends the session when the page goes. */
function source(state: () => HandedState, how: 'suspend' | 'finish' = 'suspend'): StateSource & { leftWith: number } {
  const player = { leftWith: 0, current: state, leaving: () => (player.leftWith++, how) };
  return player;
}

describe('SCORM: before the rest of the session has come', () => {
  it('a learner who answers and closes the page has the state in the LMS (Terminate) and in this browser; nothing is sent twice once the rest arrives', async () => {
    const storage = new MemoryStorage();
    const held = heldBack();
    const run = await launchScorm({ storage, fetchLater: held.fetchLater });
    expect(run.session.resumeState).toBeNull();
    expect(run.lms.calls.filter((c) => c.method === 'LMSInitialize')).toHaveLength(1); // Initialize at launch, as SCORM wants
    const player = source(() => ({ state: midState, location: 'ed-chest-pain' }));
    run.tracker.attach(player);
    run.tracker.recordAnswer(answer);
    run.tracker.changed('move');
    run.page.hide();
    run.page.pageHide();
    expect(player.leftWith).toBe(1);
    expect(run.lms.calls.filter((c) => c.method === 'LMSFinish')).toHaveLength(1);
    expect(server.record).toMatchObject({ 'cmi.suspend_data': midState, 'cmi.core.lesson_location': 'ed-chest-pain', 'cmi.core.exit': 'suspend' });
    expect(unconfirmedCopies(storage)).toHaveLength(1);
    const calls = run.lms.calls.length;
    held.release();
    await run.clock.advance(60_000);
    expect(run.lms.calls.length).toBe(calls);
    // The next launch finds the LMS holding what the copy held: it resumes there and the copy goes.
    const next = await launchScorm({ storage, seed: relaunchSeed(server.record, '1.2') });
    expect(next.session.resumeState).toBe(midState);
    expect(unconfirmedCopies(storage)).toEqual([]);
  });

  it('a tab killed meanwhile (hidden, then gone) leaves the state in this browser, and the next launch sends it', async () => {
    const storage = new MemoryStorage();
    const held = heldBack();
    const run = await launchScorm({ storage, fetchLater: held.fetchLater });
    run.tracker.attach(source(() => ({ state: midState, location: 'ed-chest-pain' })));
    run.tracker.changed('work');
    run.page.hide();
    // The tab dies here: no pagehide, and the rest of the session never came.
    expect(unconfirmedCopies(storage)).toHaveLength(1);
    const next = await launchScorm({ storage, seed: relaunchSeed(server.record, '1.2') });
    expect(next.session.resumeState).toBe(midState);
    await next.clock.advance(0);
    expect(server.record?.['cmi.suspend_data']).toBe(midState);
    expect(unconfirmedCopies(storage)).toEqual([]);
  });

  it('a page going while the encoder is still loading ends the session now, and keeps the state in this browser when it comes', async () => {
    const storage = new MemoryStorage();
    const held = heldBack();
    const run = await launchScorm({ storage, fetchLater: held.fetchLater });
    let encoded!: (state: HandedState) => void;
    const encoding = new Promise<HandedState>((resolve) => (encoded = resolve));
    run.tracker.attach({ current: () => encoding, leaving: () => 'suspend' });
    run.page.pageHide();
    expect(run.lms.calls.filter((c) => c.method === 'LMSFinish')).toHaveLength(1);
    expect(unconfirmedCopies(storage)).toEqual([]);
    encoded({ state: midState, location: 'ed-chest-pain' });
    await run.clock.advance(0);
    expect(JSON.parse(unconfirmedCopies(storage)[0]![1]).state).toBe(midState);
  });

  it('what was said meanwhile reaches the LMS in order once the rest has come, and an exit asked meanwhile ends the session then', async () => {
    const storage = new MemoryStorage();
    const held = heldBack();
    const run = await launchScorm({ storage, fetchLater: held.fetchLater });
    let state = midState;
    run.tracker.attach(source(() => ({ state, location: 'ed-chest-pain' })));
    run.tracker.changed('move');
    run.tracker.recordAnswer(answer);
    state = laterState;
    run.tracker.setOutcome({ completed: true, passed: null, scaled: null, progress: 1 });
    let ended = false;
    const exit = run.tracker.exit('finish').then(() => (ended = true));
    await run.clock.advance(0);
    expect(ended).toBe(false);
    expect(run.lms.calls.filter((c) => c.method === 'LMSFinish')).toHaveLength(0);
    held.release();
    await sessionReady(run.tracker);
    await exit;
    expect(run.lms.calls.filter((c) => c.method === 'LMSFinish')).toHaveLength(1);
    expect(server.record).toMatchObject({ 'cmi.suspend_data': laterState, 'cmi.core.lesson_status': 'completed' });
    expect(server.record?.['cmi.interactions.0.id']).toMatch(/^check-1.q1$/);
    expect(setValues(run.lms)['cmi.interactions.0.student_response']).toBe('a');
    expect(unconfirmedCopies(storage)).toEqual([]);
  });

  it('a rest that cannot be fetched is tried again, the learner is told, and the work waits in this browser', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const storage = new MemoryStorage();
    const held = heldBack();
    held.failOnce();
    const run = await launchScorm({ storage, fetchLater: held.fetchLater });
    // The rest is asked for once there is work for it (or once the first screen has been drawn), not before.
    await run.clock.advance(0);
    expect(run.statuses.at(-1)).not.toEqual(expect.objectContaining({ state: 'retrying' }));
    await run.tracker.saveState(midState, 'ed-chest-pain');
    await run.clock.advance(0);
    expect(run.statuses.at(-1)).toEqual({ state: 'retrying', problem: { kind: 'saver-not-loaded' }, keptLocally: true });
    expect(unconfirmedCopies(storage)).toHaveLength(1);
    // Work done while it is missing is kept in this browser a quiet second after the change.
    run.tracker.attach(source(() => ({ state: laterState, location: 'ed-chest-pain' })));
    run.tracker.changed('typing');
    await run.clock.advance(1000);
    expect(JSON.parse(unconfirmedCopies(storage)[0]![1]).state).toBe(laterState);
    held.release();
    await run.clock.advance(1000);
    await sessionReady(run.tracker);
    await run.clock.advance(1000);
    expect(server.record?.['cmi.suspend_data']).toBe(laterState);
    expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
    expect(unconfirmedCopies(storage)).toEqual([]);
  });
});

describe('xAPI and cmi5: before the rest of the session has come', () => {
  it('TinCan: a page closed meanwhile sends the state in the resume document (keepalive), and no statement', async () => {
    const lrs = new FakeLrs();
    const storage = new MemoryStorage();
    const held = heldBack();
    const run = await launchXapi(lrs, 'xapi', { storage, fetchLater: held.fetchLater });
    run.tracker.attach(source(() => ({ state: midState, location: 'ed-chest-pain' })));
    run.tracker.recordAnswer(answer);
    run.tracker.changed('move');
    run.page.hide();
    run.page.pageHide();
    await run.clock.advance(0);
    const put = lrs.requests.find((r) => r.method === 'PUT' && r.url.searchParams.get('stateId') === RESUME_STATE_ID);
    expect(put?.keepalive).toBe(true);
    expect(JSON.parse(put?.body ?? '{}')).toMatchObject({ state: midState, location: 'ed-chest-pain' });
    held.release();
    await run.clock.advance(60_000);
    expect(verbsOf(lrs)).toEqual([]);
    const next = await launchXapi(lrs, 'xapi', { storage });
    expect(next.session.resumeState).toBe(midState);
    expect(storage.entries().filter(([key]) => key.startsWith('common-ground:unconfirmed:'))).toEqual([]);
  });

  it('cmi5: "initialized" goes at launch, before the rest has come, which does not send it again; the answer given meanwhile follows it', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    const held = heldBack();
    const run = await launchXapi(lrs, 'cmi5', { fetchLater: held.fetchLater });
    run.tracker.attach(source(() => ({ state: midState, location: 'ed-chest-pain' })));
    run.tracker.recordAnswer(answer);
    run.tracker.changed('move');
    await run.clock.advance(0);
    expect(verbsOf(lrs)).toEqual(['initialized']);
    const [launched] = carrying(lrs, 'initialized');
    expect(launched?.keepalive, 'it outlives the page').toBe(true);
    expect(JSON.parse(launched?.body ?? '[]'), 'alone in its request (cmi5 9.3.0.0-4)').toHaveLength(1);
    held.release();
    await sessionReady(run.tracker);
    await run.clock.advance(1000);
    await run.clock.advance(1000);
    expect(verbsOf(lrs)).toEqual(['initialized', 'answered']);
    expect(carrying(lrs, 'initialized'), 'requests carrying "initialized"').toHaveLength(1);
    const document = lrs.getDocument('activities/state', { activityId: AU_ID, agent: JSON.stringify(ACTOR), registration: REGISTRATION, stateId: RESUME_STATE_ID });
    expect(document).toMatchObject({ state: midState, location: 'ed-chest-pain' });
  });

  it('cmi5, a slow LRS: a page closed before the rest has come leaves "initialized" in the LRS, exactly once, and the state in the document', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    lrs.statementDelayMs = 30;
    const storage = new MemoryStorage();
    const sessionStorage = new MemoryStorage();
    const held = heldBack();
    const run = await launchXapi(lrs, 'cmi5', { storage, sessionStorage, fetchLater: held.fetchLater });
    run.tracker.attach(source(() => ({ state: midState, location: 'ed-chest-pain' })));
    run.tracker.recordAnswer(answer);
    run.tracker.changed('move');
    expect(carrying(lrs, 'initialized').map((r) => r.answeredAt), '"initialized" on its way, unanswered').toEqual([-1]);
    run.page.hide();
    run.page.pageHide();
    held.release();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await run.clock.advance(60_000);
    expect(verbsOf(lrs)).toEqual(['initialized']);
    expect(carrying(lrs, 'initialized'), 'requests carrying "initialized"').toHaveLength(1);
    const document = lrs.getDocument('activities/state', { activityId: AU_ID, agent: JSON.stringify(ACTOR), registration: REGISTRATION, stateId: RESUME_STATE_ID });
    expect(document).toMatchObject({ state: midState, location: 'ed-chest-pain' });
    // The next session (the LMS launches it with a session id of its own) has its own "initialized", once.
    lrs.statementDelayMs = 0;
    seedLaunchData(lrs, { contextTemplate: { ...launchData().contextTemplate as object, extensions: { [SESSION_EXTENSION]: 'session-2' } } });
    const next = await launchXapi(lrs, 'cmi5', { storage, sessionStorage });
    expect(next.session.resumeState).toBe(midState);
    await next.tracker.exit('suspend');
    await next.clock.advance(0);
    expect(verbsOf(lrs)).toEqual(['initialized', 'initialized', 'terminated']);
    expect(carrying(lrs, 'initialized')).toHaveLength(2);
  });

  it('cmi5, a slow LRS: the rest, come while "initialized" is on its way, waits for its answer and sends nothing before it', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    lrs.statementDelayMs = 30;
    const held = heldBack();
    const run = await launchXapi(lrs, 'cmi5', { fetchLater: held.fetchLater });
    run.tracker.attach(source(() => ({ state: midState, location: 'ed-chest-pain' })));
    run.tracker.recordAnswer(answer);
    run.tracker.changed('move');
    held.release();
    await sessionReady(run.tracker);
    await run.clock.advance(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await run.clock.advance(1000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(verbsOf(lrs)).toEqual(['initialized', 'answered']);
    const [initialized, ...others] = carrying(lrs, 'initialized');
    expect(others, 'requests carrying "initialized" again').toEqual([]);
    const before = lrs.requests.filter((r) => r.url.pathname.endsWith('/statements') && r !== initialized && r.sentAt < initialized!.answeredAt);
    expect(before, 'statement requests sent while it was on its way').toEqual([]);
  });

  it('cmi5, a slow LRS: the rest takes over the page at once, not after "initialized" is answered; a page going then sends the document and no statement', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    lrs.statementDelayMs = 400;
    const held = heldBack();
    const run = await launchXapi(lrs, 'cmi5', { fetchLater: held.fetchLater });
    run.tracker.attach(source(() => ({ state: midState, location: 'ed-chest-pain' })));
    held.release();
    // The rest has taken over (it watches the page) while "initialized" is still unanswered.
    await sessionReady(run.tracker);
    expect(carrying(lrs, 'initialized').map((r) => r.answeredAt), '"initialized" on its way, unanswered').toEqual([-1]);
    run.tracker.recordAnswer(answer);
    run.tracker.changed('move');
    run.page.hide();
    run.page.pageHide();
    await new Promise((resolve) => setTimeout(resolve, 600));
    await run.clock.advance(60_000);
    expect(verbsOf(lrs), 'nothing sent while "initialized" was on its way, nor sent twice').toEqual(['initialized']);
    const document = lrs.getDocument('activities/state', { activityId: AU_ID, agent: JSON.stringify(ACTOR), registration: REGISTRATION, stateId: RESUME_STATE_ID });
    expect(document).toMatchObject({ state: midState, location: 'ed-chest-pain' });
  });

  it('cmi5: an "initialized" the LRS did not take at launch is sent again by the rest, first, alone and under the same id', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs);
    lrs.statementFailure = 503;
    const held = heldBack();
    const run = await launchXapi(lrs, 'cmi5', { fetchLater: held.fetchLater });
    run.tracker.attach(source(() => ({ state: midState, location: 'ed-chest-pain' })));
    run.tracker.recordAnswer(answer);
    await run.clock.advance(0);
    expect(verbsOf(lrs)).toEqual([]);
    lrs.statementFailure = null;
    held.release();
    await sessionReady(run.tracker);
    await run.clock.advance(1000);
    await run.clock.advance(1000);
    expect(verbsOf(lrs)).toEqual(['initialized', 'answered']);
    const requests = carrying(lrs, 'initialized');
    expect(requests).toHaveLength(2);
    const ids = requests.map((r) => (JSON.parse(r.body) as { id: string }[]).map((s) => s.id));
    expect(ids[1], 'the same statement, alone').toEqual(ids[0]);
    expect(requests[1]?.keepalive).toBe(true);
  });
});
