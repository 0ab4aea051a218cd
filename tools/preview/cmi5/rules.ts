// The cmi5 rules an AU's statements must follow (Quartz section 9), checked one statement at a time against what the
// session and registration have seen so far. The LRS stores the statement either way; the inspector shows what broke,
// the way CATAPULT's test suite would report it.
import { AU_VERBS, CATEGORY, EXTENSION, VERB, verbName } from './vocabulary.ts';

export interface Cmi5Launch {
  activityId: string;
  registration: string;
  sessionId: string;
  /** The AU's id in cmi5.xml (the publisher id the contextTemplate groups statements under). */
  publisherId: string;
  launchMode: 'Normal' | 'Browse' | 'Review';
  masteryScore: number | null;
}

export interface Cmi5History {
  /** Verb ids of this session's AU statements, in order. */
  sessionVerbs: string[];
  /** cmi5 defined verb ids of this session. */
  sessionDefinedVerbs: string[];
  /** cmi5 defined verb ids of the registration (all sessions). */
  registrationDefinedVerbs: string[];
}

export function emptyHistory(): Cmi5History {
  return { sessionVerbs: [], sessionDefinedVerbs: [], registrationDefinedVerbs: [] };
}

type Json = Record<string, unknown>;

const REQUIRES_DURATION: ReadonlySet<string> = new Set([VERB.terminated, VERB.completed, VERB.passed, VERB.failed]);

/** Is this a "cmi5 defined" statement (cmi5 category in its context)? */
export function isCmi5Defined(statement: Json): boolean {
  return categoryIds(statement).includes(CATEGORY.cmi5);
}

/** The rules `statement` breaks, given the launch and what came before it. Empty when it follows them all. */
export function cmi5Problems(statement: Json, launch: Cmi5Launch, history: Cmi5History): string[] {
  const problems: string[] = [];
  const verb = String((statement.verb as Json | undefined)?.id ?? '');
  const name = verbName(verb);
  const context = (statement.context ?? {}) as Json;
  const extensions = (context.extensions ?? {}) as Json;
  const result = statement.result as Json | undefined;
  const defined = isCmi5Defined(statement);
  const categories = categoryIds(statement);

  if (String(context.registration ?? '').toLowerCase() !== launch.registration) problems.push(`${name}: context.registration is not the launch registration (9.6.1)`);
  if (extensions[EXTENSION.sessionId] !== launch.sessionId) problems.push(`${name}: the session id extension is missing or not this session's (9.6.3.1)`);
  if (history.sessionVerbs.includes(VERB.terminated)) problems.push(`${name}: sent after "terminated", which must be the session's last statement (9.3.8)`);
  if (history.sessionVerbs.length === 0 && verb !== VERB.initialized) problems.push(`${name}: the first statement of a session must be "initialized" (9.3.2)`);
  const progress = result?.extensions && (result.extensions as Json)[EXTENSION.progress];
  if (progress !== undefined && !(Number.isInteger(progress) && (progress as number) >= 0 && (progress as number) <= 100)) {
    problems.push(`${name}: the progress extension must be a whole number from 0 to 100 (9.5.5.1)`);
  }

  if (!defined) {
    if (categories.includes(CATEGORY.moveOn)) problems.push(`${name}: only cmi5 defined statements may carry the moveOn category (9.6.2.2)`);
    // cmi5's verbs mean the AU's session and results (9.3); one about anything else (a film "completed") is read as
    // the AU's by LMSs and reports that look at the verb alone.
    if (Object.values(VERB).includes(verb as (typeof VERB)[keyof typeof VERB])) {
      problems.push(`${name}: a cmi5 defined verb in a statement that is not cmi5 defined (about ${String((statement.object as Json | undefined)?.id ?? '?')}): it reads as the AU's own ${name} (9.3)`);
    }
    return problems;
  }

  if (!AU_VERBS.has(verb)) problems.push(`${name}: an AU may not send this verb as a cmi5 defined statement (9.3)`);
  if (String((statement.object as Json | undefined)?.id ?? '') !== launch.activityId) problems.push(`${name}: object.id must be the launch activityId (9.4)`);
  const actor = statement.actor as Json | undefined;
  if (!actor || actor.account === undefined) problems.push(`${name}: the actor must be an Agent with an account (9.2)`);
  if (!groupingIds(statement).includes(launch.publisherId)) problems.push(`${name}: contextActivities.grouping lacks the publisher id from the contextTemplate (9.6.2.3)`);
  if (history.sessionDefinedVerbs.includes(verb)) problems.push(`${name}: sent twice in one session (9.3)`);
  if ((verb === VERB.passed || verb === VERB.failed) && history.sessionDefinedVerbs.some((seen) => seen === VERB.passed || seen === VERB.failed)) {
    problems.push(`${name}: a session may hold only one of passed and failed (9.3)`);
  }
  if (verb === VERB.completed && history.registrationDefinedVerbs.includes(VERB.completed)) problems.push('completed: already sent in this registration (9.3.3)');
  if (verb === VERB.passed && history.registrationDefinedVerbs.includes(VERB.passed)) problems.push('passed: already sent in this registration (9.3.4)');
  if (verb === VERB.failed && history.registrationDefinedVerbs.includes(VERB.passed)) problems.push('failed: must not follow passed in a registration (9.3)');
  if (launch.launchMode !== 'Normal' && verb !== VERB.initialized && verb !== VERB.terminated) problems.push(`${name}: in ${launch.launchMode} mode only initialized and terminated may be sent (10)`);

  const hasScore = result?.score !== undefined;
  if (hasScore && verb !== VERB.passed && verb !== VERB.failed) problems.push(`${name}: only passed and failed may carry a score (9.5.1)`);
  const success = result?.success;
  if (verb === VERB.passed && success !== true) problems.push('passed: result.success must be true (9.5.2)');
  else if (verb === VERB.failed && success !== false) problems.push('failed: result.success must be false (9.5.2)');
  else if (verb !== VERB.passed && verb !== VERB.failed && success !== undefined) problems.push(`${name}: must not carry result.success (9.5.2)`);
  const completion = result?.completion;
  if (verb === VERB.completed && completion !== true) problems.push('completed: result.completion must be true (9.5.3)');
  else if (verb !== VERB.completed && completion !== undefined) problems.push(`${name}: must not carry result.completion (9.5.3)`);
  const movesOn = success !== undefined || completion !== undefined;
  if (movesOn !== categories.includes(CATEGORY.moveOn)) {
    problems.push(movesOn ? `${name}: a statement with success or completion needs the moveOn category (9.6.2.2)` : `${name}: the moveOn category is only for statements with success or completion (9.6.2.2)`);
  }
  if (REQUIRES_DURATION.has(verb) && typeof result?.duration !== 'string') problems.push(`${name}: result.duration is required (9.5.4.1)`);
  if (verb === VERB.completed && progress !== undefined) problems.push('completed: should not carry a progress value (9.5.5.1)');

  if ((verb === VERB.passed || verb === VERB.failed) && launch.masteryScore !== null) {
    const scaled = (result?.score as Json | undefined)?.scaled;
    if (typeof scaled === 'number') {
      if (verb === VERB.passed && scaled < launch.masteryScore) problems.push(`passed: score.scaled ${scaled} is below the masteryScore ${launch.masteryScore} (9.3.4)`);
      if (verb === VERB.failed && scaled >= launch.masteryScore) problems.push(`failed: score.scaled ${scaled} meets the masteryScore ${launch.masteryScore} (9.3.5)`);
    }
    if (extensions[EXTENSION.masteryScore] !== launch.masteryScore) problems.push(`${name}: the masteryScore context extension must carry ${launch.masteryScore} (9.6.3.2)`);
  }
  return problems;
}

