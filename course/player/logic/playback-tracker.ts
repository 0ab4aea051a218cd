// Turns the stream of media events into played ranges. Only time that passes during normal playback counts: a
// jump between two timeupdates (a seek, a scrub, a stall followed by a skip) breaks the chain instead of adding a
// range, so dragging the seek bar to the end never counts as watching.
import { addRange, type PlayedRange } from './watched-ranges.ts';

/** timeupdate fires every 15–250 ms while playing; a larger step than this means the position jumped. */
export function maxPlayedStep(playbackRate: number): number {
  return Math.max(1, 2 * playbackRate);
}

export class PlaybackTracker {
  private ranges: PlayedRange[];
  /** Position of the previous sample taken during playback, or null when the chain is broken. */
  private last: number | null = null;

  constructor(initial: readonly PlayedRange[] = []) {
    this.ranges = initial.map(([s, e]) => [s, e]);
  }

  get played(): readonly PlayedRange[] {
    return this.ranges;
  }

  /** Playback started or resumed at `time`: the next sample may extend from here. */
  start(time: number): void {
    this.last = time;
  }

  /** Seeking, pausing, rate changes, waiting: the next sample must not be joined to the previous one. */
  interrupt(): void {
    this.last = null;
  }

  /**
   * A timeupdate while the media is playing. Returns the range just credited, if any.
   * @param time current position in seconds
   * @param playbackRate current rate, used to tell normal progress from a jump
   */
  sample(time: number, playbackRate: number): PlayedRange | null {
    const previous = this.last;
    this.last = time;
    if (previous === null) return null;
    const step = time - previous;
    if (step <= 0 || step > maxPlayedStep(playbackRate)) return null;
    const range: PlayedRange = [previous, time];
    this.ranges = addRange(this.ranges, range);
    return range;
  }
}
