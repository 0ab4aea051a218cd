// The course logic the session reaches through state/rules.ts comes with the course's structure (issue 16): asked for
// before it has come, it says what is missing rather than acting on a shell it cannot read; once provided, the
// session's moves and answers go through it.
import { describe, expect, it } from 'vitest';
import { courseRules, provideCourseRules, reduceContext } from '../../../../course/player/state/rules.ts';
import { mapCourse } from '../../../../course/player/logic/course-map.ts';
import { emptyLearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { fixtureCourse } from '../fixture-course.ts';

const course = fixtureCourse();
const context = reduceContext(course, mapCourse(course));
const start = emptyLearnerState('welcome');

describe('the course logic', () => {
  it('says what is missing when asked for before it has come', () => {
    expect(() => courseRules()).toThrow(/course logic \(state\/course-rules\.ts\) was asked for before it, and the course structure, had come/);
  });

  it('moves, answers and reports once provided', async () => {
    provideCourseRules((await import('../../../../course/player/state/course-rules.ts')).courseRules);
    const rules = courseRules();
    const moved = rules.applyAction(context, start, { type: 'go-to', screenId: 'welcome' });
    expect(moved.state.completedScreens).toEqual(['welcome']);
    expect(moved.reports.map((report) => report.kind)).toContain('progress');
    const chose = rules.applyAction(context, moved.state, { type: 'scenario-choose', screenId: 'scenario-ed', choiceId: 'anxiety', latencyMs: 1 });
    expect(chose.state.scenarioPaths['scenario-ed']).toEqual([['s1', 'anxiety']]);
    expect(chose.reports.map((report) => report.kind)).toEqual(['answer']);
    expect(rules.computeOutcome(course, moved.state).completed).toBe(false);
  });
});
