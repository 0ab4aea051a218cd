// A film's question must not cut a sentence: each cue point falls in a gap between caption cues, never inside one.
// Reads the caption tracks from disk, so it runs with the media checks.
import { readFile } from 'node:fs/promises';
import type { Course } from '../../../course/model/types.ts';
import type { CourseProblem } from '../problems.ts';
import { pointerOf } from '../problems.ts';
import { resolveCoursePath } from '../media-check.ts';
import { parseVtt, type VttCue } from '../../../course/player/logic/webvtt.ts';

type Problem = Omit<CourseProblem, 'file'>;

/** The caption cue a moment falls inside ([start, end)), or null when it is in a gap. */
export function cueAt(cues: readonly VttCue[], at: number): VttCue | null {
  return cues.find((cue) => at >= cue.start && at < cue.end) ?? null;
}

/** The gaps between caption cues (and after the last), as [from, to) in seconds. */
export function captionGaps(cues: readonly VttCue[], filmSeconds: number): [number, number][] {
  const sorted = [...cues].sort((a, b) => a.start - b.start);
  const gaps: [number, number][] = [];
  let cursor = 0;
  for (const cue of sorted) {
    if (cue.start > cursor) gaps.push([cursor, cue.start]);
    cursor = Math.max(cursor, cue.end);
  }
  if (cursor < filmSeconds) gaps.push([cursor, filmSeconds]);
  return gaps;
}

export function checkCuePointGaps(course: Course, captions: ReadonlyMap<string, VttCue[]>): Problem[] {
  const problems: Problem[] = [];
  for (const [src, cues] of captions) {
    const gaps = captionGaps(cues, course.film.durationSeconds);
    course.film.cuePoints.forEach((cuePoint, index) => {
      const inside = cueAt(cues, cuePoint.at);
      if (!inside) return;
      // Suggest the middle of the nearest gap: well clear of both sentences.
      const distance = ([from, to]: [number, number]): number => (cuePoint.at < from ? from - cuePoint.at : cuePoint.at >= to ? cuePoint.at - to : 0);
      const gap = [...gaps].sort((a, b) => distance(a) - distance(b))[0];
      const nearest = gap === undefined ? undefined : (gap[0] + gap[1]) / 2;
      problems.push({
        pointer: pointerOf(['film', 'cuePoints', index, 'at']),
        message: `cue point "${cuePoint.id}" at ${cuePoint.at} s falls inside the caption "${inside.text.slice(0, 50)}" (${inside.start}–${inside.end} s in ${src}), so the film would stop mid-sentence`,
        allowed: `a moment in a gap between caption cues${nearest === undefined ? '' : `, such as ${Number(nearest.toFixed(1))} s`}`,
      });
    });
  }
  return problems;
}

/** Reads every caption track (files that are missing are media-check.ts's to report) and checks the cue points. */
export async function checkCuePointsAgainstCaptions(course: Course, courseDir: string): Promise<Problem[]> {
  const captions = new Map<string, VttCue[]>();
  for (const track of course.film.captions) {
    const resolved = resolveCoursePath(courseDir, track.src);
    if (!('path' in resolved)) continue;
    const text = await readFile(resolved.path, 'utf8').catch(() => null);
    if (text !== null) captions.set(track.src, parseVtt(text));
  }
  return checkCuePointGaps(course, captions);
}
