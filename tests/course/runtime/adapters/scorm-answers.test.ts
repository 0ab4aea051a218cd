// Every answer reaches cmi.interactions exactly once, whatever happens to the tab or the LMS: a tab killed before
// the commit, the LMS gone (SetValue refused) for a while or for the rest of the session, a commit that landed
// although the page never heard, and the learner carrying on on another PC. Against scorm-again, both versions.
import { describe, expect, it, vi } from 'vitest';
import type { AnswerRecord } from '../../../../course/runtime/tracker.ts';
import { MemoryStorage } from '../helpers/fake-window.ts';
import { lmsServerPerTest, relaunchSeed, type LmsServer } from '../helpers/scorm-lms.ts';
import { launchScorm, storedInteractions, unrecordedAnswers } from '../helpers/scorm-launch.ts';
import { loadCourse, typicalStateAt } from '../helpers/course-fixtures.ts';
import { optionChoices } from '../../../../course/runtime/answer-choices.ts';

const course = loadCourse();
const stateAt = (screens: number) => typicalStateAt(course, screens);

const check = course.sections.flatMap((s) => s.screens).find((s) => s.type === 'knowledge-check');
if (check?.type !== 'knowledge-check') throw new Error('no knowledge check in the course');

/** The knowledge check's questions as answers, the first wrong, the others right. */
const answers: AnswerRecord[] = check.questions.map((question, n) => {
  const right = question.options.filter((o) => o.correct).map((o) => o.id);
  const wrong = question.options.find((o) => !o.correct)!.id;
  return {
    id: `${check.id}.${question.id}`,
    type: 'choice',
    description: question.prompt,
    response: n === 0 ? [wrong] : right,
    correct: right,
    result: n === 0 ? 'incorrect' : 'correct',
    latencyMs: 4000 + n * 1000,
    choices: optionChoices(question.options),
  };
});
if (answers.length < 2) throw new Error('the knowledge check needs two questions for these tests');
const [first, second] = answers as [AnswerRecord, AnswerRecord];

const VERSIONS = [
  { standard: 'scorm12', version: '1.2', idOf: (a: AnswerRecord) => a.id.replace(/[^A-Za-z0-9_-]/g, '_'), when: 'time', latency: (ms: number) => `00:00:0${ms / 1000}` },
  { standard: 'scorm2004-4th', version: '2004', idOf: (a: AnswerRecord) => a.id, when: 'timestamp', latency: (ms: number) => `PT${ms / 1000}S` },
] as const;

/** An answer on the same screen is committed with the next move, or after this long on the screen (lms-profiles.ts). */
const SAME_SCREEN_MS = 30_000;

let server: LmsServer;
lmsServerPerTest((installed) => (server = installed));

