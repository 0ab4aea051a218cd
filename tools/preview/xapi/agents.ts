// xAPI Agents: what makes one valid (exactly one inverse functional identifier) and the key two Agents share when they
// are the same person, so a State document written with one spelling of the agent is found with another.

const IFI_PROPERTIES = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

export function isIri(value: unknown): value is string {
  return typeof value === 'string' && IRI.test(value);
}

/** Why `value` is not a valid Agent (or Group, when allowed), or null. `where` prefixes the message. */
export function agentProblem(value: unknown, where: string, allowGroup = true): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${where} must be an object`;
  const agent = value as Record<string, unknown>;
  const type = agent.objectType ?? 'Agent';
  if (type !== 'Agent' && !(allowGroup && type === 'Group')) return `${where}.objectType must be "Agent"${allowGroup ? ' or "Group"' : ''}`;
  if (agent.name !== undefined && typeof agent.name !== 'string') return `${where}.name must be a string`;
  const identifiers = IFI_PROPERTIES.filter((key) => agent[key] !== undefined);
  if (type === 'Group') {
    if (agent.member !== undefined) {
      if (!Array.isArray(agent.member)) return `${where}.member must be an array`;
      for (const [index, member] of agent.member.entries()) {
        const problem = agentProblem(member, `${where}.member[${index}]`, false);
        if (problem) return problem;
      }
    }
    if (identifiers.length === 0) return Array.isArray(agent.member) ? null : `${where}: an anonymous Group needs a member list`;
  }
  if (identifiers.length !== 1) return `${where} needs exactly one of mbox, mbox_sha1sum, openid, account (found ${identifiers.length})`;
  return identifierProblem(agent, where);
}

function identifierProblem(agent: Record<string, unknown>, where: string): string | null {
  if (agent.mbox !== undefined && !(typeof agent.mbox === 'string' && /^mailto:[^@\s]+@[^@\s]+$/.test(agent.mbox))) return `${where}.mbox must be "mailto:" and an address`;
  if (agent.mbox_sha1sum !== undefined && !(typeof agent.mbox_sha1sum === 'string' && /^[0-9a-f]{40}$/i.test(agent.mbox_sha1sum))) return `${where}.mbox_sha1sum must be 40 hex digits`;
  if (agent.openid !== undefined && !isIri(agent.openid)) return `${where}.openid must be an IRI`;
  if (agent.account !== undefined) {
    const account = agent.account as Record<string, unknown> | null;
    if (typeof account !== 'object' || account === null) return `${where}.account must be an object`;
    if (!isIri(account.homePage)) return `${where}.account.homePage must be an IRL`;
    if (typeof account.name !== 'string' || account.name === '') return `${where}.account.name must be a non-empty string`;
  }
  return null;
}

/** A key equal for two Agents that name the same identity (their one IFI), or null when `value` has none. */
export function agentKey(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const agent = value as Record<string, unknown>;
  if (typeof agent.mbox === 'string') return `mbox ${agent.mbox.toLowerCase()}`;
  if (typeof agent.mbox_sha1sum === 'string') return `sha1 ${agent.mbox_sha1sum.toLowerCase()}`;
  if (typeof agent.openid === 'string') return `openid ${agent.openid}`;
  const account = agent.account as Record<string, unknown> | undefined;
  if (account && typeof account.homePage === 'string' && typeof account.name === 'string') return `account ${account.homePage} ${account.name}`;
  return null;
}
