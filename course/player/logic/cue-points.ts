// Questions asked at film timestamps: which one playback has just reached, and where a resumed film should start.
import type { FilmCuePoint } from '../../model/types.ts';

/**
 * The first cue point that normal playback crossed between two positions, skipping those already handled.
 * A cue point exactly at `from` was reached by the previous step, so it is not reached again.
 */
export function cuePointCrossed(
  cuePoints: readonly FilmCuePoint[],
  from: number,
  to: number,
  handled: ReadonlySet<string>,
): FilmCuePoint | null {
  let found: FilmCuePoint | null = null;
  for (const cue of cuePoints) {
    if (handled.has(cue.id) || cue.at <= from || cue.at > to) continue;
    if (!found || cue.at < found.at) found = cue;
  }
  return found;
}

/** Seconds before an unanswered cue point that a resumed film starts, so the question is asked again. */
const CUE_LEAD_IN_SECONDS = 2;
/** A film saved this close to its end starts again from the beginning: resuming at the last frame helps nobody. */
const NEAR_END_SECONDS = 3;

export function resumePosition(
  saved: number,
  durationSeconds: number,
  cuePoints: readonly FilmCuePoint[],
  answered: ReadonlySet<string>,
): number {
  if (!(saved > 0) || (durationSeconds > 0 && saved >= durationSeconds - NEAR_END_SECONDS)) return 0;
  // A learner who left while a question was on screen (or just before it) comes back to that question.
  const pending = cuePoints
    .filter((cue) => !answered.has(cue.question.id) && cue.at <= saved && cue.at > saved - CUE_LEAD_IN_SECONDS)
    .sort((a, b) => a.at - b.at)[0];
  return pending ? Math.max(0, pending.at - CUE_LEAD_IN_SECONDS) : saved;
}
