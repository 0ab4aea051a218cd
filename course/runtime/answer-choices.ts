// The options an answer carries (AnswerRecord.choices), made from the course's own lists at the moment the answer is
// given: a question's or a scenario step's options in course order, or a rating scale's points. The record carries
// them so no standard has to find the question again by its id or its text.
import type { AnswerChoice } from './tracker.ts';

/** A question's options or a scenario step's choices, in course order. */
export function optionChoices(options: readonly { id: string; text: string }[]): AnswerChoice[] {
  return options.map(({ id, text }) => ({ id, text }));
}

/** A rating scale's points: ids "1".."n" (the response a likert answer gives) with the scale's labels. */
export function scaleChoices(labels: readonly string[]): AnswerChoice[] {
  return labels.map((text, i) => ({ id: String(i + 1), text }));
}
