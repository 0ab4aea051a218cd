// An LRS (and the cmi5 LMS's fetch URL) behind a fake fetch: statements (POST batches, PUT by id, with the xAPI
// duplicate rules; GET one by id), State API and Agent Profile documents. Every request is recorded, so tests can check what left
// the course, and the LRS can be taken down (no answer) or made to fail (HTTP status) at will. A real LRS on
// 127.0.0.1 comes with the preview LMS (next issue); this one checks the same rules the tests rely on.
import type { Statement } from '@xapi/xapi';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
  keepalive: boolean;
  /** When it was sent and answered, on one counter shared by all requests (answered: -1 while waiting or unanswered). */
  sentAt: number;
  answeredAt: number;
}

export class FakeLrs {
  readonly endpoint = 'https://lrs.example.nhs.uk/xapi/';
  /** Each launch gets a fetch URL of its own, which gives a token once (newLaunch makes the next). */
  private launches = 1;
  private readonly spentFetchUrls = new Set<string>();
  readonly token = 'dG9rZW4tZm9yLXRoaXMtc2Vzc2lvbg==';
  /** Stored statements by id, in the order they arrived. */
  readonly statements = new Map<string, Statement>();
  readonly documents = new Map<string, string>();
  readonly requests: RecordedRequest[] = [];
  /** "down": no answer at all; a number: every statement/document request answers with it. */
  failure: 'down' | number | null = null;
  /** Statement requests (only) answer with this status. */
  statementFailure: number | null = null;
  /** Document PUTs take this long (real milliseconds) to be answered, so requests sent meanwhile overtake them. */
  documentDelayMs = 0;
  /** Statement POSTs and PUTs take this long (real milliseconds) to be answered: a page may go while one is on its way. */
  statementDelayMs = 0;
  private tick = 0;

