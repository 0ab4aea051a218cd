import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../../../course/runtime/state/codec.ts';
import { open } from '../../../../course/runtime/adapters/scorm2004.ts';
import { fakeWindow, MemoryStorage } from '../helpers/fake-window.ts';
import { lmsServerPerTest, relaunchSeed, scorm12Lms, type LmsServer } from '../helpers/scorm-lms.ts';
import { launchScorm, setValues, unconfirmedCopies } from '../helpers/scorm-launch.ts';
import { loadCourse, runtimeConfig, typicalRun } from '../helpers/course-fixtures.ts';
import { optionChoices } from '../../../../course/runtime/answer-choices.ts';

const course = loadCourse();
const triage = course.sections.flatMap((s) => s.screens).flatMap((s) => (s.type === 'scenario' ? s.steps : [])).find((step) => step.id === 'triage');
const triageChoices = optionChoices(triage?.choices ?? []);
const fullRun = typicalRun(course);
const finalState = encodeState(fullRun, course);

let server: LmsServer;
lmsServerPerTest((installed) => (server = installed));

describe('SCORM 2004 adapter against scorm-again', () => {
  it('finds only API_1484_11, so a 2004 package never talks to a 1.2 API', async () => {
    const onlyOld = fakeWindow({ props: { API: scorm12Lms().api } });
    expect(await open(runtimeConfig('scorm2004-4th'), fakeWindow({ parent: onlyOld.win }).win)).toBeNull();
  });

  for (const standard of ['scorm2004-3rd', 'scorm2004-4th'] as const) {
    it(`${standard}: reports completion and success separately, scores, and resumes`, async () => {
      const storage = new MemoryStorage();
      const first = await launchScorm({ standard, storage });
      expect(first.session.learner).toEqual({ id: 'u-1001', name: 'Ada Okafor' });
      // Every screen done, the check failed for good: not completed (the pass is part of the rule), and failed.
      first.tracker.setOutcome({ completed: false, passed: false, scaled: 0.5, progress: 1 });
      await first.tracker.saveState(finalState, 'check-your-knowledge');
      await first.tracker.exit('suspend');
      expect(server.record).toMatchObject({
        'cmi.completion_status': 'incomplete',
        'cmi.success_status': 'failed',
        'cmi.score.scaled': '0.5',
        'cmi.progress_measure': '1',
        'cmi.suspend_data': finalState,
        'cmi.location': 'check-your-knowledge',
        'cmi.exit': 'suspend',
      });
      expect(server.record?.['cmi.session_time']).toMatch(/^PT(\d+H)?(\d+M)?([\d.]+S)?$/);
      expect(setValues(first.lms)['adl.nav.request']).toBe('suspendAll');

      const second = await launchScorm({ standard, storage, seed: relaunchSeed(server.record, '2004') });
      expect(second.session.resumeState).toBe(finalState);
      second.tracker.setOutcome({ completed: true, passed: true, scaled: 0.9, progress: 1 });
      await second.tracker.exit('finish');
      expect(server.record).toMatchObject({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.9', 'cmi.progress_measure': '1', 'cmi.exit': 'normal' });
      expect(setValues(second.lms)['adl.nav.request']).toBe('exitAll');
      // 2004 Terminate persists everything: no Commit right before it (Cornerstone answers null during unload).
      const methods = second.lms.calls.map((c) => c.method);
      expect(methods[methods.length - 1]).toBe('Terminate');
      expect(methods.filter((m) => m === 'Commit').length).toBe(0);
      expect(unconfirmedCopies(storage)).toEqual([]);
    });
  }

  it('writes interactions with ids, ISO latency, descriptions in the course language and [,]-joined choices a strict LMS takes', async () => {
    const run = await launchScorm({ standard: 'scorm2004-4th' });
    run.tracker.recordAnswer({
      id: 'check-your-knowledge.kc-small-actions',
      type: 'choice',
      description: 'Which small actions help?',
      response: ['eye-contact', 'extra-minutes'],
      correct: ['eye-contact', 'extra-minutes', 'explain-wait'],
      result: 'incorrect',
      latencyMs: 65_432,
      choices: [],
    });
    await run.tracker.flush();
    expect(setValues(run.lms)).toMatchObject({
      'cmi.interactions.0.id': 'check-your-knowledge.kc-small-actions',
      'cmi.interactions.0.type': 'choice',
      // Moodle refuses hyphens in short identifiers (issue 12.1): option ids are written reversibly (identifiers-2004.ts).
      'cmi.interactions.0.learner_response': 'eye_contact[,]extra_minutes',
      'cmi.interactions.0.correct_responses.0.pattern': 'eye_contact[,]extra_minutes[,]explain_wait',
      'cmi.interactions.0.result': 'incorrect',
      'cmi.interactions.0.latency': 'PT1M5.43S',
      'cmi.interactions.0.description': '{lang=en-GB}Which small actions help?',
    });
    expect(setValues(run.lms)['cmi.interactions.0.timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\dZ$/);
    expect(run.lms.calls.filter((c) => c.result === 'false')).toEqual([]);
  });

  it('shares reflections as long-fill-in interactions only when the variant opts in', async () => {
    const [id, text] = Object.entries(fullRun.reflections)[0] as [string, string];
    const privateRun = await launchScorm({ standard: 'scorm2004-3rd' });
    privateRun.tracker.recordReflection(id, 'What went well?', text);
    await privateRun.tracker.exit('suspend');
    expect(privateRun.lms.calls.some((c) => c.args.some((a) => a.includes(text.slice(0, 30))))).toBe(false);

    const shared = await launchScorm({ standard: 'scorm2004-3rd', reflections: 'shared' });
    shared.tracker.recordReflection(id, 'What went well?', `${text}\nSecond line.`);
    await shared.tracker.exit('suspend');
    expect(setValues(shared.lms)).toMatchObject({
      'cmi.interactions.0.id': `reflection.${id}`,
      'cmi.interactions.0.type': 'long-fill-in',
      'cmi.interactions.0.learner_response': `{lang=en-GB}${text} Second line.`,
    });
    expect(shared.lms.calls.filter((c) => c.result === 'false')).toEqual([]);
  });

  it('reads cmi.entry first and, on a first launch, nothing the LMS has not set: a clean session has no error code (issue 12.4)', async () => {
    const run = await launchScorm({ standard: 'scorm2004-4th', seed: { 'cmi.entry': 'ab-initio' } });
    run.tracker.recordAnswer({ id: 'scenarios.ed-chest-pain.triage', type: 'choice', description: 'What do you do first?', response: ['assess-fully'], correct: ['assess-fully'], result: 'correct', latencyMs: 4000, choices: triageChoices });
    run.tracker.setOutcome({ completed: false, passed: null, scaled: null, progress: 0.3 });
    await run.tracker.saveState(finalState, 'ed-chest-pain');
    await run.tracker.exit('suspend');
    const gets = run.lms.calls.filter((c) => c.method === 'GetValue').map((c) => c.args[0]);
    expect(gets[0]).toBe('cmi.entry');
    expect(gets).not.toContain('cmi.suspend_data');
    expect(gets).not.toContain('cmi.location');
    expect(run.lms.calls.filter((c) => c.method === 'GetLastError' && c.result !== '0'), 'error codes the LMS logged').toEqual([]);

    const resumed = await launchScorm({ standard: 'scorm2004-4th', seed: relaunchSeed(server.record, '2004') });
    expect(resumed.session.resumeState).toBe(finalState);
    expect(resumed.lms.calls.filter((c) => c.method === 'GetLastError' && c.result !== '0')).toEqual([]);
  });

  it('holds 64,000 characters of suspend_data and refuses more without losing it', async () => {
    const storage = new MemoryStorage();
    const run = await launchScorm({ standard: 'scorm2004-4th', storage });
    const atLimit = `cg1~${'A'.repeat(63_996)}`;
    await run.tracker.saveState(atLimit, 'x');
    await run.tracker.flush();
    expect(server.record?.['cmi.suspend_data']).toBe(atLimit);
    await run.tracker.saveState(`${atLimit}A`, 'x');
    await run.tracker.flush();
    expect(server.record?.['cmi.suspend_data']).toBe(atLimit);
    expect(run.statuses.at(-1)).toMatchObject({ state: 'failed' });
    expect(unconfirmedCopies(storage)).toHaveLength(1);
  });

  it('keeps the attempt open and its data safe when Terminate fails', async () => {
    const storage = new MemoryStorage();
    const run = await launchScorm({ standard: 'scorm2004-4th', storage });
    await run.tracker.saveState(finalState, 'certificate');
    server.status = 500;
    run.lms.faults.refuseSet = (element) => element === 'cmi.exit';
    await run.tracker.exit('suspend');
    expect(run.statuses.at(-1)).toMatchObject({ state: 'failed', keptLocally: true });
    expect(JSON.parse(unconfirmedCopies(storage)[0]?.[1] ?? '{}').state).toBe(finalState);
    const decoded = decodeState(finalState, course);
    expect(decoded.ok).toBe(true);
  });
});
