// Statements an earlier cmi5 session of this registration queued but may not have delivered (its tab died, the LRS
// was down). That session is over: the LMS records "abandoned" for it, and after that it accepts nothing more with
// its session id (cmi5 §9.3.6), so they are issued again in the new session:
// - with new ids: the LRS keeps statements by id and answers a changed statement under a known id with 409, which the
//   queue would take as "delivered"; so before re-issuing, the LRS is asked whether it holds the original (a request
//   answered after the page closed leaves a delivered statement in the queue), and one it holds is not sent again;
// - with the new session's context (session id extension, registration), after the new "initialized";
// - with their original timestamps: when the learner did it, which is what xAPI's timestamp records;
// - cmi5 defined statements by cmi5's rules: "initialized" and "terminated" belonged to that session and are not
//   repeated; "completed" and "passed" (each once per registration) are issued again unless the LRS holds them;
//   "failed" never after a pass, and like any "failed" it waits for the end of the session where a pass could still
//   satisfy the AU (cmi5-move-on.ts), else it goes with the rest.
import type { Context, Result } from '@xapi/xapi';
import type { QueuedStatement } from './statement-queue.ts';
import { VERBS } from './statements.ts';

export const CMI5_CATEGORY_ID = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';

/** What the LRS said when asked for the original: it holds it, it does not, or it could not say. */
export type Delivery = 'stored' | 'missing' | 'unknown';

export interface CarryOver {
  /** To send after this session's "initialized", in the earlier order. */
  reissue: QueuedStatement[];
  /** An earlier "failed" still owed (its score, and the statement as this session would send it). */
  failed: { scaled: number | null; statement: QueuedStatement } | null;
  /** cmi5 defined statements sent (or now being sent) in this registration. */
  sent: { completed?: boolean; passed?: boolean };
}

export function isCmi5Defined(statement: QueuedStatement): boolean {
  return (statement.context?.contextActivities?.category ?? []).some((activity) => activity.id === CMI5_CATEGORY_ID);
}

/** The statement as this session sends it: a new id and this session's context, all else as it was. */
export function reissued(statement: QueuedStatement, template: Context, newId: string): QueuedStatement {
  const copy = JSON.parse(JSON.stringify(statement)) as QueuedStatement;
  copy.id = newId;
  const context: Context = copy.context ?? {};
  if (template.extensions) context.extensions = { ...context.extensions, ...template.extensions };
  if (template.registration) context.registration = template.registration;
  copy.context = context;
  return copy;
}

/**
 * Decides what of an earlier session's queue this session sends. `delivery` tells, per original id, what the LRS
 * said; an original it could not be asked about is issued again (a duplicate "answered" is the lesser harm than an
 * answer lost). `sent` is what the resume document says was already sent in the registration.
 */
export function planCarryOver(
  earlier: readonly QueuedStatement[],
  delivery: ReadonlyMap<string, Delivery>,
  sent: { completed?: boolean; passed?: boolean },
  template: Context,
  newId: () => string,
): CarryOver {
  const plan: CarryOver = { reissue: [], failed: null, sent: { ...sent } };
  // What the registration already holds, delivered originals included, decides what may follow.
  for (const statement of earlier) {
    if (delivery.get(statement.id) !== 'stored' || !isCmi5Defined(statement)) continue;
    if (statement.verb.id === VERBS.completed.id) plan.sent.completed = true;
    if (statement.verb.id === VERBS.passed.id) plan.sent.passed = true;
  }
  for (const statement of earlier) {
    if (delivery.get(statement.id) === 'stored') continue;
    const verb = statement.verb.id;
    if (!isCmi5Defined(statement)) {
      plan.reissue.push(reissued(statement, template, newId()));
    } else if (verb === VERBS.completed.id || verb === VERBS.passed.id) {
      const key = verb === VERBS.completed.id ? 'completed' : 'passed';
      // Once per registration: queued only once, so only a copy the LRS already holds (skipped above) stops it.
      if (plan.reissue.some((s) => s.verb.id === verb)) continue;
      plan.reissue.push(reissued(statement, template, newId()));
      plan.sent[key] = true;
    } else if (verb === VERBS.failed.id) {
      const scaled = (statement.result as Result | undefined)?.score?.scaled;
      plan.failed = { scaled: typeof scaled === 'number' ? scaled : null, statement: reissued(statement, template, newId()) };
    }
    // "initialized" and "terminated" belonged to the earlier session alone.
  }
  if (plan.sent.passed) plan.failed = null;
  return plan;
}
