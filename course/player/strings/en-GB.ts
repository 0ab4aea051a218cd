// The player's own words in British English, part 1: what the frame and the welcome screen show (header, menu,
// status, notices, welcome, support contacts). Part 2, en-GB.screens.ts, holds the words of the other screens, so
// that the first screen does not download them. Course content (titles, questions, feedback) comes from the course
// data. A translation is two such files, typed by FrameStrings and ScreenStrings: TypeScript names any string it forgot.

import type { LaunchFailure, ProgressStorage, StatusProblem } from '../../runtime/tracker.ts';
import type { DecodeResult, StateDamage } from '../../runtime/state/codec.ts';

type UnreadableReason = Extract<DecodeResult, { ok: false }>['reason'];

const number = (n: number): string => n.toLocaleString('en-GB');

/** Where the learner's work is while the learning system does not have it. */
const whereItIs = (keptLocally: boolean): string =>
  keptLocally
    ? 'Your work is kept safely in this browser until it gets through.'
    : 'This browser cannot keep a copy, so please keep this page open until it gets through.';

const askForHelp = (keptLocally: boolean): string =>
  keptLocally
    ? 'Please do not clear this browser’s data, and tell your learning team if this message stays.'
    : 'Please tell your learning team if this message stays.';

const LAUNCH_FAILURES: Record<LaunchFailure, string> = {
  'no-answer': 'it did not answer the sign-in request',
  'link-used': 'this launch link has already been used',
  'sign-in-refused': 'it refused the sign-in',
  'launch-data-unreadable': 'its launch data could not be read',
  'launch-data-invalid': 'its launch data is not in the form the course needs',
  other: 'an unexpected error',
};

const withDetail = (words: string, detail: string): string => (detail === '' ? words : `${words}: ${detail}`);

/** What happened and where the work is now, for each problem the tracker reports; technical detail in brackets. */
function problemWords(problem: StatusProblem, keptLocally: boolean): string {
  switch (problem.kind) {
    case 'unreachable':
      return `Your learning system has not answered for a while, so your latest work has not been saved there yet. ${whereItIs(keptLocally)} ${askForHelp(keptLocally)}`;
    case 'refused':
      return `Your learning system has not accepted your latest work (${problem.detail}). ${whereItIs(keptLocally)} ${askForHelp(keptLocally)}`;
    case 'not-started':
      return (
        `Your learning system did not start a session for this course (${problem.detail}). You can carry on: ${keptLocally ? 'your work is kept in this browser' : 'your work is kept on this page'}, ` +
        'and it will be sent when the learning system answers. If this message stays, close the course and open it again from your learning system.'
      );
    case 'other-session':
      return [
        'Your learning system now holds progress from another session of this course, so this one no longer saves there.',
        keptLocally ? 'Your latest work from this session is kept in this browser.' : '',
        'Close the course and open it again from your learning system to carry on.',
      ].filter(Boolean).join(' ');
    case 'too-large':
      return (
        `Your latest changes make your saved work ${number(problem.length)} characters long, more than your learning system can store ` +
        `(${number(problem.limit)}). They are kept in this browser; please shorten your longest reflection so they can be saved.`
      );
    case 'browser-refused':
      return 'This browser refused to keep your progress (its storage is full or blocked), so it will be lost when the page closes.';
    case 'not-connected':
      return (
        `The course could not connect to your learning system (${withDetail(LAUNCH_FAILURES[problem.reason], problem.detail)}), so nothing you do this time will be recorded there; ` +
        `your progress is kept ${keptLocally ? 'in this browser' : 'on this page'} only. Close the course and open it again from your learning system to try again.`
      );
    case 'saver-not-loaded':
      return 'The part of the course that saves your progress could not be loaded, so your latest work has not been saved yet. Check your connection: the course tries again as soon as you carry on.';
  }
}

const WHY_UNREADABLE: Record<UnreadableReason, string> = {
  truncated: 'Your learning system returned only part of your saved progress.',
  corrupt: 'Part of your saved progress was damaged on its way back from your learning system.',
  'course-changed': 'This course has been updated since your last visit, and part of it has changed.',
  'unknown-version': 'Your progress was saved by a newer version of this course than the one your learning system opened.',
};

/** Saved progress read in part: why, what starts again, what was lost, and that the rest is kept. */
function sectionsRestarted(reason: UnreadableReason, damage: StateDamage, sections: string): string {
  const lost = damage.reflectionsLost;
  return [
    WHY_UNREADABLE[reason],
    `You will start ${sections} again.`,
    damage.progressLost ? 'The record of which sections you had finished could not be recovered.' : '',
    lost === 'all' ? 'Your reflections could not be recovered.' : lost === 1 ? 'One of your reflections could not be recovered.' : lost > 1 ? `${number(lost)} of your reflections could not be recovered.` : '',
    damage.reflectionCut ? 'A reflection that was cut short has kept its beginning: please check it and finish it.' : '',
    'Everything else you had done has been kept.',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Saved progress that could not be read at all. */
function progressLost(reason: UnreadableReason): string {
  if (reason === 'unknown-version') {
    return `${WHY_UNREADABLE[reason]} It could not be read here, and nothing has been overwritten yet: ask your learning team which version of the course to use.`;
  }
  return `${reason === 'corrupt' ? 'Your saved progress could not be read' : `${WHY_UNREADABLE[reason]} Nothing of it could be recovered`}, so the course starts again from the beginning. We are sorry for the trouble.`;
}

const STORAGE: Record<ProgressStorage, string> = {
  'learning-system': "your organisation's learning system",
  'this-browser': 'this browser only: your progress is not sent to any learning system',
  'this-page': 'this page only: this browser does not keep your progress, so it is lost when the page closes',
};

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

  support: {
    heading: 'Getting support',
    intro: (organisation: string): string =>
      `If anything in this course affects you, or you want to talk something through, these services at ${organisation} can help.`,
    /** Before the national services, which every build lists (after the trust's own contacts, where it has some). */
    introNational: 'If anything in this course affects you, or you want to talk something through, these services can help.',
    nationalHeading: 'Anyone in the UK can contact',
    text: 'Text:',
    textLink: (word: string, number: string): string => `Text ${word} to ${number}`,
    phone: 'Phone:',
    email: 'Email:',
    website: 'Website:',
    /** Link text for a contact's web page, which opens in a new tab. */
    websiteLink: (name: string): string => `${name} (opens in a new tab)`,
    hours: 'When:',
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
    problem: problemWords,
    detail: (detail: string): string => `Details: ${detail}`,
    reviewTitle: 'You are reviewing this course',
    reviewBody: 'Nothing you do now changes your training record.',
  },

  notices: {
    /** Shown on the page the learner left off at (and gone once they move), so it says so rather than asking them to
        go there. */
    welcomeBack: (screen: string): string => `Welcome back. You are where you left off: “${screen}”.`,
    sectionsRestartedTitle: 'Some of your progress could not be restored',
    sectionsRestarted,
    sectionList: (titles: string[]): string =>
      titles.length === 1
        ? `the section “${titles[0]}”`
        : `the sections ${titles.slice(0, -1).map((t) => `“${t}”`).join(', ')} and “${titles[titles.length - 1]}”`,
    progressLostTitle: 'Your saved progress could not be restored',
    progressLost,
    dismiss: 'Dismiss',
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

export type FrameStrings = typeof enGB;
