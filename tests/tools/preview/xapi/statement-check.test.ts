import { describe, expect, it } from 'vitest';
import { agentKey, agentProblem } from '../../../../tools/preview/xapi/agents.ts';
import { sameStatement, statementProblem } from '../../../../tools/preview/xapi/statement-check.ts';
import { MemoryStatementStore, type NewStatement, type Statement } from '../../../../tools/preview/xapi/statement-store.ts';

const ACTOR = { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'u1' } };
const VALID = { actor: ACTOR, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-GB': 'experienced' } }, object: { id: 'https://example.org/a' } };

describe('statementProblem', () => {
  it('accepts a minimal statement and a full one', () => {
    expect(statementProblem(VALID)).toBeNull();
    expect(
      statementProblem({
        ...VALID,
        id: '0f8c3a62-9c1e-4c4e-9a53-9a0d1f3e7b21',
        timestamp: '2024-05-01T10:00:00.000Z',
        result: { score: { scaled: 0.5, raw: 5, min: 0, max: 10 }, success: true, completion: true, duration: 'PT1M3S' },
        context: { registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7', contextActivities: { grouping: [{ id: 'https://example.org/g' }], category: { id: 'https://example.org/c' } } },
      }),
    ).toBeNull();
  });

  it.each([
    [{ ...VALID, extra: 1 }, /unknown statement property "extra"/],
    [{ ...VALID, id: 'not-a-uuid' }, /id must be a UUID/],
    [{ ...VALID, actor: { objectType: 'Agent', name: 'No IFI' } }, /exactly one of mbox/],
    [{ ...VALID, actor: { mbox: 'someone@example.org' } }, /mailto/],
    [{ ...VALID, actor: { mbox: 'mailto:a@example.org', account: { homePage: 'https://x', name: 'a' } } }, /found 2/],
    [{ ...VALID, verb: { id: 'experienced' } }, /verb.id must be an IRI/],
    [{ ...VALID, object: { id: 'relative/path' } }, /object.id must be an IRI/],
    [{ ...VALID, result: { score: { scaled: 1.5 } } }, /between -1 and 1/],
    [{ ...VALID, result: { score: { raw: 11, min: 0, max: 10 } } }, /raw must lie between/],
    [{ ...VALID, result: { duration: '5 minutes' } }, /ISO 8601 duration/],
    [{ ...VALID, context: { registration: 'nope' } }, /registration must be a UUID/],
    [{ ...VALID, context: { contextActivities: { sibling: [] } } }, /not parent, grouping, category or other/],
    [{ ...VALID, timestamp: 'yesterday' }, /timestamp/],
    [{ ...VALID, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } }, /StatementRef/],
    [{ ...VALID, attachments: [] }, /attachments/],
    [[VALID], /JSON object/],
  ])('refuses %j', (statement, message) => {
    expect(statementProblem(statement)).toMatch(message);
  });

  it('tells a resend from a conflict whatever the key order', () => {
    expect(sameStatement({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameStatement({ a: 1, b: { c: [1, 2] } }, { b: { c: [2, 1] }, a: 1 })).toBe(false);
  });
});

describe('agents', () => {
  it('keys an agent by its one identifier', () => {
    expect(agentKey({ name: 'A', mbox: 'mailto:A@Example.org' })).toBe(agentKey({ mbox: 'mailto:a@example.org', objectType: 'Agent' }));
    expect(agentKey(ACTOR)).toBe('account https://lms.example u1');
    expect(agentKey({ name: 'nobody' })).toBeNull();
  });

  it('accepts an anonymous group with members and refuses one without', () => {
    expect(agentProblem({ objectType: 'Group', member: [{ mbox: 'mailto:a@example.org' }] }, 'actor')).toBeNull();
    expect(agentProblem({ objectType: 'Group' }, 'actor')).toMatch(/member list/);
  });
});

describe('MemoryStatementStore', () => {
  let stored = 0;
  const entry = (statement: Statement & { id: string }): NewStatement => ({
    statement: { ...statement, stored: new Date(Date.UTC(2024, 0, 1, 0, 0, stored++)).toISOString() },
    received: statement,
  });

  it('stores, repeats, and refuses a conflicting batch whole', async () => {
    const store = new MemoryStatementStore();
    const a = { ...VALID, id: '00000000-0000-4000-8000-000000000001' };
    expect(await store.insert([entry(a)])).toEqual({ ok: true, inserted: [a.id], repeated: [] });
    expect(await store.insert([entry(a)])).toEqual({ ok: true, inserted: [], repeated: [a.id] });
    const b = { ...VALID, id: '00000000-0000-4000-8000-000000000002' };
    const changedA = { ...a, object: { id: 'https://example.org/other' } };
    expect(await store.insert([entry(b), entry(changedA)])).toEqual({ ok: false, conflict: a.id });
    expect(await store.find(b.id)).toBeNull();
  });

  it('filters, pages newest first, and hides voided statements', async () => {
    const store = new MemoryStatementStore();
    const ids = [1, 2, 3].map((n) => `00000000-0000-4000-8000-00000000001${n}`);
    await store.insert(ids.map((id, index) => entry({ ...VALID, id, verb: { id: index === 1 ? 'https://example.org/verbs/other' : VALID.verb.id } })));
    const query = { relatedActivities: false, relatedAgents: false, ascending: false, limit: 2, offset: 0 };
    const first = await store.query(query);
    expect(first.statements.map((statement) => statement.id)).toEqual([ids[2], ids[1]]);
    expect(first.nextOffset).toBe(2);
    expect((await store.query({ ...query, offset: 2 })).statements.map((statement) => statement.id)).toEqual([ids[0]]);
    expect((await store.query({ ...query, verb: 'https://example.org/verbs/other' })).statements).toHaveLength(1);
    expect((await store.query({ ...query, agent: agentKey(ACTOR)! })).statements).toHaveLength(2);

    const voiding = { ...VALID, id: '00000000-0000-4000-8000-000000000099', verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: ids[0] } };
    await store.insert([entry(voiding)]);
    expect(await store.find(ids[0]!)).toMatchObject({ voided: true });
    const remaining = await store.query({ ...query, limit: 10 });
    expect(remaining.statements.map((statement) => statement.id)).toEqual([voiding.id, ids[2], ids[1]]);
  });
});
