import { describe, expect, it } from 'vitest';
import type { TrackerReport } from '../../../../course/player/state/reports.ts';
import { applyAction, reduceContext } from '../../../../course/player/state/reduce.ts';
import type { PlayerAction } from '../../../../course/player/state/actions.ts';
import { mapCourse } from '../../../../course/player/logic/course-map.ts';
import { allScreenIds } from '../../../../course/player/logic/outcome.ts';
import { emptyLearnerState, type LearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { fixtureCourse } from '../fixture-course.ts';

const course = fixtureCourse();
const context = reduceContext(course, mapCourse(course));

function act(state: LearnerState, action: PlayerAction): { after: LearnerState; reports: TrackerReport[] } {
  const { state: after, reports } = applyAction(context, state, action);
  return { after, reports };
}

const scenario = course.sections.flatMap((section) => section.screens).find((screen) => screen.id === 'scenario-ed');
const check = course.sections.flatMap((section) => section.screens).find((screen) => screen.id === 'check');
if (scenario?.type !== 'scenario' || check?.type !== 'knowledge-check') throw new Error('the fixture course has changed');
const options = (list: readonly { id: string; text: string }[]) => list.map(({ id, text }) => ({ id, text }));

describe('what an action reports', () => {
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
        choices: [
          { id: 'rule-out', text: 'Rule out physical causes' },
          { id: 'anxiety', text: 'Call it anxiety' },
          { id: 'wait', text: 'Ask him to wait' },
        ],
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
        record: {
          id: 'check.q1',
          type: 'choice',
          description: 'How many report stigma?',
          response: ['b'],
          correct: ['a'],
          result: 'incorrect',
          latencyMs: 10,
          choices: [
            { id: 'a', text: '1 in 3' },
            { id: 'b', text: '1 in 10' },
          ],
        },
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
      record: {
        id: 'confidence-after.c2',
        type: 'likert',
        description: 'I can challenge a colleague kindly.',
        response: ['4'],
        result: 'neutral',
        latencyMs: 0,
        choices: ['Not at all', 'A little', 'Somewhat', 'Quite', 'Very'].map((text, i) => ({ id: String(i + 1), text })),
      },
    });
  });

  it('reports completion when the last screen is done', () => {
    const almost: LearnerState = { ...emptyLearnerState('welcome'), completedScreens: allScreenIds(course).filter((id) => id !== 'summary') };
    const { reports } = act(almost, { type: 'go-to', screenId: 'summary' });
    expect(reports).toContainEqual({ kind: 'progress', sectionId: 'finish', progress: 1 });
    expect(reports).toContainEqual({ kind: 'outcome', outcome: { completed: true, passed: null, scaled: null, progress: 1 } });
  });

  it('gives every answer its question\'s options in course order, so no standard looks them up again', () => {
    const film = course.film.cuePoints.find((cue) => cue.id === 'cue-2')!.question;
    const record = (action: PlayerAction, state = emptyLearnerState('welcome')) => {
      const answer = act(state, action).reports.find((report) => report.kind === 'answer');
      return answer?.kind === 'answer' ? answer.record : null;
    };
    const firstStep = act(emptyLearnerState('welcome'), { type: 'scenario-choose', screenId: 'scenario-ed', choiceId: 'anxiety', latencyMs: 1 });
    expect(record({ type: 'scenario-choose', screenId: 'scenario-ed', choiceId: 'kind', latencyMs: 1 }, firstStep.after)?.choices).toEqual(options(scenario.steps[1]!.choices));
    expect(record({ type: 'answer', questionId: 'q2', optionIds: ['a'], latencyMs: 1 })?.choices).toEqual(options(check.questions[1]!.options));
    expect(record({ type: 'answer', questionId: 'film-q2', optionIds: ['a'], latencyMs: 1 })?.choices).toEqual(options(film.options));
  });

  it('reports a scenario step that does not end the scenario as its answer alone, and the end with its progress', () => {
    const first = act(emptyLearnerState('welcome'), { type: 'scenario-choose', screenId: 'scenario-ed', choiceId: 'anxiety', latencyMs: 1 });
    expect(first.reports.map((report) => report.kind)).toEqual(['answer']);
    const last = act(first.after, { type: 'scenario-choose', screenId: 'scenario-ed', choiceId: 'kind', latencyMs: 1 });
    expect(last.reports).toMatchObject([
      { kind: 'answer', record: { id: 'scenario-ed.s2', response: ['kind'], result: 'correct' } },
      { kind: 'progress', sectionId: 'practice', progress: 0.5 },
      { kind: 'outcome', outcome: { progress: 1 / 9 } },
    ]);
    // The same choice again, after the end: nothing changed, so nothing is said.
    expect(act(last.after, { type: 'scenario-choose', screenId: 'scenario-ed', choiceId: 'kind', latencyMs: 1 }).reports).toEqual([]);
  });

  it('reports nothing on a restart, and keeps the tick', () => {
    const ended = act(emptyLearnerState('welcome'), { type: 'scenario-choose', screenId: 'scenario-ed', choiceId: 'wait', latencyMs: 1 });
    const restarted = act(ended.after, { type: 'scenario-restart', screenId: 'scenario-ed' });
    expect(restarted.reports).toEqual([]);
    expect(restarted.after.completedScreens).toContain('scenario-ed');
    expect(restarted.after.scenarioPaths['scenario-ed']).toBeUndefined();
  });

  it('reports a retake as the outcome it changed: the failed attempt\'s score is no longer the score', () => {
    const failed = act(act(emptyLearnerState('welcome'), { type: 'answer', questionId: 'q1', optionIds: ['b'], latencyMs: 1 }).after, { type: 'answer', questionId: 'q2', optionIds: ['c'], latencyMs: 1 });
    expect(failed.reports.at(-1)).toEqual({ kind: 'outcome', outcome: { completed: false, passed: null, scaled: 0, progress: 0 } });
    const retake = act(failed.after, { type: 'retake-check', screenId: 'check' });
    expect(retake.after.checkAttempts.check).toBe(2);
    expect(retake.reports).toEqual([{ kind: 'outcome', outcome: { completed: false, passed: null, scaled: null, progress: 0 } }]);
  });

  it('reports the film watched as its section\'s progress and the outcome, once', () => {
    const watched = act(emptyLearnerState('welcome'), { type: 'film-progress', screenId: 'film-screen', position: 100, played: [[0, 100]], watched: true });
    expect(watched.reports.map((report) => report.kind)).toEqual(['progress', 'outcome']);
    expect(watched.after.completedScreens).toEqual(['film-screen']);
    const again = act(watched.after, { type: 'film-progress', screenId: 'film-screen', position: 110, played: [[0, 110]], watched: true });
    expect(again.after.film.position).toBe(110);
    expect(again.reports).toEqual([]);
  });
});
