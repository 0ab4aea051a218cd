// The preview forwarding statements to a real LRS (Learning Locker's xapi-statements on 127.0.0.1): the LRS's
// answers reach the course unchanged (204, 200 with ids, 409, 400 with its reasons), the LMS's own statements
// (launched, satisfied, abandoned) land there in order, `more` links come back through the preview, an LRS that goes
// away is a 503 to the course with a plain explanation in the inspector, held LMS statements follow when it is back,
// and a refused key is said as such. Everything the LRS ends up holding passes @learninglocker/xapi-validation.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPreview } from '../../../tools/preview/cli.ts';
import type { LogEntry } from '../../../tools/preview/protocol.ts';
import type { PreviewServer } from '../../../tools/preview/server.ts';
import { invalidStatements, LRS_KEY_SECRET, startRealLrs, verbNames, type RealLrs } from '../../support/real-lrs.ts';
import { CMI5_FILES, XAPI_HEADERS, cmi5Statement, inspectorLog, inspectorSnapshot, launchPackage, postJson, previewOf, workspace, zipOf, type Workspace } from './fixtures.ts';

const TINCAN_XML = `<?xml version="1.0" encoding="utf-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd"><activities>
<activity id="https://example.org/preview-test/tincan" type="http://adlnet.gov/expapi/activities/course"><name>TinCan test</name><launch lang="en-GB">index.html</launch></activity>
</activities></tincan>`;

let space: Workspace;
let cmi5Zip: string;

beforeAll(async () => {
  space = await workspace();
  cmi5Zip = await space.write('course-cmi5.zip', await zipOf(CMI5_FILES));
});
afterAll(() => space.remove());

/** One preview package's LMS side, driven as an AU would drive it. */
function packageClient(packageUrl: string) {
  const base = packageUrl.replace(/\/$/, '');
  return {
    base,
    launch: (mode: 'resume' | 'new-attempt' = 'resume') => launchPackage(base, mode),
    end: (reason: string) => postJson(`${base}/lms/end`, { reason }),
    snapshot: () => inspectorSnapshot(base),
    /** The inspector's log, as its event stream replays it (up to the count the snapshot reports). */
    log: () => inspectorLog(base),
  };
}

/** An AU session: fetch its token, read LMS.LaunchData, then send statements with the launch's context. */
async function auSession(launched: { params: URLSearchParams }) {
  const params = launched.params;
  const endpoint = params.get('endpoint')!;
  const token = ((await (await fetch(params.get('fetch')!, { method: 'POST' })).json()) as Record<string, string>)['auth-token']!;
  const headers = { ...XAPI_HEADERS, Authorization: `Basic ${token}` };
  const state = new URLSearchParams({ stateId: 'LMS.LaunchData', activityId: params.get('activityId')!, agent: params.get('actor')!, registration: params.get('registration')! });
  const launchData = (await (await fetch(`${endpoint}activities/state?${state}`, { headers })).json()) as { contextTemplate: Record<string, any> };
  const statement = (verb: string, result?: Record<string, unknown>) => cmi5Statement(launched, launchData.contextTemplate, verb, result);
  return {
    endpoint,
    headers,
    statement,
    put: (body: { id: string; [field: string]: unknown }) => fetch(`${endpoint}statements?statementId=${body.id}`, { method: 'PUT', headers, body: JSON.stringify(body) }),
    post: (body: unknown) => fetch(`${endpoint}statements`, { method: 'POST', headers, body: JSON.stringify(body) }),
    get: (query: string) => fetch(`${endpoint}statements${query}`, { headers }),
  };
}

