// A learner's response as a bit mask over the question's choices (bit i = the i-th choice in course order), so a
// learner's answer to any question is one small integer. Anything that does not name the question's own choices
// — free text above all — gives null and is never counted, which is also what keeps stray text out of reports.
import type { ReportQuestion, ResponseEncoding } from './course-questions.ts';
import { fromShortIdentifier2004 } from '../../course/runtime/scorm/identifiers-2004.ts';

/** SCORM 1.2 names choices by position: a–z, then 0–9 (data-model-12.ts writes them the same way). */
const POSITION_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function responseMask(question: ReportQuestion, response: string, encoding: ResponseEncoding): number | null {
  const text = response.trim();
  if (text === '') return null;
  if (question.likert) {
    // Ratings are "1".."n" in every standard.
    if (!/^\d{1,2}$/.test(text)) return null;
    const rating = Number(text);
    return rating >= 1 && rating <= question.choices.length ? 1 << (rating - 1) : null;
  }
  const tokens = encoding === 'ids' ? text.split('[,]') : text.split(',');
  let mask = 0;
  for (const raw of tokens) {
    const token = raw.trim();
    // SCORM 2004 writes option ids as short identifiers ("one-in-three" as "one_in_three", identifiers-2004.ts).
    const id = encoding === 'ids' ? (question.choices.some((c) => c.id === token) ? token : fromShortIdentifier2004(token)) : null;
    const index = encoding === 'ids' ? question.choices.findIndex((c) => c.id === id) : positionIndex(token);
    if (index < 0 || index >= question.choices.length) return null;
    mask |= 1 << index;
  }
  if (!question.multiple && tokens.length !== 1) return null;
  return mask;
}

function positionIndex(token: string): number {
  return token.length === 1 ? POSITION_CHARS.indexOf(token.toLowerCase()) : -1;
}

/** The choice indexes set in a mask, lowest first. */
export function maskChoices(mask: number): number[] {
  const chosen: number[] = [];
  for (let i = 0; mask >>> i !== 0; i++) if ((mask >>> i) & 1) chosen.push(i);
  return chosen;
}
