// What the LRS refuses with 400 (xAPI 1.0.3 Data, section 2): the statement's shape, its identifiers and value
// ranges. It is not a full conformance validator; it catches what real LRSs reject, so the course meets the same
// answer here as in a trust's LRS. Also: telling a resend of a stored statement (same id, same content) from a conflict.
import { parseIsoDuration } from '../scorm-time.ts';
import { agentProblem, isIri } from './agents.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

const STATEMENT_PROPERTIES = new Set(['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments']);
const CONTEXT_ACTIVITY_KINDS = new Set(['parent', 'grouping', 'category', 'other']);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why the LRS must refuse `value` as a statement, or null when it is acceptable. */
export function statementProblem(value: unknown): string | null {
  if (!isObject(value)) return 'a statement must be a JSON object';
  const unknown = Object.keys(value).find((key) => !STATEMENT_PROPERTIES.has(key));
  if (unknown) return `unknown statement property "${unknown}"`;
  if (value.attachments !== undefined) return 'attachments are not supported by the preview LRS';
  if (value.id !== undefined && !(typeof value.id === 'string' && UUID.test(value.id))) return 'id must be a UUID';
  if (value.timestamp !== undefined && !isTimestamp(value.timestamp)) return 'timestamp must be an ISO 8601 date and time';
  if (value.version !== undefined && !(typeof value.version === 'string' && /^1\.0(\.\d+)?$/.test(value.version))) return 'version must be 1.0.x';
  return statementBodyProblem(value, '');
}

/** Checks shared by statements and SubStatements (actor, verb, object, result, context). */
function statementBodyProblem(statement: Json, prefix: string): string | null {
  if (statement.actor === undefined) return `${prefix}actor is missing`;
  const actor = agentProblem(statement.actor, `${prefix}actor`);
  if (actor) return actor;
  const verb = statement.verb;
  if (!isObject(verb)) return `${prefix}verb must be an object`;
  if (!isIri(verb.id)) return `${prefix}verb.id must be an IRI`;
  if (verb.display !== undefined && !isLanguageMap(verb.display)) return `${prefix}verb.display must be a language map`;
  const object = objectProblem(statement.object, `${prefix}object`, prefix === '');
  if (object) return object;
  if (verb.id === VOIDED_VERB && (statement.object as Json).objectType !== 'StatementRef') return `${prefix}a "voided" statement's object must be a StatementRef`;
  if (statement.result !== undefined) {
    const result = resultProblem(statement.result, `${prefix}result`);
    if (result) return result;
  }
  if (statement.context !== undefined) {
    const context = contextProblem(statement.context, `${prefix}context`);
    if (context) return context;
  }
  return null;
}

function objectProblem(object: unknown, where: string, allowSubStatement: boolean): string | null {
  if (!isObject(object)) return `${where} must be an object`;
  const type = object.objectType ?? 'Activity';
  switch (type) {
    case 'Activity':
      if (!isIri(object.id)) return `${where}.id must be an IRI`;
      if (object.definition !== undefined && !isObject(object.definition)) return `${where}.definition must be an object`;
      return null;
    case 'Agent':
    case 'Group':
      return agentProblem(object, where);
    case 'StatementRef':
      return typeof object.id === 'string' && UUID.test(object.id) ? null : `${where}.id must be a UUID`;
    case 'SubStatement': {
      if (!allowSubStatement) return `${where}: a SubStatement cannot hold another SubStatement`;
      const forbidden = ['id', 'stored', 'version', 'authority'].find((key) => object[key] !== undefined);
      if (forbidden) return `${where}.${forbidden} is not allowed in a SubStatement`;
      return statementBodyProblem(object, `${where}.`);
    }
    default:
      return `${where}.objectType "${String(type)}" is unknown`;
  }
}

function resultProblem(result: unknown, where: string): string | null {
  if (!isObject(result)) return `${where} must be an object`;
  if (result.success !== undefined && typeof result.success !== 'boolean') return `${where}.success must be true or false`;
  if (result.completion !== undefined && typeof result.completion !== 'boolean') return `${where}.completion must be true or false`;
  if (result.response !== undefined && typeof result.response !== 'string') return `${where}.response must be a string`;
  if (result.duration !== undefined && !(typeof result.duration === 'string' && (parseIsoDuration(result.duration) !== null || /^P\d+(\.\d+)?W$/.test(result.duration)))) {
    return `${where}.duration must be an ISO 8601 duration`;
  }
  if (result.extensions !== undefined && !isObject(result.extensions)) return `${where}.extensions must be an object`;
  if (result.score !== undefined) {
    const score = result.score;
    if (!isObject(score)) return `${where}.score must be an object`;
    for (const key of ['scaled', 'raw', 'min', 'max']) {
      if (score[key] !== undefined && typeof score[key] !== 'number') return `${where}.score.${key} must be a number`;
    }
    const { scaled, raw, min, max } = score as Record<string, number | undefined>;
    if (scaled !== undefined && (scaled < -1 || scaled > 1)) return `${where}.score.scaled must be between -1 and 1`;
    if (min !== undefined && max !== undefined && min >= max) return `${where}.score.min must be less than max`;
    if (raw !== undefined && ((min !== undefined && raw < min) || (max !== undefined && raw > max))) return `${where}.score.raw must lie between min and max`;
  }
  return null;
}

function contextProblem(context: unknown, where: string): string | null {
  if (!isObject(context)) return `${where} must be an object`;
  if (context.registration !== undefined && !(typeof context.registration === 'string' && UUID.test(context.registration))) return `${where}.registration must be a UUID`;
  if (context.instructor !== undefined) {
    const problem = agentProblem(context.instructor, `${where}.instructor`);
    if (problem) return problem;
  }
  if (context.team !== undefined && !(isObject(context.team) && context.team.objectType === 'Group')) return `${where}.team must be a Group`;
  for (const key of ['revision', 'platform', 'language'] as const) {
    if (context[key] !== undefined && typeof context[key] !== 'string') return `${where}.${key} must be a string`;
  }
  if (context.statement !== undefined && !(isObject(context.statement) && context.statement.objectType === 'StatementRef' && UUID.test(String(context.statement.id)))) {
    return `${where}.statement must be a StatementRef`;
  }
  if (context.extensions !== undefined && !isObject(context.extensions)) return `${where}.extensions must be an object`;
  if (context.contextActivities !== undefined) {
    const activities = context.contextActivities;
    if (!isObject(activities)) return `${where}.contextActivities must be an object`;
    for (const [kind, list] of Object.entries(activities)) {
      if (!CONTEXT_ACTIVITY_KINDS.has(kind)) return `${where}.contextActivities.${kind} is not parent, grouping, category or other`;
      for (const activity of Array.isArray(list) ? list : [list]) {
        if (!isObject(activity) || !isIri(activity.id)) return `${where}.contextActivities.${kind}: every activity needs an IRI id`;
      }
    }
  }
  return null;
}

function isTimestamp(value: unknown): boolean {
  return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

function isLanguageMap(value: unknown): boolean {
  return isObject(value) && Object.values(value).every((text) => typeof text === 'string');
}

/** Whether two statements as sent are the same statement: equal JSON, whatever the order of object keys. */
export function sameStatement(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
