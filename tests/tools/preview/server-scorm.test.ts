// The preview server over HTTP with SCORM packages: the LMS page, its assets, package files (types, ranges, traversal),
// the launch → commit → relaunch cycle a SCORM LMS runs, fault switches, the inspector stream, and closing.
import { request } from 'node:http';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectorSnapshot, LaunchResponse } from '../../../tools/preview/protocol.ts';
import type { PreviewServer } from '../../../tools/preview/server.ts';
import { SCORM12_FILES, SCORM2004_FILES, postJson, previewOf, workspace, zipOf, type Workspace } from './fixtures.ts';

let space: Workspace;
let tempRoot: string;
let server: PreviewServer;
let base: string;

beforeAll(async () => {
  space = await workspace();
  tempRoot = join(space.folder, 'temp');
  await mkdir(tempRoot);
  server = await previewOf(await space.write('course-12.zip', await zipOf(SCORM12_FILES)), { tempRoot });
  base = server.packageUrl!.replace(/\/$/, '');
});
afterAll(async () => {
  await server.close();
  await space.remove();
});

/** A GET with the path sent exactly as written (fetch would normalise "..", which is what an attacker avoids). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function snapshot(): Promise<InspectorSnapshot> {
  return (await fetch(`${base}/lms/snapshot`)).json() as Promise<InspectorSnapshot>;
}

async function launch(mode: 'resume' | 'new-attempt'): Promise<LaunchResponse> {
  const response = await postJson(`${base}/lms/launch`, { mode });
  expect(response.status).toBe(200);
  return response.json() as Promise<LaunchResponse>;
}

async function commit(session: number, body: unknown, final = false): Promise<{ status: number; reply: { result: boolean; errorCode: number } }> {
  const response = await postJson(`${base}/scorm/commit?session=${session}&trigger=manual${final ? '&final=true' : ''}`, { cmi: body, calls: null });
  return { status: response.status, reply: (await response.json()) as { result: boolean; errorCode: number } };
}

describe('the LMS page', () => {
  it('redirects / to the package and serves the page with the course frame, its config and a strict CSP', async () => {
    const root = await fetch(server.url, { redirect: 'manual' });
    expect(root.status).toBe(303);
    expect(root.headers.get('location')).toBe('/p/course-12/');

    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await page.text();
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<iframe id="course-frame" title="Course: Preview test course"');
    expect(html).toContain('{"basePath":"/p/course-12","runtime":"scorm12","cmi5":false,"suspendDataLimit":4096}');
    expect(html).toContain('<script src="/_preview/assets/scorm12.js"></script>');
    // Nothing from elsewhere: every src and href is on this server (or a fragment).
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]*)"/g)) expect(url).toMatch(/^(\/|#|about:blank)/);
  });

  it('sends a bare /p/<id> to /p/<id>/', async () => {
    const response = await fetch(base, { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/p/course-12/');
  });

  it('serves its assets: scorm-again bundles, the stylesheet and the transpiled scripts', async () => {
    const bundle = await fetch(`${server.url}_preview/assets/scorm12.js`);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await bundle.text()).toMatch(/^\/\* scorm12\.min\.js from scorm-again \(MIT\) \*\/\nthis\.Scorm12API=/);
    const script = await (await fetch(`${server.url}_preview/assets/client/lms-page.ts`)).text();
    expect(script).toContain("from './scorm-host.ts'");
    expect(script).not.toMatch(/import type|: LaunchMode|as HTMLIFrameElement/);
    expect((await fetch(`${server.url}_preview/assets/lms-page.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${server.url}_preview/assets/nope.js`)).status).toBe(404);
  });
});

describe('package files', () => {
  it.each([
    ['sco/index.html', 'text/html; charset=utf-8'],
    ['sco/sco.js', 'text/javascript; charset=utf-8'],
    ['sco/style.css', 'text/css; charset=utf-8'],
    ['sco/captions.vtt', 'text/vtt; charset=utf-8'],
    ['sco/film.mp4', 'video/mp4'],
    ['sco/data.json', 'application/json; charset=utf-8'],
    ['imsmanifest.xml', 'application/xml'],
  ])('serves %s as %s', async (path, type) => {
    const response = await fetch(`${base}/content/${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const body = new Uint8Array(await response.arrayBuffer());
    const expected = SCORM12_FILES[path]!;
    expect(body).toEqual(typeof expected === 'string' ? new TextEncoder().encode(expected) : expected);
  });

  it('reports requests that leave the package (CSP report-only on HTML)', async () => {
    const response = await fetch(`${base}/content/sco/index.html`);
    expect(response.headers.get('content-security-policy-report-only')).toBe(`default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; report-uri /p/course-12/lms/csp-report`);
    const report = await fetch(`${base}/lms/csp-report`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/csp-report' },
      body: JSON.stringify({ 'csp-report': { 'blocked-uri': 'https://fonts.example.com/font.woff2', 'effective-directive': 'font-src' } }),
    });
    expect(report.status).toBe(204);
    // The stream replays the log: the warning is there, once, however often the report comes.
    await fetch(`${base}/lms/csp-report`, { method: 'POST', headers: { 'Content-Type': 'application/csp-report' }, body: JSON.stringify({ 'csp-report': { 'blocked-uri': 'https://fonts.example.com/font.woff2' } }) });
    const events = await streamUntil(
      () => Promise.resolve(),
      (seen) => seen.some((event) => event.event === 'log' && event.data.includes('"kind":"warning"') && event.data.includes('https://fonts.example.com/font.woff2')),
    );
    expect(events.filter((event) => event.data.includes('fonts.example.com') && event.event === 'log')).toHaveLength(1);
  });

  it('answers byte ranges, for video seeking', async () => {
    const part = await fetch(`${base}/content/sco/film.mp4`, { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const tail = await fetch(`${base}/content/sco/film.mp4`, { headers: { Range: 'bytes=-3' } });
    expect([...new Uint8Array(await tail.arrayBuffer())]).toEqual([997 % 256, 998 % 256, 999 % 256]);
    expect((await fetch(`${base}/content/sco/film.mp4`, { headers: { Range: 'bytes=5000-' } })).status).toBe(416);
  });

  it.each([
    '/p/course-12/content/sco/..%2F..%2F..%2Fetc%2Fpasswd',
    '/p/course-12/content/sco%5C..%5C..%5Cimsmanifest.xml',
    '/p/course-12/content/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/p/course-12/content/../../../../etc/passwd',
    '/p/course-12/content/sco/%00.html',
    '/p/course-12/content//etc/passwd',
  ])('refuses the traversal %s', async (path) => {
    const { status, body } = await rawGet(path);
    expect([400, 404]).toContain(status);
    expect(body).not.toMatch(/root:/);
  });

  it('serves only what the zip holds', async () => {
    expect((await fetch(`${base}/content/sco/missing.html`)).status).toBe(404);
    expect((await fetch(`${base}/content/sco/`)).status).toBe(400);
  });
});

describe('request checks', () => {
  it('answers only to its own host name (no DNS rebinding)', async () => {
    expect((await rawGet('/', { Host: 'evil.example:80' })).status).toBe(421);
    expect((await rawGet('/', { Host: `localhost:${server.port}` })).status).toBe(303);
  });

  it('refuses changes from another origin, and LMS calls that are not JSON', async () => {
    const crossSite = await fetch(`${base}/lms/faults`, { method: 'POST', headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' }, body: '{"lmsGone":true}' });
    expect(crossSite.status).toBe(403);
    const form = await fetch(`${base}/lms/faults`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'lmsGone=true' });
    expect(form.status).toBe(415);
    expect((await (await fetch(`${base}/lms/faults`)).json()).lmsGone).toBe(false);
  });
});

describe('a SCORM 1.2 attempt', () => {
  it('launches, stores commits, ends on LMSFinish, resumes, fails under faults, and starts afresh', async () => {
    const first = await launch('resume');
    expect(first).toMatchObject({ launchUrl: '/p/course-12/content/sco/index.html?lang=en', attempt: 1, session: 1, notices: [] });
    expect(first.scorm).toMatchObject({ apiName: 'API', commitUrl: '/p/course-12/scorm/commit?session=1', strict12: true });
    expect(first.scorm!.seed).toMatchObject({
      'cmi.core.entry': 'ab-initio',
      'cmi.core.student_id': 'preview-learner',
      'cmi.launch_data': 'from the manifest',
      'cmi.student_data.mastery_score': '80',
      'cmi.core.lesson_status': 'not attempted',
    });

    const data = { 'cmi.suspend_data': 'visits=1', 'cmi.core.lesson_location': 'page-1', 'cmi.core.lesson_status': 'incomplete', 'cmi.core.exit': 'suspend', 'cmi.core.session_time': '00:01:30', 'cmi.objectives': {} };
    expect(await commit(1, data)).toEqual({ status: 200, reply: { result: true, errorCode: 0 } });
    let state = await snapshot();
    expect(state.scorm).toMatchObject({ commits: 1, suspendDataLength: 8, suspendDataLimit: 4096 });
    expect(state.scorm!.committed['cmi.core.lesson_location']).toBe('page-1');
    expect(state.attempt).toEqual({ number: 1, session: 1, running: true });

    expect(await commit(1, data, true)).toEqual({ status: 200, reply: { result: true, errorCode: 0 } });
    state = await snapshot();
    expect(state.attempt.running).toBe(false);
    expect(state.scorm).toMatchObject({ lastExit: 'suspend', totalTime: '0000:01:30.00' });
    // A commit for a session that has ended is refused.
    expect(await commit(1, data)).toEqual({ status: 200, reply: { result: false, errorCode: 101 } });

    const second = await launch('resume');
    expect(second).toMatchObject({ attempt: 1, session: 2 });
    expect(second.scorm!.seed).toMatchObject({ 'cmi.core.entry': 'resume', 'cmi.suspend_data': 'visits=1', 'cmi.core.lesson_location': 'page-1', 'cmi.core.total_time': '0000:01:30.00' });
    expect(second.scorm!.seed['cmi.core.exit']).toBeUndefined();

    expect((await postJson(`${base}/lms/faults`, { commitFails: true })).status).toBe(200);
    expect(await commit(2, { ...data, 'cmi.suspend_data': 'visits=2' })).toEqual({ status: 200, reply: { result: false, errorCode: 101 } });
    state = await snapshot();
    expect(state.faults.commitFails).toBe(true);
    expect(state.scorm).toMatchObject({ commits: 2, failedCommits: 2 });
    expect(state.scorm!.committed['cmi.suspend_data']).toBe('visits=1');

    await postJson(`${base}/lms/faults`, { commitFails: false, lmsGone: true });
    expect((await commit(2, data)).status).toBe(503);
    await postJson(`${base}/lms/faults`, { lmsGone: false });
    expect((await postJson(`${base}/lms/faults`, { slowMs: -1 })).status).toBe(400);
    expect((await postJson(`${base}/lms/faults`, { surprise: true })).status).toBe(400);

    const ended = await postJson(`${base}/lms/end`, { reason: 'test' });
    expect(((await ended.json()) as InspectorSnapshot).attempt.running).toBe(false);
    const fresh = await launch('new-attempt');
    expect(fresh).toMatchObject({ attempt: 2, session: 3 });
    expect(fresh.scorm!.seed['cmi.core.entry']).toBe('ab-initio');
    expect(fresh.scorm!.seed['cmi.suspend_data']).toBeUndefined();
  });

  it('records the API calls the LMS page reports, with the current values and limit warnings', async () => {
    const { session } = await launch('resume');
    const response = await postJson(`${base}/lms/scorm-calls`, {
      session,
      calls: [{ method: 'LMSSetValue', args: ['cmi.suspend_data', 'x'.repeat(5000)], result: 'false', errorCode: '405', errorText: 'Incorrect Data Type' }],
      values: { 'cmi.suspend_data': 'abc', 'cmi.core.lesson_location': 'p9' },
      warnings: [{ source: 'limit', text: "cmi.suspend_data of 5000 characters is over SCORM 1.2's limit" }],
    });
    expect(response.status).toBe(204);
    const state = await snapshot();
    expect(state.scorm!.current).toEqual({ 'cmi.suspend_data': 'abc', 'cmi.core.lesson_location': 'p9' });
    expect(state.counts.apiCalls).toBeGreaterThan(0);
    expect((await postJson(`${base}/lms/scorm-calls`, { calls: 'no' })).status).toBe(400);
  });
});

type StreamEvent = { event: string; data: string };

/** Read the inspector stream until `done` holds; `act` runs once the replayed snapshot has been read. */
async function streamUntil(act: () => Promise<unknown>, done: (events: StreamEvent[]) => boolean): Promise<StreamEvent[]> {
  const controller = new AbortController();
  const response = await fetch(`${base}/lms/events`, { signal: controller.signal });
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: StreamEvent[] = [];
  let acted = false;
  while (!done(events)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    buffer += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data });
    }
    if (!acted && events.some((event) => event.event === 'snapshot')) {
      acted = true;
      await act();
    }
  }
  controller.abort();
  return events;
}

