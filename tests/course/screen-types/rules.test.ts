// The screen types' rules registry: the answers the player reports and the questions the report lists are made from
// the same interactions, so every answer the LMS hears is one of the listed questions, with the same prompt and
// choices, whichever type asked it.
import { describe, expect, it } from 'vitest';
import courseJson from '../../../course/content/course.json' with { type: 'json' };
import type { Course } from '../../../course/model/types.ts';
import type { AnswerRecord } from '../../../course/runtime/tracker.ts';
import type { PlayerAction } from '../../../course/player/state/actions.ts';
import { applyAction, reduceContext } from '../../../course/player/state/reduce.ts';
import { mapCourse } from '../../../course/player/logic/course-map.ts';
import { emptyLearnerState } from '../../../course/runtime/state/learner-state.ts';
import { courseInteractions, screenRules } from '../../../course/screen-types/rules.ts';
import { SCREEN_TYPES } from '../../../course/model/types.ts';
import { fixtureCourse } from '../player/fixture-course.ts';

/** One answer to every question, step and statement the course asks, each given as the screens give it. */
function everyAnswer(course: Course): AnswerRecord[] {
  const context = reduceContext(course, mapCourse(course));
  const actions: PlayerAction[] = [];
  for (const { screen } of context.map.entries) {
    if (screen.type === 'scenario') {
      for (const step of screen.steps) {
        // Each step from a fresh start: the shortest path to it, then its first choice.
        actions.push({ type: 'scenario-restart', screenId: screen.id });
        const path = pathTo(screen, step.id);
        for (const [, choiceId] of path) actions.push({ type: 'scenario-choose', screenId: screen.id, choiceId, latencyMs: 1 });
        actions.push({ type: 'scenario-choose', screenId: screen.id, choiceId: step.choices[0]!.id, latencyMs: 1 });
      }
    }
    if (screen.type === 'knowledge-check') {
      for (const question of screen.questions) actions.push({ type: 'answer', questionId: question.id, optionIds: [question.options[0]!.id], latencyMs: 1 });
    }
    if (screen.type === 'confidence') {
      for (const item of course.confidence.items) actions.push({ type: 'rate-confidence', phase: screen.phase, itemId: item.id, rating: 1, latencyMs: 1 });
    }
  }
  for (const cue of course.film.cuePoints) actions.push({ type: 'answer', questionId: cue.question.id, optionIds: [cue.question.options[0]!.id], latencyMs: 1 });
  const answers: AnswerRecord[] = [];
  let state = emptyLearnerState(context.map.entries[0]!.screen.id);
  for (const action of actions) {
    const applied = applyAction(context, state, action);
    for (const report of applied.reports) if (report.kind === 'answer') answers.push(report.record);
    state = applied.state;
    // A knowledge check takes only an attempt's worth of answers: start the next attempt's count afresh.
    if (action.type === 'answer') state = { ...state, attempts: {}, answers: {}, checkAttempts: {} };
  }
  return answers;
}

/** The choices that lead from a scenario's start to the step (breadth first), as [stepId, choiceId] pairs. */
function pathTo(screen: Extract<Course['sections'][number]['screens'][number], { type: 'scenario' }>, stepId: string): [string, string][] {
  const paths = new Map<string, [string, string][]>([[screen.start, []]]);
  const queue = [screen.start];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const choice of screen.steps.find((step) => step.id === at)?.choices ?? []) {
      if (choice.next === null || paths.has(choice.next)) continue;
      paths.set(choice.next, [...paths.get(at)!, [at, choice.id]]);
      queue.push(choice.next);
    }
  }
  return paths.get(stepId) ?? [];
}

describe('the screen types\' rules', () => {
  it('register every screen type', () => {
    expect(Object.keys(screenRules).sort()).toEqual([...SCREEN_TYPES].sort());
  });

  for (const [name, course] of [['the real course', courseJson as unknown as Course], ['the test course', fixtureCourse()]] as const) {
    it(`report every answer as one of the listed questions, with its prompt and choices (${name})`, () => {
      const listed = new Map(courseInteractions(course).map((interaction) => [interaction.id, interaction]));
      const answers = everyAnswer(course);
      expect(new Set(answers.map((answer) => answer.id))).toEqual(new Set(listed.keys()));
      for (const answer of answers) {
        const question = listed.get(answer.id)!;
        expect(answer.description).toBe(question.prompt);
        expect(answer.type).toBe(question.likert ? 'likert' : 'choice');
        expect(answer.choices).toEqual(question.choices.map(({ id, text }) => ({ id, text })));
      }
    });
  }
});
