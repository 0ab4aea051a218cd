// The preview's strict cmi5 LMS ("catapult-strict", part of "strictest", the default): what ADL's conformance suite
// (CATAPULT) holds an AU to is refused, with the requirement named in the inspector: the actor not exactly as sent,
// statements before the learner preferences were read, a first request holding more than "initialized", a statement
// breaking a cmi5 rule, and any use of the auth token after "terminated". And the launch modes Browse and Review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../../tools/preview/server.ts';
import { CMI5_FILES, cmi5Statement, inspectorLog, launchPackage, previewOf, workspace, XAPI_HEADERS, zipOf, type Launched, type Workspace } from './fixtures.ts';

let space: Workspace;
let server: PreviewServer;
let base: string;

beforeAll(async () => {
  space = await workspace();
  server = await previewOf(await space.write('course-cmi5.zip', await zipOf(CMI5_FILES)), { terminateGraceMs: 0 });
  base = server.packageUrl!.replace(/\/$/, '');
});
afterAll(async () => {
  await server.close();
  await space.remove();
});

interface Au {
  launched: Launched;
  send(method: string, resource: string, body?: unknown): Promise<Response>;
  launchData(): Promise<Record<string, any>>;
  preferences(): Promise<Response>;
}

async function launchAu(launchMode?: 'Normal' | 'Browse' | 'Review'): Promise<Au> {
  const launched = await launchPackage(base, 'resume', launchMode);
  const token = ((await (await fetch(launched.params.get('fetch')!, { method: 'POST' })).json()) as Record<string, string>)['auth-token']!;
  const endpoint = launched.params.get('endpoint')!;
  const send = (method: string, resource: string, body?: unknown) =>
    fetch(`${endpoint}${resource}`, { method, headers: { ...XAPI_HEADERS, Authorization: `Basic ${token}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const actor = launched.params.get('actor')!;
  const stateQuery = (stateId: string) => new URLSearchParams({ stateId, activityId: launched.params.get('activityId')!, agent: actor, registration: launched.params.get('registration')! });
  return {
    launched,
    send,
    launchData: async () => (await (await send('GET', `activities/state?${stateQuery('LMS.LaunchData')}`)).json()) as Record<string, any>,
    preferences: () => send('GET', `agents/profile?${new URLSearchParams({ profileId: 'cmi5LearnerPreferences', agent: actor })}`),
  };
}

const warnings = async (): Promise<string[]> => (await inspectorLog(base)).flatMap((entry) => (entry.kind === 'warning' && entry.source === 'refused' ? [entry.text] : []));

describe('a strict cmi5 LMS (catapult-strict)', () => {
  it('sends the actor without objectType, and refuses it with objectType added (8.1.3.0-3)', async () => {
    const au = await launchAu();
    expect(JSON.parse(au.launched.params.get('actor')!)).toEqual({ name: 'Preview Learner', account: { homePage: 'https://preview.common-ground.invalid', name: 'preview-learner' } });
    const rebuilt = JSON.stringify({ objectType: 'Agent', ...JSON.parse(au.launched.params.get('actor')!) });
    const query = new URLSearchParams({ stateId: 'LMS.LaunchData', activityId: au.launched.params.get('activityId')!, agent: rebuilt, registration: au.launched.params.get('registration')! });
    expect((await au.send('GET', `activities/state?${query}`)).status).toBe(403);
    expect(await warnings()).toContainEqual(expect.stringMatching(/not the launch actor as the LMS sent it.*8\.1\.3\.0-3/));
  });

  it('refuses statements before the learner preferences are read (11.0.0.0-3), and a first request holding more than "initialized" (9.3.0.0-4)', async () => {
    const au = await launchAu();
    const template = (await au.launchData()).contextTemplate;
    const initialized = cmi5Statement(au.launched, template, 'initialized');
    expect((await au.send('POST', 'statements', [initialized])).status).toBe(400);
    expect((await au.preferences()).status).toBe(200);
    const completed = cmi5Statement(au.launched, template, 'completed', { completion: true, duration: 'PT1S' });
    expect((await au.send('POST', 'statements', [initialized, completed])).status).toBe(400);
    expect((await au.send('POST', 'statements', [initialized])).status).toBe(200);
    expect((await au.send('POST', 'statements', [completed])).status).toBe(200);
    const texts = await warnings();
    expect(texts).toContainEqual(expect.stringMatching(/before reading cmi5LearnerPreferences \(cmi5 11\.0\.0\.0-3\)/));
    expect(texts).toContainEqual(expect.stringMatching(/holds 2 statements; "initialized" must go alone \(cmi5 9\.3\.0\.0-4\)/));
  });

  it('refuses a statement that breaks a cmi5 rule, and every request with the token after "terminated" (8.1.2.0-2)', async () => {
    const au = await launchAu();
    const template = (await au.launchData()).contextTemplate;
    await au.preferences();
    expect((await au.send('POST', 'statements', [cmi5Statement(au.launched, template, 'initialized')])).status).toBe(200);
    // "completed" with a score breaks 9.5.1.
    expect((await au.send('POST', 'statements', [cmi5Statement(au.launched, template, 'completed', { completion: true, duration: 'PT1S', score: { scaled: 1 } })])).status).toBe(400);
    expect((await au.send('POST', 'statements', [cmi5Statement(au.launched, template, 'terminated', { duration: 'PT2S' })])).status).toBe(200);
    const state = new URLSearchParams({ stateId: 'resume', activityId: au.launched.params.get('activityId')!, agent: au.launched.params.get('actor')!, registration: au.launched.params.get('registration')! });
    expect((await au.send('PUT', `activities/state?${state}`, { late: true })).status).toBe(401);
    const texts = await warnings();
    expect(texts).toContainEqual(expect.stringMatching(/only passed and failed may carry a score/));
    expect(texts).toContainEqual(expect.stringMatching(/PUT activities\/state refused \(HTTP 401\): .*after "terminated" \(cmi5 8\.1\.2\.0-2\)/));
  });

  it('launches in Browse and Review mode: the launch data say so, and only initialized and terminated are taken', async () => {
    for (const mode of ['Browse', 'Review'] as const) {
      const au = await launchAu(mode);
      const data = await au.launchData();
      expect(data.launchMode).toBe(mode);
      await au.preferences();
      expect((await au.send('POST', 'statements', [cmi5Statement(au.launched, data.contextTemplate, 'initialized')])).status).toBe(200);
      expect((await au.send('POST', 'statements', [cmi5Statement(au.launched, data.contextTemplate, 'completed', { completion: true, duration: 'PT1S' })])).status).toBe(400);
      expect((await au.send('POST', 'statements', [cmi5Statement(au.launched, data.contextTemplate, 'terminated', { duration: 'PT1S' })])).status).toBe(200);
    }
    expect(await warnings()).toContainEqual(expect.stringMatching(/in Browse mode only initialized and terminated may be sent/));
  });
});

describe('cmi5 verbs outside cmi5 defined statements (issue 12.8)', () => {
  it('refuses a "completed" about something other than the AU, which an LMS would read as the AU\'s', async () => {
    const au = await launchAu();
    const data = await au.launchData();
    await au.preferences();
    expect((await au.send('POST', 'statements', [cmi5Statement(au.launched, data.contextTemplate, 'initialized')])).status).toBe(200);
    const film = { ...cmi5Statement(au.launched, data.contextTemplate, 'completed', { completion: true, duration: 'PT1S' }), object: { id: 'https://example.org/course/film/the-film' } };
    ((film as Record<string, any>).context as { contextActivities: { category: unknown[] } }).contextActivities.category = [{ id: "https://w3id.org/xapi/video" }];
    expect((await au.send('POST', 'statements', [film])).status).toBe(400);
    expect(await warnings()).toContainEqual(expect.stringMatching(/a cmi5 defined verb in a statement that is not cmi5 defined/));
  });
});
