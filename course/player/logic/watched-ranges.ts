// Which parts of the film the learner has actually played. video.js has no such notion: its own played() ranges
// include time skipped by the browser and vanish on reload. Ranges here are [start, end] in seconds, sorted and
// non-overlapping, so they can be saved in the learner state and reported as xAPI Video Profile played-segments.

export type PlayedRange = [number, number];

/** Gaps smaller than this are closed when merging, so rounding and timeupdate jitter do not leave slivers. */
const MERGE_TOLERANCE_SECONDS = 0.5;

/** Adds one range to a sorted, merged list and returns a new sorted, merged list. */
export function addRange(ranges: readonly PlayedRange[], range: PlayedRange): PlayedRange[] {
  const [rawStart, rawEnd] = range;
  if (!Number.isFinite(rawStart) || !Number.isFinite(rawEnd) || rawEnd <= rawStart) return ranges.map((r) => [r[0], r[1]]);
  let start = Math.max(0, rawStart);
  let end = rawEnd;
  const merged: PlayedRange[] = [];
  for (const [s, e] of ranges) {
    if (e + MERGE_TOLERANCE_SECONDS < start || s - MERGE_TOLERANCE_SECONDS > end) {
      merged.push([s, e]);
    } else {
      start = Math.min(start, s);
      end = Math.max(end, e);
    }
  }
  merged.push([start, end]);
  return merged.sort((a, b) => a[0] - b[0]);
}

/** Normalises an untrusted list (from saved state) into sorted, merged ranges inside [0, duration]. */
export function normaliseRanges(ranges: readonly PlayedRange[], durationSeconds: number): PlayedRange[] {
  let result: PlayedRange[] = [];
  for (const [s, e] of ranges) result = addRange(result, [Math.max(0, s), Math.min(durationSeconds, e)]);
  return result;
}

export function coveredSeconds(ranges: readonly PlayedRange[]): number {
  return ranges.reduce((sum, [s, e]) => sum + (e - s), 0);
}

/** Share of the film played, 0..1. */
export function watchedFraction(ranges: readonly PlayedRange[], durationSeconds: number): number {
  if (!(durationSeconds > 0)) return 0;
  return Math.min(1, coveredSeconds(ranges) / durationSeconds);
}

/**
 * Whether the film counts as watched. The comparison is done on whole per-mille steps so that a film reported as
 * 89.99999 % because of float sums still counts at a 90 % threshold only when it really reached it.
 */
export function meetsWatchedThreshold(ranges: readonly PlayedRange[], durationSeconds: number, percent: number): boolean {
  if (percent <= 0) return true;
  return Math.round(watchedFraction(ranges, durationSeconds) * 1000) >= Math.round(percent * 10);
}

/** The furthest point reached by actual playback: the limit for seeking when skipping ahead is not allowed. */
export function furthestWatched(ranges: readonly PlayedRange[]): number {
  return ranges.reduce((max, [, e]) => Math.max(max, e), 0);
}

/**
 * Where a seek may land when skipping ahead is not allowed: anywhere up to the furthest point played (plus a small
 * tolerance for the seek bar's granularity); further than that snaps back to it. Backward seeks are always allowed.
 */
export function allowedSeekTarget(target: number, ranges: readonly PlayedRange[], toleranceSeconds = 1): number {
  const limit = furthestWatched(ranges);
  return target <= limit + toleranceSeconds ? target : limit;
}

/** xAPI Video Profile result extension "played-segments": "0[.]12.5[,]30[.]45" (three decimals at most). */
export function playedSegmentsString(ranges: readonly PlayedRange[]): string {
  const format = (n: number): string => String(Math.round(n * 1000) / 1000);
  return ranges.map(([s, e]) => `${format(s)}[.]${format(e)}`).join('[,]');
}

/**
 * Ranges in whole seconds for the saved state. Starts round up and ends round down, so saving never credits time
 * that was not played; a range shorter than a second after rounding is dropped.
 */
export function toWholeSeconds(ranges: readonly PlayedRange[]): PlayedRange[] {
  let result: PlayedRange[] = [];
  for (const [s, e] of ranges) {
    const start = Math.ceil(s - 1e-6);
    const end = Math.floor(e + 1e-6);
    if (end > start) result = addRange(result, [start, end]);
  }
  return result;
}
