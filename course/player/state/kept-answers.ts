// What the screen types' resume tiers share (course/screen-types/<type>/resume.ts): what of a saved answer still fits
// its question. (A record without a restarted screen's entries is screen-type-rules.ts's withoutKeys, as the reducer's.)
import type { Question } from '../../model/types.ts';

/** The saved choices that are still the question's options, once each (one for a single-choice question); null for none. */
export function keptChoices(question: Question, chosen: unknown): string[] | null {
  if (!Array.isArray(chosen)) return null;
  const valid = new Set(question.options.map((option) => option.id));
  let ids = [...new Set(chosen.filter((id): id is string => valid.has(id as string)))];
  if (question.kind === 'single') ids = ids.slice(0, 1);
  return ids.length > 0 ? ids : null;
}
