import { describe, expect, it } from 'vitest';
import { indexQuestions, type ReportQuestion } from '../../../tools/report/course-questions.ts';
import { parseAnyDuration, parseIsoDuration } from '../../../tools/report/durations.ts';
import { maskChoices, responseMask } from '../../../tools/report/responses.ts';
import { COURSE } from '../../fixtures/report/journeys.ts';

const index = indexQuestions(COURSE);

describe('course questions', () => {
  it('finds a question by every spelling an LMS or LRS uses, and no reflection prompt', () => {
    expect(index.byInteractionId('ed-chest-pain.triage')).toMatchObject({ encoding: 'ids', question: { kind: 'scenario' } });
    expect(index.byInteractionId('ed-chest-pain_triage')).toMatchObject({ encoding: 'positions', question: { id: 'ed-chest-pain.triage' } });
    expect(index.byActivityId(`${COURSE.iri}/interactions/ed-chest-pain.triage`)?.id).toBe('ed-chest-pain.triage');
    expect(index.byInteractionId('reflection.refl-challenge-well')).toBeNull();
    expect(index.questions.some((q) => q.id.includes('refl-'))).toBe(false);
    expect(index.questions.filter((q) => q.kind === 'confidence-before')).toHaveLength(COURSE.confidence.items.length);
  });
});

describe('responseMask', () => {
  const triage = index.byInteractionId('ed-chest-pain.triage')!.question;
  // The course's knowledge check asks single-best-answer questions; a "choose all that apply" question as the report
  // indexes one, for reading several choices.
  const multiple: ReportQuestion = index.questions.find((q) => q.multiple) ?? {
    ...index.questions.find((q) => q.kind === 'knowledge')!,
    multiple: true,
  };
  const likert = index.questions.find((q) => q.likert)!;

  it('reads choices by id (xAPI, SCORM 2004) and by position letter (SCORM 1.2)', () => {
    expect(responseMask(triage, triage.choices[1]!.id, 'ids')).toBe(0b10);
    expect(responseMask(triage, 'b', 'positions')).toBe(0b10);
    const [a, c] = [multiple.choices[0]!.id, multiple.choices[2]!.id];
    expect(maskChoices(responseMask(multiple, `${a}[,]${c}`, 'ids')!)).toEqual([0, 2]);
    expect(maskChoices(responseMask(multiple, 'a,c', 'positions')!)).toEqual([0, 2]);
    expect(responseMask(likert, '4', 'positions')).toBe(0b1000);
  });

  it('refuses free text, unknown ids, two answers to a single-answer question and ratings off the scale', () => {
    expect(responseMask(triage, 'I would check his chest pain properly', 'ids')).toBeNull();
    expect(responseMask(triage, 'z', 'positions')).toBeNull();
    expect(responseMask(triage, 'a,b', 'positions')).toBeNull();
    expect(responseMask(likert, '6', 'ids')).toBeNull();
    expect(responseMask(likert, '0', 'ids')).toBeNull();
    expect(responseMask(triage, '', 'ids')).toBeNull();
  });
});

describe('durations', () => {
  it('reads ISO 8601, clock times and minutes', () => {
    expect(parseIsoDuration('PT1H2M3.45S')).toBe(3_723_450);
    expect(parseIsoDuration('P1DT1M')).toBe(86_460_000);
    expect(parseIsoDuration('PT')).toBeNaN();
    expect(parseIsoDuration('P1M')).toBeNaN(); // months have no fixed length
    expect(parseAnyDuration('01:02:03')).toBe(3_723_000);
    expect(parseAnyDuration('0052:00:00.00')).toBe(52 * 3_600_000);
    expect(parseAnyDuration('45')).toBe(2_700_000);
    expect(parseAnyDuration('-')).toBeNaN();
  });
});
