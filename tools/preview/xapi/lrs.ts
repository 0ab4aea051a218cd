// The preview's LRS over HTTP (xAPI 1.0.3 Communication): Statements (PUT 204 / POST 200 ids / GET with filters and
// "more"; a repeated id with equal content is accepted, a different one is 409), State, Agent Profile and Activity
// Profile documents with ETags and If-Match / If-None-Match, About, Activities and Agents. Every request needs
// X-Experience-API-Version 1.0.x (except About) and a credential the LMS issued. The fault switches act here first:
// LRS down (503, or the connection dropped), slow network, LMS gone (401).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpError, readBody } from '../http-util.ts';
import type { InspectorLog } from '../inspector-log.ts';
import { LMS_IRI_BASE } from '../learner.ts';
import type { Faults } from '../protocol.ts';
import { agentKey, agentProblem, isIri } from './agents.ts';
import type { DocumentResource, DocumentScope, DocumentStore, StoredDocument } from './documents.ts';
import { UUID, statementProblem } from './statement-check.ts';
import type { NewStatement, Statement, StatementQuery, StatementStore } from './statement-store.ts';

export const XAPI_VERSION = '1.0.3';
const SUPPORTED_VERSIONS = ['1.0.3', '1.0.2', '1.0.1', '1.0.0'];
const DEFAULT_PAGE = 100;
/** The cmi5 launch document: written by the LMS before each launch, read-only for the AU. */
export const LAUNCH_DATA_ID = 'LMS.LaunchData';

/** The authority the LRS stamps on every statement it stores. */
export const LRS_AUTHORITY = { objectType: 'Agent', name: 'Common Ground preview LMS', account: { homePage: LMS_IRI_BASE, name: 'preview-lms' } } as const;

export interface Credential {
  /** What the inspector calls it, e.g. "cmi5 session 2". */
  label: string;
  /** The cmi5 session the token belongs to; null for TinCan-launch credentials. */
  sessionId: string | null;
}

export interface LrsHooks {
  faults(): Readonly<Faults>;
  /** The credential an Authorization header carries, or null (answered 401). */
  authorize(header: string | undefined): Credential | null;
  /** Called after statements were newly stored through a request (not for the LMS's own statements). */
  afterStore(statements: readonly Statement[], credential: Credential): Promise<void>;
}

interface Reply {
  status: number;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
  /** Short description for the inspector. */
  detail: string;
  /** Statements newly stored by this request. */
  stored?: Statement[];
}

export class Lrs {
  private lastStored = 0;

  constructor(
    readonly statements: StatementStore,
    readonly documents: DocumentStore,
    private readonly log: InspectorLog,
    /** Absolute path of the endpoint, without the trailing slash, e.g. "/p/abc/xapi". */
    private readonly basePath: string,
    private readonly hooks: LrsHooks,
  ) {}