describe('a cmi5 package whose statements go to a real LRS', () => {
  let lrs: RealLrs;
  let preview: PreviewServer;
  let lms: ReturnType<typeof packageClient>;

  beforeAll(async () => {
    lrs = await startRealLrs();
    preview = await previewOf(cmi5Zip, { terminateGraceMs: 0, lmsProfile: 'scorm-again', lrs: { endpoint: lrs.endpoint, keySecret: LRS_KEY_SECRET } });
    lms = packageClient(preview.packageUrl!);
  });
  afterAll(async () => {
    await preview.close();
    await lrs.stop();
  });

  it('passes the LRS answers on, records launched and satisfied there, and keeps the LMS side in the preview', async () => {
    const launched = await lms.launch();
    const au = await auSession(launched);
    const registration = launched.params.get('registration')!;

    const initialized = au.statement('initialized');
    expect((await au.put(initialized)).status).toBe(204);
    // The same statement again: the LRS accepts the resend (204), which the course counts as delivered.
    expect((await au.put(initialized)).status).toBe(204);
    // The same id with other content: the LRS's 409, with its own reason, unchanged.
    const conflicting = await au.put({ ...initialized, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' } });
    expect(conflicting.status).toBe(409);
    expect(await conflicting.text()).toMatch(/conflicting/);
    // An invalid statement: the LRS's 400 with its warnings.
    const invalid = await au.post({ ...au.statement('progressed'), verb: { id: 'progressed' } });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toMatch(/verb\.id/);

    const completed = au.statement('completed', { completion: true, duration: 'PT12M3S' });
    const posted = await au.post([completed]);
    expect(posted.status).toBe(200);
    expect(await posted.json()).toEqual([completed.id]);

    // The LMS records "satisfied" once the course has its answer.
    const stored = await lrs.statementsOnceAtLeast(4);
    expect(verbNames(stored)).toEqual(['launched', 'initialized', 'completed', 'satisfied']);
    for (const statement of stored) expect((statement.context as { registration?: string }).registration).toBe(registration);
    expect(stored[1]!.id).toBe(initialized.id);
    expect(invalidStatements(stored)).toEqual({});

    const snapshot = await lms.snapshot();
    expect(snapshot.xapi!.lrs).toEqual({ endpoint: lrs.endpoint, state: 'answering', heldStatements: 0, problem: '' });
    expect(snapshot.xapi!.satisfied).toBe(true);
    expect(snapshot.xapi!.documents.map((document) => document.id)).toContain('LMS.LaunchData');

    const log = await lms.log();
    const statementLog = log.filter((entry): entry is Extract<LogEntry, { kind: 'statement' }> => entry.kind === 'statement');
    // The repeated PUT is not a second "initialized" in the inspector (nor a second one for the cmi5 rules).
    expect(statementLog.map((entry) => `${entry.by} ${verbNames([entry.statement as { verb: { id: string } }])[0]}`)).toEqual([
      'lms launched',
      'course initialized',
      'course completed',
      'lms satisfied',
    ]);
    const requests = log.filter((entry): entry is Extract<LogEntry, { kind: 'xapi' }> => entry.kind === 'xapi' && entry.resource === 'statements');
    expect(requests.map((entry) => entry.status)).toEqual(expect.arrayContaining([204, 409, 400, 200]));
    // The LMS's own statements forwarded to the LRS are told apart from the course's requests (the cmi5 rule "nothing
    // after terminated" is about the course's).
    const lmsOwn = requests.filter((entry) => entry.by === 'lms');
    expect(lmsOwn.length).toBeGreaterThan(0);
    expect(requests.every((entry) => (entry.by === 'lms') === entry.detail.startsWith("the LMS's"))).toBe(true);
    expect(requests.find((entry) => entry.status === 409)!.detail).toMatch(/holds a statement with this id and different content/);
    expect(log.some((entry) => entry.kind === 'warning' && entry.source === 'lrs' && /The LRS refused progressed \(HTTP 400\)/.test(entry.text))).toBe(true);
    expect(log.some((entry) => entry.kind === 'warning' && entry.source === 'cmi5')).toBe(false);
  });

  it('answers queries from the LRS, with `more` links that come back through the preview', async () => {
    const launched = await lms.launch();
    const au = await auSession(launched);
    const first = await au.get('?limit=2&ascending=true');
    expect(first.status).toBe(200);
    const page = (await first.json()) as { statements: { id: string }[]; more: string };
    expect(page.statements).toHaveLength(2);
    expect(page.more.startsWith(`/p/course-cmi5/xapi/statements?`)).toBe(true);
    const second = await fetch(new URL(page.more, lms.base), { headers: au.headers });
    expect(second.status).toBe(200);
    const next = (await second.json()) as { statements: { id: string }[] };
    expect(next.statements.length).toBeGreaterThan(0);
    expect(next.statements[0]!.id).not.toBe(page.statements[1]!.id);
  });

  it('tells the course 503 while the LRS is away, says why, and sends what the LMS held once it is back', async () => {
    const launched = await lms.launch('new-attempt');
    const au = await auSession(launched);
    expect((await au.put(au.statement('initialized'))).status).toBe(204);
    const port = lrs.port;
    await lrs.stop();

    const whileDown = await au.put(au.statement('completed', { completion: true, duration: 'PT1M' }));
    expect(whileDown.status).toBe(503);
    // The session ends without "terminated": the LMS's "abandoned" waits for the LRS.
    await lms.end('the learner closed the window');
    let snapshot = await lms.snapshot();
    expect(snapshot.xapi!.lrs).toMatchObject({ state: 'unreachable', heldStatements: 1 });
    expect(snapshot.xapi!.lrs!.problem).toMatch(/connection refused/);
    const warnings = (await lms.log()).filter((entry) => entry.kind === 'warning' && entry.source === 'lrs').map((entry) => (entry as { text: string }).text);
    expect(warnings).toContainEqual(expect.stringMatching(/is not answering \(connection refused: nothing is listening there\)\. The course was told the LRS is unavailable, so it keeps its statements/));

    // Back on the same address (empty: it keeps statements in memory). The held "abandoned" goes before the next launch's.
    lrs = await startRealLrs({ port });
    const relaunched = await lms.launch();
    const stored = await lrs.statements();
    expect(verbNames(stored)).toEqual(['abandoned', 'launched']);
    expect((stored[0]!.context as { registration: string }).registration).toBe(launched.params.get('registration'));
    expect(stored[1]!.id).not.toBe(stored[0]!.id);
    expect((stored[1]!.context as { registration: string }).registration).toBe(relaunched.params.get('registration'));
    snapshot = await lms.snapshot();
    expect(snapshot.xapi!.lrs).toMatchObject({ state: 'answering', heldStatements: 0 });
    expect((await lms.log()).some((entry) => entry.kind === 'lms' && /is answering again/.test(entry.text))).toBe(true);
    expect(invalidStatements(stored)).toEqual({});
  });
});

describe('a TinCan package whose statements go to a real LRS', () => {
  it('forwards the course statements with the launch registration', async () => {
    const lrs = await startRealLrs();
    const zip = await space.write('course-tincan.zip', await zipOf({ 'tincan.xml': TINCAN_XML, 'index.html': '<p>hi</p>' }));
    const preview = await previewOf(zip, { lmsProfile: 'scorm-again', lrs: { endpoint: lrs.endpoint, keySecret: LRS_KEY_SECRET } });
    try {
      const lms = packageClient(preview.packageUrl!);
      const { params } = await lms.launch();
      const statement = {
        actor: JSON.parse(params.get('actor')!),
        verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-GB': 'experienced' } },
        object: { id: params.get('activity_id') },
        context: { registration: params.get('registration') },
        timestamp: new Date().toISOString(),
      };
      const response = await fetch(`${params.get('endpoint')}statements`, {
        method: 'POST',
        headers: { ...XAPI_HEADERS, Authorization: params.get('auth')! },
        body: JSON.stringify(statement),
      });
      expect(response.status).toBe(200);
      const [id] = (await response.json()) as string[];
      const stored = await lrs.statements();
      expect(stored.map((s) => s.id)).toEqual([id]);
      expect(stored[0]!.context).toEqual({ registration: params.get('registration') });
      expect(invalidStatements(stored)).toEqual({});
      // The preview's own credential is not the LRS's: a request without the launch's auth is still refused here.
      expect((await fetch(`${params.get('endpoint')}statements`, { method: 'POST', headers: XAPI_HEADERS, body: JSON.stringify(statement) })).status).toBe(401);
      expect((await lrs.statements()).length).toBe(1);
    } finally {
      await preview.close();
      await lrs.stop();
    }
  });
});

describe('an LRS that refuses the preview\'s key', () => {
  // xapi-statements in test mode accepts any credential, so a refusal can only be staged: a stub that answers 401
  // to everything, as an LRS does for a wrong key and secret.
  let stub: Server;
  let preview: PreviewServer;

  beforeAll(async () => {
    stub = createServer((req, res) => {
      req.resume();
      res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"message":"Unauthorised"}');
    });
    await new Promise<void>((done) => stub.listen(0, '127.0.0.1', done));
    const endpoint = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/data/xAPI/`;
    preview = await previewOf(cmi5Zip, { terminateGraceMs: 0, lmsProfile: 'scorm-again', lrs: { endpoint, keySecret: 'wrong:key' } });
  });
  afterAll(async () => {
    await preview.close();
    await new Promise((done) => stub.close(done));
  });

  it('answers the course 503 (so it keeps its statements) and says to check --lrs-auth', async () => {
    const lms = packageClient(preview.packageUrl!);
    const au = await auSession(await lms.launch());
    const response = await au.put(au.statement('initialized'));
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/refused the preview's key \(HTTP 401\)/);
    const snapshot = await lms.snapshot();
    expect(snapshot.xapi!.lrs).toMatchObject({ state: 'refused', problem: 'HTTP 401', heldStatements: 1 });
    const warnings = (await lms.log()).filter((entry) => entry.kind === 'warning' && entry.source === 'lrs');
    expect(warnings).toHaveLength(1);
    expect((warnings[0] as { text: string }).text).toMatch(/refused the key and secret given with --lrs-auth \(HTTP 401\)\. Check them/);
  });
});

describe('npm run preview -- --lrs <endpoint> --lrs-auth <key:secret>', () => {
  const quiet = () => {
    const lines: string[] = [];
    return { lines, output: { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) } };
  };

  it('starts forwarding and says whether the LRS answers', async () => {
    const lrs = await startRealLrs();
    const { lines, output } = quiet();
    const started = await runPreview([cmi5Zip, '--port', '0', '--lrs', lrs.endpoint.replace(/\/$/, ''), '--lrs-auth', LRS_KEY_SECRET], output);
    try {
      expect(typeof started).toBe('object');
      expect(lines).toContainEqual(`xAPI and cmi5 statements go to the LRS at ${lrs.endpoint} (it answers, xAPI 1.0.3)`);
    } finally {
      if (typeof started === 'object') await started.close();
      await lrs.stop();
    }
  });

  it('refuses a half-given or malformed LRS in one line, exit 2 (a wrong command line)', async () => {
    const cases: [string[], RegExp][] = [
      [['--lrs', 'http://127.0.0.1:9/xAPI/'], /--lrs needs --lrs-auth <key:secret>/],
      [['--lrs-auth', 'k:s'], /--lrs-auth goes with --lrs <endpoint>/],
      [['--lrs', 'http://127.0.0.1:9/xAPI/', '--lrs-auth', 'nocolon'], /--lrs-auth must be key:secret/],
      [['--lrs', 'lrs.example', '--lrs-auth', 'k:s'], /--lrs "lrs\.example" is not a URL/],
      [['--lrs', 'ftp://127.0.0.1/xAPI/', '--lrs-auth', 'k:s'], /--lrs must be an http or https address/],
    ];
    for (const [argv, message] of cases) {
      const { lines, output } = quiet();
      expect(await runPreview([cmi5Zip, '--port', '0', ...argv], output)).toBe(2);
      expect(lines[0]).toMatch(message);
    }
  });
});
