// The Statements resource handed on to a real LRS (`npm run preview -- --lrs <endpoint> --lrs-auth key:secret`). The
// preview stays the LMS: it still checks the course's credential, keeps State and profile documents, the cmi5 fetch
// token and rules; only statements go on, with the preview's own Basic credential for that LRS. The LRS's answers
// (200 with ids, 204, 409, 400 with its reasons) go back to the course unchanged, so the course meets a real LRS's
// rules. Two answers are the preview's own: an LRS that cannot be reached, or that refuses the preview's key, is a
// 503 to the course (it keeps its statements and resends later; a 401 would tell it its launch credential is dead).
// The LMS's own statements (launched, abandoned, satisfied) are held while the LRS is away and sent, in order, before
// anything more from the course, so the LRS still sees "launched" before "initialized".
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { HttpError, readBody } from '../http-util.ts';
import type { InspectorLog } from '../inspector-log.ts';
import type { LrsView } from '../protocol.ts';
import { describe, header, type Reply } from './request-parts.ts';
import type { Statement } from './statement-store.ts';

export interface UpstreamLrs {
  /** The LRS's xAPI base URL, e.g. "https://lrs.example.nhs.uk/data/xAPI/". */
  endpoint: string;
  /** "key:secret" of an LRS client allowed to write (and, for GETs the course makes, read) statements. */
  keySecret: string;
}

export interface ForwarderOptions {
  /** Per request to the LRS (default 10 s): a hung LRS must not hang the course's request for ever. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Headers of the LRS's answer worth passing on to the course. */
const PASSED_HEADERS = ['content-type', 'x-experience-api-consistent-through', 'last-modified', 'etag'];
const XAPI_VERSION = '1.0.3';

/** The LRS could not be used at all: no answer, or it refused the preview's key. */
class Unavailable extends Error {
  constructor(
    readonly kind: 'unreachable' | 'refused',
    readonly reason: string,
  ) {
    super(reason);
  }
}

export class LrsForwarder {
  readonly endpoint: URL;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  /** Statement ids the LRS has accepted through this preview: a resend the LRS accepts again is not news. */
  private readonly accepted = new Set<string>();
  /** The LMS's own statements the LRS has not taken yet, oldest first. */
  private readonly held: Array<Statement & { id: string }> = [];
  private state: LrsView['state'] = 'not contacted yet';
  private lastProblem = '';

  constructor(
    upstream: UpstreamLrs,
    private readonly log: InspectorLog,
    /** The preview's own statements path ("/p/<id>/xapi/statements"), for rewriting the LRS's `more` links. */
    private readonly localPath: string,
    options: ForwarderOptions = {},
  ) {
    this.endpoint = upstreamEndpoint(upstream.endpoint);
    const colon = upstream.keySecret.indexOf(':');
    if (colon < 0) throw new Error('the LRS credential must be key:secret');
    this.authorization = `Basic ${Buffer.from(upstream.keySecret).toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** For the inspector's summary. */
  view(): LrsView {
    return { endpoint: this.endpoint.href, state: this.state, heldStatements: this.held.length, problem: this.lastProblem };
  }

  /** Answer a request to the Statements resource by asking the real LRS. */
  async handle(req: IncomingMessage, method: string, url: URL, given?: Buffer): Promise<Reply> {
    if (method !== 'GET' && method !== 'PUT' && method !== 'POST') throw new HttpError(405, `statements do not accept ${method}`, { Allow: 'GET, PUT, POST' });
    const body = method === 'GET' ? undefined : (given ?? (await readBody(req)));
    const sent = body === undefined ? [] : statementsIn(body, method, url);
    try {
      if (method !== 'GET') await this.sendHeld();
      const answer = await this.send(method, `statements${url.search}`, body, {
        'X-Experience-API-Version': header(req, 'x-experience-api-version') ?? XAPI_VERSION,
        ...(body === undefined ? {} : { 'Content-Type': header(req, 'content-type') ?? 'application/json' }),
      });
      return this.relay(method, answer, sent);
    } catch (error) {
      if (!(error instanceof Unavailable)) throw error;
      return {
        status: 503,
        body: `the LRS the preview forwards to is unavailable: ${error.reason}`,
        detail: `not forwarded: ${error.kind === 'refused' ? 'the LRS refused the preview\'s key' : 'the LRS is not answering'} (the course was told 503)`,
      };
    }
  }

  /**
   * Send a statement the LMS itself makes. Resolves to true when the LRS took it now, false when it is held for
   * later (the LRS is away); a statement the LRS refuses as invalid is reported and dropped, as resending cannot help.
   */
  async storeOwn(statement: Statement & { id: string }): Promise<boolean> {
    this.held.push(statement);
    try {
      await this.sendHeld();
      return true;
    } catch (error) {
      if (!(error instanceof Unavailable)) throw error;
      this.log.append({ kind: 'lms', text: `The LMS's "${describe(statement)}" statement is held until the LRS answers (${this.held.length} held)` });
      return false;
    }
  }

