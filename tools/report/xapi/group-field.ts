// Which part of a statement names the learner's team or organisation unit (--group-by for an LRS):
//   team                the statement's context.team (an xAPI Group): its name, else its account name
//   homepage            the actor's account homePage (one LMS per trust: the organisation)
//   extension:<IRI>     a context extension the LMS adds, e.g. from a cmi5 context template
//   none                no grouping
//   auto (default)      team if the statement has one, else the account homePage
import { UsageError } from '../errors.ts';

export type LrsGroupField = { kind: 'auto' } | { kind: 'team' } | { kind: 'homepage' } | { kind: 'extension'; iri: string } | { kind: 'none' };

export function parseLrsGroupField(spec: string | undefined): LrsGroupField {
  const value = (spec ?? 'auto').trim();
  if (value === 'auto' || value === 'team' || value === 'homepage' || value === 'none') return { kind: value };
  if (value.startsWith('extension:')) {
    const iri = value.slice('extension:'.length);
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(iri)) throw new UsageError(`--group-by extension:<IRI> needs an absolute IRI, not "${iri}"`);
    return { kind: 'extension', iri };
  }
  throw new UsageError(`--group-by for an LRS is one of auto, team, homepage, extension:<IRI>, none (got "${value}")`);
}

interface StatementLike {
  actor?: { account?: { homePage?: unknown } };
  context?: { team?: { name?: unknown; account?: { name?: unknown } }; extensions?: Record<string, unknown> };
}

export function groupOf(statement: StatementLike, field: LrsGroupField): string | null {
  switch (field.kind) {
    case 'none':
      return null;
    case 'team':
      return teamName(statement);
    case 'homepage':
      return text(statement.actor?.account?.homePage);
    case 'extension':
      return text(statement.context?.extensions?.[field.iri]);
    case 'auto':
      return teamName(statement) ?? text(statement.actor?.account?.homePage);
  }
}

function teamName(statement: StatementLike): string | null {
  const team = statement.context?.team;
  return text(team?.name) ?? text(team?.account?.name);
}

/** Only plain text or numbers name a group; objects and empty strings do not. */
function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
