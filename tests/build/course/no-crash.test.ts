// "Never a stack trace for bad input": every value of the minimal course, replaced by every kind of wrong value
// (or removed), gives problems in the agreed shape, and the cross-checks never throw on what the schema lets by.
import { describe, expect, it } from 'vitest';
import type { Course } from '../../../course/model/types.ts';
import { checkAgainstSchema, crossCheckCourse, type CourseProblem } from '../../../build/course/index.ts';
import { readMinimal, type Json } from './fixtures.ts';

const REPLACEMENTS: unknown[] = [null, 0, -1, 1.5, '', 'x', 'Not A Slug', [], {}, true];
const REMOVE = Symbol('remove');

function paths(node: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(node)) return [path, ...node.flatMap((child, index) => paths(child, [...path, index]))];
  if (typeof node === 'object' && node !== null) return [path, ...Object.entries(node).flatMap(([key, child]) => paths(child, [...path, key]))];
  return [path];
}

function changed(course: Json, path: (string | number)[], value: unknown): Json {
  if (path.length === 0) return value;
  const copy = structuredClone(course);
  let parent = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment];
  const last = path[path.length - 1] as string | number;
  if (value === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = value;
  }
  return copy;
}

function check(value: unknown): CourseProblem[] {
  const problems = checkAgainstSchema('course', value, 'course.json');
  return problems.length > 0 ? problems : crossCheckCourse(value as Course, 'course.json');
}

describe('no input makes the checker crash', () => {
  it('survives every value replaced or removed, and answers in problems', async () => {
    const course = await readMinimal();
    const all = paths(course);
    expect(all.length).toBeGreaterThan(150);
    let withProblems = 0;
    for (const path of all) {
      for (const value of [...REPLACEMENTS, REMOVE]) {
        const problems = check(changed(course, path, value));
        if (problems.length > 0) withProblems++;
        for (const problem of problems) {
          expect(problem.file).toBe('course.json');
          expect(typeof problem.pointer).toBe('string');
          expect(problem.message.length).toBeGreaterThan(0);
          expect(problem.message).not.toMatch(/\n/);
        }
      }
    }
    // Nearly every change breaks something; a few (e.g. "x" as a title) are fine.
    expect(withProblems / (all.length * (REPLACEMENTS.length + 1))).toBeGreaterThan(0.8);
  });
});
