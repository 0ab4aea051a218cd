// The player's own words in British English, part 2: the screens after the welcome screen (film, scenarios,
// confidence, reflections), the film player's controls and the support panel. Loaded with the first of those
// (app/use-strings.ts); part 1 is en-GB.ts, part 3 (the knowledge check, summary and the pages outside the course's
// flow) is en-GB.pages.ts. Each screen type's own words are in its folder (course/screen-types/<type>/words.ts) and
// are put in here under their keys; what several screens share (forms, questions, support) is written here.

import { number, plural } from './en-GB.format.ts';
import { filmEnGB } from '../../screen-types/film/words.ts';
import { scenarioEnGB } from '../../screen-types/scenario/words.ts';
import { reflectionEnGB } from '../../screen-types/reflection/words.ts';
import { confidenceEnGB } from '../../screen-types/confidence/words.ts';

export const enGBScreens = {
  /** The "Getting support" panel (components/SupportPanel.tsx), a chunk the welcome screen fetches after its first render. */
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

  form: {
    errorSummaryTitle: 'There is a problem',
    error: 'Error:',
    chooseOne: 'Choose an answer',
    chooseAtLeastOne: 'Choose at least one answer',
  },

  question: {
    check: 'Check your answer',
    correct: 'Correct',
    incorrect: 'Not quite',
    attemptsLeft: (n: number): string => `You have ${number(n)} ${plural(n, 'more attempt', 'more attempts')}.`,
    noAttemptsLeft: 'You have no attempts left for this question.',
    tryAgain: 'Try again: change your answer and check it.',
    yourAnswer: 'Your answer',
    correctAnswer: 'Correct answer',
    notCorrect: 'Not a correct answer',
  },


  ...filmEnGB,
  ...scenarioEnGB,
  ...reflectionEnGB,
  ...confidenceEnGB,
};

export type ScreenStrings = typeof enGBScreens;
