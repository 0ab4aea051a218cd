// The reflection screen's words in British English. They travel in the screens' catalogue part
// (player/strings/en-GB.screens.ts).
// A translation is one more such file beside it, typed by ReflectionWords (course/player/README.md, "Words and languages").
import { number, plural } from '../../player/strings/en-GB.format.ts';

export const reflectionEnGB = {
  reflection: {
    /** Above the course's note on a reflection screen whose answers go to the organisation. */
    sharedTitle: 'Your answers here are shared with your organisation',
    /** Under the intro where the answers share a limited room (SCORM 1.2); `floor` is what each answer always holds. */
    sharedRoom: (floor: number): string =>
      'Your answers share the room this course has for them, so the number under each box is an estimate for everyday writing. ' +
      `Each answer always has room for at least ${number(floor)} characters, and usually much more.`,
    /** One wording for the count under each box (issue 15.3): exact where the answer's own limit decides, else "about". */
    charactersRemaining: (n: number): string => `You have ${number(n)} ${plural(n, 'character', 'characters')} left`,
    atLimit: (max: number): string => `You have reached the limit of ${number(max)} characters`,
    aboutLeft: (n: number): string => `You have about ${number(n)} ${plural(n, 'character', 'characters')} left`,
    noRoomLeft: 'There is no room left for this answer. To write more, shorten this answer or another one.',
    overRoom: 'Your answers are too long to be saved. Shorten this answer or another one so that your changes can be saved.',
    addedInPart: (added: number, offered: number): string =>
      `Only ${number(added)} of the ${number(offered)} characters you added fit, so the rest was left out. Nothing you had already written was changed.`,
    /** Where the last save is kept (issue 17.5): the learning system has it, only this browser, or only this page. */
    saved: (time: string): string => `Saved at ${time}`,
    savedInBrowser: (time: string): string => `Saved in this browser at ${time}, not yet in your learning system`,
    keptOnPage: (time: string): string => `Kept on this page at ${time}, not saved yet`,
    notSaving: 'Your answers are not being saved in this session (see the message at the top of the page).',
    export: 'Export my reflections',
    exportHint: 'Opens a page with your answers that you can print or save as a PDF for supervision or appraisal. Nothing is sent anywhere.',
  },
};

export type ReflectionWords = typeof reflectionEnGB;
