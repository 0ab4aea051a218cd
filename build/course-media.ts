// The course's own files that every package carries (film, poster, captions, chapters, descriptions, transcript),
// at the same relative path in the package as in the course folder (always inside media/: the course checker refuses
// any other place), so the player resolves them beside index.html.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Course } from '../course/model/types.ts';
import { mediaReferences } from './course/index.ts';
import type { PackagePart } from './package-contents.ts';

/** One part per media file, named after the first course field that refers to it, so a clash names the field to change. */
export async function readCourseMedia(courseDir: string, course: Course, courseFile: string): Promise<PackagePart[]> {
  const parts: PackagePart[] = [];
  const seen = new Set<string>();
  for (const reference of mediaReferences(course)) {
    if (seen.has(reference.path)) continue;
    seen.add(reference.path);
    const bytes = new Uint8Array(await readFile(join(courseDir, reference.path)));
    parts.push({ origin: `${courseFile}: ${reference.pointer}`, files: new Map([[reference.path, bytes]]) });
  }
  return parts;
}
