// Every question in the course by id, with the screen it belongs to: knowledge-check questions and the film's cue
// point questions (which belong to the course's film screens).
import type { Course, Question } from '../../model/types.ts';

export interface IndexedQuestion {
  question: Question;
  /** The knowledge-check screen, or null for a film question. */
  screenId: string | null;
  /** The cue point id for a film question. */
  cuePointId: string | null;
}

export function indexQuestions(course: Course): ReadonlyMap<string, IndexedQuestion> {
  const index = new Map<string, IndexedQuestion>();
  for (const section of course.sections) {
    for (const screen of section.screens) {
      if (screen.type !== 'knowledge-check') continue;
      for (const question of screen.questions) index.set(question.id, { question, screenId: screen.id, cuePointId: null });
    }
  }
  for (const cue of course.film.cuePoints) index.set(cue.question.id, { question: cue.question, screenId: null, cuePointId: cue.id });
  return index;
}

/** Interaction id reported for an answer: prefixed by its screen (or the film) so ids stay unique across the course. */
export function questionInteractionId(course: Course, entry: IndexedQuestion): string {
  return entry.cuePointId !== null ? `${course.film.id}.${entry.cuePointId}` : `${entry.screenId}.${entry.question.id}`;
}