describe.each(VERSIONS)('answers as interactions, $standard', ({ standard, version, idOf, when, latency }) => {
  const ids = () => storedInteractions(server.record).map((i) => i.id);

  it('keeps an answer in this browser until it is committed with the next move, or after a while on the screen', async () => {
    const storage = new MemoryStorage();
    const run = await launchScorm({ standard, storage });
    run.tracker.recordAnswer(first);
    expect(unrecordedAnswers(storage)).toHaveLength(1);
    await run.clock.advance(5000);
    expect(ids(), 'no commit of its own: the answers of a screen share the move').toEqual([]);
    await run.tracker.saveState(stateAt(3), 'next-screen');
    await run.clock.advance(500);
    expect(ids()).toEqual([idOf(first)]);
    expect(unrecordedAnswers(storage)).toEqual([]);

    run.tracker.recordAnswer(second);
    await run.clock.advance(SAME_SCREEN_MS);
    expect(ids()).toEqual([idOf(first), idOf(second)]);
  });

  it('records an answer given just before the tab died, once, with its original time, latency and result', async () => {
    const storage = new MemoryStorage();
    const run = await launchScorm({ standard, storage });
    await run.tracker.saveState(stateAt(3), 'knowledge');
    await run.clock.advance(1000);
    run.tracker.recordAnswer(first);
    await run.clock.advance(500);
    expect(storedInteractions(server.record)).toEqual([]);
    // The tab dies: no commit, no page hide, no exit. (The relaunch's clock starts again at 09:00:00.)
    const next = await launchScorm({ standard, storage, seed: relaunchSeed(server.record, version) });
    await next.clock.advance(0);
    const held = storedInteractions(server.record);
    expect(held.map((i) => i.id)).toEqual([idOf(first)]);
    expect(held[0]).toMatchObject({ result: version === '1.2' ? 'wrong' : 'incorrect', latency: latency(first.latencyMs) });
    // The time the answer was given, not the time of the relaunch.
    const given = new Date(Date.UTC(2025, 0, 6, 9, 0, 1));
    expect(held[0]?.[when]).toBe(version === '1.2' ? `${String(given.getHours()).padStart(2, '0')}:00:01` : '2025-01-06T09:00:01.0Z');
    expect(unrecordedAnswers(storage)).toEqual([]);

    // A third launch finds nothing left to record.
    const third = await launchScorm({ standard, storage, seed: relaunchSeed(server.record, version) });
    third.tracker.recordAnswer(second);
    await third.clock.advance(SAME_SCREEN_MS);
    expect(ids()).toEqual([idOf(first), idOf(second)]);
  });

  it('does not record twice an answer whose commit landed although the page never heard', async () => {
    const storage = new MemoryStorage();
    const run = await launchScorm({ standard, storage });
    run.tracker.recordAnswer(first);
    // The LMS stores the data model by itself (or a commit answered "false" went through), then the tab dies.
    const commit = (run.lms.api as Record<string, (arg: string) => string>)[version === '1.2' ? 'LMSCommit' : 'Commit']!;
    expect(commit('')).toBe('true');
    expect(ids()).toEqual([idOf(first)]);
    expect(unrecordedAnswers(storage)).toHaveLength(1);
    const next = await launchScorm({ standard, storage, seed: relaunchSeed(server.record, version) });
    next.tracker.recordAnswer(second);
    await next.clock.advance(SAME_SCREEN_MS);
    expect(ids()).toEqual([idOf(first), idOf(second)]);
    expect(unrecordedAnswers(storage)).toEqual([]);
  });

  it('appends, after the other PC’s, the answers left here when the learner carried on elsewhere', async () => {
    const storage = new MemoryStorage();
    const run = await launchScorm({ standard, storage });
    await run.tracker.saveState(stateAt(2), 'scenario');
    await run.clock.advance(1000);
    run.tracker.recordAnswer(first);
    // The tab dies; on another PC the learner answers the second question and moves on.
    const elsewhere = await launchScorm({ standard, seed: relaunchSeed(server.record, version) });
    elsewhere.tracker.recordAnswer(second);
    await elsewhere.tracker.saveState(stateAt(5), 'certificate');
    await elsewhere.tracker.exit('suspend');
    expect(ids()).toEqual([idOf(second)]);
    const back = await launchScorm({ standard, storage, seed: relaunchSeed(server.record, version) });
    expect(back.session.resumeState).toBe(stateAt(5));
    await back.clock.advance(0);
    expect(ids()).toEqual([idOf(second), idOf(first)]);
    expect(unrecordedAnswers(storage)).toEqual([]);
  });

  it('keeps answers the LMS refused while it was gone, and writes each once when it answers again', async () => {
    const storage = new MemoryStorage();
    const run = await launchScorm({ standard, storage });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    run.tracker.recordAnswer(first);
    await run.clock.advance(SAME_SCREEN_MS);
    run.lms.faults.gone = true;
    run.tracker.recordAnswer(second);
    run.tracker.recordAnswer(first);
    await run.tracker.saveState(stateAt(3), 'next-screen');
    await run.clock.advance(5000);
    expect(run.statuses.at(-1)).toMatchObject({ state: expect.stringMatching(/retrying|failed/), keptLocally: true });
    expect(unrecordedAnswers(storage)).toHaveLength(1);
    run.lms.faults.gone = false;
    await run.clock.advance(60_000);
    expect(ids()).toEqual([idOf(first), idOf(second), idOf(first)]);
    expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
    expect(unrecordedAnswers(storage)).toEqual([]);
  });

  it('records, on the next launch, the answers given while the LMS was gone for the rest of the session', async () => {
    const storage = new MemoryStorage();
    const run = await launchScorm({ standard, storage });
    await run.tracker.saveState(stateAt(2), 'scenario');
    await run.clock.advance(1000);
    run.lms.faults.gone = true;
    run.tracker.recordAnswer(first);
    run.tracker.recordAnswer(second);
    await run.tracker.saveState(stateAt(4), 'reflection');
    await run.clock.advance(10_000);
    await run.tracker.exit('suspend');
    expect(ids()).toEqual([]);
    const next = await launchScorm({ standard, storage, seed: relaunchSeed(server.record, version) });
    expect(next.session.resumeState).toBe(stateAt(4));
    await next.clock.advance(0);
    expect(ids()).toEqual([idOf(first), idOf(second)]);
    expect(server.record?.['cmi.suspend_data']).toBe(stateAt(4));
    expect(unrecordedAnswers(storage)).toEqual([]);
  });

  it('gives up on an answer the LMS refuses as a value (no retry can change that), and carries on', async () => {
    const storage = new MemoryStorage();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const run = await launchScorm({ standard, storage, faults: { refuseSet: (element, value) => element.endsWith('.id') && value === idOf(first) } });
    run.tracker.recordAnswer(first);
    run.tracker.recordAnswer(second);
    await run.clock.advance(SAME_SCREEN_MS);
    expect(ids()).toEqual([idOf(second)]);
    expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
    expect(unrecordedAnswers(storage)).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be recorded as interactions'));
  });
});
