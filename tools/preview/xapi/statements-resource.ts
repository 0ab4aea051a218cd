// The Statements resource (xAPI 1.0.3 Communication 2.1): PUT one statement (204), POST one or many (200 with the
// ids), GET one by statementId / voidedStatementId or a filtered page with a "more" link. A repeated id with equal
// content is accepted as a resend; a different one is 409. The LRS fills in id, timestamp, stored, authority, version.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError, readBody } from '../http-util.ts';
import { LMS_IRI_BASE } from '../learner.ts';
import { agentParam, booleanParam, describe, header, iriParam, json, JSON_HEADERS, parseBody, timestampParam, uuidParam, type Reply } from './request-parts.ts';
import { UUID, statementProblem } from './statement-check.ts';
import type { NewStatement, Statement, StatementQuery, StatementStore } from './statement-store.ts';

/** Most statements one page holds (also what limit=0, "the server's maximum", means). */
const PAGE_LIMIT = 100;
const QUERY_PARAMETERS = new Set(['agent', 'verb', 'activity', 'registration', 'related_activities', 'related_agents', 'since', 'until', 'limit', 'format', 'attachments', 'ascending', 'offset']);

/** The authority the LRS stamps on every statement it stores. */
export const LRS_AUTHORITY = { objectType: 'Agent', name: 'Common Ground preview LMS', account: { homePage: LMS_IRI_BASE, name: 'preview-lms' } } as const;

export class StatementsResource {
  private lastStored = 0;

  constructor(
    private readonly store: StatementStore,
    /** Absolute path of the statements resource, for "more" links, e.g. "/p/abc/xapi/statements". */
    private readonly path: string,
  ) {}

  /** Answer one request; statements newly stored are in the reply's `stored`. `given`: the body, already read. */
  async handle(req: IncomingMessage, method: string, url: URL, given?: Buffer): Promise<Reply> {
    if (method === 'GET') return this.get(url);
    if (method !== 'PUT' && method !== 'POST') throw new HttpError(405, `statements do not accept ${method}`, { Allow: 'GET, PUT, POST' });
    const type = header(req, 'content-type') ?? '';
    if (type.startsWith('multipart/')) throw new HttpError(400, 'attachments (multipart/mixed) are not supported by the preview LRS');
    if (!type.startsWith('application/json')) throw new HttpError(400, `statements must be sent as application/json (got "${type}")`);
    const body = parseBody(given ?? (await readBody(req)));
    return method === 'PUT' ? this.put(url, body) : this.post(body);
  }

  /** Store a statement the LMS itself makes; resolves to it as stored. */
  async storeOwn(statement: Statement & { id: string }): Promise<Statement> {
    const prepared = this.prepare(statement, statement.id);
    const outcome = await this.store.insert([prepared]);
    if (!outcome.ok) throw new Error(`the LMS's own statement ${statement.id} conflicts with a stored one`);
    return prepared.statement;
  }

