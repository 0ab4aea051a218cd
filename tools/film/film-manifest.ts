// film.json: the facts the course data is reconciled against (duration, chapters, scene boundaries).
import type { Chapter } from './chapters.ts';

export interface FilmManifest {
  /** Length of the encoded film as ffprobe reports it, in seconds. */
  durationSeconds: number;
  chapters: { title: string; start: number; end: number }[];
  /** Scene boundaries: the natural places to pause the film for a question. */
  scenes: { id: string; start: number; end: number }[];
}

/** Seconds with millisecond precision, as plain JSON numbers. */
export function msToSeconds(ms: number): number {
  return Math.round(ms) / 1000;
}

export function buildFilmManifest(
  durationSeconds: number,
  chapters: readonly Chapter[],
  scenes: readonly { id: string; startMs: number; endMs: number }[],
): FilmManifest {
  return {
    durationSeconds,
    chapters: chapters.map((chapter) => ({ title: chapter.title, start: msToSeconds(chapter.startMs), end: msToSeconds(chapter.endMs) })),
    scenes: scenes.map((scene) => ({ id: scene.id, start: msToSeconds(scene.startMs), end: msToSeconds(scene.endMs) })),
  };
}
