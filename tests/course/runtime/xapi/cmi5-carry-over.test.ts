// What a new cmi5 session issues again of an earlier, abandoned session's queue.
import { describe, expect, it } from 'vitest';
import { planCarryOver, type Delivery } from '../../../../course/runtime/xapi/cmi5-carry-over.ts';
import { VERBS } from '../../../../course/runtime/xapi/statements.ts';
import type { QueuedStatement } from '../../../../course/runtime/xapi/statement-queue.ts';

const CMI5 = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const template = { registration: '9d3f2a51-7c1e-4f0b-8a55-2c6d1e0b4f77', extensions: { [SESSION]: 'new' } };

let n = 0;
function statement(verb: keyof typeof VERBS, defined: boolean, result?: QueuedStatement['result']): QueuedStatement {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    actor: { account: { homePage: 'https://lms.example', name: 'u' } },
    verb: VERBS[verb],
    object: { objectType: 'Activity', id: 'https://lms.example/au/1' },
    timestamp: `2025-01-06T09:00:0${n % 10}.000Z`,
    context: { registration: template.registration, extensions: { [SESSION]: 'old' }, ...(defined ? { contextActivities: { category: [CMI5] } } : {}) },
    ...(result ? { result } : {}),
  };
}
const newIds = () => {
  let i = 0;
  return () => `10000000-0000-4000-8000-${String(++i).padStart(12, '0')}`;
};
const verbsOf = (statements: QueuedStatement[]) => statements.map((s) => s.verb.id.split('/').pop());

describe('cmi5 carry-over', () => {
  it('re-issues allowed statements and owed completed/passed with new ids and the new session; never initialized or terminated', () => {
    const earlier = [statement('initialized', true), statement('answered', false), statement('completed', true, { completion: true, duration: 'PT1M' }), statement('terminated', true)];
    const plan = planCarryOver(earlier, new Map(), { completed: true }, template, newIds());
    expect(verbsOf(plan.reissue)).toEqual(['answered', 'completed']);
    expect(plan.reissue.map((s) => s.context?.extensions?.[SESSION])).toEqual(['new', 'new']);
    expect(plan.reissue.map((s) => s.id)).not.toContain(earlier[1]!.id);
    expect(plan.reissue[0]!.timestamp).toBe(earlier[1]!.timestamp);
    expect(plan.sent).toEqual({ completed: true });
  });

  it('skips what the LRS holds, re-issues what it could not say anything about', () => {
    const earlier = [statement('answered', false), statement('progressed', false), statement('passed', true, { success: true })];
    const delivery = new Map<string, Delivery>([
      [earlier[0]!.id, 'stored'],
      [earlier[1]!.id, 'unknown'],
      [earlier[2]!.id, 'stored'],
    ]);
    const plan = planCarryOver(earlier, delivery, {}, template, newIds());
    expect(verbsOf(plan.reissue)).toEqual(['progressed']);
    expect(plan.sent).toEqual({ passed: true });
  });

  it('owes a failed (with its score) only while no pass is known in the registration', () => {
    const failed = statement('failed', true, { success: false, score: { scaled: 0.35 } });
    expect(planCarryOver([failed], new Map(), {}, template, newIds()).failed).toMatchObject({ scaled: 0.35, statement: { verb: VERBS.failed, result: failed.result } });
    expect(planCarryOver([failed], new Map(), { passed: true }, template, newIds()).failed).toBeNull();
    expect(planCarryOver([failed, statement('passed', true, { success: true })], new Map(), {}, template, newIds()).failed).toBeNull();
  });
});
