// formatProblems: one line per problem, in the agreed shape, whatever the problem text holds.
import { describe, expect, it } from 'vitest';
import { CourseError, formatProblems, type CourseProblem } from '../../../build/course/index.ts';

const problems: CourseProblem[] = [
  { file: 'course/content/course.json', pointer: '/sections/0/id', message: '"Start Here" is not in the required form', allowed: 'a slug' },
  { file: 'course/content/course.json', pointer: '', message: 'cannot read the file: it does not exist' },
  { file: 'course/content/variants/x.json', pointer: '/displayName', message: 'a message\nwith a line break from user data' },
];

describe('formatProblems', () => {
  it('gives one line per problem: file, pointer, message and what is allowed', () => {
    const lines = formatProblems(problems).split('\n');
    expect(lines).toEqual([
      'course/content/course.json: /sections/0/id: "Start Here" is not in the required form (allowed: a slug)',
      'course/content/course.json: /: cannot read the file: it does not exist',
      'course/content/variants/x.json: /displayName: a message\\nwith a line break from user data',
    ]);
  });

  it('gives nothing for no problems', () => {
    expect(formatProblems([])).toBe('');
  });

  it('is what a CourseError says', () => {
    const error = new CourseError(problems);
    expect(error.problems).toBe(problems);
    expect(error.message).toBe(`3 problems in the course data:\n${formatProblems(problems)}`);
    expect(error).toBeInstanceOf(Error);
  });
});