describe('the inspector stream', () => {
  it('starts with a snapshot and the log, then sends new entries as they happen', async () => {
    const before = (await snapshot()).counts;
    const isNewFaultEntry = (event: StreamEvent) => event.event === 'log' && JSON.parse(event.data).text === 'Faults on: slow network (10 ms)';
    const events = await streamUntil(() => postJson(`${base}/lms/faults`, { slowMs: 10 }), (seen) => seen.some(isNewFaultEntry));
    await postJson(`${base}/lms/faults`, { slowMs: 0 });
    expect(events[0]!.event).toBe('snapshot');
    expect((JSON.parse(events[0]!.data) as InspectorSnapshot).counts).toEqual(before);
    // The replayed log came before the new entry.
    expect(events.findIndex(isNewFaultEntry)).toBeGreaterThan(1);
  });
});

describe('a commit carrying call records', () => {
  it('logs the calls made before the commit ahead of it', async () => {
    const { session } = await launch('resume');
    const calls = {
      session,
      calls: [{ method: 'LMSSetValue', args: ['cmi.core.lesson_location', 'page-7'], result: 'true', errorCode: '0', errorText: '' }],
      values: null,
      warnings: [{ source: 'session', text: 'A commit was made while the course frame was unloading' }],
    };
    const isOurCall = (event: StreamEvent) => event.event === 'log' && event.data.includes('"page-7"') && event.data.includes('"api-call"');
    const isOurCommit = (event: StreamEvent) => event.event === 'log' && event.data.includes('"kind":"commit"') && event.data.includes(`"session":${session}`);
    const events = await streamUntil(
      () => postJson(`${base}/scorm/commit?session=${session}&trigger=terminate&final=true`, { cmi: { 'cmi.core.lesson_location': 'page-7', 'cmi.core.exit': 'suspend' }, calls }),
      (seen) => seen.some(isOurCommit),
    );
    expect(events.findIndex(isOurCall)).toBeGreaterThan(-1);
    expect(events.findIndex(isOurCall)).toBeLessThan(events.findIndex(isOurCommit));
    expect(events.some((event) => event.data.includes('"source":"session"') && event.data.includes('frame was unloading'))).toBe(true);
    expect((await snapshot()).scorm!.committed['cmi.core.lesson_location']).toBe('page-7');
  });

  it('refuses a commit whose body holds no data model', async () => {
    const { session } = await launch('resume');
    const response = await postJson(`${base}/scorm/commit?session=${session}`, ['not', 'a', 'model']);
    expect(await response.json()).toEqual({ result: false, errorCode: 101 });
  });
});

