// Where the preview's own LRS keeps statements. The HTTP side (lrs.ts) checks requests and fills in id/stored/authority;
// a store only keeps, finds and filters. With `--lrs`, statements bypass this store: lrs-forwarder.ts hands the
// requests themselves to the real LRS, so the course meets that LRS's own answers.
import { agentKey } from './agents.ts';
import { VOIDED_VERB, sameStatement } from './statement-check.ts';

export type Statement = Record<string, unknown>;

export interface NewStatement {
  /** The statement as it will be stored: id, timestamp, stored, authority and version filled in. */
  statement: Statement & { id: string; stored: string };
  /** The statement exactly as the client sent it: a resend equal to this is a duplicate, anything else a conflict. */
  received: unknown;
}

export type InsertOutcome =
  | { ok: true; /** ids newly stored */ inserted: string[]; /** ids that were already stored with the same content */ repeated: string[] }
  | { ok: false; /** an id already stored with different content */ conflict: string };

export interface StatementQuery {
  /** agentKey() of the agent to match. */
  agent?: string;
  verb?: string;
  activity?: string;
  registration?: string;
  /** ISO timestamps, compared with `stored`: since is exclusive, until inclusive. */
  since?: string;
  until?: string;
  relatedActivities: boolean;
  relatedAgents: boolean;
  ascending: boolean;
  limit: number;
  /** How many matching statements earlier pages returned. */
  offset: number;
}

export interface StatementPage {
  statements: Statement[];
  /** The offset of the next page, or null when this page is the last. */
  nextOffset: number | null;
}

export interface StatementStore {
  /** Store a batch: all of it, or none of it when any id conflicts. */
  insert(batch: readonly NewStatement[]): Promise<InsertOutcome>;
  /** A stored statement by id (lower case), with whether a later statement voided it. */
  find(id: string): Promise<{ statement: Statement; voided: boolean } | null>;
  /** Statements matching a query (voided ones left out), newest first unless ascending. */
  query(query: StatementQuery): Promise<StatementPage>;
}

interface Kept {
  statement: Statement;
  received: unknown;
  voided: boolean;
}

export class MemoryStatementStore implements StatementStore {
  private readonly byId = new Map<string, Kept>();
  /** In the order stored. */
  private readonly ordered: Kept[] = [];

  async insert(batch: readonly NewStatement[]): Promise<InsertOutcome> {
    const repeated: string[] = [];
    const fresh: NewStatement[] = [];
    for (const item of batch) {
      const existing = this.byId.get(item.statement.id);
      if (!existing) fresh.push(item);
      else if (sameStatement(existing.received, item.received)) repeated.push(item.statement.id);
      else return { ok: false, conflict: item.statement.id };
    }
    for (const item of fresh) {
      const kept: Kept = { statement: item.statement, received: item.received, voided: false };
      this.byId.set(item.statement.id, kept);
      this.ordered.push(kept);
    }
    for (const item of fresh) {
      const target = voidedTarget(item.statement);
      const kept = target === null ? undefined : this.byId.get(target);
      // A voiding statement cannot itself be voided (xAPI Data 2.3.2).
      if (kept && voidedTarget(kept.statement) === null) kept.voided = true;
    }
    return { ok: true, inserted: fresh.map((item) => item.statement.id), repeated };
  }

  async find(id: string): Promise<{ statement: Statement; voided: boolean } | null> {
    const kept = this.byId.get(id.toLowerCase());
    return kept ? { statement: kept.statement, voided: kept.voided } : null;
  }

  async query(query: StatementQuery): Promise<StatementPage> {
    const matching = this.ordered.filter((kept) => !kept.voided && matches(kept.statement, query));
    if (!query.ascending) matching.reverse();
    const page = matching.slice(query.offset, query.offset + query.limit);
    const next = query.offset + page.length;
    return { statements: page.map((kept) => kept.statement), nextOffset: next < matching.length ? next : null };
  }
}

function voidedTarget(statement: Statement): string | null {
  const verb = statement.verb as { id?: unknown } | undefined;
  const object = statement.object as { objectType?: unknown; id?: unknown } | undefined;
  return verb?.id === VOIDED_VERB && object?.objectType === 'StatementRef' && typeof object.id === 'string' ? object.id : null;
}

function matches(statement: Statement, query: StatementQuery): boolean {
  const stored = String(statement.stored);
  if (query.since !== undefined && !(stored > query.since)) return false;
  if (query.until !== undefined && !(stored <= query.until)) return false;
  if (query.verb !== undefined && (statement.verb as { id?: unknown }).id !== query.verb) return false;
  const context = (statement.context ?? {}) as Record<string, unknown>;
  if (query.registration !== undefined && String(context.registration ?? '').toLowerCase() !== query.registration.toLowerCase()) return false;
  if (query.agent !== undefined && !agentsOf(statement, query.relatedAgents).includes(query.agent)) return false;
  if (query.activity !== undefined && !activitiesOf(statement, query.relatedActivities).includes(query.activity)) return false;
  return true;
}

function agentsOf(statement: Statement, related: boolean): string[] {
  const candidates: unknown[] = [statement.actor, statement.object];
  if (related) {
    const context = (statement.context ?? {}) as Record<string, unknown>;
    candidates.push(context.instructor, context.team, statement.authority);
    const object = statement.object as Record<string, unknown> | undefined;
    if (object?.objectType === 'SubStatement') candidates.push(object.actor, object.object);
  }
  return candidates.map(agentKey).filter((key): key is string => key !== null);
}

function activitiesOf(statement: Statement, related: boolean): string[] {
  const ids: unknown[] = [];
  const object = statement.object as Record<string, unknown> | undefined;
  if (object && (object.objectType ?? 'Activity') === 'Activity') ids.push(object.id);
  if (related) {
    const activities = ((statement.context ?? {}) as Record<string, unknown>).contextActivities as Record<string, unknown> | undefined;
    for (const list of Object.values(activities ?? {})) {
      for (const activity of Array.isArray(list) ? list : [list]) ids.push((activity as { id?: unknown }).id);
    }
    if (object?.objectType === 'SubStatement') {
      const inner = object.object as Record<string, unknown> | undefined;
      if (inner && (inner.objectType ?? 'Activity') === 'Activity') ids.push(inner.id);
    }
  }
  return ids.filter((id): id is string => typeof id === 'string');
}
