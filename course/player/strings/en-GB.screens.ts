// The player's own words in British English, part 2: every screen after the welcome screen, the printable pages and
// the film player's controls. Loaded with the first of those screens (strings/screen-strings.ts); part 1 is en-GB.ts.

const number = (n: number): string => n.toLocaleString('en-GB');
const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const enGBScreens = {
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
    questionHeading: 'Question',
    questionIntro: 'The film has paused for a question.',
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

  knowledge: {
    scoreSoFar: (answered: number, total: number): string => `You have answered ${number(answered)} of ${number(total)} questions.`,
    score: (correct: number, total: number, percent: number): string =>
      `Your score: ${number(correct)} of ${number(total)} (${number(percent)}%).`,
    passMark: (percent: number): string => `The pass mark is ${number(percent)}%.`,
    passed: 'You passed.',
    notPassed: 'You have not reached the pass mark yet.',
    retake: 'Take the check again',
    retakeHint: 'Your answers to this check will be cleared so you can answer every question again.',
    questionNumber: (n: number, total: number): string => `Question ${number(n)} of ${number(total)}`,
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
    announce: (quality: string, consequence: string): string => `${quality}. ${consequence}`,
  },

  reflection: {
    /** Above the course's note on a reflection screen whose answers go to the organisation. */
    sharedTitle: 'Your answers here are shared with your organisation',
    /** Under the intro where the answers share a limited room (SCORM 1.2); `floor` is what each answer always holds. */
    sharedRoom: (floor: number): string =>
      'Your learning system keeps only a limited amount of saved work for this course, so your answers share the space. ' +
      `The number under each box is an estimate for everyday writing. Each answer always has room for at least ${number(floor)} characters, and usually much more.`,
    charactersRemaining: (n: number): string => `You have ${number(n)} ${plural(n, 'character', 'characters')} remaining`,
    atLimit: (max: number): string => `You have reached the limit of ${number(max)} characters`,
    aboutLeft: (n: number): string => `About ${number(n)} more ${plural(n, 'character', 'characters')} will fit`,
    noRoomLeft: 'There is no room left for this answer. To write more, shorten this answer or another one.',
    overRoom: 'Your answers are longer than your learning system can save. Shorten this answer or another one so that your changes can be saved.',
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
    intro:
      'A guide for whoever leads the team session. Use it in supervision or a team meeting after people have taken the course. It is made from the same content as the course.',
    print: 'Print the guide',
    aboutHeading: 'About the course',
    filmHeading: 'The film',
    filmLine: (title: string, clock: string): string => `${title}, ${clock} long.`,
    chaptersLoading: 'Loading the chapters…',
    chaptersFailed: 'The chapter list could not be loaded.',
    scenariosHeading: 'Scenarios to discuss',
    discussionHeading: 'Questions for discussion',
    reflectionsHeading: 'Reflection prompts',
    reflectionsIntro: 'People answer these privately. Invite them to share only what they choose.',
    reflectionsIntroShared:
      'People’s answers to these go to the organisation’s learning system. In the session, invite them to share only what they choose.',
  },

  confidence: {
    intro: {
      before: 'Before you start, rate how confident you feel. There are no right answers, and this is not scored.',
      after: 'Now that you have finished, rate how confident you feel. You can compare this with your answers from the start.',
    },
  },

  summary: {
    completedTitle: 'You have completed the course',
    notCompletedTitle: 'You have not completed the course yet',
    stillToDo: 'To complete it:',
    passNeeded: (percent: number): string => `Reach the pass mark of ${number(percent)}% in the knowledge check`,
    goTo: (section: string): string => `Go to ${section}`,
    scoreHeading: 'Knowledge check',
    noScore: 'You have not answered every knowledge check question yet.',
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
    'Skip Backward': 'Back 10 seconds',
    'Skip Forward': 'Forward 10 seconds',
    'Close Modal Dialog': 'Close',
    'The media could not be loaded, either because the server or network failed or because the format is not supported.':
      'The film could not be loaded. Check your connection and try again; the transcript is below the film.',
    'A network error caused the media download to fail part-way.': 'The film stopped loading because of a network problem.',
    'No compatible source was found for this media.': 'This browser cannot play the film. The transcript is below the film.',
    '{1} is loading.': '{1} is loading.',
    'Playing in Picture-in-Picture': 'Playing in picture-in-picture',
  } as Record<string, string>,
};

export type ScreenStrings = typeof enGBScreens;
