// An "answered" statement takes the question's options from the answer itself (AnswerRecord.choices): a choice lists
// them as the interaction's choices, a rating as its scale, and free text has none.
import { describe, expect, it } from 'vitest';
import { StatementFactory, VERBS } from '../../../../course/runtime/xapi/statements.ts';
import { cmi5Initialized } from '../../../../course/runtime/xapi/cmi5-initialized.ts';
import type { AnswerRecord } from '../../../../course/runtime/tracker.ts';

const factory = new StatementFactory(
  {
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'l1' } },
    activityId: 'https://example.org/course/v1',
    courseIri: 'https://example.org/course',
    courseTitle: 'Course',
    language: 'en-GB',
    registration: null,
    contextTemplate: null,
  },
  () => Date.UTC(2025, 0, 6),
  () => '10000000-0000-4000-8000-000000000001',
);

const base = { description: 'Q', result: 'neutral' as const, latencyMs: 1000 };
const definitionOf = (answer: AnswerRecord) => factory.answered(answer).object as unknown as { definition: Record<string, unknown> };

describe('answered statements', () => {
  it('lists a choice answer\'s options, in the order the answer carries them, as its choices', () => {
    const answer: AnswerRecord = { ...base, id: 's.step', type: 'choice', response: ['b'], correct: ['a'], choices: [{ id: 'b', text: 'Second' }, { id: 'a', text: 'First' }] };
    expect(definitionOf(answer).definition.choices).toEqual([
      { id: 'b', description: { 'en-GB': 'Second' } },
      { id: 'a', description: { 'en-GB': 'First' } },
    ]);
    expect(definitionOf(answer).definition.scale).toBeUndefined();
  });

  it('lists a rating\'s points as its scale, and nothing for free text', () => {
    const rating: AnswerRecord = { ...base, id: 'c.item', type: 'likert', response: ['2'], choices: [{ id: '1', text: 'Low' }, { id: '2', text: 'High' }] };
    expect(definitionOf(rating).definition.scale).toEqual([
      { id: '1', description: { 'en-GB': 'Low' } },
      { id: '2', description: { 'en-GB': 'High' } },
    ]);
    const text: AnswerRecord = { ...base, id: 'reflection.r', type: 'long-fill-in', response: ['words'], choices: [] };
    expect(Object.keys(definitionOf(text).definition)).toEqual(['type', 'interactionType', 'description']);
  });
});

describe('cmi5\'s "initialized", made at launch', () => {
  it('is, byte for byte, the statement the session\'s factory makes (the adapter writes it out to keep the first screen small)', () => {
    const frame = {
      ...factory.frame,
      registration: '9d3f2a51-7c1e-4f0b-8a55-2c6d1e0b4f77',
      contextTemplate: {
        contextActivities: { grouping: [{ id: 'https://example.org/course/au' }] },
        extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' },
      },
    };
    const at = Date.UTC(2025, 0, 6);
    const id = '10000000-0000-4000-8000-000000000001';
    const made = new StatementFactory(frame, () => at, () => id).make({
      verb: VERBS.initialized,
      object: { objectType: 'Activity', id: frame.activityId },
      categories: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }],
    });
    expect(JSON.stringify(cmi5Initialized(frame, id, at))).toBe(JSON.stringify(made));
    expect(frame.contextTemplate.contextActivities, 'the template as it was').toEqual({ grouping: [{ id: 'https://example.org/course/au' }] });
  });
});
