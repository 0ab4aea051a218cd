// The "TinCan launch" query string (Rustici's launch guidelines): endpoint, auth (a ready Authorization header),
// actor (JSON, possibly in the old TinCan shape with arrays), registration and activity_id, all URL-encoded.
import type { Agent } from '@xapi/xapi';
import { parseActor } from './actor.ts';

export interface TinCanLaunch {
  endpoint: string;
  auth: string | null;
  actor: Agent;
  registration: string | null;
  activityId: string | null;
}

export function readTinCanLaunch(search: string): TinCanLaunch | null {
  const params = new URLSearchParams(search);
  const endpoint = params.get('endpoint');
  const actor = parseActor(params.get('actor'));
  if (!endpoint || !actor) return null;
  return {
    endpoint,
    auth: params.get('auth') || null,
    actor,
    registration: params.get('registration') || null,
    activityId: params.get('activity_id') || null,
  };
}