describe('SCORM 2004 and closing', () => {
  it('uses API_1484_11 and 391, starts a new attempt after a non-suspend exit, and removes its temp folder on close', async () => {
    const own = await previewOf(await space.write('course-2004.zip', await zipOf(SCORM2004_FILES)), { tempRoot });
    const url = own.packageUrl!.replace(/\/$/, '');
    try {
      const first = (await (await postJson(`${url}/lms/launch`, { mode: 'resume' })).json()) as LaunchResponse;
      expect(first.scorm).toMatchObject({ apiName: 'API_1484_11', strict12: false });
      expect(first.scorm!.seed).toMatchObject({ 'cmi.entry': 'ab-initio', 'cmi.completion_threshold': '0.75', 'cmi.scaled_passing_score': '0.8' });
      await postJson(`${url}/lms/faults`, { commitFails: true });
      const failed = await postJson(`${url}/scorm/commit?session=1`, { cmi: { 'cmi.exit': 'normal' } });
      expect(await failed.json()).toEqual({ result: false, errorCode: 391 });
      await postJson(`${url}/lms/faults`, { commitFails: false });
      await postJson(`${url}/scorm/commit?session=1&final=true`, { cmi: { 'cmi.exit': 'normal', 'cmi.session_time': 'PT2M', 'cmi.location': 'end' } });
      const second = (await (await postJson(`${url}/lms/launch`, { mode: 'resume' })).json()) as LaunchResponse;
      expect(second.attempt).toBe(2);
      expect(second.notices[0]).toMatch(/SCORM 2004 ends the attempt/);
      expect(second.scorm!.seed['cmi.location']).toBeUndefined();
      expect(await readdir(tempRoot)).toHaveLength(2);
    } finally {
      await own.close();
    }
    // Only the shared server's folder is left; the closed one's is gone, and it no longer answers.
    expect(await readdir(tempRoot)).toHaveLength(1);
    await expect(fetch(own.url)).rejects.toThrow();
  });
});
