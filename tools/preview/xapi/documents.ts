// The xAPI document resources in memory: State (activity + agent [+ registration]), Agent Profile and Activity
// Profile. Each document keeps its bytes, Content-Type, an ETag (SHA-1 of the content, quoted) and when it changed.
// JSON merging for POST follows xAPI 1.0.3 Communication 2.2: both documents must be JSON objects; top-level keys of
// the new one replace the old one's.
import { createHash } from 'node:crypto';
import type { DocumentView } from '../protocol.ts';

export type DocumentResource = 'state' | 'agent-profile' | 'activity-profile';

export interface DocumentScope {
  resource: DocumentResource;
  /** '' where the resource has none. */
  activityId: string;
  /** agentKey() of the agent, '' where the resource has none. */
  agent: string;
  /** Lower case; '' when none. */
  registration: string;
}

export interface StoredDocument {
  scope: DocumentScope;
  id: string;
  contentType: string;
  content: Buffer;
  etag: string;
  updated: Date;
}

export class DocumentStore {
  private readonly documents = new Map<string, StoredDocument>();

  get(scope: DocumentScope, id: string): StoredDocument | undefined {
    return this.documents.get(keyOf(scope, id));
  }

  /** Ids in `scope`, optionally only those changed after `since`. */
  list(scope: DocumentScope, since?: Date): string[] {
    return this.inScope(scope)
      .filter((document) => since === undefined || document.updated > since)
      .map((document) => document.id);
  }

  put(scope: DocumentScope, id: string, content: Buffer, contentType: string): StoredDocument {
    const document: StoredDocument = { scope, id, contentType, content, etag: etagOf(content), updated: new Date() };
    this.documents.set(keyOf(scope, id), document);
    return document;
  }

  /** POST semantics: merge JSON objects, or store when there is nothing yet. Returns an error message when it cannot. */
  merge(scope: DocumentScope, id: string, content: Buffer, contentType: string): StoredDocument | string {
    if (!contentType.startsWith('application/json')) return 'a POSTed document must have Content-Type application/json';
    const incoming = parseJsonObject(content);
    if (incoming === null) return 'a POSTed document must be a JSON object';
    const existing = this.get(scope, id);
    if (!existing) return this.put(scope, id, content, 'application/json');
    const current = existing.contentType.startsWith('application/json') ? parseJsonObject(existing.content) : null;
    if (current === null) return 'the stored document is not a JSON object, so it cannot be merged; PUT replaces it';
    return this.put(scope, id, Buffer.from(JSON.stringify({ ...current, ...incoming })), 'application/json');
  }

  delete(scope: DocumentScope, id: string): void {
    this.documents.delete(keyOf(scope, id));
  }

  deleteAll(scope: DocumentScope): void {
    for (const document of this.inScope(scope)) this.documents.delete(keyOf(scope, document.id));
  }

  all(): StoredDocument[] {
    return [...this.documents.values()];
  }

  private inScope(scope: DocumentScope): StoredDocument[] {
    return [...this.documents.values()].filter(
      (document) =>
        document.scope.resource === scope.resource &&
        document.scope.activityId === scope.activityId &&
        document.scope.agent === scope.agent &&
        document.scope.registration === scope.registration,
    );
  }
}

function keyOf(scope: DocumentScope, id: string): string {
  return JSON.stringify([scope.resource, scope.activityId, scope.agent, scope.registration, id]);
}

export function etagOf(content: Buffer): string {
  return `"${createHash('sha1').update(content).digest('hex')}"`;
}

function parseJsonObject(content: Buffer): Record<string, unknown> | null {
  try {
    const value = JSON.parse(content.toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** How the inspector shows a document: its scope, size and (cut) text. */
export function documentView(document: StoredDocument): DocumentView {
  const text = document.content.subarray(0, SHOWN_BYTES).toString('utf8');
  return {
    resource: document.scope.resource,
    id: document.id,
    activityId: document.scope.activityId,
    registration: document.scope.registration,
    contentType: document.contentType,
    size: document.content.length,
    text: document.content.length > SHOWN_BYTES ? `${text}…` : text,
    updated: document.updated.toISOString(),
  };
}

const SHOWN_BYTES = 16 * 1024;
