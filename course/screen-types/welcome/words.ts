// The welcome screen's words in British English. They travel in the frame's catalogue part
// (player/strings/en-GB.ts, the first screen's chunk), as the welcome screen is the first screen.
// A translation is one more such file beside it, typed by WelcomeWords (course/player/README.md, "Words and languages").
import type { ProgressStorage } from '../../runtime/tracker.ts';
import { number } from '../../player/strings/en-GB.format.ts';

const STORAGE: Record<ProgressStorage, string> = {
  'learning-system': "your organisation's learning system",
  'this-browser': 'this browser only: your progress is not sent to any learning system',
  'this-page': 'this page only: this browser does not keep your progress, so it is lost when the page closes',
};

export const welcomeEnGB = {
  welcome: {
    /** The button straight after the introduction, for a learner who has not started yet. */
    start: 'Start the course',
    timeNeeded: (minutes: number): string => `Time needed: about ${number(minutes)} minutes.`,
    outcomesHeading: 'By the end you will be able to:',
    activitiesHeading: 'On the way you will',
    trackingHeading: 'What your learning system records',
    privacyHeading: 'Your reflections are private',
    savedTo: (where: ProgressStorage): string => `Your progress is saved to ${STORAGE[where]}.`,
    privacyHeadingShared: 'Your reflections are shared with your organisation',
  },
};

export type WelcomeWords = typeof welcomeEnGB;
