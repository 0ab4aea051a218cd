// Reading an LRS's statements page by page with @xapi/xapi's query API (getStatements, then getMoreStatements for
// each `more` link). The library's own adapters are axios (its default) or a fetch one that turns every HTTP
// error into a bare Error(body) and loses the status; so it gets an adapter of ours, on Node's fetch, that keeps
// the status (a 401 must say "credentials", not print an HTML page) and gives every request a time limit.
// Each page is handed on and dropped before the next is asked for: memory holds one page at a time.
import XAPI, { type StatementsResponse } from '@xapi/xapi';
import { InputError } from '../errors.ts';

export interface LrsOptions {
  /** The LRS's xAPI base, e.g. http://127.0.0.1:8080/data/xAPI/ (a trailing slash is added if missing). */
  endpoint: string;
  /** "key:secret" for HTTP Basic authentication. */
  auth: string;
  /** Only statements the LRS stored after this time (ISO 8601). */
  since?: string;
  /** Only statements about this activity (or with it in their context): one course variant on a busy LRS. */
  activity?: string;
  /** Statements per page asked for; the LRS may send fewer. */
  pageSize?: number;
  /** Per request. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface LrsReadResult {
  pages: number;
  statements: number;
}

/** The library exports its adapter type only as part of its constructor's options. */
type AdapterFunction = Exclude<NonNullable<ConstructorParameters<typeof XAPI>[0]['adapter']>, string>;

const DEFAULT_PAGE_SIZE = 500;
const DEFAULT_TIMEOUT_MS = 60_000;

class LrsHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}`);
  }
}

/** Calls onPage with each page's statements in the order the LRS sends them; resolves when there is no `more`. */
export async function readLrsStatements(options: LrsOptions, onPage: (statements: unknown[]) => void | Promise<void>): Promise<LrsReadResult> {
  const endpoint = normaliseEndpoint(options.endpoint);
  const colon = options.auth.indexOf(':');
  if (colon < 0) throw new InputError('--auth must be key:secret');
  const xapi = new XAPI({
    endpoint: endpoint.href,
    auth: XAPI.toBasicAuth(options.auth.slice(0, colon), options.auth.slice(colon + 1)),
    adapter: fetchAdapter(options.fetch ?? fetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  });
  const query = {
    limit: options.pageSize ?? DEFAULT_PAGE_SIZE,
    ...(options.since ? { since: options.since } : {}),
    ...(options.activity ? { activity: options.activity, related_activities: true } : {}),
  };
  let pages = 0;
  let statements = 0;
  let response: { data: unknown } = await request(endpoint, () => xapi.getStatements(query));
  const seenMore = new Set<string>();
  for (;;) {
    const page = statementsOf(response.data);
    pages++;
    statements += page.statements.length;
    await onPage(page.statements);
    const more = page.more;
    if (!more) break;
    const path = morePath(more, endpoint);
    // A server that keeps handing back the same link would have this loop for ever.
    if (seenMore.has(path)) throw new InputError(`the LRS sent the same "more" link twice (${path}); stopping rather than reading for ever`);
    seenMore.add(path);
    response = await request(endpoint, () => xapi.getMoreStatements({ more: path }));
  }
  return { pages, statements };
}

function normaliseEndpoint(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(`--lrs "${text}" is not a URL (expected something like http://127.0.0.1:8080/data/xAPI/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`--lrs must be an http or https address, not ${url.protocol}`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * `more` is meant to be relative to the LRS's host (the library prefixes protocol and host), but some LRSs send an
 * absolute URL: take its path and query when it is on the same server, and refuse to send credentials elsewhere.
 */
function morePath(more: string, endpoint: URL): string {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(more)) return more.startsWith('/') ? more : `${endpoint.pathname}${more}`;
  const url = new URL(more);
  if (url.origin !== endpoint.origin) throw new InputError(`the LRS's "more" link points to another server (${url.origin}); not following it with your credentials`);
  return `${url.pathname}${url.search}`;
}

function statementsOf(data: unknown): { statements: unknown[]; more: string | null } {
  const result = data as Partial<StatementsResponse> | null;
  if (typeof result !== 'object' || result === null || !Array.isArray(result.statements)) {
    throw new InputError('the LRS answered, but not with a statement list: is --lrs the xAPI endpoint (it usually ends in /xAPI/ or /data/xAPI/)?');
  }
  return { statements: result.statements, more: typeof result.more === 'string' && result.more !== '' ? result.more : null };
}

async function request<T>(endpoint: URL, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw explain(error, endpoint);
  }
}

function explain(error: unknown, endpoint: URL): Error {
  if (error instanceof InputError) return error;
  const where = endpoint.href;
  if (error instanceof LrsHttpError) {
    if (error.status === 401 || error.status === 403) {
      return new InputError(`the LRS at ${where} refused the credentials (HTTP ${error.status}): check --auth key:secret and that the key may read statements`);
    }
    if (error.status === 404) return new InputError(`the LRS at ${where} has no statements resource there (HTTP 404): is the endpoint right (it usually ends in /xAPI/ or /data/xAPI/)?`);
    const detail = error.body.replace(/\s+/g, ' ').trim().slice(0, 200);
    return new InputError(`the LRS at ${where} answered HTTP ${error.status}${detail ? `: ${detail}` : ''}`);
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') return new InputError(`the LRS at ${where} did not answer in time`);
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  return new InputError(`could not reach the LRS at ${where} (${reason})`);
}

function fetchAdapter(fetchImpl: typeof fetch, timeoutMs: number): AdapterFunction {
  const adapter = async ({ url, method, headers, data }: { url: string; method: string; headers?: Record<string, string>; data?: unknown }) => {
    const body = data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data);
    const response = await fetchImpl(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (!response.ok) throw new LrsHttpError(response.status, text);
    let parsed: unknown = text;
    if (/json/i.test(response.headers.get('content-type') ?? '') || /^\s*[[{]/.test(text)) {
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new InputError(`the LRS sent a page that is not valid JSON (${text.length} characters from ${url.split('?')[0]})`);
      }
    }
    return { data: parsed, headers: Object.fromEntries(response.headers.entries()), status: response.status };
  };
  return adapter as AdapterFunction;
}
