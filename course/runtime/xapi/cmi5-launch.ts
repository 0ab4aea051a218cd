// The cmi5 launch (cmi5 spec §8, §10, §11): the five launch parameters, the one-time "fetch" URL that yields the
// auth token (kept in sessionStorage, since a reload cannot fetch it again), the LMS.LaunchData document and the
// learner's preferences. Failures are thrown with words a learner's helpdesk can act on.
import { LaunchError } from '../shared/launch-error.ts';
import type { Agent, Context } from '@xapi/xapi';
import type { KeyValueStore } from '../shared/browser-storage.ts';
import type { LaunchMode } from '../tracker.ts';
import { isSuccess, LrsClient } from './lrs-client.ts';
import { actorAsGiven } from './actor.ts';

export interface Cmi5Params {
  endpoint: string;
  fetchUrl: string;
  actor: Agent;
  registration: string;
  activityId: string;
}

export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';
const MOVE_ON_VALUES: readonly MoveOn[] = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'];

export interface LaunchData {
  contextTemplate: Context;
  launchMode: 'Normal' | 'Browse' | 'Review';
  moveOn: MoveOn;
  masteryScore: number | null;
  returnURL: string | null;
  launchParameters: string | null;
}

/** The launch parameters, in any order; null unless all five are there (then this is no cmi5 launch). */
export function readCmi5Params(search: string): Cmi5Params | null {
  const params = new URLSearchParams(search);
  const endpoint = params.get('endpoint');
  const fetchUrl = params.get('fetch');
  const actor = actorAsGiven(params.get('actor'));
  const registration = params.get('registration');
  const activityId = params.get('activityId');
  if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return null;
  return { endpoint, fetchUrl, actor, registration, activityId };
}

/** Where this tab keeps the session's auth token (sessionStorage), one per launch. */
const authKey = (params: Cmi5Params): string => `common-ground:cmi5-auth:${params.fetchUrl}`;

/** "Basic <token>" for every request: from this tab's earlier fetch (a reload), or by POSTing to the fetch URL once. */
export async function authorization(params: Cmi5Params, fetcher: typeof fetch, store: KeyValueStore): Promise<string> {
  const key = authKey(params);
  const kept = store.get(key);
  if (kept) return kept;
  let body: Record<string, unknown>;
  try {
    const response = await fetcher(params.fetchUrl, { method: 'POST', cache: 'no-store' });
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    throw new LaunchError('no-answer', 'fetch URL');
  }
  const token = body['auth-token'];
  if (typeof token !== 'string' || token === '') {
    const code = body['error-code'];
    if (code === '1' || code === 1) throw new LaunchError('link-used', `error-code ${String(code)}`);
    throw new LaunchError('sign-in-refused', String(body['error-text'] ?? code ?? 'no token'));
  }
  const header = `Basic ${token}`;
  store.set(key, header);
  return header;
}

/** Once the session has ended: the token is spent, so it is not kept. */
export function forgetAuthorization(params: Cmi5Params, store: KeyValueStore): void {
  store.remove(authKey(params));
}

export async function readLaunchData(client: LrsClient, params: Cmi5Params): Promise<LaunchData> {
  const response = await client.getState({ activityId: params.activityId, agent: params.actor, registration: params.registration }, 'LMS.LaunchData');
  if (!isSuccess(response.status)) throw new LaunchError('launch-data-unreadable', response.status ? `HTTP ${response.status}` : '');
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(response.body) as Record<string, unknown>;
  } catch {
    throw new LaunchError('launch-data-invalid', 'LMS.LaunchData is not JSON');
  }
  const mode = data.launchMode;
  if (typeof data.contextTemplate !== 'object' || data.contextTemplate === null || (mode !== 'Normal' && mode !== 'Browse' && mode !== 'Review')) {
    throw new LaunchError('launch-data-invalid', 'LMS.LaunchData has no contextTemplate or launchMode');
  }
  const mastery = typeof data.masteryScore === 'number' && data.masteryScore >= 0 && data.masteryScore <= 1 ? data.masteryScore : null;
  return {
    contextTemplate: data.contextTemplate as Context,
    launchMode: mode,
    moveOn: MOVE_ON_VALUES.find((value) => value === data.moveOn) ?? 'NotApplicable',
    masteryScore: mastery,
    returnURL: typeof data.returnURL === 'string' && data.returnURL !== '' ? data.returnURL : null,
    launchParameters: typeof data.launchParameters === 'string' ? data.launchParameters : null,
  };
}

/**
 * Reads cmi5LearnerPreferences from the Agent Profile API, as the AU must before its first statement. The course
 * has one language and its film has captions, so nothing in them changes what it does; absent is normal.
 */
export async function readLearnerPreferences(client: LrsClient, actor: Agent): Promise<void> {
  await client.getAgentProfile(actor, 'cmi5LearnerPreferences');
}

export function launchModeOf(data: LaunchData): LaunchMode {
  return data.launchMode === 'Review' ? 'review' : data.launchMode === 'Browse' ? 'browse' : 'normal';
}