/** The history after `statement` (only statements the AU sent count). */
export function recordInHistory(history: Cmi5History, statement: Json): Cmi5History {
  const verb = String((statement.verb as Json | undefined)?.id ?? '');
  const defined = isCmi5Defined(statement);
  return {
    sessionVerbs: [...history.sessionVerbs, verb],
    sessionDefinedVerbs: defined ? [...history.sessionDefinedVerbs, verb] : history.sessionDefinedVerbs,
    registrationDefinedVerbs: defined ? [...history.registrationDefinedVerbs, verb] : history.registrationDefinedVerbs,
  };
}

/** Whether the verbs of a registration meet an AU's moveOn (13.1.4). */
export function moveOnMet(moveOn: string, registrationVerbs: readonly string[]): boolean {
  const completed = registrationVerbs.includes(VERB.completed);
  const passed = registrationVerbs.includes(VERB.passed);
  switch (moveOn) {
    case 'Completed':
      return completed;
    case 'Passed':
      return passed;
    case 'CompletedAndPassed':
      return completed && passed;
    case 'CompletedOrPassed':
      return completed || passed;
    default:
      return true; // NotApplicable
  }
}

function contextActivityIds(statement: Json, kind: 'category' | 'grouping'): string[] {
  const activities = ((statement.context as Json | undefined)?.contextActivities as Json | undefined)?.[kind];
  const list = Array.isArray(activities) ? activities : activities === undefined ? [] : [activities];
  return list.map((activity) => String((activity as Json).id ?? ''));
}

function categoryIds(statement: Json): string[] {
  return contextActivityIds(statement, 'category');
}

function groupingIds(statement: Json): string[] {
  return contextActivityIds(statement, 'grouping');
}

/** Two JSON values equal in every member (key order aside): what "the actor exactly as sent" means. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]));
}
