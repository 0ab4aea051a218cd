// The reducer without the answer logic, as the first screen has it (issue 16): moves work, and anything else is
// refused loudly rather than dropped, since only a screen that brought the logic can dispatch it.
import { describe, expect, it } from 'vitest';
import { provideAnswerLogic, reduce, reduceContext } from '../../../../course/player/state/reduce.ts';
import { reportsFor } from '../../../../course/player/state/reports.ts';
import { mapCourse } from '../../../../course/player/logic/course-map.ts';
import { emptyLearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { fixtureCourse } from '../fixture-course.ts';
import { courseRules } from '../../../../course/player/state/course-rules.ts';
import { provideCourseRules } from '../../../../course/player/state/rules.ts';

// In the player, the course's rules come with its structure (app/course-parts.ts).
provideCourseRules(courseRules);

const course = fixtureCourse();
const context = reduceContext(course, mapCourse(course));
const start = emptyLearnerState('welcome');

describe('the reducer before the answer logic has come', () => {
  it('moves, marks a read-only screen done and reports the progress', () => {
    const after = reduce(context, start, { type: 'go-to', screenId: 'welcome' });
    expect(after.completedScreens).toEqual(['welcome']);
    expect(reportsFor(context, { type: 'go-to', screenId: 'welcome' }, start, after).map((report) => report.kind)).toContain('progress');
  });

  it('says what is missing when an answer comes first', () => {
    expect(() => reduce(context, start, { type: 'scenario-choose', screenId: 'scenario-ed', choiceId: 'anxiety', latencyMs: 1 })).toThrow(/answer logic \(state\/answers\.ts\)/);
  });

  it('applies answers once it is provided', async () => {
    provideAnswerLogic((await import('../../../../course/player/state/answers.ts')).answerLogic);
    const after = reduce(context, start, { type: 'scenario-choose', screenId: 'scenario-ed', choiceId: 'anxiety', latencyMs: 1 });
    expect(after.scenarioPaths['scenario-ed']).toEqual([['s1', 'anxiety']]);
  });
});
