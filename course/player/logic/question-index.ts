// Every question in the course by id, with the screen it belongs to: knowledge-check questions and the film's cue
// point questions (which belong to the course's film screens). The owner names the screen type whose rules say when
// the question may be answered and what an answer counts for (course/screen-types/question-rules.ts).
import type { Course, Question } from '../../model/types.ts';

export type IndexedQuestion =
  /** A knowledge-check question, on its screen. */
  | { owner: 'knowledge-check'; question: Question; screenId: string; cuePointId: null }
  /** A film question, at its cue point. */
  | { owner: 'film'; question: Question; screenId: null; cuePointId: string };

export function indexQuestions(course: Course): ReadonlyMap<string, IndexedQuestion> {
  const index = new Map<string, IndexedQuestion>();
  for (const section of course.sections) {
    for (const screen of section.screens) {
      if (screen.type !== 'knowledge-check') continue;
      for (const question of screen.questions) index.set(question.id, { owner: 'knowledge-check', question, screenId: screen.id, cuePointId: null });
    }
  }
  for (const cue of course.film.cuePoints) index.set(cue.question.id, { owner: 'film', question: cue.question, screenId: null, cuePointId: cue.id });
  return index;
}
