// The knowledge check's draw on the shipped course: every attempt asks about every learning outcome, a retake asks
// different questions, one learner's draw and option order are the same every time (so a resume shows what they saw),
// and different learners get different orders.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Course, KnowledgeCheckScreen } from '../../../../course/model/types.ts';
import { drawQuestions, optionOrder } from '../../../../course/player/logic/knowledge-draw.ts';

const course = JSON.parse(readFileSync(new URL('../../../../course/content/course.json', import.meta.url), 'utf8')) as Course;
const check = course.sections.flatMap((s) => s.screens).find((s): s is KnowledgeCheckScreen => s.type === 'knowledge-check')!;
const seeds = Array.from({ length: 200 }, (_, i) => (i * 2_654_435_761) % 2 ** 31);

describe('drawQuestions', () => {
  it('asks questionsPerAttempt questions covering every learning outcome, in every attempt, for any seed', () => {
    for (const seed of seeds) {
      for (let attempt = 1; attempt <= check.attempts; attempt++) {
        const drawn = drawQuestions(check, seed, attempt);
        expect(drawn).toHaveLength(check.questionsPerAttempt);
        expect(new Set(drawn.map((q) => q.outcome))).toEqual(new Set(course.outcomes.map((o) => o.id)));
      }
    }
  });

  it('never repeats a question across the attempts (the bank holds enough for all of them)', () => {
    for (const seed of seeds) {
      const asked = Array.from({ length: check.attempts }, (_, i) => drawQuestions(check, seed, i + 1)).flat().map((q) => q.id);
      expect(new Set(asked).size, `seed ${seed}`).toBe(asked.length);
    }
  });

  it('gives the same draw for the same seed and attempt, and differs between learners', () => {
    expect(drawQuestions(check, 42, 2).map((q) => q.id)).toEqual(drawQuestions(structuredClone(check), 42, 2).map((q) => q.id));
    const firsts = new Set(seeds.map((seed) => drawQuestions(check, seed, 1).map((q) => q.id).join()));
    expect(firsts.size).toBeGreaterThan(50);
  });
});

describe('optionOrder', () => {
  it('is stable for a learner and shuffled between learners, so the right answer is not always in one place', () => {
    const question = check.questions[0]!;
    expect(optionOrder(question, 7).map((o) => o.id)).toEqual(optionOrder(question, 7).map((o) => o.id));
    const positions = new Set(seeds.map((seed) => optionOrder(question, seed).findIndex((o) => o.correct)));
    expect(positions).toEqual(new Set([0, 1, 2, 3]));
  });
});
