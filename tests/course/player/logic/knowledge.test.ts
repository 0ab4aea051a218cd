import { describe, expect, it } from 'vitest';
import { canAttempt, checkProgress, isAnswerCorrect, isSettled, knowledgeScore, questionStatus } from '../../../../course/player/logic/knowledge.ts';
import { emptyLearnerState, type LearnerState } from '../../../../course/runtime/state/learner-state.ts';
import type { KnowledgeCheckScreen } from '../../../../course/model/types.ts';
import { fixtureCourse } from '../fixture-course.ts';

const course = fixtureCourse();
const check = course.sections[2]?.screens[1] as KnowledgeCheckScreen;
const [single, multiple] = check.questions as [KnowledgeCheckScreen['questions'][0], KnowledgeCheckScreen['questions'][0]];

function answered(answers: Record<string, string[]>, attempts: Record<string, number>): LearnerState {
  return { ...emptyLearnerState('welcome'), answers, attempts };
}

describe('isAnswerCorrect', () => {
  it('marks a single-choice answer', () => {
    expect(isAnswerCorrect(single, ['a'])).toBe(true);
    expect(isAnswerCorrect(single, ['b'])).toBe(false);
    expect(isAnswerCorrect(single, [])).toBe(false);
  });

  it('needs exactly the correct set for multiple choice, in any order', () => {
    expect(isAnswerCorrect(multiple, ['b', 'a'])).toBe(true);
    expect(isAnswerCorrect(multiple, ['a'])).toBe(false);
    expect(isAnswerCorrect(multiple, ['a', 'b', 'c'])).toBe(false);
    expect(isAnswerCorrect(multiple, ['a', 'a'])).toBe(false);
  });
});

describe('questionStatus', () => {
  it('moves from unanswered through try-again to settled', () => {
    expect(questionStatus(single, answered({}, {}), 2)).toEqual({ kind: 'unanswered', attemptsLeft: 2 });
    const once = questionStatus(single, answered({ q1: ['b'] }, { q1: 1 }), 2);
    expect(once).toEqual({ kind: 'try-again', attemptsLeft: 1 });
    expect(canAttempt(once)).toBe(true);
    expect(isSettled(once)).toBe(false);
    const twice = questionStatus(single, answered({ q1: ['b'] }, { q1: 2 }), 2);
    expect(twice).toEqual({ kind: 'incorrect' });
    expect(canAttempt(twice)).toBe(false);
    expect(isSettled(twice)).toBe(true);
  });

  it('is settled once correct', () => {
    const status = questionStatus(single, answered({ q1: ['a'] }, { q1: 1 }), 2);
    expect(status).toEqual({ kind: 'correct' });
    expect(canAttempt(status)).toBe(false);
  });
});

describe('knowledgeScore', () => {
  it('stays undecided until every question is answered', () => {
    expect(knowledgeScore(course, answered({ q1: ['a'] }, { q1: 1 }))).toMatchObject({ total: 2, answered: 1, correct: 1, scaled: null, passed: null });
  });

  it('scores the attempt under way against the pass mark; below it, passed stays null until the last attempt', () => {
    expect(knowledgeScore(course, answered({ q1: ['a'], q2: ['a'] }, { q1: 1, q2: 1 }))).toMatchObject({ scaled: 0.5, passed: true });
    // Below the pass mark on attempt 1 of 2: not decided (another attempt may pass), as the Outcome contract asks.
    expect(knowledgeScore(course, answered({ q1: ['b'], q2: ['a'] }, { q1: 1, q2: 1 }))).toMatchObject({ scaled: 0, passed: null });
    // The same on the last attempt: failed for good.
    const last = { ...answered({ q1: ['b'], q2: ['a'] }, { q1: 1, q2: 1 }), checkAttempts: { check: 2 } };
    expect(knowledgeScore(course, last)).toMatchObject({ scaled: 0, passed: false });
  });

  it('tells where a learner stands with a check: retake allowed, then failed for good', () => {
    const below = answered({ q1: ['b'], q2: ['a'] }, { q1: 1, q2: 1 });
    expect(checkProgress(course, check, below)).toMatchObject({ attempt: 1, complete: true, passed: false, canRetake: true, failedForGood: false });
    expect(checkProgress(course, check, { ...below, checkAttempts: { check: 2 } })).toMatchObject({ attempt: 2, canRetake: false, failedForGood: true });
    expect(checkProgress(course, check, answered({ q1: ['a'] }, { q1: 1 }))).toMatchObject({ complete: false, canRetake: false, failedForGood: false });
  });

  it('compares without float error: 4 of 5 meets an 80 % mark', () => {
    const five = fixtureCourse({ passMark: 80 });
    const screen = five.sections[2]?.screens[1] as KnowledgeCheckScreen;
    screen.questions = [1, 2, 3, 4, 5].map((n) => ({ ...single, id: `q${n}` }));
    screen.questionsPerAttempt = 5;
    const answers = { q1: ['a'], q2: ['a'], q3: ['a'], q4: ['a'], q5: ['b'] };
    const attempts = { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1 };
    expect(knowledgeScore(five, answered(answers, attempts))).toMatchObject({ correct: 4, scaled: 0.8, passed: true });
    const lastAttempt = { ...answered({ q1: ['a'], q2: ['a'] }, { q1: 1, q2: 1 }), checkAttempts: { check: 2 } };
    expect(knowledgeScore(fixtureCourse({ passMark: 81 }), lastAttempt).passed).toBe(false);
  });

  it('does not score film questions', () => {
    const state = answered({ q1: ['a'], q2: ['a', 'b'], 'film-q1': ['b'] }, { q1: 1, q2: 1, 'film-q1': 1 });
    expect(knowledgeScore(course, state)).toMatchObject({ total: 2, correct: 2, scaled: 1, passed: true });
  });
});
