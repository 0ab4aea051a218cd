import { describe, expect, it } from 'vitest';
import { averageChange, confidenceChanges, ratingLabel } from '../../../../course/player/logic/confidence.ts';
import { emptyLearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { fixtureCourse } from '../fixture-course.ts';

const scale = fixtureCourse().confidence;

describe('confidence changes', () => {
  it('pairs before and after per item', () => {
    const state = { ...emptyLearnerState('welcome'), confidence: { before: { c1: 2, c2: 4 }, after: { c1: 5 } } };
    const changes = confidenceChanges(scale, state);
    expect(changes).toEqual([
      { itemId: 'c1', statement: 'I can name stigma when I see it.', before: 2, after: 5, change: 3 },
      { itemId: 'c2', statement: 'I can challenge a colleague kindly.', before: 4, after: null, change: null },
    ]);
    expect(averageChange(changes)).toBe(3);
  });

  it('averages only items rated both times, and has no average without any', () => {
    const state = { ...emptyLearnerState('welcome'), confidence: { before: { c1: 2, c2: 4 }, after: { c1: 3, c2: 2 } } };
    expect(averageChange(confidenceChanges(scale, state))).toBe(-0.5);
    expect(averageChange(confidenceChanges(scale, emptyLearnerState('welcome')))).toBeNull();
  });

  it('labels ratings with the scale', () => {
    expect(ratingLabel(scale, 1)).toBe('Not at all');
    expect(ratingLabel(scale, 5)).toBe('Very');
    expect(ratingLabel(scale, null)).toBeNull();
    expect(ratingLabel(scale, 9)).toBeNull();
  });
});
