// What each standard reports of the Outcome, and when (issue 12.5, 12.6): "passed" only once the course's completion
// rule is met (the safe default: an LMS counting "completed or passed" gives no tick early), and a learner failed for
// good (every attempt used, below the pass mark) reported as failed once they have finished, in every standard.
import { describe, expect, it } from 'vitest';
import { reportedOutcome } from '../../../course/runtime/reported-outcome.ts';
import { LMS_PROFILES } from '../../../course/runtime/lms-profiles.ts';
import { scorm12Model } from '../../../course/runtime/scorm/data-model-12.ts';
import { scorm2004Model } from '../../../course/runtime/scorm/data-model-2004.ts';
import type { Outcome } from '../../../course/runtime/tracker.ts';
import { lmsServerPerTest, type LmsServer } from './helpers/scorm-lms.ts';
import { launchScorm } from './helpers/scorm-launch.ts';
import { FakeLrs } from './helpers/fake-lrs.ts';
import { launchXapi, seedLaunchData, verbsOf } from './helpers/xapi-launch.ts';

/** The check passed, the film still to watch. */
const passedEarly: Outcome = { completed: false, passed: true, scaled: 0.9, progress: 0.8 };
/** The check failed for good, other screens still to do. */
const failedEarly: Outcome = { completed: false, passed: false, scaled: 0.4, progress: 0.8 };
/** The check failed for good and every screen done: the learner has finished, and failed. */
const failedFinished: Outcome = { completed: false, passed: false, scaled: 0.4, progress: 1 };
const passedFinished: Outcome = { completed: true, passed: true, scaled: 0.9, progress: 1 };
const before = { learnerId: null, learnerName: null, suspendData: null, location: null, mode: 'normal' as const, completedBefore: false, passedBefore: false, notStarted: false };
const values = (writes: { element: string; value: string }[]) => Object.fromEntries(writes.map((w) => [w.element, w.value]));

describe('reportedOutcome', () => {
  it('with-completion (the default): passed once completed, failed once finished, the score with either', () => {
    expect(reportedOutcome(passedEarly, 'with-completion')).toEqual({ completed: false, success: null, scaled: null, progress: 0.8 });
    expect(reportedOutcome(failedEarly, 'with-completion')).toEqual({ completed: false, success: null, scaled: null, progress: 0.8 });
    expect(reportedOutcome(failedFinished, 'with-completion')).toEqual({ completed: false, success: 'failed', scaled: 0.4, progress: 1 });
    expect(reportedOutcome(passedFinished, 'with-completion')).toEqual({ completed: true, success: 'passed', scaled: 0.9, progress: 1 });
    // Completion by the rule "all sections", with the check failed.
    expect(reportedOutcome({ completed: true, passed: false, scaled: 0.4, progress: 1 }, 'with-completion').success).toBe('failed');
    expect(reportedOutcome({ completed: false, passed: null, scaled: 0.5, progress: 0.5 }, 'with-completion')).toMatchObject({ success: null, scaled: null });
  });

  it('when-judged: success and score as soon as they are decided', () => {
    expect(reportedOutcome(passedEarly, 'when-judged')).toMatchObject({ success: 'passed', scaled: 0.9 });
    expect(reportedOutcome(failedEarly, 'when-judged')).toMatchObject({ success: 'failed', scaled: 0.4 });
    const whenJudged = { ...LMS_PROFILES.standard, successReported: 'when-judged' as const };
    expect(values(scorm2004Model('scorm2004-4th').outcomeWrites(passedEarly, whenJudged, before))['cmi.success_status']).toBe('passed');
    expect(values(scorm12Model.outcomeWrites(passedEarly, whenJudged, before))['cmi.core.lesson_status']).toBe('passed');
  });
});

let server: LmsServer;
lmsServerPerTest((installed) => (server = installed));

describe('each standard, with the standard profile', () => {
  it('SCORM 1.2: incomplete with no score while only the check is passed; failed with the score once a failing learner finishes', async () => {
    const early = await launchScorm({ standard: 'scorm12' });
    early.tracker.setOutcome(passedEarly);
    await early.tracker.exit('suspend');
    expect(server.record?.['cmi.core.lesson_status']).toBe('incomplete');
    expect(server.record?.['cmi.core.score.raw'] ?? '').toBe('');

    const failing = await launchScorm({ standard: 'scorm12' });
    failing.tracker.setOutcome(failedEarly);
    failing.tracker.setOutcome(failedFinished);
    await failing.tracker.exit('suspend');
    expect(server.record).toMatchObject({ 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '40' });
  });

  it.each(['scorm2004-3rd', 'scorm2004-4th'] as const)('%s: success unknown until completed; failed once a failing learner finishes', async (standard) => {
    const early = await launchScorm({ standard });
    early.tracker.setOutcome(passedEarly);
    await early.tracker.exit('suspend');
    expect(server.record?.['cmi.success_status']).toBe('unknown');
    expect(server.record?.['cmi.completion_status']).toBe('incomplete');
    expect(server.record?.['cmi.score.scaled'] ?? '').toBe('');

    const failing = await launchScorm({ standard });
    failing.tracker.setOutcome(failedFinished);
    await failing.tracker.exit('suspend');
    expect(server.record).toMatchObject({ 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'failed', 'cmi.score.scaled': '0.4' });
  });

  it('xAPI: no "passed" before "completed"; "failed" once a failing learner finishes', async () => {
    const lrs = new FakeLrs();
    const run = await launchXapi(lrs, 'xapi');
    run.tracker.setOutcome(passedEarly);
    await run.tracker.flush();
    expect(verbsOf(lrs)).not.toContain('passed');
    run.tracker.setOutcome(passedFinished);
    await run.tracker.exit('finish');
    expect(verbsOf(lrs)).toEqual(['initialized', 'completed', 'passed', 'terminated']);

    const failingLrs = new FakeLrs();
    const failing = await launchXapi(failingLrs, 'xapi');
    failing.tracker.setOutcome(failedEarly);
    await failing.tracker.flush();
    expect(verbsOf(failingLrs)).toEqual(['initialized']);
    failing.tracker.setOutcome(failedFinished);
    await failing.tracker.exit('suspend');
    expect(verbsOf(failingLrs)).toEqual(['initialized', 'failed', 'suspended', 'terminated']);
    expect(failingLrs.stored[1]?.result).toMatchObject({ success: false, score: { scaled: 0.4 } });
  });

  it('cmi5: no "passed" before "completed" (so CompletedOrPassed cannot satisfy early); "failed" once a failing learner finishes', async () => {
    const lrs = new FakeLrs();
    seedLaunchData(lrs, { moveOn: 'CompletedOrPassed' });
    const run = await launchXapi(lrs, 'cmi5');
    run.tracker.setOutcome(passedEarly);
    await run.tracker.flush();
    expect(verbsOf(lrs)).toEqual(['initialized']);
    run.tracker.setOutcome(passedFinished);
    await run.tracker.exit('finish');
    expect(verbsOf(lrs)).toEqual(['initialized', 'completed', 'passed', 'terminated']);

    const failingLrs = new FakeLrs();
    seedLaunchData(failingLrs, { moveOn: 'Completed' });
    const failing = await launchXapi(failingLrs, 'cmi5');
    failing.tracker.setOutcome(failedEarly);
    await failing.tracker.flush();
    expect(verbsOf(failingLrs)).toEqual(['initialized']);
    failing.tracker.setOutcome(failedFinished);
    await failing.tracker.exit('suspend');
    expect(verbsOf(failingLrs)).toEqual(['initialized', 'failed', 'terminated']);
  });
});
