import { describe, expect, it } from 'vitest';
import { scorm12Model } from '../../../../course/runtime/scorm/data-model-12.ts';
import { scorm2004Model } from '../../../../course/runtime/scorm/data-model-2004.ts';
import { displayName, interactionElements } from '../../../../course/runtime/scorm/data-model.ts';
import { LMS_PROFILES } from '../../../../course/runtime/lms-profiles.ts';
import type { AnswerRecord } from '../../../../course/runtime/tracker.ts';

const now = new Date(Date.UTC(2025, 0, 6, 9, 0, 0));
const choice: AnswerRecord = { id: 'kc.q 1', type: 'choice', description: 'Q', response: ['b'], correct: ['a'], result: 'incorrect', latencyMs: 1000, choices: [] };
const values = (writes: { element: string; value: string }[]) => Object.fromEntries(writes.map((w) => [w.element, w.value]));
const before = { learnerId: null, learnerName: null, suspendData: null, location: null, mode: 'normal' as const, completedBefore: false, passedBefore: false, notStarted: true };

describe('SCORM data models', () => {
  it('turns "Last, First" into "First Last"', () => {
    expect(displayName('Okafor, Ada')).toBe('Ada Okafor');
    expect(displayName('Ada Okafor')).toBe('Ada Okafor');
    expect(displayName('  ')).toBeNull();
  });

  it('1.2: reports an answer it cannot express as choices as fill-in text, never in a format the LMS refuses', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `o${i}`, text: `O${i}` }));
    const unknownOption = values(interactionElements(scorm12Model.interaction({ answer: { ...choice, response: ['zzz'], choices: [{ id: 'a', text: 'A' }] }, now, language: 'en-GB' }), 3));
    expect(unknownOption).toMatchObject({ 'cmi.interactions.3.id': 'kc_q_1', 'cmi.interactions.3.type': 'fill-in', 'cmi.interactions.3.student_response': 'zzz' });
    expect(unknownOption['cmi.interactions.3.correct_responses.0.pattern']).toBeUndefined();
    const tooMany = values(interactionElements(scorm12Model.interaction({ answer: { ...choice, response: ['o39'], choices: many }, now, language: 'en-GB' }), 0));
    expect(tooMany['cmi.interactions.0.type']).toBe('fill-in');
    const noOptions = values(interactionElements(scorm12Model.interaction({ answer: choice, now, language: 'en-GB' }), 0));
    expect(noOptions['cmi.interactions.0.type']).toBe('fill-in');
  });

  it('1.2: names a choice by its position among the options the answer carries', () => {
    const answer: AnswerRecord = { ...choice, response: ['z'], correct: ['x', 'z'], choices: ['x', 'y', 'z'].map((id) => ({ id, text: id.toUpperCase() })) };
    const writes = values(interactionElements(scorm12Model.interaction({ answer, now, language: 'en-GB' }), 0));
    expect(writes).toMatchObject({ 'cmi.interactions.0.type': 'choice', 'cmi.interactions.0.student_response': 'c', 'cmi.interactions.0.correct_responses.0.pattern': 'a,c' });
  });

  it('1.2: one lesson_status, "failed" for a learner failed for good in every profile, never taking back a pass', () => {
    const failed = { completed: true, passed: false, scaled: 0.4, progress: 1 };
    expect(values(scorm12Model.outcomeWrites(failed, LMS_PROFILES.standard, before))['cmi.core.lesson_status']).toBe('failed');
    expect(values(scorm12Model.outcomeWrites(failed, LMS_PROFILES.moodle, before))['cmi.core.lesson_status']).toBe('failed');
    expect(values(scorm12Model.outcomeWrites(failed, LMS_PROFILES.standard, { ...before, passedBefore: true, completedBefore: true }))['cmi.core.lesson_status']).toBeUndefined();
    expect(values(scorm12Model.outcomeWrites({ completed: true, passed: null, scaled: null, progress: 1 }, LMS_PROFILES.standard, before))).toEqual({ 'cmi.core.lesson_status': 'completed' });
  });

  it('1.2: leaves out a bookmark longer than CMIString256 (the saved state holds the location anyway)', () => {
    expect(values(scorm12Model.stateWrites('s', 'x'.repeat(256)))['cmi.core.lesson_location']).toBeUndefined();
    expect(values(scorm12Model.stateWrites('s', 'x'.repeat(255)))['cmi.core.lesson_location']).toHaveLength(255);
  });

  it('2004: keeps localized strings within 250 characters and on one line', () => {
    const writes = values(interactionElements(scorm2004Model('scorm2004-4th').interaction({ answer: { ...choice, description: `{odd} ${'d'.repeat(300)}\nmore` }, now, language: 'cy-GB' }), 0));
    const description = writes['cmi.interactions.0.description'] as string;
    expect(description.startsWith('{lang=cy-GB}(odd}')).toBe(true);
    expect(description.length).toBe('{lang=cy-GB}'.length + 250);
    expect(description).not.toContain('\n');
    // White space is escaped reversibly (identifiers-2004.ts): "kc.q 1" and "kc.q_1" stay two interactions.
    expect(writes['cmi.interactions.0.id']).toBe('kc.q%00201');
  });

  it('2004: reports progress_measure consistent with completion, so an LMS threshold cannot undo it', () => {
    const writes = values(scorm2004Model('scorm2004-3rd').outcomeWrites({ completed: true, passed: null, scaled: null, progress: 0.92 }, LMS_PROFILES.standard, before));
    expect(writes).toEqual({ 'cmi.completion_status': 'completed', 'cmi.progress_measure': '1' });
  });
});
