import { describe, expect, it } from 'vitest';
import { encodeState, decodeState } from '../../../../course/runtime/state/codec.ts';
import { open } from '../../../../course/runtime/adapters/scorm12.ts';
import { connect } from '../../../../course/runtime/connect.ts';
import type { AnswerRecord } from '../../../../course/runtime/tracker.ts';
import { fakeWindow, MemoryStorage } from '../helpers/fake-window.ts';
import { lmsServerPerTest, relaunchSeed, type LmsServer } from '../helpers/scorm-lms.ts';
import { launchScorm, setValues, unconfirmedCopies } from '../helpers/scorm-launch.ts';
import { loadCourse, runtimeConfig, typicalRun, typicalStateAt } from '../helpers/course-fixtures.ts';
import { optionChoices, scaleChoices } from '../../../../course/runtime/answer-choices.ts';

const course = loadCourse();
const fullRun = typicalRun(course);
const finalState = encodeState(fullRun, course);
const midState = typicalStateAt(course, 4);

const question = course.sections.flatMap((s) => s.screens).find((s) => s.type === 'knowledge-check');
if (question?.type !== 'knowledge-check') throw new Error('no knowledge check in the course');
const firstQuestion = question.questions[0]!;
const wrongOption = firstQuestion.options.find((o) => !o.correct)!;
const answer: AnswerRecord = {
  id: `${question.id}.${firstQuestion.id}`,
  type: 'choice',
  description: firstQuestion.prompt,
  response: [wrongOption.id],
  correct: firstQuestion.options.filter((o) => o.correct).map((o) => o.id),
  result: 'incorrect',
  latencyMs: 12_340,
  choices: optionChoices(firstQuestion.options),
};

let server: LmsServer;
lmsServerPerTest((installed) => (server = installed));

