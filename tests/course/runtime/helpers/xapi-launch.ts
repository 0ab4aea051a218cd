// One xAPI (TinCan launch) or cmi5 session for a test, against the fake LRS, with a manual clock.
import type { ConnectionStatus, Tracker, TrackerSession } from '../../../../course/runtime/tracker.ts';
import { open as openXapi } from '../../../../course/runtime/adapters/xapi.ts';
import { open as openCmi5 } from '../../../../course/runtime/adapters/cmi5.ts';
import { fakeWindow, MemoryStorage, type FakeWindow } from './fake-window.ts';
import { ManualClock } from './manual-clock.ts';
import { sessionReady } from './session-ready.ts';
import { runtimeConfig } from './course-fixtures.ts';
import type { FakeLrs } from './fake-lrs.ts';
import type { RuntimeDeps } from '../../../../course/runtime/shared/runtime-deps.ts';

export const ACTOR = { objectType: 'Agent', name: 'Ada Okafor', account: { homePage: 'https://lms.example.nhs.uk', name: 'u-1001' } };
export const REGISTRATION = '9d3f2a51-7c1e-4f0b-8a55-2c6d1e0b4f77';
export const AU_ID = 'https://lms.example.nhs.uk/au/7f1c0d2e';
export const SESSION_ID = 'c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b';

export interface XapiRun {
  page: FakeWindow;
  clock: ManualClock;
  tracker: Tracker;
  session: TrackerSession;
  statuses: ConnectionStatus[];
}

export interface XapiOptions {
  storage?: MemoryStorage;
  sessionStorage?: MemoryStorage;
  reflections?: 'private' | 'shared';
  clock?: ManualClock;
  /** cmi5: the same tab reloaded, with the launch URL it had (otherwise the LMS launches again, with a new fetch URL). */
  reload?: boolean;
  /** cmi5: the actor the LMS launches with (default ACTOR). */
  actor?: Record<string, unknown>;
  /** How the rest of the session is fetched after it opens (a test delays it); given, the launch does not wait for it. */
  fetchLater?: RuntimeDeps['fetchLater'];
}

export function tincanSearch(lrs: FakeLrs): string {
  const params = new URLSearchParams({
    endpoint: lrs.endpoint,
    auth: 'Basic bGVhcm5lcjpzZWNyZXQ=',
    actor: JSON.stringify({ name: ['Ada Okafor'], account: [{ accountServiceHomePage: 'https://lms.example.nhs.uk', accountName: 'u-1001' }] }),
    registration: REGISTRATION,
    activity_id: 'https://commonground.example.org/courses/common-ground',
  });
  return `?${params.toString()}`;
}

export function cmi5Search(lrs: FakeLrs, actor: Record<string, unknown> = ACTOR): string {
  const params = new URLSearchParams({ endpoint: lrs.endpoint, fetch: lrs.fetchUrl, actor: JSON.stringify(actor), registration: REGISTRATION, activityId: AU_ID });
  return `?${params.toString()}`;
}

export function launchData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    contextTemplate: {
      contextActivities: { grouping: [{ id: 'https://commonground.example.org/courses/common-ground/au' }] },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': SESSION_ID },
    },
    launchMode: 'Normal',
    moveOn: 'CompletedAndPassed',
    returnURL: 'https://lms.example.nhs.uk/course/42',
    ...overrides,
  };
}

export function seedLaunchData(lrs: FakeLrs, overrides: Record<string, unknown> = {}): void {
  lrs.setDocument('activities/state', { activityId: AU_ID, agent: JSON.stringify(ACTOR), registration: REGISTRATION, stateId: 'LMS.LaunchData' }, launchData(overrides));
}

export async function launchXapi(lrs: FakeLrs, kind: 'xapi' | 'cmi5', options: XapiOptions = {}): Promise<XapiRun> {
  if (kind === 'cmi5' && !options.reload && lrs.fetchUrlSpent) lrs.newLaunch();
  const page = fakeWindow({
    search: kind === 'xapi' ? tincanSearch(lrs) : cmi5Search(lrs, options.actor),
    localStorage: options.storage ?? new MemoryStorage(),
    sessionStorage: options.sessionStorage ?? new MemoryStorage(),
  });
  const clock = options.clock ?? new ManualClock();
  const config = runtimeConfig(kind, options.reflections ?? 'private');
  const tracker = await (kind === 'xapi' ? openXapi : openCmi5)(config, page.win, { clock, fetch: lrs.fetch, ...(options.fetchLater ? { fetchLater: options.fetchLater } : {}) });
  if (!tracker) throw new Error('no launch found');
  const statuses: ConnectionStatus[] = [];
  tracker.onStatus((s) => statuses.push(s));
  const session = await tracker.start();
  if (!options.fetchLater) await sessionReady(tracker);
  await clock.advance(0);
  return { page, clock, tracker, session, statuses };
}

export const verbsOf = (lrs: FakeLrs): string[] => lrs.stored.map((s) => s.verb.id.split('/').pop() as string);
