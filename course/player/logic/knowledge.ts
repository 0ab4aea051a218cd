// Marking of knowledge-check and film questions, attempts, and the course score against the pass mark.
import type { Course, Question } from '../../types.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';

export function correctOptionIds(question: Question): string[] {
  return question.options.filter((option) => option.correct).map((option) => option.id);
}

/** A single-choice answer is right when it names the correct option; a multiple-choice one needs exactly the correct set. */
export function isAnswerCorrect(question: Question, selected: readonly string[]): boolean {
  const correct = new Set(correctOptionIds(question));
  const chosen = new Set(selected);
  if (chosen.size !== correct.size) return false;
  for (const id of chosen) if (!correct.has(id)) return false;
  return true;
}

export type QuestionStatus =
  | { kind: 'unanswered'; attemptsLeft: number }
  /** Wrong, and another attempt is allowed. */
  | { kind: 'try-again'; attemptsLeft: number }
  | { kind: 'correct' }
  /** Wrong, and no attempts are left. */
  | { kind: 'incorrect' };

export function questionStatus(question: Question, state: LearnerState, maxAttempts: number): QuestionStatus {
  const attempts = state.attempts[question.id] ?? 0;
  const answer = state.answers[question.id];
  const attemptsLeft = Math.max(0, maxAttempts - attempts);
  if (attempts === 0 || !answer) return { kind: 'unanswered', attemptsLeft };
  if (isAnswerCorrect(question, answer)) return { kind: 'correct' };
  return attemptsLeft > 0 ? { kind: 'try-again', attemptsLeft } : { kind: 'incorrect' };
}

/** Whether the learner may submit another answer: not once right, and not past the attempt limit. */
export function canAttempt(status: QuestionStatus): boolean {
  return status.kind === 'unanswered' || status.kind === 'try-again';
}

/** Whether the right answers may be shown: once the learner got it right or has no attempts left. */
export function isSettled(status: QuestionStatus): boolean {
  return status.kind === 'correct' || status.kind === 'incorrect';
}

export interface KnowledgeScore {
  total: number;
  answered: number;
  correct: number;
  /** Correct share 0..1, or null until every question has been answered at least once. */
  scaled: number | null;
  /** null while not every question is answered, or when the course has no scored questions. */
  passed: boolean | null;
}

/** Every question on the course's knowledge-check screens (film questions are practice and are not scored). */
export function scoredQuestions(course: Course): Question[] {
  return course.sections.flatMap((section) =>
    section.screens.flatMap((screen) => (screen.type === 'knowledge-check' ? screen.questions : [])),
  );
}

/**
 * The score from each question's latest attempt. It is only decided once every question has an answer, so the LMS
 * never records a "failed" from a half-finished check.
 */
export function knowledgeScore(course: Course, state: LearnerState): KnowledgeScore {
  const questions = scoredQuestions(course);
  let answered = 0;
  let correct = 0;
  for (const question of questions) {
    const answer = state.answers[question.id];
    if (!answer || (state.attempts[question.id] ?? 0) === 0) continue;
    answered += 1;
    if (isAnswerCorrect(question, answer)) correct += 1;
  }
  const total = questions.length;
  if (total === 0 || answered < total) return { total, answered, correct, scaled: null, passed: null };
  // Integer comparison: 4 of 5 against an 80 % pass mark must pass, whatever 4/5*100 rounds to.
  return { total, answered, correct, scaled: correct / total, passed: correct * 100 >= course.completion.passMark * total };
}

/** Whole percentage for display. */
export function percent(scaled: number): number {
  return Math.round(scaled * 100);
}