describe('SCORM 1.2 adapter against scorm-again', () => {
  it('starts, saves, scores, completes and resumes', async () => {
    const storage = new MemoryStorage();
    const first = await launchScorm({ storage });
    expect(first.session).toEqual({
      learner: { id: 'u-1001', name: 'Ada Okafor' },
      resumeState: null,
      mode: 'normal',
      storage: 'learning-system',
    });
    await first.tracker.saveState(midState, 'ed-chest-pain');
    await first.clock.advance(1000);
    expect(server.record).toMatchObject({ 'cmi.suspend_data': midState, 'cmi.core.lesson_location': 'ed-chest-pain', 'cmi.core.lesson_status': 'incomplete' });
    expect(first.statuses.at(-1)).toEqual({ state: 'connected' });

    first.tracker.setOutcome({ completed: true, passed: true, scaled: 0.875, progress: 1 });
    await first.tracker.saveState(finalState, 'certificate');
    await first.tracker.exit('suspend');
    expect(server.record).toMatchObject({
      'cmi.suspend_data': finalState,
      'cmi.core.lesson_status': 'passed',
      'cmi.core.score.raw': '87.5',
      'cmi.core.score.max': '100',
      'cmi.core.exit': 'suspend',
    });
    expect(server.record?.['cmi.core.session_time']).toMatch(/^\d{2,4}:\d{2}:\d{2}$/);
    expect(unconfirmedCopies(storage)).toEqual([]);

    const second = await launchScorm({ storage, seed: relaunchSeed(server.record, '1.2') });
    expect(second.session.resumeState).toBe(finalState);
    const decoded = decodeState(second.session.resumeState as string, course);
    expect(decoded.ok && decoded.state.reflections).toEqual(fullRun.reflections);
    // A finished course stays passed when a later session reports less.
    second.tracker.setOutcome({ completed: false, passed: null, scaled: null, progress: 0.5 });
    await second.tracker.exit('finish');
    expect(server.record?.['cmi.core.lesson_status']).toBe('passed');
    expect(server.record?.['cmi.core.exit']).toBe('');
  });

  it('records answers as interactions in the strict 1.2 formats, and sections as objectives', async () => {
    const run = await launchScorm();
    run.tracker.recordAnswer(answer);
    run.tracker.recordAnswer({ id: 'confidence-after.conf-check-physical', type: 'likert', description: 'I check physical health first', response: ['4'], result: 'neutral', latencyMs: 800, choices: scaleChoices(course.confidence.scaleLabels) });
    run.tracker.recordProgress('knowledge-check', 1);
    run.tracker.recordProgress('reflections', 0.5);
    run.tracker.recordProgress('knowledge-check', 1);
    await run.tracker.flush();
    const wrongIndex = firstQuestion.options.indexOf(wrongOption);
    const correct = firstQuestion.options.flatMap((o, i) => (o.correct ? ['abcdefghijklmnopqrstuvwxyz'[i]] : [])).join(',');
    expect(setValues(run.lms)).toMatchObject({
      'cmi.interactions.0.id': `${question.id}_${firstQuestion.id}`.replace(/[^A-Za-z0-9_-]/g, '_'),
      'cmi.interactions.0.type': 'choice',
      'cmi.interactions.0.student_response': 'abcdefghijklmnopqrstuvwxyz'[wrongIndex],
      'cmi.interactions.0.correct_responses.0.pattern': correct,
      'cmi.interactions.0.result': 'wrong',
      'cmi.interactions.0.latency': '00:00:12',
      'cmi.interactions.1.type': 'likert',
      'cmi.interactions.1.student_response': '4',
      'cmi.interactions.1.result': 'neutral',
      'cmi.objectives.0.id': 'knowledge-check',
      'cmi.objectives.0.status': 'completed',
      'cmi.objectives.1.id': 'reflections',
      'cmi.objectives.1.status': 'incomplete',
    });
    expect(run.lms.calls.filter((c) => c.method === 'LMSSetValue' && c.args[0] === 'cmi.objectives.2.id')).toEqual([]);
    expect(run.lms.calls.filter((c) => c.result === 'false' && c.method === 'LMSSetValue')).toEqual([]);
  });

  it('commits once per screen change, at once after a pause in typing, on hide, and ends on pagehide with LMSFinish alone (issue 12.9, 15.8)', async () => {
    const run = await launchScorm();
    const calls = (method: string) => run.lms.calls.filter((c) => c.method === method).length;
    await run.tracker.saveState(midState, 'ed-chest-pain');
    await run.tracker.saveState(midState, 'ed-chest-pain');
    await run.tracker.saveState(finalState, 'ed-chest-pain');
    await run.clock.advance(1000);
    expect(calls('LMSCommit')).toBe(1);
    await run.tracker.saveState(finalState, 'ed-chest-pain', 'work'); // same screen: travels with the next move
    await run.clock.advance(5000);
    expect(calls('LMSCommit')).toBe(1);
    await run.tracker.saveState(midState, 'ed-chest-pain', 'typing'); // a pause in typing: at once
    await run.clock.advance(0);
    expect(calls('LMSCommit')).toBe(2);
    run.page.hide(); // nothing waiting: no commit
    await run.clock.advance(0);
    expect(calls('LMSCommit')).toBe(2);
    await run.tracker.saveState(finalState, 'ed-chest-pain', 'work');
    run.page.hide(); // a tab switch with work waiting: committed a task later
    expect(calls('LMSCommit')).toBe(2);
    await run.clock.advance(0);
    expect(calls('LMSCommit')).toBe(3);
    // The page goes: hidden, then pagehide, in one turn; the player ends the session. The browser refuses synchronous
    // requests now, so there is no interim commit: LMSFinish stores everything.
    await run.tracker.saveState(midState, 'late-clinic');
    run.page.hide();
    run.page.pageHide();
    await run.tracker.exit('suspend');
    await run.clock.advance(0);
    expect(calls('LMSCommit')).toBe(3);
    expect(calls('LMSFinish')).toBe(1);
    expect(server.record?.['cmi.suspend_data']).toBe(midState);
    expect(server.record?.['cmi.core.lesson_location']).toBe('late-clinic');
  });

  it('keeps reflection text out of every LMS call except suspend_data by default', async () => {
    const run = await launchScorm();
    for (const [id, text] of Object.entries(fullRun.reflections)) run.tracker.recordReflection(id, 'Your reflection', text);
    run.tracker.recordAnswer({ id: 'reflection.x', type: 'long-fill-in', description: 'Reflect', response: [Object.values(fullRun.reflections)[0] as string], result: 'neutral', latencyMs: 1, choices: [] });
    run.tracker.recordAnswer(answer);
    await run.tracker.saveState(finalState, 'certificate');
    run.tracker.setOutcome({ completed: true, passed: true, scaled: 1, progress: 1 });
    await run.tracker.exit('finish');
    const fragments = Object.values(fullRun.reflections).flatMap((text) => [text.slice(0, 40), text.slice(-40)]);
    const outside = run.lms.calls.filter((c) => c.args[0] !== 'cmi.suspend_data').flatMap((c) => [...c.args, c.result]);
    const stored = server.received.flatMap((r) => Object.entries(r.body).filter(([k]) => k !== 'cmi.suspend_data').map(([, v]) => String(v)));
    for (const fragment of fragments) {
      for (const value of [...outside, ...stored]) expect(value).not.toContain(fragment);
    }
    // …and the text is in the learner's own resume state.
    const decoded = decodeState(server.record?.['cmi.suspend_data'] ?? '', course);
    expect(decoded.ok && decoded.state.reflections).toEqual(fullRun.reflections);
    expect(setValues(run.lms)['cmi.interactions.0.type']).toBe('choice');
  });

  it('shares reflections through cmi.comments when the variant opts in', async () => {
    const run = await launchScorm({ reflections: 'shared' });
    const [id, text] = Object.entries(fullRun.reflections)[0] as [string, string];
    run.tracker.recordReflection(id, 'What went well?', text);
    await run.tracker.exit('suspend');
    expect(server.record?.['cmi.comments']).toBe(`What went well?\n${text}`);
  });

  describe('fault cases (nothing is lost in any of them)', () => {
    it('goes standalone, and says so, when there is no LMS API', async () => {
      const page = fakeWindow();
      expect(await open(runtimeConfig('scorm12'), page.win)).toBeNull();
      const tracker = await connect(runtimeConfig('scorm12'), page.win);
      const statuses: unknown[] = [];
      tracker.onStatus((s) => statuses.push(s));
      const session = await tracker.start();
      expect(tracker.standard).toBe('standalone');
      expect(session.storage).toBe('this-browser');
      expect(statuses).toEqual([{ state: 'standalone' }]);
      await tracker.saveState(midState, 'x');
      const again = await (await connect(runtimeConfig('scorm12'), page.win)).start();
      expect(again.resumeState).toBe(midState);
    });

    it('survives Initialize answering false a few times', async () => {
      const run = await launchScorm({ faults: { failInitialize: 2 } });
      expect(run.statuses).toEqual([{ state: 'connected' }]);
      await run.tracker.saveState(midState, 'ed-chest-pain');
      await run.tracker.exit('suspend');
      expect(server.record?.['cmi.suspend_data']).toBe(midState);
    });

    it('keeps the work in this browser while Initialize fails, and delivers it once the LMS answers', async () => {
      const storage = new MemoryStorage();
      const run = await launchScorm({ storage, faults: { failInitialize: 4 } });
      expect(run.session.learner).toEqual({ id: null, name: null });
      expect(run.statuses.at(-1)).toMatchObject({ state: 'failed', problem: { kind: 'not-started', detail: expect.stringMatching(/error \d+/) }, keptLocally: true });
      await run.tracker.saveState(midState, 'ed-chest-pain');
      expect(unconfirmedCopies(storage)).toHaveLength(1);
      await run.clock.advance(5000);
      expect(server.record?.['cmi.suspend_data']).toBe(midState);
      expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
      expect(unconfirmedCopies(storage)).toEqual([]);
    });

    it('never sends a late session over progress it could not read', async () => {
      const storage = new MemoryStorage();
      const run = await launchScorm({ storage, seed: { 'cmi.suspend_data': finalState }, faults: { failInitialize: 4 } });
      expect(run.session.resumeState).toBeNull();
      await run.tracker.saveState(midState, 'welcome');
      await run.clock.advance(60_000);
      await run.tracker.exit('suspend');
      expect(setValues(run.lms)['cmi.suspend_data']).toBeUndefined();
      expect(run.statuses.at(-1)).toMatchObject({ state: 'failed', problem: { kind: 'other-session' } });
      expect(unconfirmedCopies(storage)).toHaveLength(1);
    });

    it('retries a refused SetValue and says so until the LMS takes it', async () => {
      const storage = new MemoryStorage();
      let refusals = 3;
      const run = await launchScorm({ storage, faults: { refuseSet: (element) => element === 'cmi.suspend_data' && refusals-- > 0 } });
      await run.tracker.saveState(midState, 'ed-chest-pain');
      await run.clock.advance(1000);
      expect(run.statuses.at(-1)).toMatchObject({ state: 'retrying' });
      expect(unconfirmedCopies(storage)).toHaveLength(1);
      await run.clock.advance(10_000);
      expect(server.record?.['cmi.suspend_data']).toBe(midState);
      expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
      expect(unconfirmedCopies(storage)).toEqual([]);
    });

    it('retries with backoff while the commit endpoint answers 500, then delivers', async () => {
      const storage = new MemoryStorage();
      const run = await launchScorm({ storage });
      server.status = 500;
      await run.tracker.saveState(midState, 'ed-chest-pain');
      await run.clock.advance(1000);
      expect(run.statuses.at(-1)).toMatchObject({ state: 'retrying', keptLocally: true });
      await run.clock.advance(20_000);
      expect(run.statuses.at(-1)).toMatchObject({ state: 'failed', problem: { kind: 'refused', detail: expect.stringContaining('error 101') } });
      const attempts = server.received.length;
      expect(attempts).toBeGreaterThanOrEqual(4);
      expect(unconfirmedCopies(storage)).toHaveLength(1);
      server.status = 200;
      await run.clock.advance(60_000);
      expect(server.record?.['cmi.suspend_data']).toBe(midState);
      expect(run.statuses.at(-1)).toEqual({ state: 'connected' });
      expect(unconfirmedCopies(storage)).toEqual([]);
    });

    it('recovers the work of a tab killed before its commit', async () => {
      const storage = new MemoryStorage();
      const run = await launchScorm({ storage });
      await run.tracker.saveState(midState, 'ed-chest-pain');
      await run.clock.advance(1000);
      await run.tracker.saveState(finalState, 'certificate');
      // The tab dies here: no commit, no pagehide, no exit.
      const next = await launchScorm({ storage, seed: relaunchSeed(server.record, '1.2') });
      expect(next.session.resumeState).toBe(finalState);
      await next.clock.advance(0);
      expect(server.record?.['cmi.suspend_data']).toBe(finalState);
    });

    it('drops a copy left on this PC when the learner carried on elsewhere', async () => {
      const storage = new MemoryStorage();
      const run = await launchScorm({ storage });
      await run.tracker.saveState(midState, 'ed-chest-pain');
      await run.clock.advance(1000);
      await run.tracker.saveState(encodeState({ ...fullRun, reflections: {} }, course), 'x'); // never committed
      const elsewhere = { ...relaunchSeed(server.record, '1.2'), 'cmi.suspend_data': finalState };
      const next = await launchScorm({ storage, seed: elsewhere });
      expect(next.session.resumeState).toBe(finalState);
      expect(unconfirmedCopies(storage)).toEqual([]);
    });

    it('hands a corrupt suspend_data to the codec, which salvages it', async () => {
      const damaged = finalState.slice(0, 100) + (finalState[100] === 'A' ? 'B' : 'A') + finalState.slice(101);
      const run = await launchScorm({ seed: { 'cmi.suspend_data': damaged, 'cmi.core.entry': 'resume' } });
      expect(run.session.resumeState).toBe(damaged);
      const decoded = decodeState(run.session.resumeState as string, course);
      expect(decoded).toMatchObject({ ok: false, reason: 'corrupt' });
      expect(decoded.ok === false && decoded.salvaged?.reflections).toEqual(fullRun.reflections);
    });

    it('takes suspend_data of exactly 4,096 characters and refuses 4,097 without losing it', async () => {
      const storage = new MemoryStorage();
      const run = await launchScorm({ storage });
      const atLimit = `cg1~${'A'.repeat(4092)}`;
      expect(atLimit).toHaveLength(4096);
      await run.tracker.saveState(atLimit, 'x');
      await run.clock.advance(1000);
      expect(server.record?.['cmi.suspend_data']).toBe(atLimit);
      const over = `${atLimit}B`;
      await run.tracker.saveState(over, 'x');
      await run.clock.advance(60_000);
      expect(server.record?.['cmi.suspend_data']).toBe(atLimit);
      expect(run.statuses.at(-1)).toMatchObject({ state: 'failed', problem: { kind: 'too-large', length: 4097 } });
      expect(JSON.parse(unconfirmedCopies(storage)[0]?.[1] ?? '{}').state).toBe(over);
    });
  });
});
