import { describe, expect, it } from 'vitest';
import { allScreenIds, completionBlockers, computeOutcome, unfinishedSections } from '../../../../course/player/logic/outcome.ts';
import { emptyLearnerState, type LearnerState } from '../../../../course/runtime/state/learner-state.ts';
import type { KnowledgeCheckScreen } from '../../../../course/model/types.ts';
import { fixtureCourse } from '../fixture-course.ts';

function stateWith(completed: string[], answers: Record<string, string[]> = {}, checkAttempt = 1): LearnerState {
  const attempts = Object.fromEntries(Object.keys(answers).map((id) => [id, 1]));
  return { ...emptyLearnerState('welcome'), completedScreens: completed, answers, attempts, checkAttempts: checkAttempt > 1 ? { check: checkAttempt } : {} };
}

const course = fixtureCourse();
const everything = allScreenIds(course);

describe('computeOutcome', () => {
  it('starts at nothing done and no score', () => {
    expect(computeOutcome(course, stateWith([]))).toEqual({ completed: false, passed: null, scaled: null, progress: 0 });
  });

  it('measures progress as the share of screens done', () => {
    expect(everything).toHaveLength(9);
    expect(computeOutcome(course, stateWith(['welcome', 'film-screen'])).progress).toBeCloseTo(2 / 9);
  });

  it('ignores completed ids the course does not have', () => {
    expect(computeOutcome(course, stateWith(['welcome', 'removed-screen'])).progress).toBeCloseTo(1 / 9);
  });

  it('completes under all-sections once every screen is done, even with a failed check', () => {
    const outcome = computeOutcome(course, stateWith(everything, { q1: ['b'], q2: ['c'] }, 2));
    expect(outcome).toEqual({ completed: true, passed: false, scaled: 0, progress: 1 });
  });

  it('reports passed: false only once the learner has failed for good (the Outcome contract)', () => {
    // Below the pass mark with an attempt left: not decided.
    expect(computeOutcome(course, stateWith(everything, { q1: ['b'], q2: ['c'] }, 1)).passed).toBeNull();
    // Below the pass mark on the last attempt: failed.
    expect(computeOutcome(course, stateWith(everything, { q1: ['b'], q2: ['c'] }, 2)).passed).toBe(false);
  });

  it('needs a pass as well under all-sections-and-pass', () => {
    const strict = fixtureCourse({ rule: 'all-sections-and-pass' });
    expect(computeOutcome(strict, stateWith(everything, { q1: ['b'], q2: ['c'] })).completed).toBe(false);
    expect(computeOutcome(strict, stateWith(everything, { q1: ['a'], q2: ['a', 'b'] }))).toEqual({ completed: true, passed: true, scaled: 1, progress: 1 });
  });

  it('does not hold back a course without scored questions under all-sections-and-pass', () => {
    const strict = fixtureCourse({ rule: 'all-sections-and-pass' });
    (strict.sections[2]?.screens[1] as KnowledgeCheckScreen).questions = [];
    expect(computeOutcome(strict, stateWith(everything))).toEqual({ completed: true, passed: null, scaled: null, progress: 1 });
  });
});

describe('unfinishedSections', () => {
  it('lists sections with any screen not done, in order', () => {
    const state = stateWith(['welcome', 'confidence-before', 'film-screen', 'reflection']);
    expect(unfinishedSections(course, state).map((s) => s.id)).toEqual(['practice', 'reflect', 'finish']);
  });
});

describe('completionBlockers', () => {
  it('names a failed check under the pass rule, which no unfinished section would show', () => {
    const strict = fixtureCourse({ rule: 'all-sections-and-pass' });
    const failed = stateWith(allScreenIds(strict), { q1: ['b'], q2: ['c'] });
    expect(completionBlockers(strict, failed)).toEqual({ sections: [], passNeeded: true, failedForGood: false });
    const failedForGood = stateWith(allScreenIds(strict), { q1: ['b'], q2: ['c'] }, 2);
    expect(completionBlockers(strict, failedForGood)).toEqual({ sections: [], passNeeded: false, failedForGood: true });
    expect(completionBlockers(strict, stateWith(allScreenIds(strict), { q1: ['a'], q2: ['a', 'b'] })).passNeeded).toBe(false);
  });

  it('does not ask for a pass under all-sections, nor before the check is answered', () => {
    expect(completionBlockers(course, stateWith(everything, { q1: ['b'], q2: ['c'] })).passNeeded).toBe(false);
    const strict = fixtureCourse({ rule: 'all-sections-and-pass' });
    expect(completionBlockers(strict, stateWith(['welcome'])).passNeeded).toBe(false);
  });
});
