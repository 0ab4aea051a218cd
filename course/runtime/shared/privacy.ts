// Reflections are special category data: staff may write about their own mental health. Unless the variant opts
// in, reflection text goes only into the learner's own resume state, never into anything reported (interactions,
// comments, statements). Free-text answers are the only way reflection text could reach a report, so they are
// held back here too, whoever sends them.
import type { RuntimeConfig } from '../../model/types.ts';
import type { AnswerRecord } from '../tracker.ts';

export function reflectionsShared(config: RuntimeConfig): boolean {
  return config.variant.reflections === 'shared';
}

/** The answer as it may be reported, or null when it must stay private. */
export function reportableAnswer(answer: AnswerRecord, config: RuntimeConfig): AnswerRecord | null {
  const freeText = answer.type === 'fill-in' || answer.type === 'long-fill-in';
  return freeText && !reflectionsShared(config) ? null : answer;
}