  /** Send the held LMS statements, oldest first; throws Unavailable (keeping the rest) when the LRS is away. */
  private async sendHeld(): Promise<void> {
    while (this.held.length > 0) {
      const statement = this.held[0]!;
      const answer = await this.send('PUT', `statements?statementId=${encodeURIComponent(statement.id)}`, Buffer.from(JSON.stringify(statement)), {
        'X-Experience-API-Version': XAPI_VERSION,
        'Content-Type': 'application/json',
      });
      this.held.shift();
      if (answer.status === 204 || answer.status === 409) {
        this.accepted.add(statement.id);
        this.log.append({ kind: 'xapi', by: 'lms', method: 'PUT', resource: 'statements', detail: `the LMS's "${describe(statement)}" sent to the LRS${answer.status === 409 ? ' (it already had it)' : ''}`, status: answer.status });
      } else {
        this.log.append({ kind: 'warning', source: 'lrs', text: `The LRS refused the LMS's own "${describe(statement)}" statement (HTTP ${answer.status}): ${excerpt(answer.text)}` });
      }
    }
  }

  /** One request to the LRS. Throws Unavailable for no answer, 401/403 or a 5xx; any other answer is returned. */
  private async send(method: string, resource: string, body: Buffer | undefined, headers: Record<string, string>): Promise<UpstreamAnswer> {
    let response: Response;
    try {
      response = await this.fetchImpl(new URL(resource, this.endpoint), {
        method,
        headers: { ...headers, Authorization: this.authorization },
        ...(body === undefined ? {} : { body: new Uint8Array(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      this.unavailable('unreachable', unreachableReason(error));
      throw new Unavailable('unreachable', unreachableReason(error));
    }
    const text = await response.text().catch(() => '');
    if (response.status === 401 || response.status === 403) {
      this.unavailable('refused', `HTTP ${response.status}`);
      throw new Unavailable('refused', `the LRS refused the preview's key (HTTP ${response.status})`);
    }
    if (response.status >= 500) {
      this.unavailable('unreachable', `HTTP ${response.status}${text ? `: ${excerpt(text)}` : ''}`);
      throw new Unavailable('unreachable', `the LRS answered HTTP ${response.status}`);
    }
    if (this.state !== 'answering') {
      if (this.state !== 'not contacted yet') this.log.append({ kind: 'lms', text: `The LRS at ${this.endpoint.href} is answering again.` });
      this.state = 'answering';
      this.lastProblem = '';
    }
    const passed: OutgoingHttpHeaders = {};
    for (const name of PASSED_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) passed[name] = value;
    }
    return { status: response.status, text, headers: passed };
  }

  /** The LRS answered: pass its answer on, and say which statements are newly on record there. */
  private relay(method: string, answer: UpstreamAnswer, sent: Statement[]): Reply {
    const reply: Reply = { status: answer.status, headers: answer.headers, body: answer.text, detail: '' };
    if (method === 'GET') {
      if (answer.status === 200) reply.body = this.localMore(answer.text);
      reply.detail = `the LRS answered ${answer.status === 200 ? 'the query' : excerpt(answer.text)}`;
      return reply;
    }
    const what = sent.map(describe).join(', ') || 'statements';
    if (answer.status === 409) {
      reply.detail = `the LRS holds a statement with this id and different content: ${what}`;
      return reply;
    }
    if (answer.status >= 400) {
      reply.detail = `the LRS refused ${what}: ${excerpt(answer.text)}`;
      this.log.append({ kind: 'warning', source: 'lrs', text: `The LRS refused ${what} (HTTP ${answer.status}): ${excerpt(answer.text)}` });
      return reply;
    }
    // POST answers with the ids in order, the LRS's own for statements sent without one.
    if (method === 'POST') {
      const ids = idsIn(answer.text);
      sent.forEach((statement, index) => {
        if (ids[index]) statement.id = ids[index];
      });
    }
    const fresh = sent.filter((statement) => typeof statement.id === 'string' && !this.accepted.has(statement.id));
    for (const statement of fresh) this.accepted.add(statement.id as string);
    reply.stored = fresh;
    reply.detail = fresh.length === sent.length ? `forwarded to the LRS: ${what}` : `forwarded to the LRS, ${sent.length - fresh.length} of them a resend it already had: ${what}`;
    return reply;
  }

  /** The LRS's `more` link points at its own path; the course must come back through the preview. */
  private localMore(text: string): string {
    let page: { more?: unknown };
    try {
      page = JSON.parse(text) as { more?: unknown };
    } catch {
      return text;
    }
    if (typeof page.more !== 'string' || page.more === '') return text;
    const more = new URL(page.more, this.endpoint);
    return JSON.stringify({ ...page, more: `${this.localPath}${more.search}` });
  }

  private unavailable(state: 'unreachable' | 'refused', reason: string): void {
    const first = this.state !== state;
    this.state = state;
    this.lastProblem = reason;
    if (!first) return;
    const where = `The LRS at ${this.endpoint.href}`;
    this.log.append({
      kind: 'warning',
      source: 'lrs',
      text:
        state === 'refused'
          ? `${where} refused the key and secret given with --lrs-auth (${reason}). Check them with whoever runs the LRS. Meanwhile the course was told the LRS is unavailable, so it keeps its statements and sends them again later.`
          : `${where} is not answering (${reason}). The course was told the LRS is unavailable, so it keeps its statements and sends them again later; nothing is lost.`,
    });
  }
}

interface UpstreamAnswer {
  status: number;
  text: string;
  headers: OutgoingHttpHeaders;
}

/** The endpoint as a base URL (with its trailing slash), or an error that says what was expected. */
export function upstreamEndpoint(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--lrs "${text}" is not a URL (expected the LRS's xAPI endpoint, e.g. http://127.0.0.1:8080/data/xAPI/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--lrs must be an http or https address, not ${url.protocol}`);
  if (url.search !== '' || url.hash !== '') throw new Error('--lrs is the endpoint itself, without a query or fragment');
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The statements a PUT or POST carries (copies, ids lower-cased), or none when the body is not JSON (the LRS says why). */
function statementsIn(body: Buffer, method: string, url: URL): Statement[] {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return [];
  }
  const list = (Array.isArray(value) ? value : [value]).filter((item): item is Statement => typeof item === 'object' && item !== null && !Array.isArray(item));
  return list.map((item) => {
    const id = method === 'PUT' ? url.searchParams.get('statementId') : item.id;
    return typeof id === 'string' ? { ...item, id: id.toLowerCase() } : { ...item };
  });
}

function idsIn(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.map((id) => String(id).toLowerCase()) : [];
  } catch {
    return [];
  }
}

function unreachableReason(error: unknown): string {
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'no answer in time';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  if (code === 'ECONNREFUSED') return 'connection refused: nothing is listening there';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'its host name could not be found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was dropped';
  return cause?.message ?? (error as Error).message;
}

/** A short, one-line piece of an answer body for the inspector. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line || '(no body)';
}
