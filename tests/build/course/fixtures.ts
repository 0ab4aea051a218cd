// Shared helpers for the course checker's tests: fixture paths, and throwaway copies of the minimal fixture
// course with one thing changed.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CourseError, type CourseProblem } from '../../../build/course/index.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/courses/', import.meta.url));
export const MINIMAL = join(FIXTURES, 'minimal');
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

// The fixture JSON is untyped on purpose: tests break it in ways the Course type would not allow.
export type Json = any;

const made: string[] = [];

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cg-course-'));
  made.push(dir);
  return dir;
}

/** Remove every folder tempDir made (call from afterAll). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export async function readMinimal(): Promise<Json> {
  return JSON.parse(await readFile(join(MINIMAL, 'course.json'), 'utf8'));
}

/** A copy of the minimal fixture (media included) whose course.json is `change`d first; returns the folder. */
export async function minimalWith(change: (course: Json) => void): Promise<string> {
  const dir = await tempDir();
  await cp(MINIMAL, dir, { recursive: true });
  const course = await readMinimal();
  change(course);
  await writeFile(join(dir, 'course.json'), JSON.stringify(course, null, 2));
  return dir;
}

/** The problems a CourseError carries; fails the test if the promise resolves or throws anything else. */
export async function problemsOf(promise: Promise<unknown>): Promise<CourseProblem[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CourseError) return error.problems;
    throw error;
  }
  throw new Error('expected a CourseError, but loading succeeded');
}
