// The pieces every xAPI resource handler uses: the reply it returns (written and logged by lrs.ts), JSON bodies,
// headers, and the query parameters xAPI defines (agent as JSON, IRIs, UUIDs, timestamps, booleans), each refused with
// 400 and a message that names the parameter.
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { HttpError } from '../http-util.ts';
import { agentKey, agentProblem, isIri } from './agents.ts';
import { UUID } from './statement-check.ts';
import type { Statement } from './statement-store.ts';

export interface Reply {
  status: number;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
  /** Short description for the inspector. */
  detail: string;
  /** Statements newly stored by this request. */
  stored?: Statement[];
  /** A State or profile document was written or deleted (the inspector's document list changes). */
  changedDocuments?: boolean;
}

export const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

export function json(status: number, value: unknown, detail: string): Reply {
  return { status, headers: JSON_HEADERS, body: JSON.stringify(value), detail };
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function parseBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    throw new HttpError(400, `the body is not valid JSON (${(error as Error).message})`);
  }
}

export function agentParam(url: URL): { value: unknown; key: string } {
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

export function iriParam(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (!isIri(value)) throw new HttpError(400, `the ${name} parameter must be an IRI`);
  return value;
}

export function uuidParam(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (value === null || !UUID.test(value)) throw new HttpError(400, `the ${name} parameter must be a UUID`);
  return value.toLowerCase();
}

export function timestampParam(params: URLSearchParams, name: string): string {
  const value = params.get(name) ?? '';
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new HttpError(400, `the ${name} parameter must be a timestamp`);
  return new Date(time).toISOString();
}

export function booleanParam(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  throw new HttpError(400, `the ${name} parameter must be true or false`);
}

/** "initialized", "answered …" — the verb's display (or the last part of its id), for the inspector. */
export function describe(statement: unknown): string {
  const verb = (statement as { verb?: { id?: unknown; display?: Record<string, unknown> } }).verb;
  const display = verb?.display && Object.values(verb.display).find((text) => typeof text === 'string');
  if (typeof display === 'string') return display;
  return typeof verb?.id === 'string' ? verb.id.slice(verb.id.lastIndexOf('/') + 1) : 'statement';
}
