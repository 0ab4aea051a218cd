// The course's own files that every package carries (film, poster, captions, chapters, descriptions, transcript),
// at the same relative path in the package as under course/, so the player resolves them beside index.html.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Course } from '../course/types.ts';

export function courseMediaPaths(course: Course): string[] {
  const { film } = course;
  const paths = [film.src, film.poster, film.chapters, film.descriptions, film.transcript, ...film.captions.map((track) => track.src)];
  return [...new Set(paths.filter((path): path is string => typeof path === 'string'))].sort();
}

export async function readCourseMedia(courseDir: string, course: Course): Promise<Map<string, Uint8Array>> {
  const media = new Map<string, Uint8Array>();
  for (const path of courseMediaPaths(course)) media.set(path, new Uint8Array(await readFile(join(courseDir, path))));
  return media;
}
