// The strict LMS's SCORM type checks (tools/preview/client/strict-*.ts): what Moodle 5.0 refuses is refused with the
// code the run-time books give, and what it takes passes.
import { describe, expect, it } from 'vitest';
import { strict12Refusal } from '../../../tools/preview/client/strict-scorm12.ts';
import { strict2004Refusal, type ModelReader } from '../../../tools/preview/client/strict-scorm2004.ts';
import { genericElement, TIMESPAN_2004, TIME_2004 } from '../../../tools/preview/client/strict-types.ts';

const model =
  (values: Record<string, string>): ModelReader =>
  (element) =>
    values[element];
const code2004 = (element: string, value: string, values: Record<string, string> = {}) => strict2004Refusal(element, value, model(values))?.code ?? 0;
const code12 = (element: string, value: string, type?: string) => strict12Refusal(element, value, () => type)?.code ?? 0;

describe('SCORM 2004, as strict as Moodle', () => {
  const choice = { 'cmi.interactions.0.type': 'choice' };

  it('refuses a choice response or pattern with a hyphen (406), as Moodle does (issue 12.1)', () => {
    expect(code2004('cmi.interactions.0.learner_response', 'assess-fully', choice)).toBe(406);
    expect(code2004('cmi.interactions.0.correct_responses.0.pattern', 'one-in-three', choice)).toBe(406);
    expect(code2004('cmi.interactions.0.learner_response', 'assess_fully[,]one.in.three', choice)).toBe(0);
    expect(strict2004Refusal('cmi.interactions.0.learner_response', 'assess-fully', model(choice))?.reason).toMatch(/short_identifier_type/);
  });

  it('refuses repeated choices, more than 36, a likert that is not one short identifier, a response before the type', () => {
    expect(code2004('cmi.interactions.0.learner_response', 'a[,]a', choice)).toBe(406);
    expect(code2004('cmi.interactions.0.learner_response', Array.from({ length: 37 }, (_, i) => `c${i}`).join('[,]'), choice)).toBe(351);
    expect(code2004('cmi.interactions.0.learner_response', '3', { 'cmi.interactions.0.type': 'likert' })).toBe(0);
    expect(code2004('cmi.interactions.0.learner_response', 'strongly-agree', { 'cmi.interactions.0.type': 'likert' })).toBe(406);
    expect(code2004('cmi.interactions.0.learner_response', 'a', {})).toBe(408);
  });

  it('refuses a choice pattern the interaction already holds (351)', () => {
    expect(code2004('cmi.interactions.0.correct_responses.1.pattern', 'a', { ...choice, 'cmi.interactions.0.correct_responses.0.pattern': 'a' })).toBe(351);
    expect(code2004('cmi.interactions.0.correct_responses.1.pattern', 'b', { ...choice, 'cmi.interactions.0.correct_responses.0.pattern': 'a' })).toBe(0);
  });

  it('checks localized strings: a language tag, one line, the length, no "{" opening the text', () => {
    const fill = { 'cmi.interactions.0.type': 'fill-in' };
    expect(code2004('cmi.interactions.0.description', '{lang=en-GB}What do you do?')).toBe(0);
    expect(code2004('cmi.interactions.0.description', `{lang=en-GB}${'x'.repeat(250)}`)).toBe(0);
    expect(code2004('cmi.interactions.0.description', `{lang=en-GB}${'x'.repeat(251)}`)).toBe(406);
    expect(code2004('cmi.interactions.0.description', '{lang=en-GB}two\nlines')).toBe(406);
    expect(code2004('cmi.interactions.0.description', '{lang=english}text')).toBe(406);
    expect(code2004('cmi.interactions.0.learner_response', '{lang=en-GB}{not a prefix', fill)).toBe(406);
    expect(code2004('cmi.interactions.0.learner_response', Array.from({ length: 11 }, () => 'x').join('[,]'), fill)).toBe(351);
  });

  it('checks identifiers, times, durations, decimals and ranges', () => {
    expect(code2004('cmi.interactions.0.id', 'scenario.ed-chest-pain.triage')).toBe(0);
    expect(code2004('cmi.interactions.0.id', 'has space')).toBe(406);
    expect(code2004('cmi.interactions.0.id', 'urn:bad')).toBe(406);
    expect(code2004('cmi.interactions.0.timestamp', '2024-05-01T09:30:05.0Z')).toBe(0);
    expect(code2004('cmi.interactions.0.timestamp', '2024-05-01T09:30:05Z')).toBe(406);
    expect(code2004('cmi.interactions.0.timestamp', '2039-01-01')).toBe(406);
    expect(code2004('cmi.session_time', 'PT1H2M3.45S')).toBe(0);
    expect(code2004('cmi.session_time', 'PT3.456S')).toBe(406);
    expect(code2004('cmi.session_time', 'P')).toBe(406);
    expect(code2004('cmi.progress_measure', '1')).toBe(0);
    expect(code2004('cmi.progress_measure', '1.5')).toBe(407);
    expect(code2004('cmi.score.scaled', '1e-7')).toBe(406);
    expect(code2004('cmi.success_status', 'complete')).toBe(406);
    expect(code2004('cmi.location', 'x'.repeat(1001))).toBe(406);
  });

  it('refuses an objective id used twice, or changed once set (351)', () => {
    const objectives = { 'cmi.objectives.0.id': 'welcome' };
    expect(code2004('cmi.objectives.1.id', 'welcome', objectives)).toBe(351);
    expect(code2004('cmi.objectives.0.id', 'other', objectives)).toBe(351);
    expect(code2004('cmi.objectives.0.id', 'welcome', objectives)).toBe(0);
  });
});

