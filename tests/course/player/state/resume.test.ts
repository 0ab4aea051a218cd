import { describe, expect, it } from 'vitest';
import { restartSection, resumeFrom } from '../../../../course/player/state/resume.ts';
import { mapCourse } from '../../../../course/player/logic/course-map.ts';
import { emptyLearnerState, type LearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { fixtureCourse } from '../fixture-course.ts';

const course = fixtureCourse();
const map = mapCourse(course);

function progressed(): LearnerState {
  return {
    ...emptyLearnerState('welcome'),
    location: 'check',
    completedScreens: ['welcome', 'confidence-before', 'film-screen', 'scenario-ed'],
    scenarioPaths: { 'scenario-ed': [['s1', 'wait']] },
    answers: { q1: ['a'], 'film-q1': ['a'] },
    attempts: { q1: 1, 'film-q1': 1 },
    reflections: { r1: 'My words' },
    confidence: { before: { c1: 2, c2: 3 }, after: {} },
    film: { position: 96, played: [[0, 96]] },
    secondsSpent: 600,
  };
}

describe('resumeFrom', () => {
  it('starts fresh without a notice on a first launch, with a seed of the learner\'s own', () => {
    expect(resumeFrom(course, map, null, () => 1234)).toEqual({ state: emptyLearnerState('welcome', 1234), notice: null, keepSavedState: false });
    const seeds = new Set(Array.from({ length: 20 }, () => resumeFrom(course, map, null).state.seed));
    expect(seeds.size).toBeGreaterThan(15);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31).toBe(true);
  });

  it('keeps a saved seed, and gives a state saved before seeds existed one (so its draw is stable from then on)', () => {
    expect(resumeFrom(course, map, { ok: true, state: { ...progressed(), seed: 99 } }, () => 5).state.seed).toBe(99);
    expect(resumeFrom(course, map, { ok: true, state: { ...progressed(), seed: -1 } }, () => 5).state.seed).toBe(5);
  });

  it('welcomes a returning learner back where they left off', () => {
    const result = resumeFrom(course, map, { ok: true, state: progressed() });
    expect(result.notice).toEqual({ kind: 'welcome-back', screenId: 'check' });
    expect(result.state.location).toBe('check');
    expect(result.state.reflections).toEqual({ r1: 'My words' });
    expect(result.keepSavedState).toBe(false);
  });

  it('does not say welcome back to someone who never got past the first screen', () => {
    expect(resumeFrom(course, map, { ok: true, state: emptyLearnerState('welcome') }).notice).toBeNull();
  });

  it('restarts only the sections the codec names, keeping the rest', () => {
    const result = resumeFrom(course, map, {
      ok: false,
      reason: 'truncated',
      damage: { progressLost: false, reflectionsLost: 0, reflectionCut: false },
      salvaged: progressed(),
      affectedSections: ['practice'],
    });
    expect(result.notice).toEqual({ kind: 'sections-restarted', sectionIds: ['practice'], reason: 'truncated', damage: { progressLost: false, reflectionsLost: 0, reflectionCut: false } });
    expect(result.state.location).toBe('scenario-ed');
    expect(result.state.completedScreens).toEqual(['welcome', 'confidence-before', 'film-screen']);
    expect(result.state.scenarioPaths).toEqual({});
    expect(result.state.answers).toEqual({ 'film-q1': ['a'] });
    expect(result.state.film.played).toEqual([[0, 96]]);
    expect(result.state.reflections).toEqual({ r1: 'My words' });
    expect(result.keepSavedState).toBe(false);
  });

  it('restarts several sections and lands at the first of them', () => {
    const result = resumeFrom(course, map, { ok: false, reason: 'corrupt', damage: { progressLost: false, reflectionsLost: 0, reflectionCut: false }, salvaged: progressed(), affectedSections: ['practice', 'watch'] });
    expect(result.state.location).toBe('film-screen');
    expect(result.state.completedScreens).toEqual(['welcome', 'confidence-before']);
    expect(result.state.film).toEqual({ position: 0, played: [] });
  });

  it('restarts the section the learner was in when the codec cannot tell which lost data', () => {
    const result = resumeFrom(course, map, { ok: false, reason: 'corrupt', damage: { progressLost: false, reflectionsLost: 0, reflectionCut: false }, salvaged: progressed(), affectedSections: [] });
    expect(result.notice).toEqual({ kind: 'sections-restarted', sectionIds: ['practice'], reason: 'corrupt', damage: { progressLost: false, reflectionsLost: 0, reflectionCut: false } });
  });

  it('starts again with a notice when nothing could be salvaged', () => {
    const result = resumeFrom(course, map, { ok: false, reason: 'corrupt', damage: { progressLost: false, reflectionsLost: 0, reflectionCut: false }, salvaged: null, affectedSections: [] }, () => 8);
    expect(result.state).toEqual(emptyLearnerState('welcome', 8));
    expect(result.notice).toEqual({ kind: 'progress-lost', reason: 'corrupt' });
    expect(result.keepSavedState).toBe(false);
  });

  it('keeps a state saved by a newer course version from being overwritten', () => {
    const result = resumeFrom(course, map, { ok: false, reason: 'unknown-version', damage: { progressLost: false, reflectionsLost: 0, reflectionCut: false }, salvaged: null, affectedSections: [] });
    expect(result.keepSavedState).toBe(true);
  });

  it('cleans a salvaged state before using it', () => {
    const broken = { ...progressed(), location: 'gone', completedScreens: ['welcome', 'gone'] };
    const result = resumeFrom(course, map, { ok: false, reason: 'course-changed', damage: { progressLost: false, reflectionsLost: 0, reflectionCut: false }, salvaged: broken, affectedSections: ['gone-section'] });
    expect(result.notice).toEqual({ kind: 'sections-restarted', sectionIds: ['intro'], reason: 'course-changed', damage: { progressLost: false, reflectionsLost: 0, reflectionCut: false } });
    expect(result.state.location).toBe('welcome');
    expect(result.state.completedScreens).toEqual([]);
  });
});

describe('restartSection', () => {
  it('clears the film and its questions when restarting the film section', () => {
    const state = restartSection(course, progressed(), 'watch');
    expect(state.film).toEqual({ position: 0, played: [] });
    expect(state.answers).toEqual({ q1: ['a'] });
    expect(state.completedScreens).not.toContain('film-screen');
  });

  it('clears the ratings of a confidence phase in the section', () => {
    expect(restartSection(course, progressed(), 'intro').confidence.before).toEqual({});
  });
});
