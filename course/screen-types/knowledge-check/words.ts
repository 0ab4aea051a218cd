// The knowledge check's words in British English (the summary repeats its score lines). They travel in the pages'
// catalogue part (player/strings/en-GB.pages.ts), which the film screen never downloads.
// A translation is one more such file beside it, typed by KnowledgeCheckWords (course/player/README.md, "Words and languages").
import { number, plural } from '../../player/strings/en-GB.format.ts';

export const knowledgeCheckEnGB = {
  knowledge: {
    rules: (perAttempt: number, passCount: number, attempts: number): string =>
      `There are ${number(perAttempt)} questions. To pass you need ${number(passCount)} of them right. ` +
      `You have ${number(attempts)} ${plural(attempts, 'attempt', 'attempts')}, and each attempt asks different questions.`,
    position: (attempt: number, attempts: number, question: number, total: number): string =>
      `Attempt ${number(attempt)} of ${number(attempts)}, question ${number(question)} of ${number(total)}`,
    check: 'Check your answer',
    next: 'Next question',
    seeResult: 'See your result',
    correct: 'Correct',
    incorrect: 'Not the best answer',
    yourAnswer: (answer: string): string => `Your answer: ${answer}`,
    yourAnswers: (answers: string): string => `Your answers: ${answers}`,
    bestAnswer: (answer: string): string => `The best answer: ${answer}`,
    notYet: 'You will see the best answer once you pass or have used all your attempts.',
    resultHeading: 'Your result',
    score: (correct: number, total: number, percent: number): string =>
      `You answered ${number(correct)} of ${number(total)} questions correctly (${number(percent)}%).`,
    passMark: (percent: number): string => `The pass mark is ${number(percent)}%.`,
    passed: 'You passed the knowledge check.',
    notPassedRetake: (left: number): string =>
      `You have not reached the pass mark yet. You have ${number(left)} ${plural(left, 'attempt', 'attempts')} left, and the next one asks different questions.`,
    failedForGood: (attempts: number): string =>
      `You did not reach the pass mark in ${number(attempts)} ${plural(attempts, 'attempt', 'attempts')}, so you have not passed this time. ` +
      'Your learning system records that. Talk to your manager or learning and development team about taking the course again.',
    retake: (attempt: number, attempts: number): string => `Start attempt ${number(attempt)} of ${number(attempts)}`,
    reviewHeading: 'Your answers',
  },
};

export type KnowledgeCheckWords = typeof knowledgeCheckEnGB;
