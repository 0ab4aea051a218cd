// The preview server over HTTP with a cmi5 package (and a TinCan one): the launch URL, the one-time fetch token,
// LMS.LaunchData and the learner preferences, the launched / abandoned / satisfied statements the LMS makes, the
// statements and document resources of the LRS (version header, credentials, 204/409 for repeated ids, ETags), the
// cmi5 rule warnings, and the fault switches as an AU meets them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectorSnapshot } from '../../../tools/preview/protocol.ts';
import type { PreviewServer } from '../../../tools/preview/server.ts';
import {
  CMI5_CATEGORY,
  CMI5_FILES,
  XAPI_HEADERS,
  cmi5Statement,
  inspectorLog,
  inspectorSnapshot,
  launchPackage,
  postJson,
  previewOf,
  workspace,
  zipOf,
  type Launched,
  type Workspace,
} from './fixtures.ts';

const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

let space: Workspace;
let server: PreviewServer;
let base: string;

beforeAll(async () => {
  space = await workspace();
  // No grace: these AUs are driven by hand and never terminate unless a test sends it. The lenient profile: these tests
  // break cmi5 rules on purpose, to see them reported (cmi5-strict.test.ts has the refusals of the strict profiles).
  server = await previewOf(await space.write('course-cmi5.zip', await zipOf(CMI5_FILES)), { terminateGraceMs: 0, lmsProfile: 'scorm-again' });
  base = server.packageUrl!.replace(/\/$/, '');
});
afterAll(async () => {
  await server.close();
  await space.remove();
});

const launch = (mode: 'resume' | 'new-attempt' = 'resume'): Promise<Launched> => launchPackage(base, mode);

async function fetchToken(launched: Launched): Promise<string> {
  const reply = (await (await fetch(launched.params.get('fetch')!, { method: 'POST' })).json()) as Record<string, string>;
  expect(reply['auth-token']).toBeTruthy();
  return reply['auth-token']!;
}

