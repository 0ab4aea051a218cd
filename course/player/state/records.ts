// The answers as the tracker hears them (AnswerRecord), each made once, where the reducer has the question, its
// options and the choice at hand: a scenario step, a knowledge-check or film question, a confidence rating. The
// record carries the question's options (course/runtime/answer-choices.ts), so no standard looks the question up
// again. Part of the course-logic chunk (state/rules.ts).
import type { Course, ScenarioChoice, ScenarioScreen } from '../../model/types.ts';
import type { AnswerRecord } from '../../runtime/tracker.ts';
import type { ReduceContext } from './rules.ts';
import type { TakenStep } from '../logic/scenario.ts';
import { optionChoices, scaleChoices } from '../../runtime/answer-choices.ts';
import { correctOptionIds, isAnswerCorrect } from '../logic/knowledge.ts';
import { questionInteractionId, type IndexedQuestion } from '../logic/question-index.ts';
import { scenarioInteractionId } from '../logic/scenario.ts';

/** A helpful choice counts as correct and an unhelpful one as incorrect; a partly helpful one is neither. */
export function scenarioResult(choice: ScenarioChoice): AnswerRecord['result'] {
  return choice.quality === 'helpful' ? 'correct' : choice.quality === 'unhelpful' ? 'incorrect' : 'neutral';
}

/** One step of a scenario answered: the helpful choices are its correct ones. */
export function scenarioRecord(screen: ScenarioScreen, { step, choice }: TakenStep, latencyMs: number): AnswerRecord {
  return {
    id: scenarioInteractionId(screen, step),
    type: 'choice',
    description: step.question,
    response: [choice.id],
    correct: step.choices.filter((c) => c.quality === 'helpful').map((c) => c.id),
    result: scenarioResult(choice),
    latencyMs,
    choices: optionChoices(step.choices),
  };
}

/** A knowledge-check or film question answered with `chosen` (the valid options, as the state keeps them). */
export function questionRecord(course: Course, entry: IndexedQuestion, chosen: string[], latencyMs: number): AnswerRecord {
  const { question } = entry;
  return {
    id: questionInteractionId(course, entry),
    type: 'choice',
    description: question.prompt,
    response: chosen,
    correct: correctOptionIds(question),
    result: isAnswerCorrect(question, chosen) ? 'correct' : 'incorrect',
    latencyMs,
    choices: optionChoices(question.options),
  };
}

/** A confidence rating as the LMS hears it: a likert interaction on the phase's confidence screen. */
export function ratingRecord(context: ReduceContext, phase: 'before' | 'after', itemId: string, rating: number, latencyMs: number): AnswerRecord | null {
  const screen = context.map.entries.find((e) => e.screen.type === 'confidence' && e.screen.phase === phase)?.screen;
  const item = context.course.confidence.items.find((i) => i.id === itemId);
  if (!screen || !item) return null;
  return {
    id: `${screen.id}.${item.id}`,
    type: 'likert',
    description: item.statement,
    response: [String(rating)],
    result: 'neutral',
    latencyMs,
    choices: scaleChoices(context.course.confidence.scaleLabels),
  };
}
