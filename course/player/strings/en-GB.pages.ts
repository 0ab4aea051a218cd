// The player's own words in British English, part 3: the knowledge check, the summary, the certificate, the
// reflections export and the resource pages (supervision guide, glossary, references), with the lived-experience
// page; and the words seldom shown: the notice after a resume (it comes with the state codec) and what a save or
// connection problem means (the status banner fetches them when it has one). Only those import it
// (app/use-strings.ts, usePageStrings), so neither the first screen nor the film screen downloads them. The knowledge
// check's, the voices screen's and the summary's own words are in their folders (course/screen-types/<type>/words.ts)
// and are put in here under their keys.

import type { LaunchFailure, StatusProblem } from '../../runtime/tracker.ts';
import type { DecodeResult, StateDamage } from '../../runtime/state/codec.ts';
import { number, plural } from './en-GB.format.ts';
import { knowledgeCheckEnGB } from '../../screen-types/knowledge-check/words.ts';
import { voicesEnGB } from '../../screen-types/voices/words.ts';
import { summaryEnGB } from '../../screen-types/summary/words.ts';

type UnreadableReason = Extract<DecodeResult, { ok: false }>['reason'];

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
/** The LMS's technical detail in brackets after what happened, or nothing when it gave none. */
const bracketed = (detail: string): string => (detail === '' ? '' : ` (${detail})`);

/** What happened and where the work is now, for each problem the tracker reports; technical detail in brackets. */
function problemWords(problem: StatusProblem, keptLocally: boolean): string {
  switch (problem.kind) {
    case 'unreachable':
      return `Your learning system has not answered for a while, so your latest work has not been saved there yet. ${whereItIs(keptLocally)} ${askForHelp(keptLocally)}`;
    case 'refused':
      return `Your learning system has not accepted your latest work${bracketed(problem.detail)}. ${whereItIs(keptLocally)} ${askForHelp(keptLocally)}`;
    case 'not-started':
      return (
        `Your learning system did not start a session for this course${bracketed(problem.detail)}. You can carry on: ${keptLocally ? 'your work is kept in this browser' : 'your work is kept on this page'}, ` +
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

export const enGBPages = {
  /** What went wrong with saving or connecting (the status banner fetches these only when it has one). */
  problems: {
    describe: problemWords,
  },

  /** The notice shown once after a resume (it comes with the state codec). */
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

  exportPage: {
    title: 'My reflections',
    intro: (course: string): string => `Reflections written for the course “${course}”.`,
    name: 'Name',
    date: 'Date',
    course: 'Course',
    notAnswered: 'Not answered',
    nameNotGiven: 'Not given',
    namePrompt: 'Your name (optional, shown on the printed page)',
    print: 'Print or save as PDF',
    printHint: 'In the print window, choose “Save as PDF” to keep a copy. Nothing is sent anywhere.',
    backToCourse: 'Back to the course',
    privacy:
      'These are your private reflections. Keep this page safe, and share it only if you choose to, for example in supervision or appraisal.',
    privacyShared:
      'A copy of these reflections has also gone to your organisation’s learning system. Keep this page safe, and share it only if you choose to, for example in supervision or appraisal.',
  },

  guide: {
    print: 'Print the guide',
    groundRulesHeading: 'Ground rules',
    minutes: (n: number): string => `${number(n)} ${plural(n, 'minute', 'minutes')}:`,
    wellbeingHeading: 'If someone is upset, or you are worried about someone',
    filmHeading: 'The film',
    filmLine: (title: string, clock: string): string => `${title}, ${clock} long.`,
    chaptersLoading: 'Loading the chapters…',
    chaptersFailed: 'The chapter list could not be loaded.',
    scenariosHeading: 'Scenarios to discuss',
    discussionHeading: (scenario: string): string => `Questions for discussion: ${scenario}`,
    goodHeading: (scenario: string): string => `What good looks like: ${scenario}`,
    reflectionsHeading: 'Reflection prompts',
    reflectionsIntro: 'People answer these privately. Invite them to share only what they choose.',
    reflectionsIntroShared:
      'People’s answers to these go to the organisation’s learning system. In the session, invite them to share only what they choose.',
  },

  resourcePages: {
    referencesTitle: 'References',
    referencesIntro: 'The sources behind the figures and research in this course. Links open in a new tab.',
    readSource: (title: string): string => `Read “${title}” (opens in a new tab)`,
    glossaryTitle: 'Glossary',
    glossaryIntro: 'Clinical and service terms used in this course, in plain words.',
    print: 'Print or save as PDF',
  },

  sources: {
    heading: 'Sources for this page',
    all: 'See all references',
  },

  certificate: {
    title: 'Certificate of completion',
    certifies: 'This certifies that',
    completed: 'has completed',
    onDate: (date: string): string => `on ${date}`,
    edition: (edition: string): string => `Edition: ${edition}`,
    duration: (minutes: number): string => `Learning time: about ${number(minutes)} minutes`,
    score: (percent: number): string => `Knowledge check score: ${number(percent)}%`,
    publisher: (publisher: string): string => `Published by ${publisher}`,
    version: (version: string): string => `Course version ${version}`,
    namePrompt: 'Your name, as it should appear on the certificate',
    nameMissing: 'Name not given',
    print: 'Print or save as PDF',
    backToCourse: 'Back to the course',
  },

  ...knowledgeCheckEnGB,
  ...voicesEnGB,
  ...summaryEnGB,
};

export type PageStrings = typeof enGBPages;
