// The player's own words in British English, part 2: the screens after the welcome screen (film, scenarios,
// confidence, reflections), the film player's controls and the support panel. Loaded with the first of those
// (app/use-strings.ts); part 1 is en-GB.ts, part 3 (the knowledge check, summary and the pages outside the course's
// flow) is en-GB.pages.ts.

const number = (n: number): string => n.toLocaleString('en-GB');
const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

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

  quality: {
    helpful: 'Helpful response',
    'partly-helpful': 'Partly helpful response',
    unhelpful: 'Unhelpful response',
  },

  film: {
    loadingPlayer: 'Loading the film player…',
    playerFailed: 'The film player could not be loaded. You can still read the transcript below.',
    watchedSoFar: (percent: number): string => `You have watched ${number(percent)}% of the film.`,
    watchedGoal: (percent: number): string => `Watch at least ${number(percent)}% of it to complete this section.`,
    watchedDone: 'You have watched enough of the film to complete this section.',
    noSkipAhead: 'You can go back in the film at any time, but you cannot skip ahead of the furthest point you have watched.',
    skipRefused: 'You cannot skip ahead of the furthest point you have watched.',
    transcript: 'Transcript',
    transcriptLoading: 'Loading the transcript…',
    transcriptFailed: 'The transcript could not be loaded.',
    chapters: 'Chapters',
    descriptionsTrack: 'Audio descriptions',
    chapterAt: (clock: string): string => `at ${clock}`,
    /** The heading of a question asked at a point in the film. */
    questionHeading: (position: number, total: number): string => `Film question ${number(position)} of ${number(total)}`,
    questionIntro: 'The film has paused for a question.',
    /** Beside the player when the film has audio description. */
    descriptionsNote:
      'Audio description: choose “Audio descriptions” in the player’s controls (the AD button) to have what is shown on screen read out by your screen reader, with or without captions. The transcript also describes everything shown.',
    /** Beside the player when the film has no audio description track (a trust's own film may have none): says so
     *  where a learner looks for it, so nothing promises a control that is not there. */
    transcriptNote: 'This film has no audio description. The transcript describes everything shown on screen as well as what is said.',
    /** The transcript's heading, and the button that shows it. */
    transcriptShow: 'Show the transcript',
    continueWatching: 'Continue watching',
    videoLabel: (title: string): string => `Film: ${title}`,
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

  scenario: {
    setting: (setting: string): string => `Setting: ${setting}`,
    choose: 'Choose this response',
    youChose: 'You chose:',
    whatHappened: 'What happened:',
    feedback: 'Feedback:',
    stepHeading: (n: number): string => `Step ${number(n)}`,
    ended: 'You have reached the end of this scenario.',
    restart: 'Try a different path',
  },

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

  confidence: {
    intro: {
      before: 'Before you start, rate how confident you feel. There are no right answers, and this is not scored.',
      after: 'Now that you have finished, rate how confident you feel. You can compare this with your answers from the start.',
    },
  },

  /**
   * video.js's own control labels, keyed by its English wording (video.js looks them up by these keys). Only the
   * controls the player shows are listed.
   */
  videoPlayer: {
    Play: 'Play',
    Pause: 'Pause',
    Replay: 'Replay',
    'Current Time': 'Current time',
    Duration: 'Duration',
    'Remaining Time': 'Remaining time',
    'Progress Bar': 'Progress bar',
    progress: 'progress',
    Fullscreen: 'Full screen',
    'Exit Fullscreen': 'Exit full screen',
    'Non-Fullscreen': 'Exit full screen',
    Mute: 'Mute',
    Unmute: 'Unmute',
    'Volume Level': 'Volume level',
    'Playback Rate': 'Playback speed',
    Captions: 'Captions',
    'captions off': 'Captions off',
    'captions settings': 'Caption settings',
    // video.js calls the captions menu "Subtitles" outside North America; the film's tracks are captions.
    Subtitles: 'Captions',
    'subtitles off': 'Captions off',
    Chapters: 'Chapters',
    Descriptions: 'Audio descriptions',
    'descriptions off': 'Descriptions off',
    'Audio Track': 'Audio track',
    'Video Player': 'Video player',
    // video.js names the skip buttons with these keys ({1} is the number of seconds).
    'Skip backward {1} seconds': 'Back {1} seconds',
    'Skip forward {1} seconds': 'Forward {1} seconds',
    'Close Modal Dialog': 'Close',
    'The media could not be loaded, either because the server or network failed or because the format is not supported.':
      'The film could not be loaded. Check your connection and try again; the transcript is below the film.',
    'A network error caused the media download to fail part-way.': 'The film stopped loading because of a network problem.',
    'No compatible source was found for this media.': 'This browser cannot play the film. The transcript is below the film.',
    '{1} is loading.': '{1} is loading.',
    'Playing in Picture-in-Picture': 'Playing in picture-in-picture',
    // Words video.js shows without a control of ours naming them (its big play button, the progress bar's spoken
    // value, the loaded part of it, the error dialog), so that they are in the learner's language too.
    'Play Video': 'Play Video',
    'progress bar timing: currentTime={1} duration={2}': '{1} of {2}',
    Loaded: 'Loaded',
    'Modal Window': 'Modal Window',
    'This is a modal window.': 'This is a modal window.',
    'This modal can be closed by pressing the Escape key or activating the close button.':
      'This modal can be closed by pressing the Escape key or activating the close button.',
    'Beginning of dialog window. Escape will cancel and close the window.': 'Beginning of dialog window. Escape will cancel and close the window.',
    'End of dialog window.': 'End of dialog window.',
  } as Record<string, string>,
};

export type ScreenStrings = typeof enGBScreens;