  /** Answer one request for `resource` (the path below the endpoint, e.g. "statements", "activities/state"). */
  async handle(req: IncomingMessage, res: ServerResponse, resource: string, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const faults = this.hooks.faults();
    if (faults.slowMs > 0) await sleep(faults.slowMs);
    if (faults.lrsDown === 'refuse') {
      this.log.append({ kind: 'xapi', method, resource, detail: 'connection dropped (fault: LRS down)', status: 0 });
      req.socket.destroy();
      return;
    }

    let reply: Reply;
    try {
      reply = faults.lrsDown === 'http-503' ? { status: 503, body: 'the LRS is down (fault switched on in the preview)', detail: 'fault: LRS down' } : await this.route(req, method, resource, url);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      reply = { status: error.status, headers: error.headers, body: error.message, detail: error.message };
    }

    const body = reply.body ?? '';
    const textual = typeof body === 'string';
    res.writeHead(reply.status, {
      'X-Experience-API-Version': XAPI_VERSION,
      'Cache-Control': 'no-store',
      ...(textual && body !== '' && reply.status >= 400 ? { 'Content-Type': 'text/plain; charset=utf-8' } : {}),
      ...reply.headers,
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
    this.log.append({ kind: 'xapi', method, resource, detail: reply.detail, status: reply.status });
    for (const statement of reply.stored ?? []) this.log.append({ kind: 'statement', by: 'course', statement });
  }

  /** Store a statement the LMS itself makes (launched, abandoned, satisfied). */
  async storeAsLms(statement: Statement & { id: string }): Promise<void> {
    const prepared = this.prepare(statement, statement.id);
    const outcome = await this.statements.insert([prepared]);
    if (!outcome.ok) throw new Error(`the LMS's own statement ${statement.id} conflicts with a stored one`);
    this.log.append({ kind: 'statement', by: 'lms', statement: prepared.statement });
  }

  private async route(req: IncomingMessage, method: string, resource: string, url: URL): Promise<Reply> {
    if (method === 'OPTIONS') return { status: 204, headers: { Allow: 'GET, PUT, POST, DELETE, OPTIONS' }, detail: 'preflight' };
    if (resource === 'about') {
      if (method !== 'GET') throw new HttpError(405, 'About is read-only', { Allow: 'GET' });
      return json(200, { version: SUPPORTED_VERSIONS }, 'about');
    }
    const version = header(req, 'x-experience-api-version');
    if (version === undefined || !/^1\.0(\.\d+)?$/.test(version.trim())) {
      throw new HttpError(400, `X-Experience-API-Version must be 1.0.x (got ${version === undefined ? 'none' : `"${version}"`})`);
    }
    const credential = this.hooks.authorize(header(req, 'authorization'));
    if (!credential) throw new HttpError(401, 'the Authorization header does not carry a credential this LMS issued for a live session');

    switch (resource) {
      case 'statements':
        return this.statementsResource(req, method, url, credential);
      case 'activities/state':
        return this.documentResource(req, method, url, 'state');
      case 'agents/profile':
        return this.documentResource(req, method, url, 'agent-profile');
      case 'activities/profile':
        return this.documentResource(req, method, url, 'activity-profile');
      case 'activities':
        if (method !== 'GET') throw new HttpError(405, 'Activities is read-only', { Allow: 'GET' });
        return json(200, { objectType: 'Activity', id: iriParam(url, 'activityId') }, url.searchParams.get('activityId') ?? '');
      case 'agents': {
        if (method !== 'GET') throw new HttpError(405, 'Agents is read-only', { Allow: 'GET' });
        const agent = agentParam(url).value as Record<string, unknown>;
        const person: Record<string, unknown> = { objectType: 'Person' };
        for (const key of ['name', 'mbox', 'mbox_sha1sum', 'openid', 'account']) if (agent[key] !== undefined) person[key] = [agent[key]];
        return json(200, person, 'person');
      }
      default:
        throw new HttpError(404, `no xAPI resource "${resource}"`);
    }
  }

  // ---- Statements ----

  private async statementsResource(req: IncomingMessage, method: string, url: URL, credential: Credential): Promise<Reply> {
    if (method === 'GET') return this.getStatements(url);
    if (method !== 'PUT' && method !== 'POST') throw new HttpError(405, `statements do not accept ${method}`, { Allow: 'GET, PUT, POST' });
    const type = header(req, 'content-type') ?? '';
    if (type.startsWith('multipart/')) throw new HttpError(400, 'attachments (multipart/mixed) are not supported by the preview LRS');
    if (!type.startsWith('application/json')) throw new HttpError(400, `statements must be sent as application/json (got "${type}")`);
    const body = parseBody(await readBody(req));

    if (method === 'PUT') {
      const id = url.searchParams.get('statementId');
      if (id === null || !UUID.test(id)) throw new HttpError(400, 'PUT needs a statementId parameter holding a UUID');
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'PUT takes one statement (a JSON object)');
      const sent = (body as Record<string, unknown>).id;
      if (sent !== undefined && String(sent).toLowerCase() !== id.toLowerCase()) throw new HttpError(400, `the statement's id ${String(sent)} differs from statementId ${id}`);
      const problem = statementProblem(body);
      if (problem) throw new HttpError(400, `statement refused: ${problem}`);
      const outcome = await this.statements.insert([this.prepare(body as Statement, id)]);
      if (!outcome.ok) return { status: 409, body: `statement ${outcome.conflict} is already stored with different content`, detail: `conflict: ${describe(body)}` };
      const stored = await this.storedAfter(outcome.inserted, credential);
      return { status: 204, detail: outcome.repeated.length > 0 ? `repeat of stored ${describe(body)}` : describe(body), stored };
    }

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
    const outcome = await this.statements.insert(prepared);
    if (!outcome.ok) return { status: 409, body: `statement ${outcome.conflict} is already stored with different content`, detail: `conflict: ${outcome.conflict}` };
    const stored = await this.storedAfter(outcome.inserted, credential);
    return { ...json(200, prepared.map((item) => item.statement.id), list.map(describe).join(', ')), stored };
  }

  private async storedAfter(ids: readonly string[], credential: Credential): Promise<Statement[]> {
    const stored: Statement[] = [];
    for (const id of ids) {
      const found = await this.statements.find(id);
      if (found) stored.push(found.statement);
    }
    if (stored.length > 0) await this.hooks.afterStore(stored, credential);
    return stored;
  }

  private prepare(received: Statement, id: string): NewStatement & { statement: Statement & { id: string; stored: string } } {
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

  private async getStatements(url: URL): Promise<Reply> {
    const params = url.searchParams;
    const single = params.get('statementId') ?? params.get('voidedStatementId');
    if (single !== null) {
      const voidedWanted = params.has('voidedStatementId');
      const others = [...params.keys()].filter((key) => !['statementId', 'voidedStatementId', 'attachments', 'format'].includes(key));
      if (others.length > 0 || (params.has('statementId') && params.has('voidedStatementId'))) {
        throw new HttpError(400, `a statementId / voidedStatementId request takes only attachments and format (got ${others.join(', ') || 'both ids'})`);
      }
      if (!UUID.test(single)) throw new HttpError(400, `${voidedWanted ? 'voidedStatementId' : 'statementId'} must be a UUID`);
      const found = await this.statements.find(single.toLowerCase());
      if (!found || found.voided !== voidedWanted) {
        throw new HttpError(404, voidedWanted ? `no voided statement ${single}` : `no statement ${single}${found?.voided ? ' (it was voided)' : ''}`);
      }
      return { ...json(200, found.statement, `statement ${single}`), headers: { ...JSON_HEADERS, 'Last-Modified': new Date(String(found.statement.stored)).toUTCString() } };
    }

    const allowed = new Set(['agent', 'verb', 'activity', 'registration', 'related_activities', 'related_agents', 'since', 'until', 'limit', 'format', 'attachments', 'ascending', 'offset']);
    const unknown = [...params.keys()].find((key) => !allowed.has(key));
    if (unknown) throw new HttpError(400, `unknown statements parameter "${unknown}"`);
    const query: StatementQuery = {
      relatedActivities: booleanParam(params, 'related_activities'),
      relatedAgents: booleanParam(params, 'related_agents'),
      ascending: booleanParam(params, 'ascending'),
      limit: limitParam(params),
      offset: offsetParam(params),
    };
    if (params.has('agent')) query.agent = agentParam(url).key;
    if (params.has('verb')) query.verb = iriParam(url, 'verb');
    if (params.has('activity')) query.activity = iriParam(url, 'activity');
    if (params.has('registration')) query.registration = uuidParam(url, 'registration');
    if (params.has('since')) query.since = timestampParam(params, 'since');
    if (params.has('until')) query.until = timestampParam(params, 'until');
    const page = await this.statements.query(query);
    let more = '';
    if (page.nextOffset !== null) {
      const next = new URLSearchParams(params);
      next.set('offset', String(page.nextOffset));
      more = `${this.basePath}/statements?${next.toString()}`;
    }
    const reply = json(200, { statements: page.statements, more }, `query: ${page.statements.length} statement${page.statements.length === 1 ? '' : 's'}`);
    return { ...reply, headers: { ...JSON_HEADERS, 'X-Experience-API-Consistent-Through': new Date().toISOString() } };
  }

  // ---- Documents ----

  private async documentResource(req: IncomingMessage, method: string, url: URL, resource: DocumentResource): Promise<Reply> {
    const idParam = resource === 'state' ? 'stateId' : 'profileId';
    const scope: DocumentScope = {
      resource,
      activityId: resource === 'agent-profile' ? '' : iriParam(url, 'activityId'),
      agent: resource === 'activity-profile' ? '' : agentParam(url).key,
      registration: resource === 'state' && url.searchParams.has('registration') ? uuidParam(url, 'registration') : '',
    };
    const id = url.searchParams.get(idParam);
    const existing = id === null ? undefined : this.documents.get(scope, id);
    const label = (what: string) => `${idParam}=${id ?? '(all)'} ${what}`.trim();

    switch (method) {
      case 'GET': {
        if (id === null) {
          const since = url.searchParams.get('since');
          const ids = this.documents.list(scope, since === null ? undefined : new Date(timestampParam(url.searchParams, 'since')));
          return json(200, ids, `${idParam} list: ${ids.length}`);
        }
        if (!existing) throw new HttpError(404, `no document ${idParam}=${id}`);
        return {
          status: 200,
          headers: { 'Content-Type': existing.contentType, ETag: existing.etag, 'Last-Modified': existing.updated.toUTCString() },
          body: existing.content,
          detail: label(`(${existing.content.length} bytes)`),
        };
      }
      case 'PUT':
      case 'POST': {
        if (id === null) throw new HttpError(400, `${method} needs a ${idParam} parameter`);
        if (resource === 'state' && id === LAUNCH_DATA_ID) throw new HttpError(403, `${LAUNCH_DATA_ID} belongs to the LMS; an AU must not change it (cmi5 section 10)`);
        preconditions(req, existing, method === 'PUT' && resource !== 'state');
        const content = await readBody(req);
        const contentType = header(req, 'content-type') ?? 'application/octet-stream';
        let document: StoredDocument;
        if (method === 'PUT') document = this.documents.put(scope, id, content, contentType);
        else {
          const merged = this.documents.merge(scope, id, content, contentType);
          if (typeof merged === 'string') throw new HttpError(400, merged);
          document = merged;
        }
        this.log.changed();
        return { status: 204, headers: { ETag: document.etag }, detail: label(`(${document.content.length} bytes)`) };
      }
      case 'DELETE': {
        if (id === null) {
          if (resource !== 'state') throw new HttpError(400, `DELETE needs a ${idParam} parameter`);
          this.documents.deleteAll(scope);
        } else {
          if (resource === 'state' && id === LAUNCH_DATA_ID) throw new HttpError(403, `${LAUNCH_DATA_ID} belongs to the LMS; an AU must not delete it (cmi5 section 10)`);
          preconditions(req, existing, false);
          this.documents.delete(scope, id);
        }
        this.log.changed();
        return { status: 204, detail: label('deleted') };
      }
      default:
        throw new HttpError(405, `${resource} documents do not accept ${method}`, { Allow: 'GET, PUT, POST, DELETE' });
    }
  }
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

function json(status: number, value: unknown, detail: string): Reply {
  return { status, headers: JSON_HEADERS, body: JSON.stringify(value), detail };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    throw new HttpError(400, `the body is not valid JSON (${(error as Error).message})`);
  }
}

/** xAPI concurrency: If-Match must name the current ETag (or "*" for any), If-None-Match "*" means "only if absent". */
function preconditions(req: IncomingMessage, existing: StoredDocument | undefined, headerRequired: boolean): void {
  const ifMatch = header(req, 'if-match');
  const ifNoneMatch = header(req, 'if-none-match');
  const listed = (value: string) => value.split(',').map((tag) => tag.trim());
  if (ifMatch !== undefined && (!existing || !(listed(ifMatch).includes('*') || listed(ifMatch).includes(existing.etag)))) {
    throw new HttpError(412, 'If-Match does not match the stored document');
  }
  if (ifNoneMatch !== undefined && existing && (listed(ifNoneMatch).includes('*') || listed(ifNoneMatch).includes(existing.etag))) {
    throw new HttpError(412, 'If-None-Match: the document exists');
  }
  if (headerRequired && existing && ifMatch === undefined && ifNoneMatch === undefined) {
    throw new HttpError(409, 'the profile document exists: send If-Match (or If-None-Match) to change it');
  }
}

function agentParam(url: URL): { value: unknown; key: string } {
  const text = url.searchParams.get('agent');
  if (text === null) throw new HttpError(400, 'the agent parameter is required');
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'the agent parameter is not valid JSON');
  }
  const problem = agentProblem(value, 'agent', false);
  if (problem) throw new HttpError(400, problem);
  return { value, key: agentKey(value)! };
}

