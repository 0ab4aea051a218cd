import { describe, expect, it } from 'vitest';
import { sanitizeState } from '../../../../course/player/state/sanitize.ts';
import { mapCourse } from '../../../../course/player/logic/course-map.ts';
import { emptyLearnerState, type LearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { fixtureCourse } from '../fixture-course.ts';
import { drawQuestions } from '../../../../course/player/logic/knowledge-draw.ts';

const course = fixtureCourse();
const map = mapCourse(course);

describe('sanitizeState', () => {
  it('keeps a valid state as it is', () => {
    const state: LearnerState = {
      ...emptyLearnerState('welcome'),
      location: 'scenario-ed',
      completedScreens: ['welcome'],
      scenarioPaths: { 'scenario-ed': [['s1', 'rule-out']] },
      answers: { q2: ['a', 'b'] },
      attempts: { q2: 1 },
      reflections: { r1: 'text' },
      confidence: { before: { c1: 1 }, after: { c2: 5 } },
      film: { position: 12, played: [[0, 12]] },
      secondsSpent: 42,
      seed: 77,
      checkAttempts: { check: 2 },
    };
    expect(sanitizeState(course, map, state)).toEqual(state);
  });

  it('drops whatever no longer fits the course', () => {
    const dirty = {
      location: 'missing',
      completedScreens: ['welcome', 'welcome', 'missing'],
      scenarioPaths: { 'scenario-ed': [['s1', 'rule-out'], ['s2', 'gone']], missing: [['a', 'b']], check: [['s1', 'x']] },
      answers: { q1: ['a', 'b'], q2: ['zz'], gone: ['a'], 'film-q1': ['a'] },
      attempts: { q1: 9, gone: 1 },
      reflections: { r1: 'x'.repeat(300), gone: 'secret', r2: '' },
      confidence: { before: { c1: 0, c2: 3, gone: 2 }, after: { c1: 2.5 } },
      film: { position: 500, played: [[90, 150], [-3, 4], ['a', 5]] },
      secondsSpent: -4,
      seed: 2 ** 40,
      checkAttempts: { check: 9, gone: 2 },
    } as unknown as LearnerState;
    expect(sanitizeState(course, map, dirty)).toEqual({
      location: 'welcome',
      completedScreens: ['welcome'],
      scenarioPaths: { 'scenario-ed': [['s1', 'rule-out']] },
      answers: { q1: ['a'], 'film-q1': ['a'] },
      attempts: { q1: 1, 'film-q1': 1 },
      reflections: { r1: 'x'.repeat(100) },
      confidence: { before: { c2: 3 }, after: {} },
      film: { position: 100, played: [[0, 4], [90, 100]] },
      secondsSpent: 0,
      seed: -1,
      checkAttempts: { check: 2 },
    });
  });

  it('keeps a knowledge check\'s answers only for the questions its attempt under way draws', () => {
    const oneAtATime = fixtureCourse();
    const check = oneAtATime.sections[2]!.screens[1]!;
    if (check.type !== 'knowledge-check') throw new Error('no check');
    check.questionsPerAttempt = 1;
    const drawn = drawQuestions(check, 3, 1)[0]!.id;
    const other = drawn === 'q1' ? 'q2' : 'q1';
    const state = { ...emptyLearnerState('welcome', 3), answers: { q1: ['a'], q2: ['a'] }, attempts: { q1: 1, q2: 1 } };
    const clean = sanitizeState(oneAtATime, mapCourse(oneAtATime), state);
    expect(Object.keys(clean.answers)).toEqual([drawn]);
    expect(clean.attempts[other]).toBeUndefined();
  });

  it('survives missing parts of a salvaged state', () => {
    const partial = { location: 'check', completedScreens: [] } as unknown as LearnerState;
    const clean = sanitizeState(course, map, partial);
    expect(clean.location).toBe('check');
    expect(clean.film).toEqual({ position: 0, played: [] });
    expect(clean.confidence).toEqual({ before: {}, after: {} });
  });
});
