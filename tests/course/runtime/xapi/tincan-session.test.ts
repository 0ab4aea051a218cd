import { describe, expect, it } from 'vitest';
import { encodeState, decodeState } from '../../../../course/runtime/state/codec.ts';
import { RESUME_STATE_ID } from '../../../../course/runtime/xapi/xapi-opening.ts';
import { readTinCanLaunch } from '../../../../course/runtime/xapi/tincan-launch.ts';
import { FakeLrs, invalid, type RecordedRequest } from '../helpers/fake-lrs.ts';
import { MemoryStorage } from '../helpers/fake-window.ts';
import { launchXapi, REGISTRATION, tincanSearch, verbsOf } from '../helpers/xapi-launch.ts';
import { loadCourse, typicalRun } from '../helpers/course-fixtures.ts';
import { optionChoices } from '../../../../course/runtime/answer-choices.ts';

const course = loadCourse();
const fullRun = typicalRun(course);
const finalState = encodeState(fullRun, course);
const COURSE_IRI = 'https://commonground.example.org/courses/common-ground';
const docQuery = { activityId: COURSE_IRI, agent: JSON.stringify({ account: { homePage: 'https://lms.example.nhs.uk', name: 'u-1001' } }), registration: REGISTRATION, stateId: RESUME_STATE_ID };

const check = course.sections.flatMap((s) => s.screens).find((s) => s.type === 'knowledge-check');
if (check?.type !== 'knowledge-check') throw new Error('no knowledge check');
const question = check.questions[0]!;

