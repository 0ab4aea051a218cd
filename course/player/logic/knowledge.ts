// Marking of knowledge-check and film questions, attempts, and the course score against the pass mark.
//
// A knowledge check is taken in attempts (KnowledgeCheckScreen.attempts). Each attempt draws its own questions
// (knowledge-draw.ts) and each is answered once. An attempt is decided once every drawn question has an answer: at
// or above the pass mark it is passed; below it, the learner may start the next attempt, and after the last one has
// failed for good. Film questions are practice: several tries each (limits.maxAttemptsPerQuestion), never scored.
// Where a learner stands is counted from their answers alone (the player answers only drawn questions, and resume
// drops any other), so this module, which the first screen's chunk carries for the outcome, needs no draw.
import type { Course, KnowledgeCheckScreen, Question } from '../../model/types.ts';
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

/** Where a learner stands with one knowledge check. */
export interface CheckProgress {
  screen: KnowledgeCheckScreen;
  /** The attempt under way or last made, 1-based. */
  attempt: number;
  maxAttempts: number;
  /** Questions in an attempt. */
  total: number;
  answered: number;
  correct: number;
  /** Every question of this attempt has an answer. */
  complete: boolean;
  passed: boolean;
  /** Complete, below the pass mark, and no attempt left. */
  failedForGood: boolean;
  /** Complete, below the pass mark, and another attempt is allowed. */
  canRetake: boolean;
}

export function attemptOf(screen: KnowledgeCheckScreen, state: LearnerState): number {
  const saved = state.checkAttempts[screen.id];
  return Number.isInteger(saved) ? Math.min(Math.max(1, saved as number), Math.max(1, screen.attempts)) : 1;
}

/** Whether `correct` of `total` reaches the pass mark (integers: 4 of 5 against 80 % passes, however 4/5*100 rounds). */
export function reachesPassMark(course: Course, correct: number, total: number): boolean {
  return total > 0 && correct * 100 >= course.completion.passMark * total;
}

export function checkProgress(course: Course, screen: KnowledgeCheckScreen, state: LearnerState): CheckProgress {
  const attempt = attemptOf(screen, state);
  const total = Math.min(screen.questionsPerAttempt, screen.questions.length);
  let answered = 0;
  let correct = 0;
  for (const question of screen.questions) {
    const answer = state.answers[question.id];
    if (!answer || (state.attempts[question.id] ?? 0) === 0) continue;
    answered += 1;
    if (isAnswerCorrect(question, answer)) correct += 1;
  }
  const complete = total > 0 && answered >= total;
  const passed = complete && reachesPassMark(course, correct, total);
  const lastAttempt = attempt >= screen.attempts;
  return {
    screen,
    attempt,
    maxAttempts: Math.max(1, screen.attempts),
    total,
    answered,
    correct,
    complete,
    passed,
    failedForGood: complete && !passed && lastAttempt,
    canRetake: complete && !passed && !lastAttempt,
  };
}

export function checkScreens(course: Course): KnowledgeCheckScreen[] {
  return course.sections.flatMap((section) => section.screens.filter((screen): screen is KnowledgeCheckScreen => screen.type === 'knowledge-check'));
}

export interface KnowledgeScore {
  total: number;
  answered: number;
  correct: number;
  /** Correct share 0..1 of the attempts under way, or null until each of them is complete. */
  scaled: number | null;
  /**
   * The Outcome contract (runtime/tracker.ts): true once passed; false only once failed for good (every attempt
   * used, below the pass mark); null while not decided, including between attempts.
   */
  passed: boolean | null;
}

/** The score over the course's knowledge checks, from each one's attempt under way. */
export function knowledgeScore(course: Course, state: LearnerState): KnowledgeScore {
  const statuses = checkScreens(course).map((screen) => checkProgress(course, screen, state));
  const total = statuses.reduce((n, s) => n + s.total, 0);
  const answered = statuses.reduce((n, s) => n + s.answered, 0);
  const correct = statuses.reduce((n, s) => n + s.correct, 0);
  if (total === 0 || statuses.some((s) => !s.complete)) return { total, answered, correct, scaled: null, passed: null };
  const reached = reachesPassMark(course, correct, total);
  const anotherAttempt = statuses.some((s) => s.canRetake);
  return { total, answered, correct, scaled: correct / total, passed: reached ? true : anotherAttempt ? null : false };
}

/** Whole percentage for display. */
export function percent(scaled: number): number {
  return Math.round(scaled * 100);
}
