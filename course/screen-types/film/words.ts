// The film screen's words in British English, with video.js's control labels (keyed by video.js's own English
// wording, which it looks them up by). They travel in the screens' catalogue part (player/strings/en-GB.screens.ts).
// A translation is one more such file beside it, typed by FilmWords (course/player/README.md, "Words and languages").
import { number } from '../../player/strings/en-GB.format.ts';

export const filmEnGB = {
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

export type FilmWords = typeof filmEnGB;
