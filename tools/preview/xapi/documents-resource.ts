// The document resources (xAPI 1.0.3 Communication 2.3-2.6): State (activityId + agent [+ registration] + stateId),
// Agent Profile (agent + profileId) and Activity Profile (activityId + profileId). GET one (with ETag) or the list of
// ids, PUT to replace, POST to merge JSON objects, DELETE one (or, for State, all in scope). If-Match / If-None-Match
// are honoured (412); overwriting a profile without either is refused (409), as the spec requires.
import type { IncomingMessage } from 'node:http';
import { HttpError, readBody } from '../http-util.ts';
import type { DocumentResource, DocumentScope, DocumentStore, StoredDocument } from './documents.ts';
import { agentParam, header, iriParam, json, timestampParam, uuidParam, type Reply } from './request-parts.ts';

/** The cmi5 launch document: written by the LMS before each launch, read-only for the AU (cmi5 section 10). */
export const LAUNCH_DATA_ID = 'LMS.LaunchData';

export async function documentRequest(req: IncomingMessage, method: string, url: URL, resource: DocumentResource, documents: DocumentStore): Promise<Reply> {
  const idParam = resource === 'state' ? 'stateId' : 'profileId';
  const scope: DocumentScope = {
    resource,
    activityId: resource === 'agent-profile' ? '' : iriParam(url, 'activityId'),
    agent: resource === 'activity-profile' ? '' : agentParam(url).key,
    registration: resource === 'state' && url.searchParams.has('registration') ? uuidParam(url, 'registration') : '',
  };
  const id = url.searchParams.get(idParam);
  const existing = id === null ? undefined : documents.get(scope, id);
  const label = (what: string) => `${idParam}=${id ?? '(all)'} ${what}`.trim();
  const protectedLaunchData = resource === 'state' && id === LAUNCH_DATA_ID;

  switch (method) {
    case 'GET': {
      if (id === null) {
        const since = url.searchParams.has('since') ? new Date(timestampParam(url.searchParams, 'since')) : undefined;
        const ids = documents.list(scope, since);
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
      if (protectedLaunchData) throw new HttpError(403, `${LAUNCH_DATA_ID} belongs to the LMS; an AU must not change it (cmi5 section 10)`);
      preconditions(req, existing, method === 'PUT' && resource !== 'state');
      const content = await readBody(req);
      const contentType = header(req, 'content-type') ?? 'application/octet-stream';
      let document: StoredDocument;
      if (method === 'PUT') document = documents.put(scope, id, content, contentType);
      else {
        const merged = documents.merge(scope, id, content, contentType);
        if (typeof merged === 'string') throw new HttpError(400, merged);
        document = merged;
      }
      return { status: 204, headers: { ETag: document.etag }, detail: label(`(${document.content.length} bytes)`), changedDocuments: true };
    }
    case 'DELETE': {
      if (id === null) {
        if (resource !== 'state') throw new HttpError(400, `DELETE needs a ${idParam} parameter`);
        documents.deleteAll(scope);
      } else {
        if (protectedLaunchData) throw new HttpError(403, `${LAUNCH_DATA_ID} belongs to the LMS; an AU must not delete it (cmi5 section 10)`);
        preconditions(req, existing, false);
        documents.delete(scope, id);
      }
      return { status: 204, detail: label('deleted'), changedDocuments: true };
    }
    default:
      throw new HttpError(405, `${resource} documents do not accept ${method}`, { Allow: 'GET, PUT, POST, DELETE' });
  }
}

/** If-Match must name the current ETag (or "*" for any); If-None-Match "*" (or the ETag) means "only if absent". */
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
