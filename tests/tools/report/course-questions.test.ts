// The report's question list, pinned whole for the real course and the test course: the ids, order, kinds, prompts
// and choices the report reads answers against. Taken before the list came from the screen types' rules (issue
// 14.3); it must not change with where the list is made.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import courseJson from '../../../course/content/course.json' with { type: 'json' };
import type { Course } from '../../../course/model/types.ts';
import { indexQuestions } from '../../../tools/report/course-questions.ts';
import { fixtureCourse } from '../../course/player/fixture-course.ts';

function listHash(course: Course): string {
  return createHash('sha256').update(JSON.stringify(indexQuestions(course).questions)).digest('hex');
}

describe('the report question list', () => {
  it('is the same for the real course', () => {
    expect(listHash(courseJson as unknown as Course)).toBe('c8ea7b01cc727889cbdb6262890045d3366cd5aed13562ab9c306aa13c2ed486');
  });

  it('is the same for the test course', () => {
    const questions = indexQuestions(fixtureCourse()).questions;
    expect(questions.map((q) => `${q.id} ${q.kind}`)).toEqual([
      'confidence-before.c1 confidence-before',
      'confidence-before.c2 confidence-before',
      'scenario-ed.s1 scenario',
      'scenario-ed.s2 scenario',
      'check.q1 knowledge',
      'check.q2 knowledge',
      'confidence-after.c1 confidence-after',
      'confidence-after.c2 confidence-after',
      // The film's questions come last, after every screen, whichever section the film screen is in.
      'film.cue-1 film',
      'film.cue-2 film',
    ]);
    expect(listHash(fixtureCourse())).toBe('c15d52d1ac95f509d115b0d372f7c32fbf35c48eb08de9d957f4f536a7e55ad1');
  });
});
