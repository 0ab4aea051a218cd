// The player's own words in British English, part 1: what the frame and the welcome screen show (header, menu,
// connection status, resources; the welcome screen's own words are in course/screen-types/welcome/words.ts). Part 2,
// en-GB.screens.ts, holds the words of the other screens and of the support panel (a chunk the welcome screen fetches
// after its first render); part 3, en-GB.pages.ts, those of the knowledge check, summary and pages, the resume notice
// and what a save problem means: so the first screen does not download them. Course content (titles, questions,
// feedback) comes from the course data. A translation is three such files and a words file per screen type, typed by
// FrameStrings, ScreenStrings, PageStrings and each type's words: TypeScript names any string it forgot.

import { number } from './en-GB.format.ts';
import { welcomeEnGB } from '../../screen-types/welcome/words.ts';

export const enGB = {
  app: {
    skipLink: 'Skip to main content',
    loading: 'Loading the course…',
    screenLoading: 'Loading this part of the course…',
    screenLoadFailed: 'This part of the course could not be loaded. Check your connection, then try again.',
    tryAgain: 'Try again',
    configProblemTitle: 'This course cannot start',
    configProblemBody:
      'The course package is incomplete or was changed after it was built. Please tell your learning and development team, and quote the details below.',
    startProblemTitle: 'This course could not connect',
    startProblemBody:
      'The course could not start its connection to your learning system. Close this window and open the course again. If it happens again, tell your learning and development team and quote the details below.',
    problemDetails: 'Details for support',
    menuButton: 'Sections',
    menuLabel: 'Course sections',
    sectionsDone: (done: number, total: number): string => `${number(done)} of ${number(total)} sections completed`,
    currentSection: (status: string): string => `${status} · You are here`,
    back: 'Back',
    next: 'Next',
    /** The Next button's whole name: the visible word first (WCAG 2.5.3), then where it goes, with no stray space. */
    nextScreen: (title: string): string => `Next: ${title}`,
    screenPosition: (position: number, total: number): string => `Page ${number(position)} of ${number(total)}`,
    footer: (edition: string, version: string): string => `${edition} · Course version ${version}`,
    /** The footer link to accessibility.html; it opens in a new tab, so the course in the LMS frame stays open. */
    accessibilityStatement: 'Accessibility statement (opens in a new tab)',
    /** When the LMS's frame may not open tabs: the statement's address, to copy into a new tab. */
    accessibilityStatementBlocked: (address: string): string =>
      `Your learning system does not let the course open a new tab. To read the statement, copy this address into a new tab: ${address}`,
  },

  sectionStatus: {
    completed: 'Completed',
    inProgress: 'In progress',
    notStarted: 'Not started',
  },

  status: {
    standaloneTitle: 'Progress is kept only in this browser',
    standaloneBody:
      'This course is not connected to a learning system, so your progress is saved only in this browser on this device. It will not count towards your training record.',
    unreachableTitle: 'Your learning system cannot be reached right now',
    retryingBody: (keptLocally: boolean): string =>
      keptLocally
        ? 'Your work is safe in this browser. The course keeps trying to send it, and you can carry on.'
        : 'This browser cannot keep a copy, so please keep this page open: the course keeps trying to send your work, and you can carry on.',
    failedTitle: 'There is a problem saving your progress',
    detail: (detail: string): string => `Details: ${detail}`,
    reviewTitle: 'You are reviewing this course',
    reviewBody: 'Nothing you do now changes your training record.',
  },

  resources: {
    heading: 'Resources',
    /** Link texts for the resource pages; each opens in place of the course, with a way back. */
    link: {
      guide: 'Guide for supervision (for whoever leads a one-to-one or team session)',
      glossary: 'Glossary of terms',
      references: 'References: where the course’s figures come from',
    },
  },

  ...welcomeEnGB,
};

export type FrameStrings = typeof enGB;