  readonly fetch: typeof fetch = async (input, init = {}) => {
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
      body: typeof init.body === 'string' ? init.body : '',
      keepalive: init.keepalive === true,
      sentAt: this.tick++,
      answeredAt: -1,
    };
    this.requests.push(request);
    const response = await this.answer(request);
    request.answeredAt = this.tick++;
    return response;
  };

  private async answer(request: RecordedRequest): Promise<Response> {
    const url = request.url;
    if (this.failure === 'down') throw new TypeError('Failed to fetch');
    if (url.pathname.startsWith('/cmi5/fetch/')) return this.fetchToken(url.href);
    if (typeof this.failure === 'number') return new Response('failure', { status: this.failure });
    const resource = url.pathname.replace(/^\/xapi\//, '');
    if (resource === 'statements') {
      if (request.method !== 'GET' && this.statementDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.statementDelayMs));
      return this.statementFailure === null ? this.statementRequest(request) : new Response('failure', { status: this.statementFailure });
    }
    if (resource === 'activities/state' || resource === 'agents/profile') {
      if (request.method === 'PUT' && this.documentDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.documentDelayMs));
      return this.documentRequest(request);
    }
    return new Response('not found', { status: 404 });
  }

  /** Puts a document (e.g. LMS.LaunchData) where the course will look for it. */
  setDocument(resource: 'activities/state' | 'agents/profile', query: Record<string, string>, body: unknown): void {
    this.documents.set(documentKey(resource, new URLSearchParams(query)), JSON.stringify(body));
  }

  getDocument(resource: 'activities/state' | 'agents/profile', query: Record<string, string>): unknown {
    const raw = this.documents.get(documentKey(resource, new URLSearchParams(query)));
    return raw === undefined ? undefined : JSON.parse(raw);
  }

  /** Stored statements, oldest first. */
  get stored(): Statement[] {
    return [...this.statements.values()];
  }

  /** The current launch's fetch URL. */
  get fetchUrl(): string {
    return `https://lms.example.nhs.uk/cmi5/fetch/abc123-${this.launches}`;
  }

  /** Whether the current fetch URL has given its token. */
  get fetchUrlSpent(): boolean {
    return this.spentFetchUrls.has(this.fetchUrl);
  }

  /** The LMS launches the AU again: a new fetch URL (a reload of the same tab keeps the old one). */
  newLaunch(): void {
    this.launches++;
  }

  private fetchToken(url: string): Response {
    if (this.spentFetchUrls.has(url)) return json({ 'error-code': '1', 'error-text': 'Already in use' });
    this.spentFetchUrls.add(url);
    return json({ 'auth-token': this.token });
  }

  private statementRequest(request: RecordedRequest): Response {
    if (request.headers['X-Experience-API-Version'] !== '1.0.3') return new Response('missing version header', { status: 400 });
    if (request.method === 'GET') {
      const id = request.url.searchParams.get('statementId');
      if (id === null) return new Response('only single statements are served here', { status: 400 });
      const statement = this.statements.get(id);
      return statement ? json(statement) : new Response('', { status: 404 });
    }
    if (request.method === 'PUT') {
      const statement = JSON.parse(request.body) as Statement;
      const id = request.url.searchParams.get('statementId') ?? '';
      const problem = invalid(statement);
      if (problem || statement.id !== id) return new Response(problem ?? 'id mismatch', { status: 400 });
      const existing = this.statements.get(id);
      if (existing) return new Response(null, { status: JSON.stringify(existing) === request.body ? 204 : 409 });
      this.statements.set(id, statement);
      return new Response(null, { status: 204 });
    }
    if (request.method === 'POST') {
      const batch = ([] as Statement[]).concat(JSON.parse(request.body) as Statement | Statement[]);
      const problem = batch.map(invalid).find((p) => p !== null);
      if (problem) return new Response(problem, { status: 400 });
      // Like most LRSs, a batch with any id already stored is refused whole.
      if (batch.some((s) => this.statements.has(s.id as string))) return new Response('conflict', { status: 409 });
      for (const statement of batch) this.statements.set(statement.id as string, statement);
      return json(batch.map((s) => s.id));
    }
    return new Response('method not allowed', { status: 405 });
  }

  private documentRequest(request: RecordedRequest): Response {
    const resource = request.url.pathname.replace(/^\/xapi\//, '') as 'activities/state' | 'agents/profile';
    const key = documentKey(resource, request.url.searchParams);
    if (request.method === 'GET') {
      const body = this.documents.get(key);
      return body === undefined ? new Response('', { status: 404 }) : new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    if (request.method === 'PUT') {
      this.documents.set(key, request.body);
      return new Response(null, { status: 204 });
    }
    return new Response('method not allowed', { status: 405 });
  }
}

function documentKey(resource: string, query: URLSearchParams): string {
  const agent = JSON.parse(query.get('agent') ?? 'null') as Record<string, unknown> | null;
  const who = agent ? JSON.stringify(agent.account ?? agent.mbox ?? agent) : '';
  return [resource, query.get('activityId') ?? '', who, query.get('registration') ?? '', query.get('stateId') ?? query.get('profileId') ?? ''].join('|');
}

function json(value: unknown): Response {
  return new Response(JSON.stringify(value), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/** The xAPI rules an LRS enforces on what this course sends; null when the statement passes. */
export function invalid(statement: Statement): string | null {
  const actor = statement.actor as Record<string, unknown> | undefined;
  if (!UUID.test(String(statement.id))) return 'id is not a UUID';
  if (!actor || !(actor.mbox || actor.mbox_sha1sum || actor.openid || actor.account)) return 'actor has no identifier';
  if (!IRI.test(statement.verb?.id ?? '')) return 'verb id is not an IRI';
  if (!IRI.test(String((statement.object as { id?: string })?.id ?? ''))) return 'object id is not an IRI';
  if (statement.timestamp === undefined || Number.isNaN(Date.parse(statement.timestamp))) return 'timestamp missing or invalid';
  const result = statement.result;
  if (result?.duration !== undefined && !DURATION.test(result.duration)) return `duration ${result.duration} is not ISO 8601`;
  const scaled = result?.score?.scaled;
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) return 'score.scaled out of range';
  if (statement.context?.registration !== undefined && !UUID.test(statement.context.registration)) return 'registration is not a UUID';
  return null;
}
