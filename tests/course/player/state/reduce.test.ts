import { describe, expect, it } from 'vitest';
import { reduce, reduceContext } from '../../../../course/player/state/reduce.ts';
import type { PlayerAction } from '../../../../course/player/state/actions.ts';
import { mapCourse } from '../../../../course/player/logic/course-map.ts';
import { emptyLearnerState, type LearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { fixtureCourse } from '../fixture-course.ts';

const course = fixtureCourse();
const context = reduceContext(course, mapCourse(course));
const start = emptyLearnerState('welcome');

function run(actions: PlayerAction[], state: LearnerState = start): LearnerState {
  return actions.reduce((s, action) => reduce(context, s, action), state);
}

describe('navigation', () => {
  it('moves the location and marks read-only screens done on arrival', () => {
    const state = run([{ type: 'go-to', screenId: 'welcome' }, { type: 'go-to', screenId: 'confidence-before' }]);
    expect(state.location).toBe('confidence-before');
    expect(state.completedScreens).toEqual(['welcome']);
  });

  it('does not mark a screen with its own rule done on arrival', () => {
    const state = run([{ type: 'go-to', screenId: 'scenario-ed' }, { type: 'go-to', screenId: 'film-screen' }]);
    expect(state.completedScreens).toEqual([]);
  });

  it('returns the same object for a no-op or an unknown screen', () => {
    const here = run([{ type: 'go-to', screenId: 'welcome' }]);
    expect(reduce(context, here, { type: 'go-to', screenId: 'welcome' })).toBe(here);
    expect(reduce(context, here, { type: 'go-to', screenId: 'nowhere' })).toBe(here);
  });
});

describe('scenarios', () => {
  const choose = (choiceId: string): PlayerAction => ({ type: 'scenario-choose', screenId: 'scenario-ed', choiceId, latencyMs: 1000 });

  it('records the path and completes the screen at an end step', () => {
    const midway = run([choose('anxiety')]);
    expect(midway.scenarioPaths['scenario-ed']).toEqual([['s1', 'anxiety']]);
    expect(midway.completedScreens).not.toContain('scenario-ed');
    const done = run([choose('kind')], midway);
    expect(done.completedScreens).toContain('scenario-ed');
  });

  it('ignores a choice the current step does not offer', () => {
    expect(reduce(context, start, choose('kind'))).toBe(start);
  });

  it('keeps the tick when the learner replays the scenario', () => {
    const replayed = run([choose('wait'), { type: 'scenario-restart', screenId: 'scenario-ed' }]);
    expect(replayed.scenarioPaths['scenario-ed']).toBeUndefined();
    expect(replayed.completedScreens).toContain('scenario-ed');
  });
});

describe('questions', () => {
  const answer = (questionId: string, optionIds: string[]): PlayerAction => ({ type: 'answer', questionId, optionIds, latencyMs: 500 });

  it('counts a film question\'s tries and stops at the limit', () => {
    const state = run([answer('film-q1', ['b']), answer('film-q1', ['b']), answer('film-q1', ['a'])]);
    expect(state.attempts['film-q1']).toBe(2);
    expect(state.answers['film-q1']).toEqual(['b']);
  });

  it('takes one answer per knowledge-check question per attempt, right or wrong', () => {
    const state = run([answer('q1', ['b']), answer('q1', ['a'])]);
    expect(state.attempts.q1).toBe(1);
    expect(state.answers.q1).toEqual(['b']);
  });

  it('takes no further answer once correct', () => {
    const state = run([answer('q1', ['a']), answer('q1', ['b'])]);
    expect(state.attempts.q1).toBe(1);
    expect(state.answers.q1).toEqual(['a']);
  });

  it('refuses empty, unknown and (for single choice) multiple selections', () => {
    expect(reduce(context, start, answer('q1', []))).toBe(start);
    expect(reduce(context, start, answer('q1', ['zzz']))).toBe(start);
    expect(reduce(context, start, answer('q1', ['a', 'b']))).toBe(start);
    expect(reduce(context, start, answer('nope', ['a']))).toBe(start);
  });

  it('completes the check once it is decided: passed, or below the pass mark on the last attempt', () => {
    const below = run([answer('q1', ['b']), answer('q2', ['a', 'c', 'c'])]);
    expect(below.answers.q2).toEqual(['a', 'c']);
    // Attempt 1 of 2, below the pass mark: another attempt is due, so the menu must not tick the check.
    expect(below.completedScreens).not.toContain('check');
    const failed = run([answer('q1', ['b']), answer('q2', ['a']), { type: 'retake-check', screenId: 'check' }, answer('q1', ['b']), answer('q2', ['c'])]);
    expect(failed.checkAttempts).toEqual({ check: 2 });
    expect(failed.completedScreens).toContain('check');
    expect(run([answer('q1', ['a']), answer('q2', ['b'])]).completedScreens).toContain('check');
  });

  it('records film questions without completing any screen', () => {
    const state = run([answer('film-q1', ['a'])]);
    expect(state.answers['film-q1']).toEqual(['a']);
    expect(state.completedScreens).toEqual([]);
  });

  it('starts the next attempt only after a complete attempt below the pass mark, leaving other answers alone', () => {
    // Not complete yet: no retake.
    const partial = run([answer('q1', ['b']), answer('film-q1', ['a'])]);
    expect(reduce(context, partial, { type: 'retake-check', screenId: 'check' })).toBe(partial);
    const state = run([answer('q1', ['b']), answer('q2', ['a']), answer('film-q1', ['a']), { type: 'retake-check', screenId: 'check' }]);
    expect(state.answers).toEqual({ 'film-q1': ['a'] });
    expect(state.attempts).toEqual({ 'film-q1': 1 });
    expect(state.checkAttempts).toEqual({ check: 2 });
    // No attempt after the last, nor after a pass.
    const last = run([answer('q1', ['b']), answer('q2', ['a']), { type: 'retake-check', screenId: 'check' }, answer('q1', ['b']), answer('q2', ['a'])]);
    expect(reduce(context, last, { type: 'retake-check', screenId: 'check' })).toBe(last);
    const passed = run([answer('q1', ['a']), answer('q2', ['a', 'b'])]);
    expect(reduce(context, passed, { type: 'retake-check', screenId: 'check' })).toBe(passed);
  });
});

describe('reflections', () => {
  it('stores text within the prompt budget and the course limit', () => {
    const state = run([
      { type: 'reflect', promptId: 'r1', text: 'x'.repeat(150) },
      { type: 'reflect', promptId: 'r2', text: 'y'.repeat(600) },
    ]);
    expect(state.reflections.r1).toHaveLength(100);
    // r2 allows 500, but the course-wide limit is 200.
    expect(state.reflections.r2).toHaveLength(200);
  });

  it('drops an answer cleared to nothing and ignores unknown prompts', () => {
    const state = run([{ type: 'reflect', promptId: 'r1', text: 'hello' }, { type: 'reflect', promptId: 'r1', text: '' }]);
    expect(state.reflections).toEqual({});
    expect(reduce(context, start, { type: 'reflect', promptId: 'zz', text: 'a' })).toBe(start);
  });
});

describe('confidence', () => {
  const rate = (phase: 'before' | 'after', itemId: string, rating: number): PlayerAction => ({ type: 'rate-confidence', phase, itemId, rating, latencyMs: 0 });

  it('completes the phase screen once every item is rated', () => {
    const one = run([rate('before', 'c1', 2)]);
    expect(one.completedScreens).toEqual([]);
    const both = run([rate('before', 'c2', 5)], one);
    expect(both.confidence.before).toEqual({ c1: 2, c2: 5 });
    expect(both.completedScreens).toEqual(['confidence-before']);
  });

  it('rejects ratings outside the scale', () => {
    expect(reduce(context, start, rate('after', 'c1', 0))).toBe(start);
    expect(reduce(context, start, rate('after', 'c1', 6))).toBe(start);
    expect(reduce(context, start, rate('after', 'c1', 2.5))).toBe(start);
    expect(reduce(context, start, rate('after', 'zz', 2))).toBe(start);
  });
});

describe('film', () => {
  it('saves whole seconds and completes the film screen when the controller says it is watched', () => {
    const partly = run([{ type: 'film-progress', screenId: 'film-screen', position: 41.7, played: [[0, 41.7]], watched: false }]);
    expect(partly.film).toEqual({ position: 41, played: [[0, 41]] });
    expect(partly.completedScreens).toEqual([]);
    const watched = run([{ type: 'film-progress', screenId: 'film-screen', position: 95, played: [[0, 95]], watched: true }], partly);
    expect(watched.completedScreens).toEqual(['film-screen']);
  });

  it('returns the same state when nothing new was played', () => {
    const state = run([{ type: 'film-progress', screenId: 'film-screen', position: 10, played: [[0, 10]], watched: false }]);
    expect(reduce(context, state, { type: 'film-progress', screenId: 'film-screen', position: 10.4, played: [[0, 10.3]], watched: false })).toBe(state);
  });
});