describe('SCORM 1.2, as strict as Moodle and the 1.2 book', () => {
  it('holds the smallest permitted maxima: 4,096 suspend_data, 255 location and responses', () => {
    expect(code12('cmi.suspend_data', 'x'.repeat(4096))).toBe(0);
    expect(code12('cmi.suspend_data', 'x'.repeat(4097))).toBe(405);
    expect(code12('cmi.core.lesson_location', 'x'.repeat(256))).toBe(405);
    expect(code12('cmi.interactions.0.student_response', 'x'.repeat(256), 'fill-in')).toBe(405);
  });

  it('checks the types: identifiers, times, timespans, scores, statuses, and responses by interaction type', () => {
    expect(code12('cmi.interactions.0.id', 'ed-chest-pain_triage')).toBe(0);
    expect(code12('cmi.interactions.0.id', 'two words')).toBe(405);
    expect(code12('cmi.interactions.0.time', '09:30:05')).toBe(0);
    expect(code12('cmi.interactions.0.time', '9:30')).toBe(405);
    expect(code12('cmi.core.session_time', '0001:02:03.5')).toBe(0);
    expect(code12('cmi.core.session_time', 'PT1H')).toBe(405);
    expect(code12('cmi.core.score.raw', '83.33')).toBe(0);
    expect(code12('cmi.core.score.raw', '101')).toBe(405);
    expect(code12('cmi.core.lesson_status', 'not attempted')).toBe(405);
    expect(code12('cmi.interactions.0.student_response', 'a,c', 'choice')).toBe(0);
    expect(code12('cmi.interactions.0.student_response', 'assess-fully', 'choice')).toBe(405);
    expect(code12('cmi.interactions.0.student_response', '4', 'likert')).toBe(0);
    expect(code12('cmi.interactions.0.result', 'incorrect')).toBe(405);
  });
});

describe('the type patterns', () => {
  it('names elements generically and reads the time forms right', () => {
    expect(genericElement('cmi.interactions.12.correct_responses.0.pattern')).toBe('cmi.interactions.n.correct_responses.n.pattern');
    expect(TIME_2004.test('2030')).toBe(true);
    expect(TIME_2004.test('2024-05-01T09:30')).toBe(true);
    expect(TIMESPAN_2004.test('P1DT')).toBe(false);
    expect(TIMESPAN_2004.test('PT0S')).toBe(true);
  });
});
