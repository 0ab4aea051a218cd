// The one shape every course/variant check reports in, and the error that carries them out of the loaders.
// Each problem names the file, the JSON pointer of the offending value (RFC 6901; "" is the whole document),
// what is wrong, and where it helps, what is allowed instead.

import { formatProblems } from './format.ts';

export interface CourseProblem {
  file: string;
  /** JSON pointer into the file, e.g. "/sections/3/screens/0/steps/1/choices/2/next"; "" for the whole document. */
  pointer: string;
  /** What is wrong, in plain words. */
  message: string;
  /** What would be accepted instead, e.g. a list of allowed values or the form a value must take. */
  allowed?: string;
  /** For JSON syntax errors: where the parser stopped (1-based). */
  line?: number;
  column?: number;
}

/** Thrown by loadCourse/loadVariant(s) when the data is not usable; `message` is the formatted list of problems. */
export class CourseError extends Error {
  readonly problems: CourseProblem[];

  constructor(problems: CourseProblem[]) {
    const count = problems.length;
    super(`${count} problem${count === 1 ? '' : 's'} in the course data:\n${formatProblems(problems)}`);
    this.name = 'CourseError';
    this.problems = problems;
  }
}

/** Build a JSON pointer from path segments, escaping "~" and "/" as RFC 6901 asks. */
export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
