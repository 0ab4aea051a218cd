// The film's rules, kept apart from video.js so they can be tested with a fake player: played ranges from real
// playback only, the watched threshold, no-skip-ahead, questions at timestamps, and the xAPI Video Profile events.
import type { FilmCuePoint } from '../../model/types.ts';
import type { VideoEvent } from '../../runtime/tracker.ts';
import { PlaybackTracker } from './playback-tracker.ts';
import { cuePointCrossed } from './cue-points.ts';
import {
  allowedSeekTarget,
  meetsWatchedThreshold,
  playedSegmentsString,
  watchedFraction,
  type PlayedRange,
} from './watched-ranges.ts';

export type FilmMediaEvent = 'play' | 'pause' | 'timeupdate' | 'seeking' | 'seeked' | 'ratechange' | 'waiting' | 'ended';

/** The few things the controller needs from a media player (video.js in the browser, a fake in tests). */
export interface FilmMedia {
  time(): number;
  seekTo(seconds: number): void;
  /** Duration in seconds, or NaN/0 while unknown. */
  duration(): number;
  paused(): boolean;
  seeking(): boolean;
  rate(): number;
  pause(): void;
  play(): void;
  /** Subscribes; returns the unsubscribe function. */
  on(event: FilmMediaEvent, handler: () => void): () => void;
}

export interface FilmProgress {
  /** Position in seconds. */
  position: number;
  played: readonly PlayedRange[];
  /** 0..1 */
  fraction: number;
  /** The completion threshold is met. */
  watched: boolean;
}

export interface FilmControllerOptions {
  media: FilmMedia;
  cuePoints: readonly FilmCuePoint[];
  /** Question ids of cue points already answered: those are not asked again. */
  answeredQuestionIds: ReadonlySet<string>;
  initialPlayed: readonly PlayedRange[];
  /** Duration from the course data, used until the media knows its own. */
  durationHint: number;
  watchedPercent: number;
  allowSkipAhead: boolean;
  onProgress(progress: FilmProgress): void;
  onVideoEvent(event: VideoEvent): void;
  onCuePoint(cue: FilmCuePoint): void;
  /** A seek past the furthest point watched was refused (no-skip-ahead mode). */
  onSeekRefused(limit: number): void;
}

/** Media time between progress reports during playback: often enough to resume close by, rare enough to be cheap. */
const PROGRESS_EVERY_SECONDS = 5;

export class FilmController {
  private readonly tracker: PlaybackTracker;
  private readonly handledCues = new Set<string>();
  private readonly unsubscribe: (() => void)[] = [];
  /** Last position seen outside a seek: the "from" of the next seeked event. */
  private lastKnownTime = 0;
  private reportedAt = 0;
  private watched: boolean;
  private correctingSeek = false;

  constructor(private readonly options: FilmControllerOptions) {
    this.tracker = new PlaybackTracker(options.initialPlayed);
    for (const cue of options.cuePoints) if (options.answeredQuestionIds.has(cue.question.id)) this.handledCues.add(cue.id);
    this.watched = meetsWatchedThreshold(this.tracker.played, this.duration(), options.watchedPercent);
    const { media } = options;
    const listen = (event: FilmMediaEvent, handler: () => void): void => void this.unsubscribe.push(media.on(event, handler));
    listen('play', () => this.onPlay());
    listen('pause', () => this.onPause());
    listen('timeupdate', () => this.onTimeUpdate());
    listen('seeking', () => this.onSeeking());
    listen('seeked', () => this.onSeeked());
    listen('ratechange', () => this.tracker.interrupt());
    listen('waiting', () => this.tracker.interrupt());
    listen('ended', () => this.onEnded());
  }

  get progress(): FilmProgress {
    const played = this.tracker.played;
    const duration = this.duration();
    return {
      position: this.options.media.time(),
      played,
      fraction: watchedFraction(played, duration),
      watched: meetsWatchedThreshold(played, duration, this.options.watchedPercent),
    };
  }

  /** The learner answered (or closed) the question of a cue point: carry on playing. */
  continueAfterCue(): void {
    this.options.media.play();
  }

  dispose(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }

  private duration(): number {
    const known = this.options.media.duration();
    return Number.isFinite(known) && known > 0 ? known : this.options.durationHint;
  }

  private onPlay(): void {
    const time = this.options.media.time();
    this.tracker.start(time);
    this.lastKnownTime = time;
    this.emitVideo('played', time);
  }

  private onPause(): void {
    const time = this.options.media.time();
    this.tracker.interrupt();
    // Browsers fire pause just before ended; the ended handler reports that case.
    if (this.duration() - time > 0.25) this.emitVideo('paused', time);
    this.report();
  }

  private onTimeUpdate(): void {
    const { media } = this.options;
    if (media.paused() || media.seeking()) return;
    const time = media.time();
    const credited = this.tracker.sample(time, media.rate());
    const previous = this.lastKnownTime;
    this.lastKnownTime = time;
    if (credited) this.checkCompletion(time);
    // Questions go by where playback took the film, not by what counts as watched: a stalled tab's long step between
    // two timeupdates is not credited as watched, but it still passed the cue point. Seeks never get here (seeking
    // returns above, and seeked moves lastKnownTime to the target).
    const cue = time > previous ? cuePointCrossed(this.options.cuePoints, previous, time, this.handledCues) : null;
    if (cue) {
      this.handledCues.add(cue.id);
      media.pause();
      this.options.onCuePoint(cue);
      return;
    }
    if (!credited) return;
    if (time - this.reportedAt >= PROGRESS_EVERY_SECONDS || time < this.reportedAt) this.report();
  }

  private onSeeking(): void {
    this.tracker.interrupt();
    if (this.options.allowSkipAhead || this.correctingSeek) return;
    const target = this.options.media.time();
    const allowed = allowedSeekTarget(target, this.tracker.played);
    if (allowed < target) {
      // Setting the time starts a second seek to the allowed point; it must not be checked again.
      this.correctingSeek = true;
      this.options.media.seekTo(allowed);
      this.options.onSeekRefused(allowed);
    }
  }

  private onSeeked(): void {
    this.correctingSeek = false;
    const time = this.options.media.time();
    if (Math.abs(time - this.lastKnownTime) >= 0.5) this.emitVideo('seeked', time, this.lastKnownTime);
    this.lastKnownTime = time;
    // Playback goes on from the new position: the chain restarts there rather than at the next timeupdate.
    if (!this.options.media.paused()) this.tracker.start(time);
    this.report();
  }

  private onEnded(): void {
    const end = this.duration();
    // The last timeupdate comes a little before the end: close the chain up to the end if it was unbroken.
    this.tracker.sample(end, this.options.media.rate());
    this.tracker.interrupt();
    this.checkCompletion(end);
    this.report();
  }

  private checkCompletion(time: number): void {
    if (this.watched) return;
    if (meetsWatchedThreshold(this.tracker.played, this.duration(), this.options.watchedPercent)) {
      this.watched = true;
      this.emitVideo('completed', time);
      this.report();
    }
  }

  private report(): void {
    const progress = this.progress;
    this.reportedAt = progress.position;
    this.options.onProgress(progress);
  }

  private emitVideo(verb: VideoEvent['verb'], time: number, from?: number): void {
    const played = this.tracker.played;
    const event: VideoEvent = {
      verb,
      time,
      progress: watchedFraction(played, this.duration()),
      playedSegments: playedSegmentsString(played),
    };
    if (from !== undefined) event.from = from;
    this.options.onVideoEvent(event);
  }
}
