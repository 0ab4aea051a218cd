import { describe, expect, it } from 'vitest';
import { entryFor, firstScreenId, mapCourse, nextScreenId, previousScreenId, menuDoneScreens, screensOfType, sectionProgress, sectionStatus } from '../../../../course/player/logic/course-map.ts';
import { isScreenStarted } from '../../../../course/player/logic/screen-completion.ts';
import { emptyLearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { fixtureCourse } from '../fixture-course.ts';
import { tickedOnceCourseComplete } from '../../../../course/screen-types/view.ts';

const course = fixtureCourse();
const map = mapCourse(course);

describe('course map', () => {
  it('lists every screen in order with its section', () => {
    expect(map.entries.map((e) => e.screen.id)).toEqual([
      'welcome', 'confidence-before', 'film-screen', 'scenario-ed', 'check', 'reflection', 'guide', 'confidence-after', 'summary',
    ]);
    expect(map.entries.map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(firstScreenId(map)).toBe('welcome');
    expect(entryFor(map, 'check').section.id).toBe('practice');
    expect(entryFor(map, 'check').sectionIndex).toBe(2);
  });

  it('moves forward and back across section boundaries and stops at the ends', () => {
    expect(nextScreenId(map, 'confidence-before')).toBe('film-screen');
    expect(previousScreenId(map, 'film-screen')).toBe('confidence-before');
    expect(previousScreenId(map, 'welcome')).toBeNull();
    expect(nextScreenId(map, 'summary')).toBeNull();
  });

  it('fails loudly for an unknown screen', () => {
    expect(() => nextScreenId(map, 'nope')).toThrow(/nope/);
  });

  it('finds screens by type', () => {
    expect(screensOfType(map, 'confidence').map((s) => s.phase)).toEqual(['before', 'after']);
  });

  it('gives each section a status in words the menu can show', () => {
    const intro = course.sections[0]!;
    const none = new Set<string>();
    expect(sectionStatus(intro, none, none, 'film-screen')).toBe('not-started');
    expect(sectionStatus(intro, none, none, 'confidence-before')).toBe('in-progress');
    expect(sectionStatus(intro, none, new Set(['confidence-before']), 'film-screen')).toBe('in-progress');
    expect(sectionStatus(intro, new Set(['welcome']), none, 'film-screen')).toBe('in-progress');
    expect(sectionStatus(intro, new Set(['welcome', 'confidence-before']), none, 'film-screen')).toBe('completed');
    expect(sectionProgress(intro, new Set(['welcome']))).toBe(0.5);
  });

  it('shows the summary done in the menu only once the course is complete, not because it was visited', () => {
    const visited = ['welcome', 'summary'];
    expect([...menuDoneScreens(course.sections, visited, false, tickedOnceCourseComplete)]).toEqual(['welcome']);
    expect([...menuDoneScreens(course.sections, visited, true, tickedOnceCourseComplete)]).toEqual(['welcome', 'summary']);
    const last = course.sections.find((section) => section.screens.some((screen) => screen.id === 'summary'))!;
    expect(sectionStatus(last, menuDoneScreens(course.sections, visited, false, tickedOnceCourseComplete), new Set(), 'summary')).toBe('in-progress');
  });
});

describe('isScreenStarted', () => {
  const screen = (id: string) => map.byId.get(id)!.screen;
  const empty = emptyLearnerState('welcome');
  it('is false for every screen of a fresh state', () => {
    expect(map.entries.filter((e) => isScreenStarted(e.screen, empty))).toEqual([]);
  });

  it('notices partial work on each kind of screen', () => {
    expect(isScreenStarted(screen('film-screen'), { ...empty, film: { position: 5, played: [[0, 5]] } })).toBe(true);
    expect(isScreenStarted(screen('film-screen'), { ...empty, film: { position: 40, played: [] } })).toBe(false);
    expect(isScreenStarted(screen('scenario-ed'), { ...empty, scenarioPaths: { 'scenario-ed': [['s1', 'anxiety']] } })).toBe(true);
    expect(isScreenStarted(screen('check'), { ...empty, attempts: { q2: 1 }, answers: { q2: ['a'] } })).toBe(true);
    expect(isScreenStarted(screen('check'), { ...empty, attempts: { 'film-q1': 1 }, answers: { 'film-q1': ['a'] } })).toBe(false);
    expect(isScreenStarted(screen('reflection'), { ...empty, reflections: { r2: 'x' } })).toBe(true);
    expect(isScreenStarted(screen('confidence-after'), { ...empty, confidence: { before: { c1: 2 }, after: {} } })).toBe(false);
    expect(isScreenStarted(screen('confidence-before'), { ...empty, confidence: { before: { c1: 2 }, after: {} } })).toBe(true);
    expect(isScreenStarted(screen('guide'), { ...empty, completedScreens: ['guide'] })).toBe(true);
  });
});