describe('xAPI (TinCan launch) session against a fake LRS', () => {
  it('reads the TinCan launch, turning the old actor shape into an Agent', () => {
    const launch = readTinCanLaunch(tincanSearch(new FakeLrs()));
    expect(launch).toEqual({
      endpoint: 'https://lrs.example.nhs.uk/xapi/',
      auth: 'Basic bGVhcm5lcjpzZWNyZXQ=',
      actor: { objectType: 'Agent', name: 'Ada Okafor', account: { homePage: 'https://lms.example.nhs.uk', name: 'u-1001' } },
      registration: REGISTRATION,
      activityId: COURSE_IRI,
    });
    expect(readTinCanLaunch('?endpoint=https://x/&actor={"name":"no id"}')).toBeNull();
  });

  it('reports a whole session, saves and resumes through the State API', async () => {
    const lrs = new FakeLrs();
    const storage = new MemoryStorage();
    const run = await launchXapi(lrs, 'xapi', { storage });
    expect(run.session).toMatchObject({ learner: { id: 'u-1001', name: 'Ada Okafor' }, resumeState: null, mode: 'normal' });
    run.tracker.recordProgress('the-film', 0.5);
    run.tracker.recordVideo({ verb: 'played', time: 0, progress: 0, playedSegments: '' });
    run.tracker.recordVideo({ verb: 'paused', time: 42.5, progress: 0.354, playedSegments: '0[.]42.5' });
    run.tracker.recordVideo({ verb: 'seeked', time: 80, from: 42.5, progress: 0.354, playedSegments: '0[.]42.5' });
    run.tracker.recordVideo({ verb: 'completed', time: 120, progress: 0.95, playedSegments: '0[.]42.5[,]80[.]120' });
    run.tracker.recordAnswer({
      id: `${check.id}.${question.id}`,
      type: 'choice',
      description: question.prompt,
      response: [question.options[0]!.id],
      correct: question.options.filter((o) => o.correct).map((o) => o.id),
      result: question.options[0]!.correct ? 'correct' : 'incorrect',
      latencyMs: 4200,
      choices: optionChoices(question.options),
    });
    await run.tracker.saveState(finalState, 'certificate');
    run.tracker.setOutcome({ completed: true, passed: true, scaled: 0.83, progress: 1 });
    await run.clock.advance(1000);
    expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
    await run.tracker.exit('suspend');
    await run.clock.advance(0);

    expect(verbsOf(lrs)).toEqual(['initialized', 'progressed', 'played', 'paused', 'seeked', 'completed', 'answered', 'completed', 'passed', 'suspended', 'terminated']);
    for (const statement of lrs.stored) {
      expect(invalid(statement)).toBeNull();
      expect(statement.actor).toEqual({ objectType: 'Agent', name: 'Ada Okafor', account: { homePage: 'https://lms.example.nhs.uk', name: 'u-1001' } });
      expect(statement.context?.registration).toBe(REGISTRATION);
    }
    const [, , , paused, seeked, videoDone, answered, , passed, , terminated] = lrs.stored;
    expect(paused?.result?.extensions).toEqual({ 'https://w3id.org/xapi/video/extensions/time': 42.5, 'https://w3id.org/xapi/video/extensions/progress': 0.354, 'https://w3id.org/xapi/video/extensions/played-segments': '0[.]42.5' });
    expect(seeked?.result?.extensions).toEqual({ 'https://w3id.org/xapi/video/extensions/time-from': 42.5, 'https://w3id.org/xapi/video/extensions/time-to': 80 });
    expect(videoDone?.object).toMatchObject({ id: `${COURSE_IRI}/film/${course.film.id}`, definition: { type: 'https://w3id.org/xapi/video/activity-type/video' } });
    expect(videoDone?.context?.contextActivities?.category).toEqual([{ id: 'https://w3id.org/xapi/video' }]);
    expect(videoDone?.context?.extensions?.['https://w3id.org/xapi/video/extensions/session-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(answered?.object).toMatchObject({
      id: `${COURSE_IRI}/interactions/${encodeURIComponent(`${check.id}.${question.id}`)}`,
      definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice', choices: question.options.map((o) => ({ id: o.id, description: { 'en-GB': o.text } })) },
    });
    expect(answered?.result).toMatchObject({ response: question.options[0]!.id, duration: 'PT4.2S' });
    expect(answered?.context?.contextActivities?.parent).toEqual([{ objectType: 'Activity', id: COURSE_IRI }]);
    expect(passed?.result).toMatchObject({ success: true, score: { scaled: 0.83, raw: 83, min: 0, max: 100 } });
    expect(terminated?.result?.duration).toMatch(/^PT/);
    expect(lrs.getDocument('activities/state', docQuery)).toEqual({ state: finalState, location: 'certificate', sent: { completed: true, passed: true } });
    expect(storage.entries()).toEqual([]);

    const second = await launchXapi(lrs, 'xapi', { storage });
    expect(second.session.resumeState).toBe(finalState);
    second.tracker.setOutcome({ completed: true, passed: true, scaled: 0.83, progress: 1 });
    await second.tracker.exit('finish');
    await second.clock.advance(0);
    // Completion and the pass are not reported twice in one registration.
    expect(verbsOf(lrs).slice(11)).toEqual(['initialized', 'resumed', 'terminated']);
  });

  it('keeps reflection text out of every request except the resume document', async () => {
    const lrs = new FakeLrs();
    const run = await launchXapi(lrs, 'xapi');
    for (const [id, text] of Object.entries(fullRun.reflections)) run.tracker.recordReflection(id, 'Reflect', text);
    run.tracker.recordAnswer({ id: 'reflection.x', type: 'long-fill-in', description: 'Reflect', response: [Object.values(fullRun.reflections)[0]!], result: 'neutral', latencyMs: 1, choices: [] });
    await run.tracker.saveState(finalState, 'certificate');
    await run.tracker.exit('finish');
    await run.clock.advance(0);
    const fragments = Object.values(fullRun.reflections).map((t) => t.slice(0, 40));
    for (const request of lrs.requests) for (const fragment of fragments) expect(request.body + request.url.href).not.toContain(fragment);
    expect(lrs.stored.some((s) => (s.object as { id: string }).id.includes('reflection'))).toBe(false);
    const document = lrs.getDocument('activities/state', docQuery) as { state: string };
    const decoded = decodeState(document.state, course);
    expect(decoded.ok && decoded.state.reflections).toEqual(fullRun.reflections);
  });

  it('sends shared reflections as result.response when the variant opts in', async () => {
    const lrs = new FakeLrs();
    const run = await launchXapi(lrs, 'xapi', { reflections: 'shared' });
    const [id, text] = Object.entries(fullRun.reflections)[0]!;
    run.tracker.recordReflection(id, 'What went well?', text);
    await run.tracker.flush();
    const statement = lrs.stored.find((s) => s.verb.id.endsWith('answered'));
    expect(statement?.result?.response).toBe(text);
    expect(statement?.object).toMatchObject({ definition: { interactionType: 'long-fill-in' } });
  });

  it('queues everything while the LRS is down, tells the learner, and delivers each statement once when it is back', async () => {
    const lrs = new FakeLrs();
    const storage = new MemoryStorage();
    const run = await launchXapi(lrs, 'xapi', { storage });
    lrs.failure = 'down';
    run.tracker.recordProgress('the-film', 1);
    await run.tracker.saveState(finalState, 'certificate');
    await run.clock.advance(1000);
    expect(run.statuses.at(-1)).toMatchObject({ state: 'retrying', keptLocally: true });
    await run.clock.advance(30_000);
    expect(run.statuses.at(-1)).toMatchObject({ state: 'failed', problem: { kind: 'unreachable' } });
    expect(storage.entries().map(([key]) => key.split(':')[1])).toEqual(expect.arrayContaining(['xapi-queue', 'unconfirmed']));
    const sentIds = new Set(lrs.requests.filter((r) => r.method === 'POST').flatMap((r) => (JSON.parse(r.body) as { id: string }[]).map((s) => s.id)));
    lrs.failure = null;
    await run.clock.advance(60_000);
    expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
    expect(verbsOf(lrs)).toEqual(['initialized', 'progressed']);
    for (const id of lrs.statements.keys()) expect(sentIds.has(id)).toBe(true);
    expect(storage.entries()).toEqual([]);
  });

  it('treats 409 for a statement it already holds as delivered', async () => {
    const lrs = new FakeLrs();
    const storage = new MemoryStorage();
    const run = await launchXapi(lrs, 'xapi', { storage });
    run.tracker.recordProgress('the-film', 1);
    const queued = JSON.parse(storage.entries().find(([key]) => key.includes('xapi-queue'))?.[1] ?? '[]') as { id: string }[];
    // The LRS stored it, but the answer was lost on the way back: the course resends it with the same id.
    await lrs.fetch(`${lrs.endpoint}statements`, { method: 'POST', headers: { 'X-Experience-API-Version': '1.0.3' }, body: JSON.stringify(queued) });
    await run.tracker.flush();
    expect(lrs.requests.some((r) => r.method === 'PUT' && r.url.searchParams.get('statementId') === queued[0]?.id)).toBe(true);
    expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
    expect(storage.entries()).toEqual([]);
    expect(verbsOf(lrs)).toEqual(['initialized', 'progressed']);
  });

  it('resends, with the same ids, what a tab killed without unload had not sent', async () => {
    const lrs = new FakeLrs();
    const storage = new MemoryStorage();
    const run = await launchXapi(lrs, 'xapi', { storage });
    lrs.failure = 503;
    run.tracker.recordProgress('the-film', 1);
    await run.tracker.saveState(finalState, 'certificate');
    await run.clock.advance(1000);
    const unsent = JSON.parse(storage.entries().find(([key]) => key.includes('xapi-queue'))?.[1] ?? '[]') as { id: string }[];
    expect(unsent.length).toBe(1);
    // The tab dies; the LRS recovers; the learner opens the course again on the same PC.
    lrs.failure = null;
    const next = await launchXapi(lrs, 'xapi', { storage });
    expect(next.session.resumeState).toBe(finalState);
    await next.clock.advance(1000);
    expect(lrs.statements.has(unsent[0]!.id)).toBe(true);
    expect(verbsOf(lrs)).toEqual(['initialized', 'progressed', 'initialized', 'resumed']);
    expect((lrs.getDocument('activities/state', docQuery) as { state: string }).state).toBe(finalState);
  });

  it('sends the last statements and the state with fetch keepalive when the learner leaves', async () => {
    const lrs = new FakeLrs();
    const run = await launchXapi(lrs, 'xapi');
    await run.tracker.saveState(finalState, 'certificate');
    run.page.pageHide();
    await run.tracker.exit('suspend');
    await run.clock.advance(0);
    const finalRequests = lrs.requests.filter((r) => r.keepalive);
    expect(finalRequests.some((r) => r.method === 'PUT' && r.url.pathname.endsWith('activities/state'))).toBe(true);
    expect(finalRequests.some((r) => r.method === 'POST' && r.body.includes('terminated'))).toBe(true);
    expect(verbsOf(lrs).slice(-2)).toEqual(['suspended', 'terminated']);
  });

  it('shares the page’s keepalive allowance between the two page-close sends, and sends nothing twice', async () => {
    const lrs = new FakeLrs();
    // The document stays in flight while the player's own page-close save follows the session's.
    lrs.documentDelayMs = 20;
    const run = await launchXapi(lrs, 'xapi');
    await run.clock.advance(1000);
    const large = 'x'.repeat(50_000);
    await run.tracker.saveState(large, 'certificate');
    run.page.pageHide();
    await run.tracker.saveState(large, 'certificate', 'leave');
    const exited = run.tracker.exit('suspend');
    const final = lrs.requests.filter((r) => r.keepalive);
    // Each statement goes in one keepalive request at most, and the document once.
    const ids = final.flatMap((r) => (r.url.pathname.endsWith('statements') ? (JSON.parse(r.body) as { id: string }[]).map((s) => s.id) : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(final.filter((r) => r.url.pathname.endsWith('activities/state')).length).toBe(1);
    // At no moment do the keepalive bodies in flight pass the browser's 64 KiB.
    const bytes = (r: RecordedRequest) => new TextEncoder().encode(r.body).length;
    const inFlightAt = (tick: number) => final.filter((r) => r.sentAt <= tick && (r.answeredAt === -1 || r.answeredAt > tick)).reduce((sum, r) => sum + bytes(r), 0);
    expect(Math.max(...final.map((r) => inFlightAt(r.sentAt)))).toBeLessThanOrEqual(64 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await run.clock.advance(5000);
    await exited;
    // What did not fit goes plainly or stays queued for the next launch: the LRS has the document and "terminated".
    expect((lrs.getDocument('activities/state', docQuery) as { state: string }).state).toBe(large);
    expect(verbsOf(lrs).slice(-1)).toEqual(['terminated']);
  });
});
