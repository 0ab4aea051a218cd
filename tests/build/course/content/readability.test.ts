// The readability measure behind bench/readability.bench.ts: syllables by the usual heuristic, the Flesch–Kincaid
// formula, and the shipped course's own words at grade 8 or below (the campaign's quoted words are measured apart).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Course } from '../../../../course/model/types.ts';
import { measure, syllablesIn, textsByPart } from '../../../../build/course/content/readability.ts';

describe('readability', () => {
  it('counts syllables as readability tools do', () => {
    expect(['cat', 'table', 'nurse', 'stigma', 'assessment', 'overshadowing', 'emergency', 'A&E', 'Priya'].map(syllablesIn)).toEqual([1, 2, 1, 2, 3, 5, 4, 1, 2]);
  });

  it('gives a plain sentence a low grade and a dense one a high grade', () => {
    expect(measure(['Check the chest pain first. Then ask how he feels.']).grade).toBeLessThan(3);
    expect(measure(['Diagnostic overshadowing constitutes the misattribution of physical symptomatology to psychiatric comorbidity.']).grade).toBeGreaterThan(15);
  });

  it('keeps the shipped course\u2019s own words at grade 8 or below', () => {
    const course = JSON.parse(readFileSync(new URL('../../../../course/content/course.json', import.meta.url), 'utf8')) as Course;
    const ours = [...textsByPart(course)].filter(([part]) => !part.startsWith('quoted')).flatMap(([, texts]) => texts);
    expect(measure(ours).grade).toBeLessThanOrEqual(8);
  });
});
