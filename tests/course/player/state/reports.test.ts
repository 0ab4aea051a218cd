import { describe, expect, it } from 'vitest';
import { reportsFor, type TrackerReport } from '../../../../course/player/state/reports.ts';
import { reduce, reduceContext } from '../../../../course/player/state/reduce.ts';
import type { PlayerAction } from '../../../../course/player/state/actions.ts';
import { mapCourse } from '../../../../course/player/logic/course-map.ts';
import { allScreenIds } from '../../../../course/player/logic/outcome.ts';
import { emptyLearnerState, type LearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { fixtureCourse } from '../fixture-course.ts';

const course = fixtureCourse();
const context = reduceContext(course, mapCourse(course));

function act(state: LearnerState, action: PlayerAction): { after: LearnerState; reports: TrackerReport[] } {
  const after = reduce(context, state, action);
  return { after, reports: reportsFor(context, action, state, after) };
}

describe('reportsFor', () => {
  it('reports nothing for an action that changed nothing', () => {
    const state = emptyLearnerState('welcome');
    expect(act(state, { type: 'go-to', screenId: 'welcome' }).reports).toHaveLength(2);
    const { after } = act(state, { type: 'go-to', screenId: 'welcome' });
    expect(act(after, { type: 'go-to', screenId: 'welcome' }).reports).toEqual([]);
  });

  it('reports a scenario choice as an interaction with its quality as the result', () => {
    const { reports } = act(emptyLearnerState('welcome'), { type: 'scenario-choose', screenId: 'scenario-ed', choiceId: 'wait', latencyMs: 2500 });
    expect(reports[0]).toEqual({
      kind: 'answer',
      record: {
        id: 'scenario-ed.s1',
        type: 'choice',
        description: 'What do you do first?',
        response: ['wait'],
        correct: ['rule-out'],
        result: 'neutral',
        latencyMs: 2500,
      },
    });
    // The choice ended the scenario: its section moved on, and so did the course.
    expect(reports.slice(1)).toEqual([
      { kind: 'progress', sectionId: 'practice', progress: 0.5 },
      { kind: 'outcome', outcome: { completed: false, passed: null, scaled: null, progress: 1 / 9 } },
    ]);
  });

  it('reports answers with the correct options and the mark, and the score once decided', () => {
    const first = act(emptyLearnerState('welcome'), { type: 'answer', questionId: 'q1', optionIds: ['b'], latencyMs: 10 });
    expect(first.reports).toEqual([
      {
        kind: 'answer',
        record: { id: 'check.q1', type: 'choice', description: 'How many report stigma?', response: ['b'], correct: ['a'], result: 'incorrect', latencyMs: 10 },
      },
    ]);
    const second = act(first.after, { type: 'answer', questionId: 'q2', optionIds: ['a', 'b'], latencyMs: 20 });
    expect(second.reports.find((r) => r.kind === 'outcome')).toEqual({
      kind: 'outcome',
      outcome: { completed: false, passed: true, scaled: 0.5, progress: 1 / 9 },
    });
  });

  it('names film questions after the film and cue point', () => {
    const { reports } = act(emptyLearnerState('welcome'), { type: 'answer', questionId: 'film-q2', optionIds: ['a'], latencyMs: 0 });
    expect(reports[0]).toMatchObject({ kind: 'answer', record: { id: 'film.cue-2', result: 'correct' } });
  });

  it('reports confidence ratings as likert interactions', () => {
    const { reports } = act(emptyLearnerState('welcome'), { type: 'rate-confidence', phase: 'after', itemId: 'c2', rating: 4, latencyMs: 0 });
    expect(reports[0]).toEqual({
      kind: 'answer',
      record: { id: 'confidence-after.c2', type: 'likert', description: 'I can challenge a colleague kindly.', response: ['4'], result: 'neutral', latencyMs: 0 },
    });
  });

  it('reports completion when the last screen is done', () => {
    const almost: LearnerState = { ...emptyLearnerState('welcome'), completedScreens: allScreenIds(course).filter((id) => id !== 'summary') };
    const { reports } = act(almost, { type: 'go-to', screenId: 'summary' });
    expect(reports).toContainEqual({ kind: 'progress', sectionId: 'finish', progress: 1 });
    expect(reports).toContainEqual({ kind: 'outcome', outcome: { completed: true, passed: null, scaled: null, progress: 1 } });
  });
});