  private async put(url: URL, body: unknown): Promise<Reply> {
    const id = url.searchParams.get('statementId');
    if (id === null || !UUID.test(id)) throw new HttpError(400, 'PUT needs a statementId parameter holding a UUID');
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'PUT takes one statement (a JSON object)');
    const sent = (body as Record<string, unknown>).id;
    if (sent !== undefined && String(sent).toLowerCase() !== id.toLowerCase()) throw new HttpError(400, `the statement's id ${String(sent)} differs from statementId ${id}`);
    const problem = statementProblem(body);
    if (problem) throw new HttpError(400, `statement refused: ${problem}`);
    const outcome = await this.store.insert([this.prepare(body as Statement, id)]);
    if (!outcome.ok) return { status: 409, body: `statement ${outcome.conflict} is already stored with different content`, detail: `conflict: ${describe(body)}` };
    return { status: 204, detail: outcome.repeated.length > 0 ? `repeat of stored ${describe(body)}` : describe(body), stored: await this.found(outcome.inserted) };
  }

  private async post(body: unknown): Promise<Reply> {
    const list = Array.isArray(body) ? body : [body];
    const seen = new Set<string>();
    const prepared: NewStatement[] = [];
    for (const [index, item] of list.entries()) {
      const problem = statementProblem(item);
      if (problem) throw new HttpError(400, `statement ${index + 1} of ${list.length} refused: ${problem}`);
      const sent = (item as Record<string, unknown>).id;
      const id = typeof sent === 'string' ? sent.toLowerCase() : randomUUID();
      if (seen.has(id)) throw new HttpError(400, `the batch holds id ${id} twice`);
      seen.add(id);
      prepared.push(this.prepare(item as Statement, id));
    }
    const outcome = await this.store.insert(prepared);
    if (!outcome.ok) return { status: 409, body: `statement ${outcome.conflict} is already stored with different content`, detail: `conflict: ${outcome.conflict}` };
    return { ...json(200, prepared.map((item) => item.statement.id), list.map(describe).join(', ')), stored: await this.found(outcome.inserted) };
  }

  private async found(ids: readonly string[]): Promise<Statement[]> {
    const statements: Statement[] = [];
    for (const id of ids) {
      const found = await this.store.find(id);
      if (found) statements.push(found.statement);
    }
    return statements;
  }

  private prepare(received: Statement, id: string): NewStatement {
    const stored = this.nextStoredTime();
    const statement = {
      ...received,
      id: id.toLowerCase(),
      timestamp: typeof received.timestamp === 'string' ? received.timestamp : stored,
      stored,
      authority: LRS_AUTHORITY,
      version: typeof received.version === 'string' ? received.version : '1.0.0',
    };
    return { statement, received };
  }

  /** Stored times strictly increase, so "since" and "until" never split two statements stored in the same millisecond. */
  private nextStoredTime(): string {
    this.lastStored = Math.max(Date.now(), this.lastStored + 1);
    return new Date(this.lastStored).toISOString();
  }

  private async get(url: URL): Promise<Reply> {
    const params = url.searchParams;
    if (params.has('statementId') || params.has('voidedStatementId')) return this.getOne(params);
    const unknown = [...params.keys()].find((key) => !QUERY_PARAMETERS.has(key));
    if (unknown) throw new HttpError(400, `unknown statements parameter "${unknown}"`);
    const query: StatementQuery = {
      relatedActivities: booleanParam(params, 'related_activities'),
      relatedAgents: booleanParam(params, 'related_agents'),
      ascending: booleanParam(params, 'ascending'),
      limit: wholeNumber(params, 'limit', PAGE_LIMIT, (limit) => (limit === 0 || limit > PAGE_LIMIT ? PAGE_LIMIT : limit)),
      offset: wholeNumber(params, 'offset', 0, (offset) => offset),
    };
    if (params.has('agent')) query.agent = agentParam(url).key;
    if (params.has('verb')) query.verb = iriParam(url, 'verb');
    if (params.has('activity')) query.activity = iriParam(url, 'activity');
    if (params.has('registration')) query.registration = uuidParam(url, 'registration');
    if (params.has('since')) query.since = timestampParam(params, 'since');
    if (params.has('until')) query.until = timestampParam(params, 'until');
    const page = await this.store.query(query);
    let more = '';
    if (page.nextOffset !== null) {
      const next = new URLSearchParams(params);
      next.set('offset', String(page.nextOffset));
      more = `${this.path}?${next.toString()}`;
    }
    const count = page.statements.length;
    const reply = json(200, { statements: page.statements, more }, `query: ${count} statement${count === 1 ? '' : 's'}`);
    return { ...reply, headers: { ...JSON_HEADERS, 'X-Experience-API-Consistent-Through': new Date().toISOString() } };
  }

  private async getOne(params: URLSearchParams): Promise<Reply> {
    const voidedWanted = params.has('voidedStatementId');
    const others = [...params.keys()].filter((key) => !['statementId', 'voidedStatementId', 'attachments', 'format'].includes(key));
    if (others.length > 0 || (params.has('statementId') && voidedWanted)) {
      throw new HttpError(400, `a statementId / voidedStatementId request takes only attachments and format (got ${others.join(', ') || 'both ids'})`);
    }
    const id = (params.get('statementId') ?? params.get('voidedStatementId'))!;
    if (!UUID.test(id)) throw new HttpError(400, `${voidedWanted ? 'voidedStatementId' : 'statementId'} must be a UUID`);
    const found = await this.store.find(id.toLowerCase());
    if (!found || found.voided !== voidedWanted) {
      throw new HttpError(404, voidedWanted ? `no voided statement ${id}` : `no statement ${id}${found?.voided ? ' (it was voided)' : ''}`);
    }
    const reply = json(200, found.statement, `statement ${id}`);
    return { ...reply, headers: { ...JSON_HEADERS, 'Last-Modified': new Date(String(found.statement.stored)).toUTCString() } };
  }
}

function wholeNumber(params: URLSearchParams, name: string, absent: number, adjust: (value: number) => number): number {
  const value = params.get(name);
  if (value === null) return absent;
  if (!/^\d+$/.test(value)) throw new HttpError(400, `${name} must be a whole number`);
  return adjust(Number(value));
}