function lrs(launched: Launched, token: string) {
  const endpoint = launched.params.get('endpoint')!;
  const headers = { ...XAPI_HEADERS, Authorization: `Basic ${token}` };
  return {
    endpoint,
    headers,
    get: (resource: string, extra: Record<string, string> = {}) => fetch(`${endpoint}${resource}`, { headers: { ...headers, ...extra } }),
    send: (method: string, resource: string, body: unknown, extra: Record<string, string> = {}) =>
      fetch(`${endpoint}${resource}`, { method, headers: { ...headers, ...extra }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  };
}

const snapshot = (): Promise<InspectorSnapshot> => inspectorSnapshot(base);

describe('a cmi5 launch', () => {
  it('builds the launch URL with the five parameters, %-encoded, after the AU url query', async () => {
    const launched = await launch();
    expect(launched.url.pathname).toBe('/p/course-cmi5/content/au/index.html');
    expect(launched.url.search.startsWith('?from=package&endpoint=')).toBe(true);
    expect(launched.url.search).not.toContain('+');
    expect(launched.params.get('endpoint')).toBe(`${base}/xapi/`);
    expect(launched.params.get('fetch')).toMatch(new RegExp(`^${base}/cmi5/fetch/[A-Za-z0-9_-]+$`));
    expect(JSON.parse(launched.params.get('actor')!)).toEqual({
      objectType: 'Agent',
      name: 'Preview Learner',
      account: { homePage: 'https://preview.common-ground.invalid', name: 'preview-learner' },
    });
    expect(launched.params.get('registration')).toMatch(/^[0-9a-f-]{36}$/);
    // The LMS's activity id must differ from the publisher's AU id (cmi5 8.1).
    expect(launched.params.get('activityId')).toMatch(/^https:\/\/preview\.common-ground\.invalid\/activities\/au\/[0-9a-f]{16}$/);
    expect(launched.response).toMatchObject({ attempt: 1, session: 1, scorm: null });
  });

  it('serves the fetch token once, then error-code 1; refuses GET and unknown tokens', async () => {
    const launched = await launch();
    const fetchUrl = launched.params.get('fetch')!;
    expect((await fetch(fetchUrl)).status).toBe(405);
    const first = await fetch(fetchUrl, { method: 'POST' });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const token = ((await first.json()) as Record<string, string>)['auth-token']!;
    expect(Buffer.from(token, 'base64').toString('utf8')).toMatch(/^cmi5-session-\d+:[0-9a-f]+$/);
    const second = await fetch(fetchUrl, { method: 'POST' });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ 'error-code': '1', 'error-text': 'the authorization token has already been returned' });
    const unknown = await fetch(`${base}/cmi5/fetch/not-issued`, { method: 'POST' });
    expect(((await unknown.json()) as Record<string, string>)['error-code']).toBe('2');
  });

  it('writes LMS.LaunchData and the learner preferences before launch, and records "launched"', async () => {
    const launched = await launch();
    const api = lrs(launched, await fetchToken(launched));
    const state = new URLSearchParams({
      stateId: 'LMS.LaunchData',
      activityId: launched.params.get('activityId')!,
      agent: launched.params.get('actor')!,
      registration: launched.params.get('registration')!,
    });
    const response = await api.get(`activities/state?${state}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{40}"$/);
    const launchData = (await response.json()) as Record<string, any>;
    const sessionId = launchData.contextTemplate.extensions[SESSION_ID];
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(launchData).toEqual({
      contextTemplate: {
        contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://example.org/preview-test/au' }] },
        extensions: { [SESSION_ID]: sessionId },
      },
      launchMode: 'Normal',
      moveOn: 'CompletedOrPassed',
      masteryScore: 0.8,
      launchParameters: '{"mode":"test"}',
      returnURL: `${base}/lms/returned`,
    });

    const preferences = await api.get(`agents/profile?${new URLSearchParams({ profileId: 'cmi5LearnerPreferences', agent: launched.params.get('actor')! })}`);
    expect(await preferences.json()).toEqual({ languagePreference: 'en-GB', audioPreference: 'on' });

    const query = new URLSearchParams({ verb: 'http://adlnet.gov/expapi/verbs/launched', registration: launched.params.get('registration')!, limit: '1' });
    const page = (await (await api.get(`statements?${query}`)).json()) as { statements: Record<string, any>[] };
    const launchedStatement = page.statements[0]!;
    expect(launchedStatement.object.id).toBe(launched.params.get('activityId'));
    expect(launchedStatement.context.extensions).toMatchObject({
      [SESSION_ID]: sessionId,
      'https://w3id.org/xapi/cmi5/context/extensions/launchmode': 'Normal',
      'https://w3id.org/xapi/cmi5/context/extensions/moveon': 'CompletedOrPassed',
      'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': 0.8,
      'https://w3id.org/xapi/cmi5/context/extensions/launchurl': `${base}/content/au/index.html`,
    });
    expect(launchedStatement.context.contextActivities.category).toEqual([{ id: CMI5_CATEGORY }]);
    // The AU must not change the LMS's document.
    expect((await api.send('PUT', `activities/state?${state}`, '{}')).status).toBe(403);
  });
});

describe('the LRS', () => {
  it('requires the version header and a live credential', async () => {
    const launched = await launch();
    const api = lrs(launched, await fetchToken(launched));
    const about = await fetch(`${api.endpoint}about`);
    expect(await about.json()).toEqual({ version: ['1.0.3', '1.0.2', '1.0.1', '1.0.0'] });
    expect(about.headers.get('x-experience-api-version')).toBe('1.0.3');
    const noVersion = await fetch(`${api.endpoint}statements`, { headers: { Authorization: api.headers.Authorization } });
    expect(noVersion.status).toBe(400);
    expect(await noVersion.text()).toMatch(/X-Experience-API-Version/);
    expect((await fetch(`${api.endpoint}statements`, { headers: { ...XAPI_HEADERS, Authorization: 'Basic bm9ib2R5Om5vdGhpbmc=' } })).status).toBe(401);
    expect((await fetch(`${api.endpoint}statements`, { headers: XAPI_HEADERS })).status).toBe(401);
  });

  it('stores statements by PUT (204) and POST (200 + ids), answers 204 to a repeat and 409 to a conflict', async () => {
    const launched = await launch('new-attempt');
    const api = lrs(launched, await fetchToken(launched));
    const template = (await (await api.get(`activities/state?${launchDataQuery(launched)}`)).json()).contextTemplate;
    const initialized = cmi5Statement(launched, template, 'initialized');
    const put = await api.send('PUT', `statements?statementId=${initialized.id}`, initialized);
    expect(put.status).toBe(204);
    expect((await api.send('PUT', `statements?statementId=${initialized.id}`, initialized)).status).toBe(204);
    const changed = { ...initialized, timestamp: new Date(Date.now() + 1000).toISOString() };
    expect((await api.send('PUT', `statements?statementId=${initialized.id}`, changed)).status).toBe(409);
    expect((await api.send('PUT', `statements?statementId=${randomUUID()}`, initialized)).status).toBe(400);
    expect((await api.send('PUT', 'statements', initialized)).status).toBe(400);

    const completed = cmi5Statement(launched, template, 'completed', { completion: true, duration: 'PT5M' });
    // A "cmi5 allowed" statement without an id: the LRS assigns one.
    const { id: _unused, ...noId } = cmi5Statement(launched, template, 'progressed');
    delete (noId.context as Record<string, any>).contextActivities.category;
    const post = await api.send('POST', 'statements', [completed, noId]);
    expect(post.status).toBe(200);
    const ids = (await post.json()) as string[];
    expect(ids[0]).toBe(completed.id);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect((await api.send('POST', 'statements', completed)).status).toBe(200);
    expect((await api.send('POST', 'statements', [{ ...completed, result: { completion: true, duration: 'PT6M' } }])).status).toBe(409);
    expect((await api.send('POST', 'statements', [initialized, initialized])).status).toBe(400);
    expect((await api.send('POST', 'statements', { actor: {}, verb: {}, object: {} })).status).toBe(400);
    expect((await api.send('POST', 'statements', '{not json')).status).toBe(400);

    const single = await api.get(`statements?statementId=${initialized.id}`);
    expect(single.status).toBe(200);
    const stored = (await single.json()) as Record<string, any>;
    expect(stored).toMatchObject({ id: initialized.id, version: '1.0.0', authority: { account: { name: 'preview-lms' } } });
    expect(stored.stored).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await api.get(`statements?statementId=${randomUUID()}`)).status).toBe(404);
    expect((await api.get(`statements?statementId=${initialized.id}&verb=x`)).status).toBe(400);
    expect((await api.get('statements?colour=blue')).status).toBe(400);

    const byRegistration = new URLSearchParams({ registration: launched.params.get('registration')!, ascending: 'true', limit: '2' });
    const firstPage = (await (await api.get(`statements?${byRegistration}`)).json()) as { statements: Record<string, any>[]; more: string };
    expect(firstPage.statements).toHaveLength(2);
    expect(firstPage.more).toMatch(/^\/p\/course-cmi5\/xapi\/statements\?/);
    const verbs = firstPage.statements.map((statement) => statement.verb.id.split('/').pop());
    let more = firstPage.more;
    while (more !== '') {
      const page = (await (await fetch(new URL(more, server.url), { headers: api.headers })).json()) as { statements: Record<string, any>[]; more: string };
      verbs.push(...page.statements.map((statement) => statement.verb.id.split('/').pop()));
      more = page.more;
    }
    // "satisfied" is the LMS's: moveOn CompletedOrPassed was met by "completed".
    expect(verbs).toEqual(['launched', 'initialized', 'completed', 'progressed', 'satisfied']);
  });

  it('keeps State documents: PUT, GET with ETag, POST merge, If-Match, list, DELETE', async () => {
    const launched = await launch();
    const api = lrs(launched, await fetchToken(launched));
    const scope = { activityId: launched.params.get('activityId')!, agent: launched.params.get('actor')!, registration: launched.params.get('registration')! };
    const doc = `activities/state?${new URLSearchParams({ ...scope, stateId: 'resume' })}`;
    expect((await api.send('PUT', doc, { screen: 3, answers: { q1: 'b' } })).status).toBe(204);
    const read = await api.get(doc);
    expect(await read.json()).toEqual({ screen: 3, answers: { q1: 'b' } });
    const etag = read.headers.get('etag')!;
    expect((await api.send('POST', doc, { screen: 4 })).status).toBe(204);
    expect(await (await api.get(doc)).json()).toEqual({ screen: 4, answers: { q1: 'b' } });
    expect((await api.send('PUT', doc, { screen: 5 }, { 'If-Match': etag })).status).toBe(412);
    const current = (await api.get(doc)).headers.get('etag')!;
    expect((await api.send('PUT', doc, { screen: 5 }, { 'If-Match': current })).status).toBe(204);
    expect((await api.send('PUT', doc, { screen: 6 }, { 'If-None-Match': '*' })).status).toBe(412);
    expect((await api.send('PUT', doc, 'plain text', { 'Content-Type': 'text/plain' })).status).toBe(204);
    expect((await api.send('POST', doc, { more: 1 })).status).toBe(400);
    const list = (await (await api.get(`activities/state?${new URLSearchParams(scope)}`)).json()) as string[];
    expect(list.sort()).toEqual(['LMS.LaunchData', 'resume']);
    expect((await api.send('DELETE', doc, '')).status).toBe(204);
    expect((await api.get(doc)).status).toBe(404);
    expect((await api.get(`activities/state?${new URLSearchParams({ ...scope, stateId: 'x', agent: '{"name":"no ifi"}' })}`)).status).toBe(400);
    expect((await api.get(`activities/state?${new URLSearchParams({ ...scope, stateId: 'x', registration: 'no' })}`)).status).toBe(400);
    const inspector = await snapshot();
    expect(inspector.xapi!.documents.map((document) => document.id)).toContain('LMS.LaunchData');
  });

  it('asks for a concurrency header to overwrite an agent profile', async () => {
    const launched = await launch();
    const api = lrs(launched, await fetchToken(launched));
    const profile = `agents/profile?${new URLSearchParams({ profileId: 'cmi5LearnerPreferences', agent: launched.params.get('actor')! })}`;
    expect((await api.send('PUT', profile, { audioPreference: 'off' })).status).toBe(409);
    const etag = (await api.get(profile)).headers.get('etag')!;
    expect((await api.send('PUT', profile, { languagePreference: 'en-GB', audioPreference: 'off' }, { 'If-Match': etag })).status).toBe(204);
  });
});

function launchDataQuery(launched: Launched): URLSearchParams {
  return new URLSearchParams({
    stateId: 'LMS.LaunchData',
    activityId: launched.params.get('activityId')!,
    agent: launched.params.get('actor')!,
    registration: launched.params.get('registration')!,
  });
}

describe('the LMS watching the session', () => {
  it('records "satisfied" once moveOn is met, flags broken cmi5 rules, and "abandoned" when the AU never terminates', async () => {
    const launched = await launch('new-attempt');
    expect(launched.response.attempt).toBeGreaterThan(1);
    const api = lrs(launched, await fetchToken(launched));
    const template = (await (await api.get(`activities/state?${launchDataQuery(launched)}`)).json()).contextTemplate;
    await api.send('POST', 'statements', cmi5Statement(launched, template, 'initialized'));
    // "completed" without its duration: stored, and reported.
    await api.send('POST', 'statements', cmi5Statement(launched, template, 'completed', { completion: true }));
    const state = await snapshot();
    expect(state.xapi).toMatchObject({ sessionState: 'initialized', satisfied: true, moveOn: 'CompletedOrPassed' });

    expect((await postJson(`${base}/lms/end`, { reason: 'test closed the course' })).status).toBe(200);
    expect((await snapshot()).xapi!.sessionState).toBe('abandoned');
    // After "abandoned" the session's token is no longer accepted.
    expect((await api.get('statements')).status).toBe(401);

    const entries = await inspectorLog(base);
    const byLms = entries.filter((entry) => entry.kind === 'statement' && entry.by === 'lms').map((entry) => (entry as { statement: Record<string, any> }).statement);
    const satisfied = byLms.filter((statement) => statement.verb.id === 'https://w3id.org/xapi/adl/verbs/satisfied' && statement.context.registration === launched.params.get('registration'));
    expect(satisfied).toHaveLength(1);
    expect(satisfied[0]!.object.definition.type).toBe('https://w3id.org/xapi/cmi5/activitytype/course');
    const abandoned = byLms.find((statement) => statement.verb.id === 'https://w3id.org/xapi/adl/verbs/abandoned' && statement.context.registration === launched.params.get('registration'));
    expect(abandoned!.result.duration).toMatch(/^PT/);
    const warnings = entries.filter((entry) => entry.kind === 'warning').map((entry) => (entry as { text: string }).text);
    expect(warnings).toContain('completed: result.duration is required (9.5.4.1)');
  });
});

describe('ending a cmi5 session', () => {
  it('waits for a "terminated" still on its way instead of recording "abandoned"', async () => {
    // A grace long enough that only the statement's arrival can end the wait.
    const own = await previewOf(await space.write('course-grace.zip', await zipOf(CMI5_FILES)), { terminateGraceMs: 60_000, lmsProfile: 'scorm-again' });
    try {
      const url = own.packageUrl!.replace(/\/$/, '');
      const launched = await launchPackage(url);
      const api = lrs(launched, await fetchToken(launched));
      const template = (await (await api.get(`activities/state?${launchDataQuery(launched)}`)).json()).contextTemplate;
      await api.send('POST', 'statements', cmi5Statement(launched, template, 'initialized'));
      const ending = postJson(`${url}/lms/end`, { reason: 'closed' });
      expect((await api.send('POST', 'statements', cmi5Statement(launched, template, 'terminated', { duration: 'PT10S' }))).status).toBe(200);
      const after = (await (await ending).json()) as InspectorSnapshot;
      expect(after.xapi!.sessionState).toBe('terminated');
      expect(after.counts.statements).toBe(3);
    } finally {
      await own.close();
    }
  });
});

describe('faults, as the AU meets them', () => {
  it('LRS down answers 503 or drops the connection; LMS gone answers 401; slow network delays', async () => {
    const launched = await launch();
    const api = lrs(launched, await fetchToken(launched));
    await postJson(`${base}/lms/faults`, { lrsDown: 'http-503' });
    expect((await api.get('statements')).status).toBe(503);
    await postJson(`${base}/lms/faults`, { lrsDown: 'refuse' });
    await expect(api.get('statements')).rejects.toThrow();
    await postJson(`${base}/lms/faults`, { lrsDown: 'off', lmsGone: true });
    expect((await api.get('statements')).status).toBe(401);
    const relaunched = await launch();
    expect(((await (await fetch(relaunched.params.get('fetch')!, { method: 'POST' })).json()) as Record<string, string>)['error-code']).toBe('1');
    await postJson(`${base}/lms/faults`, { lmsGone: false, slowMs: 300 });
    // A lower bound only: the delay is the fault doing its job, never a performance expectation.
    const started = performance.now();
    expect((await fetch(`${base}/content/au/index.html`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await postJson(`${base}/lms/faults`, { slowMs: 0 });
  });
});

describe('a TinCan launch', () => {
  it('passes endpoint, auth, actor, registration and activity_id, the auth value opens the LRS, and the session state follows the statements', async () => {
    const tincan = `<?xml version="1.0" encoding="utf-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd"><activities>
<activity id="https://example.org/preview-test/tincan" type="http://adlnet.gov/expapi/activities/course"><name>TinCan test</name><launch lang="en-GB">index.html</launch></activity>
</activities></tincan>`;
    const own = await previewOf(await space.write('course-tincan.zip', await zipOf({ 'tincan.xml': tincan, 'index.html': '<p>hi</p>' })));
    try {
      const url = own.packageUrl!.replace(/\/$/, '');
      const { params } = await launchPackage(url);
      expect([...params.keys()]).toEqual(['endpoint', 'auth', 'actor', 'registration', 'activity_id']);
      expect(params.get('activity_id')).toBe('https://example.org/preview-test/tincan');
      expect(JSON.parse(params.get('actor')!)).toEqual({ objectType: 'Agent', name: 'Preview Learner', mbox: 'mailto:preview.learner@example.invalid' });
      const headers = { ...XAPI_HEADERS, Authorization: params.get('auth')! };
      const statement = { actor: JSON.parse(params.get('actor')!), verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: params.get('activity_id') }, context: { registration: params.get('registration') } };
      expect((await fetch(`${params.get('endpoint')}statements`, { method: 'POST', headers, body: JSON.stringify(statement) })).status).toBe(200);
      expect((await fetch(`${url}/cmi5/fetch/x`, { method: 'POST' })).status).toBe(404);
      // The session's state is what the statements show: open and not ended yet is "launched", never "terminated".
      expect((await inspectorSnapshot(url)).xapi!.sessionState).toBe('launched');
      const terminated = { ...statement, verb: { id: 'http://adlnet.gov/expapi/verbs/terminated' } };
      expect((await fetch(`${params.get('endpoint')}statements`, { method: 'POST', headers, body: JSON.stringify(terminated) })).status).toBe(200);
      expect((await inspectorSnapshot(url)).xapi!.sessionState).toBe('terminated');
      // A new session that closes without the course saying "terminated" is shown as abandoned, not as ended well.
      await launchPackage(url);
      expect((await inspectorSnapshot(url)).xapi!.sessionState).toBe('launched');
      await postJson(`${url}/lms/end`, { reason: 'closed' });
      expect((await inspectorSnapshot(url)).xapi!.sessionState).toBe('abandoned');
    } finally {
      await own.close();
    }
  });
});
