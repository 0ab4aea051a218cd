// The learner as both launches (TinCan and cmi5) name them: an xAPI Agent from the launch's JSON, and what the player
// shows of it.
import type { Agent } from '@xapi/xapi';

/** An Agent from launch JSON; TinCan's older shape ({"name": ["…"], "account": [{accountServiceHomePage, accountName}]}) is normalised. */
export function parseActor(json: string | null): Agent | null {
  const source = jsonObject(json);
  if (!source) return null;
  const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
  const agent: Agent = { objectType: 'Agent' };
  const name = first(source.name);
  if (typeof name === 'string') agent.name = name;
  const mbox = first(source.mbox);
  if (typeof mbox === 'string') agent.mbox = mbox.startsWith('mailto:') ? mbox : `mailto:${mbox}`;
  const sha = first(source.mbox_sha1sum);
  if (typeof sha === 'string') agent.mbox_sha1sum = sha;
  const openid = first(source.openid);
  if (typeof openid === 'string') agent.openid = openid;
  const account = first(source.account) as Record<string, unknown> | undefined;
  if (account && typeof account === 'object') {
    const homePage = account.homePage ?? account.accountServiceHomePage;
    const accountName = account.name ?? account.accountName;
    if (typeof homePage === 'string' && typeof accountName === 'string') agent.account = { homePage, name: accountName };
  }
  return agent.mbox || agent.mbox_sha1sum || agent.openid || agent.account ? agent : null;
}

/**
 * A cmi5 launch actor, kept exactly as the LMS sent it: the LMS compares the actor of every request with the one it
 * launched with (cmi5 8.1.3.0-3), so nothing is added (not even objectType) or reordered. Null unless it is an Agent
 * with one identifier.
 */
export function actorAsGiven(json: string | null): Agent | null {
  const agent = jsonObject(json);
  if (!agent) return null;
  if (agent.objectType !== undefined && agent.objectType !== 'Agent') return null;
  const identifiers = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((key) => agent[key] !== undefined);
  return identifiers.length === 1 ? (agent as Agent) : null;
}

/** The launch parameter's JSON object, or null when it is missing, not JSON or not an object. */
function jsonObject(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The learner as the player shows them: the LMS's name, and an id from the account or mailbox. */
export function learnerOf(actor: Agent): { id: string | null; name: string | null } {
  return { id: actor.account?.name ?? actor.mbox?.replace(/^mailto:/, '') ?? actor.openid ?? null, name: actor.name ?? null };
}
