// The preview's LRS over HTTP (xAPI 1.0.3 Communication): it checks what every request needs (the
// X-Experience-API-Version header, except for About, and a credential the LMS issued), hands the request to its
// resource (statements-resource.ts, documents-resource.ts, or About / Activities / Agents here), writes the reply and
// logs it for the inspector. The fault switches act first: slow network, LRS down (503, or the connection dropped).
// "LMS gone" reaches it through the credential check (the LMS no longer knows the session: 401). With a forwarder
// (`--lrs`), statements go to a real LRS (lrs-forwarder.ts) and everything else stays here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpError, readBody } from '../http-util.ts';
import type { InspectorLog } from '../inspector-log.ts';
import type { Faults, LrsView } from '../protocol.ts';
import type { DocumentStore } from './documents.ts';
import { documentRequest } from './documents-resource.ts';
import type { LrsForwarder } from './lrs-forwarder.ts';
import { agentParam, header, iriParam, json, type Reply as ResourceReply } from './request-parts.ts';
import type { Statement, StatementStore } from './statement-store.ts';
import { StatementsResource } from './statements-resource.ts';

export { LAUNCH_DATA_ID } from './documents-resource.ts';
export { LRS_AUTHORITY } from './statements-resource.ts';

export const XAPI_VERSION = '1.0.3';
const SUPPORTED_VERSIONS = ['1.0.3', '1.0.2', '1.0.1', '1.0.0'];

export interface Credential {
  /** What the inspector calls it, e.g. "cmi5 session 2". */
  label: string;
  /** The cmi5 session the token belongs to; null for TinCan-launch credentials. */
  sessionId: string | null;
}

/** A request as a strict LMS sees it before answering (the statements a PUT or POST carries already read). */
export interface GateRequest {
  method: string;
  /** The path below the endpoint, e.g. "statements", "activities/state". */
  resource: string;
  url: URL;
  credential: Credential;
  /** The statements sent (PUT, POST); null for any other request or a body that is not JSON. */
  statements: Array<Record<string, unknown>> | null;
}

/** Why a strict LMS refuses a request: the HTTP status it answers and the requirement broken. */
export interface GateRefusal {
  status: number;
  reason: string;
}

export interface LrsHooks {
  faults(): Readonly<Faults>;
  /** The credential an Authorization header carries, or null (answered 401). */
  authorize(header: string | undefined): Credential | null;
  /** A strict LMS's refusal of an authorized request, or null to answer it (lms-profile.ts). */
  gate?(request: GateRequest): GateRefusal | null;
  /** Called after statements were newly stored through a request (not for the LMS's own statements). */
  afterStore(statements: readonly Statement[], credential: Credential): Promise<void>;
}

/** A resource's reply, with the credential that made the request (for the LMS's reaction to stored statements). */
type Reply = ResourceReply & { credential?: Credential };

export class Lrs {
  private readonly statementsResource: StatementsResource;

  constructor(
    readonly statements: StatementStore,
    readonly documents: DocumentStore,
    private readonly log: InspectorLog,
    /** Absolute path of the endpoint, without the trailing slash, e.g. "/p/abc/xapi". */
    basePath: string,
    private readonly hooks: LrsHooks,
    /** Statements go to a real LRS through this; null keeps them in `statements`. */
    private readonly forwarder: LrsForwarder | null = null,
  ) {
    this.statementsResource = new StatementsResource(statements, `${basePath}/statements`);
  }

  /** Answer one request for `resource` (the path below the endpoint, e.g. "statements", "activities/state"). */
  async handle(req: IncomingMessage, res: ServerResponse, resource: string, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const faults = this.hooks.faults();
    if (faults.slowMs > 0) await sleep(faults.slowMs);
    if (faults.lrsDown === 'refuse') {
      this.log.append({ kind: 'xapi', by: 'course', method, resource, detail: 'connection dropped (fault: LRS down)', status: 0 });
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
    res.writeHead(reply.status, {
      'X-Experience-API-Version': XAPI_VERSION,
      'Cache-Control': 'no-store',
      ...(typeof body === 'string' && body !== '' && reply.status >= 400 ? { 'Content-Type': 'text/plain; charset=utf-8' } : {}),
      ...reply.headers,
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
    this.log.append({ kind: 'xapi', by: 'course', method, resource, detail: reply.detail, status: reply.status });
    for (const statement of reply.stored ?? []) this.log.append({ kind: 'statement', by: 'course', statement });
    if (reply.changedDocuments) this.log.changed();
    // The LMS reacts (cmi5 rules, "satisfied") once the statements are on record, so the log reads in that order.
    if (reply.stored && reply.stored.length > 0 && reply.credential) await this.hooks.afterStore(reply.stored, reply.credential);
  }

  /** Store a statement the LMS itself makes (launched, abandoned, satisfied). */
  async storeAsLms(statement: Statement & { id: string }): Promise<void> {
    if (this.forwarder) {
      // Logged as made, whether the LRS took it now or it is held for later: the LMS has recorded it either way.
      await this.forwarder.storeOwn(statement);
      this.log.append({ kind: 'statement', by: 'lms', statement });
      return;
    }
    const stored = await this.statementsResource.storeOwn(statement);
    this.log.append({ kind: 'statement', by: 'lms', statement: stored });
  }

  /** The real LRS statements go to, for the inspector; null when they stay in the preview. */
  upstreamView(): LrsView | null {
    return this.forwarder?.view() ?? null;
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
    const sending = resource === 'statements' && (method === 'PUT' || method === 'POST');
    const body = sending ? await readBody(req) : undefined;
    const refusal = this.hooks.gate?.({ method, resource, url, credential, statements: body ? statementsOf(body) : null });
    if (refusal) {
      this.log.append({ kind: 'warning', source: 'refused', text: `${method} ${resource} refused (HTTP ${refusal.status}): ${refusal.reason}` });
      throw new HttpError(refusal.status, refusal.reason);
    }

    switch (resource) {
      case 'statements':
        return { ...(await (this.forwarder ?? this.statementsResource).handle(req, method, url, body)), credential };
      case 'activities/state':
        return documentRequest(req, method, url, 'state', this.documents);
      case 'agents/profile':
        return documentRequest(req, method, url, 'agent-profile', this.documents);
      case 'activities/profile':
        return documentRequest(req, method, url, 'activity-profile', this.documents);
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
}

/** The statements a PUT or POST body holds, or null when it is not JSON (the resource refuses it then). */
function statementsOf(body: Buffer): Array<Record<string, unknown>> | null {
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    const list = Array.isArray(value) ? value : [value];
    return list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
  } catch {
    return null;
  }
}
