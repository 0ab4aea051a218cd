// What the LMS side of an xAPI launch (cmi5 or TinCan) offers the package session: launching, ending a session,
// deciding which credentials the LRS accepts, watching stored statements, and its part of the inspector snapshot.
import type { Cmi5LaunchMode, LaunchMode, LaunchResponse, XapiView } from '../protocol.ts';
import type { Credential, GateRefusal, GateRequest } from './lrs.ts';
import type { Statement } from './statement-store.ts';

export interface XapiLmsSide {
  readonly attemptNumber: number;
  readonly sessionNumber: number;
  readonly running: boolean;
  /** `origin` is the scheme, host and port the browser uses ("http://127.0.0.1:8720"): launch URLs are absolute. */
  start(mode: LaunchMode, origin: string, launchMode?: Cmi5LaunchMode): Promise<LaunchResponse>;
  end(reason: string): Promise<void>;
  authorize(header: string | undefined): Credential | null;
  /** A strict LMS's refusal of a request it has authorized (lrs.ts), or null. */
  gate?(request: GateRequest): GateRefusal | null;
  afterStore(statements: readonly Statement[], credential: Credential): Promise<void>;
  view(): XapiView;
}

/** Query parameters for a launch URL, %-encoded the way launch specs mean ("%20", never "+", for a space). */
export function appendQuery(url: string, params: ReadonlyArray<readonly [string, string]>): string {
  const query = params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
  const hashAt = url.indexOf('#');
  const [main, fragment] = hashAt === -1 ? [url, ''] : [url.slice(0, hashAt), url.slice(hashAt)];
  return `${main}${main.includes('?') ? '&' : '?'}${query}${fragment}`;
}
