// The summary screen's words in British English (the certificate page says one of them too). They travel in the
// pages' catalogue part (player/strings/en-GB.pages.ts).
// A translation is one more such file beside it, typed by SummaryWords (course/player/README.md, "Words and languages").
import { number, plural } from '../../player/strings/en-GB.format.ts';

export const summaryEnGB = {
  summary: {
    completedTitle: 'You have completed the course',
    notCompletedTitle: 'You have not completed the course yet',
    failedTitle: 'You have not passed the knowledge check',
    stillToDo: 'To complete it:',
    passNeeded: (percent: number): string => `Reach the pass mark of ${number(percent)}% in the knowledge check (you have another attempt)`,
    goTo: (section: string): string => `Go to ${section}`,
    scoreHeading: 'Knowledge check',
    attemptInProgress: (attempt: number, attempts: number, answered: number, total: number): string =>
      `Attempt ${number(attempt)} of ${number(attempts)}: you have answered ${number(answered)} of ${number(total)} questions.`,
    noScore: 'You have not started the knowledge check yet.',
    confidenceHeading: 'Your confidence, before and after',
    confidenceNone: 'Rate your confidence at the start and the end of the course to see how it changed.',
    statement: 'Statement',
    before: 'Before',
    after: 'After',
    change: 'Change',
    notRated: 'Not rated',
    rating: (label: string, point: number): string => `${label} (${number(point)})`,
    changeText: (change: number): string =>
      change === 0 ? 'No change' : `${change > 0 ? 'Up' : 'Down'} ${number(Math.abs(change))} ${plural(Math.abs(change), 'point', 'points')}`,
    averageChange: (change: number): string =>
      `On average your confidence went ${change > 0 ? 'up' : change < 0 ? 'down' : 'neither up nor down'}${
        change === 0 ? '' : ` by ${Math.abs(change).toLocaleString('en-GB', { maximumFractionDigits: 1 })} ${plural(Math.abs(change), 'point', 'points')}`
      }.`,
    certificateHeading: 'Your certificate',
    certificateReady: 'Your certificate is ready to view and print.',
    viewCertificate: 'View and print your certificate',
    certificateLater: 'Your certificate will be available here once you have completed the course.',
    finish: 'Finish the course',
    finishHint: 'This tells your learning system you have finished. You can still print your certificate afterwards.',
    finishHintStandalone: 'This ends your session. You can still print your certificate afterwards.',
    finished: 'You have finished. Your learning system has been told, and you can close this window.',
    finishedStandalone: 'You have finished, and you can close this window. Your progress stays in this browser only.',
    finishing: 'Finishing…',
  },
};

export type SummaryWords = typeof summaryEnGB;
