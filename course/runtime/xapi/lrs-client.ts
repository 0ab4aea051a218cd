// The few LRS calls the course makes, on fetch. @xapi/xapi's client is not used at run time: its ES build inlines
// axios (about 19 KB gzipped, even with adapter "fetch"), its fetch adapter throws away the HTTP status (so a 409 for
// a statement the LRS already has could not be told from a 500), and it cannot set keepalive for the last requests
// on page close. Its statement types are used throughout (type imports only, erased from the bundle).
import type { Agent, Statement } from '@xapi/xapi';

export interface LrsResponse {
  /** HTTP status; 0 when the request did not get an answer (offline, CORS, aborted). */
  status: number;
  body: string;
}

export interface RequestOptions {
  /** Let the request outlive the page (page close); bodies in flight share a 64 KiB allowance. */
  keepalive?: boolean;
}

/** Browsers allow this many bytes of keepalive request bodies in flight per page (the Fetch standard's 64 KiB). */
export const KEEPALIVE_LIMIT = 64 * 1024;

export interface DocumentParams {
  activityId: string;
  agent: Agent;
  registration: string | null;
}

export class LrsClient {
  private readonly endpoint: string;
  /** Bytes of keepalive bodies this page has in flight: one budget, however many parts of the course send at close. */
  private keepaliveInFlight = 0;

  constructor(
    endpoint: string,
    private readonly auth: string | null,
    private readonly fetcher: typeof fetch,
  ) {
    this.endpoint = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  }

  postStatements(statements: Statement[], options: RequestOptions = {}): Promise<LrsResponse> {
    return this.request('POST', 'statements', {}, JSON.stringify(statements), options);
  }

  putStatement(statement: Statement & { id: string }, options: RequestOptions = {}): Promise<LrsResponse> {
    return this.request('PUT', 'statements', { statementId: statement.id }, JSON.stringify(statement), options);
  }

  /** One statement by id: 200 when the LRS holds it, 404 when it does not. */
  getStatement(id: string): Promise<LrsResponse> {
    return this.request('GET', 'statements', { statementId: id });
  }

  getState(params: DocumentParams, stateId: string): Promise<LrsResponse> {
    return this.request('GET', 'activities/state', { ...documentQuery(params), stateId });
  }

  putState(params: DocumentParams, stateId: string, document: unknown, options: RequestOptions = {}): Promise<LrsResponse> {
    return this.request('PUT', 'activities/state', { ...documentQuery(params), stateId }, JSON.stringify(document), options);
  }

  getAgentProfile(agent: Agent, profileId: string): Promise<LrsResponse> {
    return this.request('GET', 'agents/profile', { agent: JSON.stringify(agent), profileId });
  }

  /** Bytes a keepalive body may still have now; a body over it would be refused by the browser outright. */
  keepaliveRoom(): number {
    return Math.max(0, KEEPALIVE_LIMIT - this.keepaliveInFlight);
  }

  private async request(method: string, resource: string, query: Record<string, string>, body?: string, options: RequestOptions = {}): Promise<LrsResponse> {
    const url = `${this.endpoint}${resource}?${new URLSearchParams(query).toString()}`;
    const headers: Record<string, string> = { 'X-Experience-API-Version': '1.0.3' };
    if (this.auth) headers.Authorization = this.auth;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // Over the page's allowance the browser refuses a keepalive request at once; sent plainly it may still arrive.
    const bytes = body === undefined ? 0 : new TextEncoder().encode(body).length;
    const keepalive = options.keepalive === true && bytes <= this.keepaliveRoom();
    if (keepalive) this.keepaliveInFlight += bytes;
    try {
      const init: RequestInit = { method, headers, cache: 'no-store' };
      if (body !== undefined) init.body = body;
      if (keepalive) init.keepalive = true;
      const response = await this.fetcher(url, init);
      return { status: response.status, body: await response.text().catch(() => '') };
    } catch {
      return { status: 0, body: '' };
    } finally {
      if (keepalive) this.keepaliveInFlight -= bytes;
    }
  }
}

function documentQuery(params: DocumentParams): Record<string, string> {
  const query: Record<string, string> = { activityId: params.activityId, agent: JSON.stringify(params.agent) };
  if (params.registration) query.registration = params.registration;
  return query;
}

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;
