// video.js, core build only (no HLS/DASH streaming engine, vtt.js included so captions never load from a CDN), set
// up for the course film. This module is loaded with a dynamic import from the film screen, so video.js and its
// stylesheet are a chunk of their own that no other screen pays for.
import videojs from 'video.js/core.es.js';
import type { Film } from '../../model/types.ts';
import type { FilmMedia, FilmMediaEvent } from '../../player/logic/film-controller.ts';
import { mediaUrl } from '../../player/components/media-url.ts';
import { adjustVideoJsSpeech } from './video-js-speech.ts';
import { describeAloud, type TrackList } from './descriptions-speech.ts';
import '../../player/styles/film.css';

type VideoJsPlayer = ReturnType<typeof videojs>;

export interface FilmPlayerOptions {
  film: Film;
  /** BCP 47 language of the course: the descriptions track's language and video.js's interface language. */
  language: string;
  /** video.js control labels in the course language (keyed by video.js's English wording). */
  controlLabels: Record<string, string>;
  labels: { video: string; descriptions: string; chapters: string };
  /** Where playback starts (resume), in seconds. */
  startAt: number;
}

export interface FilmPlayerHandle {
  media: FilmMedia;
  /** Moves keyboard focus to the player (after a film question is closed). */
  focus(): void;
  dispose(): void;
}

const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 2];

function track(kind: string, src: string, srclang: string, label: string, isDefault = false): HTMLTrackElement {
  const element = document.createElement('track');
  element.kind = kind;
  element.src = mediaUrl(src);
  element.srclang = srclang;
  element.label = label;
  if (isDefault) element.default = true;
  return element;
}

/** Builds the video element (video.js takes it over, so Preact never renders it) and starts video.js on it. */
export function createFilmPlayer(container: HTMLElement, options: FilmPlayerOptions): FilmPlayerHandle {
  const { film } = options;
  const video = document.createElement('video');
  video.className = 'video-js';
  video.setAttribute('playsinline', '');
  video.preload = 'metadata';
  if (film.poster) video.poster = mediaUrl(film.poster);
  const source = document.createElement('source');
  source.src = mediaUrl(film.src);
  source.type = film.type;
  video.append(source);
  // Captions are on by default: the track the course marks as default, or else the first one.
  const defaultCaption = film.captions.findIndex((c) => c.default);
  film.captions.forEach((caption, i) => {
    video.append(track('captions', caption.src, caption.srclang, caption.label, i === (defaultCaption >= 0 ? defaultCaption : 0)));
  });
  if (film.descriptions) video.append(track('descriptions', film.descriptions, options.language, options.labels.descriptions));
  video.append(track('chapters', film.chapters, options.language, options.labels.chapters));
  container.append(video);

  adjustVideoJsSpeech();
  videojs.addLanguage(options.language, options.controlLabels);
  const player: VideoJsPlayer = videojs(video, {
    controls: true,
    fluid: true,
    language: options.language,
    playbackRates: PLAYBACK_RATES,
    // Inline SVG icons (shipped inside video.js) instead of its icon font: nothing to fetch, and less CSS.
    experimentalSvgIcons: true,
    // Controls stay visible: hiding them after a few seconds is a trap for keyboard and magnifier users.
    inactivityTimeout: 0,
    // Cues rendered by video.js (with the bundled vtt.js) look the same in every browser and follow our styles.
    html5: { nativeTextTracks: false },
    // The caption settings dialog needs a large stylesheet of its own; captions keep our readable default style.
    textTrackSettings: false,
    // Captions and descriptions may show together (video.js otherwise draws only the captions, and says nothing).
    textTrackDisplay: { allowMultipleShowingTracks: true },
    userActions: { hotkeys: true },
    controlBar: {
      skipButtons: { backward: 10 },
      volumePanel: { inline: true },
      children: [
        'playToggle',
        'skipBackward',
        'volumePanel',
        'currentTimeDisplay',
        'timeDivider',
        'durationDisplay',
        'progressControl',
        'customControlSpacer',
        'playbackRateMenuButton',
        'chaptersButton',
        'descriptionsButton',
        'subsCapsButton',
        'fullscreenToggle',
      ],
    },
  });
  player.el().setAttribute('aria-label', options.labels.video);
  // The volume slider is a polite live region in video.js: its value is already said to whoever moves it.
  player.el().querySelector('.vjs-volume-bar')?.removeAttribute('aria-live');
  // Audio description: the descriptions track, when switched on, is read out by the learner's screen reader.
  const stopDescribing = describeAloud(player.textTracks() as unknown as TrackList, container);

  if (options.startAt > 0) {
    player.one('loadedmetadata', () => {
      player.currentTime(options.startAt);
    });
  }

  const media: FilmMedia = {
    time: () => player.currentTime() ?? 0,
    seekTo: (seconds) => {
      player.currentTime(seconds);
    },
    duration: () => player.duration() ?? Number.NaN,
    paused: () => player.paused(),
    seeking: () => player.seeking(),
    rate: () => player.playbackRate() ?? 1,
    pause: () => player.pause(),
    play: () => {
      // A refused play() (autoplay policy, no source) leaves the film paused; the learner presses play themselves.
      player.play()?.catch(() => undefined);
    },
    on: (event: FilmMediaEvent, handler: () => void) => {
      player.on(event, handler);
      return () => player.off(event, handler);
    },
  };

  return {
    media,
    focus: () => (player.getChild('ControlBar')?.getChild('PlayToggle')?.el() as HTMLElement | undefined)?.focus(),
    dispose: () => {
      stopDescribing();
      player.dispose();
    },
  };
}
