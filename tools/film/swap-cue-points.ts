// Where the film's questions (course.json film.cuePoints[].at) go when another film comes in. A cue point past the
// new film's end would stop the build, so the swap refuses it before encoding, naming the cue, its time and the
// new film's length, and offers two ways to move cue points: --move-cue <id>=<seconds> (one cue, exactly) and
// --scale-cues (every cue by the ratio of the lengths, the same share of the way through the film).
import { closestName } from '../../build/course/schema-errors.ts';

/**
 * How close to the end a cue point may be. The rendition may come out up to half a second shorter than the source
 * (a frame, an audio packet), and the check must hold for the film learners get, not just the source.
 */
export const CUE_END_MARGIN_SECONDS = 0.5;

export interface CueMove {
  id: string;
  at: number;
}

/** One --move-cue value, "<id>=<seconds>"; a string says what is wrong with it (a usage error). */
export function parseCueMove(raw: string): CueMove | string {
  const match = /^([^=\s]+)=(.+)$/.exec(raw.trim());
  if (!match) return `--move-cue takes <cue id>=<seconds>, e.g. --move-cue cue-overshadowing=42.5 (found "${raw}")`;
  const [, id, seconds] = match as unknown as [string, string, string];
  const at = Number(seconds);
  if (seconds.trim() === '' || !Number.isFinite(at) || at < 0) return `--move-cue ${id}: "${seconds}" is not a number of seconds from 0`;
  return { id, at };
}

/** Every --move-cue value, or the first usage problem (a bad value, or one cue moved twice). */
export function parseCueMoves(raws: readonly string[]): CueMove[] | string {
  const moves: CueMove[] = [];
  for (const raw of raws) {
    const move = parseCueMove(raw);
    if (typeof move === 'string') return move;
    if (moves.some((other) => other.id === move.id)) return `--move-cue ${move.id} is given twice; give each cue one time`;
    moves.push(move);
  }
  return moves;
}

export interface CuePlanInput {
  /** The course's cue points as they are now (id and time). */
  cues: readonly { id: string; at: number }[];
  /** The current film's length (course.json film.durationSeconds), for --scale-cues. */
  oldDurationSeconds: number;
  /** The new film's length (the source's; the rendition is within CUE_END_MARGIN_SECONDS of it). */
  newDurationSeconds: number;
  moves: readonly CueMove[];
  scale: boolean;
}

export interface CuePlan {
  /** The new time of every cue, in course order (unchanged ones included). */
  times: number[];
  /** Indexes of the cue points past the new end (each has its line in `problems`). */
  late: number[];
  /** Why the swap must stop: a cue unknown or past the new end, each naming the cue and the film's length. */
  problems: string[];
}

/**
 * The new cue times: scaled first (when asked), then the named moves, which win. Times are kept to the
 * millisecond. Order and the caption gaps are the course checker's to judge, on the swapped course.
 */
export function planCuePoints(input: CuePlanInput): CuePlan {
  const { cues, oldDurationSeconds, newDurationSeconds, moves, scale } = input;
  const problems: string[] = [];
  const ids = cues.map((cue) => cue.id);
  for (const move of moves) {
    if (ids.includes(move.id)) continue;
    const near = closestName(move.id, ids);
    problems.push(
      `--move-cue ${move.id}: the course has no cue point "${move.id}"${near ? ` (did you mean "${near}"?)` : ''}; its cue points are ${ids.map((id) => `"${id}"`).join(', ') || 'none'}`,
    );
  }
  const ratio = newDurationSeconds / oldDurationSeconds;
  const times = cues.map((cue) => {
    const moved = moves.find((move) => move.id === cue.id);
    if (moved) return moved.at;
    return scale && Number.isFinite(ratio) && ratio > 0 ? roundMs(cue.at * ratio) : cue.at;
  });
  const latest = roundMs(newDurationSeconds - CUE_END_MARGIN_SECONDS);
  const length = `${formatSeconds(newDurationSeconds)} s long`;
  const late: number[] = [];
  cues.forEach((cue, index) => {
    const at = times[index]!;
    const field = `film.cuePoints[${index}].at`;
    if (at <= latest) return;
    late.push(index);
    const how = moves.some((move) => move.id === cue.id)
      ? `give --move-cue ${cue.id} a time from 0 to ${latest}`
      : `move it with --move-cue ${cue.id}=<seconds> (0 to ${latest})${scale ? '' : ', or give --scale-cues to move every cue point to the same share of the new film'}`;
    problems.push(
      `cue point "${cue.id}" (course.json ${field}) ${at === cue.at ? 'is' : 'would be'} at ${at} s, past the end of the new film, which is ${length}: ` +
        `a question must come at least ${CUE_END_MARGIN_SECONDS} s before the end; ${how}`,
    );
  });
  return { times, late, problems };
}

function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function formatSeconds(seconds: number): string {
  return String(roundMs(seconds));
}
