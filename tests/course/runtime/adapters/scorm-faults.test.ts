// The tracking issue's SCORM faults, for both versions, each ending with the LMS holding the saved state and every
// answer exactly once, and nothing left in this browser: API absent, Initialize false, Commit false, the commit
// endpoint answering HTTP 500, corrupt suspend_data. (SetValue refused, the LMS gone and the tab killed without unload
// are in scorm-answers.test.ts; the suspend_data limits in scorm12.test.ts and scorm2004.test.ts.)
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../../../course/runtime/state/codec.ts';
import { connect } from '../../../../course/runtime/connect.ts';
import type { AnswerRecord } from '../../../../course/runtime/tracker.ts';
import { fakeWindow, MemoryStorage } from '../helpers/fake-window.ts';
import { lmsServerPerTest, type LmsServer } from '../helpers/scorm-lms.ts';
import { launchScorm, storedInteractions, unconfirmedCopies, unrecordedAnswers } from '../helpers/scorm-launch.ts';
import { loadCourse, runtimeConfig, typicalRun, typicalStateAt } from '../helpers/course-fixtures.ts';
import { scaleChoices } from '../../../../course/runtime/answer-choices.ts';

const course = loadCourse();
const fullRun = typicalRun(course);
const midState = typicalStateAt(course, 4);

const likert = course.confidence.items[0]!;
const rating: AnswerRecord = { id: `confidence-before.${likert.id}`, type: 'likert', description: likert.statement, response: ['3'], result: 'neutral', latencyMs: 2500, choices: scaleChoices(course.confidence.scaleLabels) };

const VERSIONS = [
  { standard: 'scorm12', suspendData: 'cmi.suspend_data', ratingId: rating.id.replace(/[^A-Za-z0-9_-]/g, '_') },
  { standard: 'scorm2004-4th', suspendData: 'cmi.suspend_data', ratingId: rating.id },
] as const;

let server: LmsServer;
lmsServerPerTest((installed) => (server = installed));

describe.each(VERSIONS)('SCORM faults, $standard (nothing is lost in any of them)', ({ standard, suspendData, ratingId }) => {
  const held = () => ({ state: server.record?.[suspendData], answers: storedInteractions(server.record).map((i) => i.id) });
  const leftInBrowser = (storage: MemoryStorage) => [...unconfirmedCopies(storage), ...unrecordedAnswers(storage)];

  it('API absent: runs standalone, says so, and keeps the state in this browser', async () => {
    const page = fakeWindow();
    const tracker = await connect(runtimeConfig(standard), page.win);
    const statuses: unknown[] = [];
    tracker.onStatus((s) => statuses.push(s));
    await tracker.start();
    expect(tracker.standard).toBe('standalone');
    expect(statuses).toEqual([{ state: 'standalone' }]);
    await tracker.saveState(midState, 'x');
    expect((await (await connect(runtimeConfig(standard), page.win)).start()).resumeState).toBe(midState);
  });

  it('Initialize false: keeps the state and the answers here, and delivers both once the LMS answers', async () => {
    const storage = new MemoryStorage();
    const run = await launchScorm({ standard, storage, faults: { failInitialize: 4 } });
    expect(run.statuses.at(-1)).toMatchObject({ state: 'failed' });
    run.tracker.recordAnswer(rating);
    await run.tracker.saveState(midState, 'ed-chest-pain');
    expect(unrecordedAnswers(storage)).toHaveLength(1);
    await run.clock.advance(10_000);
    expect(held()).toEqual({ state: midState, answers: [ratingId] });
    expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
    expect(leftInBrowser(storage)).toEqual([]);
  });

  it('Commit false: retries with backoff, tells the learner, then delivers the state and each answer once', async () => {
    const storage = new MemoryStorage();
    const run = await launchScorm({ standard, storage, faults: { failCommit: 3 } });
    run.tracker.recordAnswer(rating);
    await run.tracker.saveState(midState, 'ed-chest-pain');
    await run.clock.advance(1000);
    expect(run.statuses.at(-1)).toMatchObject({ state: 'retrying', keptLocally: true });
    expect(held()).toEqual({ state: undefined, answers: [] });
    await run.clock.advance(30_000);
    expect(held()).toEqual({ state: midState, answers: [ratingId] });
    expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
    expect(leftInBrowser(storage)).toEqual([]);
  });

  it('commit endpoint answering HTTP 500: the same, until the server stores it', async () => {
    const storage = new MemoryStorage();
    const run = await launchScorm({ standard, storage });
    server.status = 500;
    run.tracker.recordAnswer(rating);
    await run.tracker.saveState(midState, 'ed-chest-pain');
    await run.clock.advance(20_000);
    expect(run.statuses.at(-1)).toMatchObject({ state: 'failed', keptLocally: true });
    expect(leftInBrowser(storage)).toHaveLength(2);
    server.status = 200;
    await run.clock.advance(60_000);
    expect(held()).toEqual({ state: midState, answers: [ratingId] });
    expect(leftInBrowser(storage)).toEqual([]);
  });

  it('corrupt suspend_data: handed to the codec, which reports it and salvages what it can', async () => {
    const finalState = encodeState(fullRun, course);
    const damaged = finalState.slice(0, 100) + (finalState[100] === 'A' ? 'B' : 'A') + finalState.slice(101);
    const entry: Record<string, string> = standard === 'scorm12' ? { 'cmi.core.entry': 'resume' } : { 'cmi.entry': 'resume' };
    const run = await launchScorm({ standard, seed: { [suspendData]: damaged, ...entry } });
    expect(run.session.resumeState).toBe(damaged);
    const decoded = decodeState(damaged, course);
    expect(decoded).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(decoded.ok === false && decoded.salvaged?.reflections).toEqual(fullRun.reflections);
  });
});
