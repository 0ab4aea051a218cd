import { describe, expect, it } from 'vitest';
import { cuePointCrossed, resumePosition } from '../../../../course/player/logic/cue-points.ts';
import { fixtureCourse } from '../fixture-course.ts';

const cues = fixtureCourse().film.cuePoints;

describe('cuePointCrossed', () => {
  it('finds the cue point inside a played step', () => {
    expect(cuePointCrossed(cues, 29.8, 30.05, new Set())?.id).toBe('cue-1');
    expect(cuePointCrossed(cues, 29.8, 30, new Set())?.id).toBe('cue-1');
  });

  it('does not fire again for the step that starts on it, nor for handled ones', () => {
    expect(cuePointCrossed(cues, 30, 30.25, new Set())).toBeNull();
    expect(cuePointCrossed(cues, 29.9, 30.1, new Set(['cue-1']))).toBeNull();
  });

  it('returns the earliest when one step crosses two', () => {
    expect(cuePointCrossed(cues, 10, 70, new Set())?.id).toBe('cue-1');
  });
});

describe('resumePosition', () => {
  const answered = new Set<string>();
  it('resumes at the saved position', () => {
    expect(resumePosition(45, 100, cues, answered)).toBe(45);
  });

  it('starts over when the film was left at its end or never started', () => {
    expect(resumePosition(98, 100, cues, answered)).toBe(0);
    expect(resumePosition(0, 100, cues, answered)).toBe(0);
  });

  it('backs up before an unanswered question the learner left on', () => {
    expect(resumePosition(30.5, 100, cues, answered)).toBe(28);
    expect(resumePosition(30.5, 100, cues, new Set(['film-q1']))).toBe(30.5);
  });
});