function iriParam(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (!isIri(value)) throw new HttpError(400, `the ${name} parameter must be an IRI`);
  return value;
}

function uuidParam(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (value === null || !UUID.test(value)) throw new HttpError(400, `the ${name} parameter must be a UUID`);
  return value.toLowerCase();
}

function timestampParam(params: URLSearchParams, name: string): string {
  const value = params.get(name) ?? '';
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new HttpError(400, `the ${name} parameter must be a timestamp`);
  return new Date(time).toISOString();
}

function booleanParam(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  throw new HttpError(400, `the ${name} parameter must be true or false`);
}

function limitParam(params: URLSearchParams): number {
  const value = params.get('limit');
  if (value === null) return DEFAULT_PAGE;
  if (!/^\d+$/.test(value)) throw new HttpError(400, 'limit must be a whole number');
  const limit = Number(value);
  return limit === 0 || limit > DEFAULT_PAGE ? DEFAULT_PAGE : limit;
}

function offsetParam(params: URLSearchParams): number {
  const value = params.get('offset');
  if (value === null) return 0;
  if (!/^\d+$/.test(value)) throw new HttpError(400, 'offset must be a whole number');
  return Number(value);
}

/** "initialized", "answered …" — the verb's display (or the last part of its id), for the inspector. */
function describe(statement: unknown): string {
  const verb = (statement as { verb?: { id?: unknown; display?: Record<string, unknown> } }).verb;
  const display = verb?.display && Object.values(verb.display).find((text) => typeof text === 'string');
  if (typeof display === 'string') return display;
  return typeof verb?.id === 'string' ? verb.id.slice(verb.id.lastIndexOf('/') + 1) : 'statement';
}
