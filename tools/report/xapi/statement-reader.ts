// One statement at a time into the tally. Only statements about this course count: their object id lies beneath
// the course IRI (the TinCan activity and every interaction, section and film id are built there), or, for cmi5, the
// object is the id the LMS gave the AU (cmi5 8.1 has the LMS make its own, so it can lie anywhere) and the publisher's
// AU id, which is beneath the course IRI, is in the context's grouping (the LMS's context template puts it there).
// Completion, pass/fail and session time come only from statements about the course itself: xAPI, the course's own
// activity; cmi5, a cmi5 defined statement (cmi5 category) about the AU. A Video Profile statement is never one,
// whatever its object: the film's "completed" says the film ended, not the course. "answered" statements about a
// known interaction carry a choice. Everything else — the film's events, progress, reflections (free text, which the
// course only sends when a trust opts in) — is read past and never stored.
import type { QuestionIndex } from '../course-questions.ts';
import { parseIsoDuration } from '../durations.ts';
import type { LearnerTally } from '../learner-tally.ts';
import { responseMask } from '../responses.ts';
import { groupOf, type LrsGroupField } from './group-field.ts';

const VERB = {
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  voided: 'http://adlnet.gov/expapi/verbs/voided',
};

/** Child activities of the course: everything else beneath the IRI is the course (or cmi5 AU) itself. */
const CHILD_KINDS = ['interactions', 'sections', 'film'];
/** cmi5 9.6.2.1: every cmi5 defined statement carries this category. */
export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
/** The xAPI Video Profile's category, on every statement about the film. */
export const VIDEO_PROFILE_CATEGORY = 'https://w3id.org/xapi/video';

export interface ReadCounts {
  read: number;
  /** Statements about this course. */
  counted: number;
  /** Statements skipped because they name no learner or no time. */
  unusable: number;
  /** Statements handed over again under an id already read (an LRS whose pages overlap), read once. */
  repeated: number;
}

interface StatementShape {
  id?: unknown;
  actor?: { objectType?: unknown; account?: { homePage?: unknown; name?: unknown }; mbox?: unknown; mbox_sha1sum?: unknown; openid?: unknown };
  verb?: { id?: unknown };
  object?: { id?: unknown; objectType?: unknown };
  result?: { success?: unknown; duration?: unknown; response?: unknown; score?: { scaled?: unknown } };
  context?: { registration?: unknown; contextActivities?: { grouping?: unknown; category?: unknown } };
  timestamp?: unknown;
  stored?: unknown;
}

export class StatementReader {
  readonly counts: ReadCounts = { read: 0, counted: 0, unusable: 0, repeated: 0 };
  /** Every statement id read: a statement is one event however often an LRS's pages hand it over. */
  private readonly seen = new Set<string>();
  private readonly prefix: string;
  private readonly childPrefixes: string[];

  constructor(
    private readonly index: QuestionIndex,
    private readonly tally: LearnerTally,
    private readonly groupField: LrsGroupField,
  ) {
    this.prefix = `${index.iri}/`;
    this.childPrefixes = CHILD_KINDS.map((kind) => `${index.iri}/${kind}/`);
  }

  read(value: unknown): void {
    this.counts.read++;
    if (typeof value !== 'object' || value === null) return;
    const statement = value as StatementShape;
    // An LRS may hand a statement over twice (xapi-statements' pages overlap when many are stored in one instant):
    // counted twice, a session's time or an answer would be counted twice too.
    if (typeof statement.id === 'string') {
      if (this.seen.has(statement.id)) {
        this.counts.repeated++;
        return;
      }
      this.seen.add(statement.id);
    }
    const objectId = statement.object?.id;
    const verb = statement.verb?.id;
    if (typeof objectId !== 'string' || typeof verb !== 'string' || verb === VERB.voided) return;
    const beneath = objectId === this.index.iri || objectId.startsWith(this.prefix);
    if (!beneath && !this.groupedUnderCourse(statement)) return;
    const learner = learnerKey(statement.actor);
    const at = Date.parse(typeof statement.timestamp === 'string' ? statement.timestamp : String(statement.stored ?? ''));
    if (learner === null || Number.isNaN(at)) {
      this.counts.unusable++;
      return;
    }
    this.counts.counted++;
    const record = this.tally.learner(learner);
    const registration = statement.context?.registration;
    this.tally.activity(record, at, typeof registration === 'string' ? registration : '');
    this.tally.setGroup(record, groupOf(statement as Parameters<typeof groupOf>[0], this.groupField), at);

    const child = beneath && this.childPrefixes.some((p) => objectId.startsWith(p));
    const courseLevel = !child && !hasCategory(statement, VIDEO_PROFILE_CATEGORY) && (beneath || hasCategory(statement, CMI5_CATEGORY));
    if (courseLevel) {
      if (verb === VERB.completed) this.tally.completed(record, at);
      else if (verb === VERB.passed || verb === VERB.failed) this.tally.judged(record, verb === VERB.passed, scaledScore(statement.result?.score?.scaled));
      // Each session ends with one "terminated" carrying the session's length (TinCan's "suspended" repeats it).
      else if (verb === VERB.terminated && typeof statement.result?.duration === 'string') this.tally.timeSpent(record, parseIsoDuration(statement.result.duration));
      return;
    }
    if (verb !== VERB.answered) return;
    const question = this.index.byActivityId(objectId);
    const response = statement.result?.response;
    if (!question || typeof response !== 'string') return;
    const mask = responseMask(question, response, 'ids');
    if (mask !== null) this.tally.answered(record, question.index, mask, at);
  }

  /** cmi5: an Activity the LMS named, in this course's grouping (the publisher's AU or course id). */
  private groupedUnderCourse(statement: StatementShape): boolean {
    if (statement.object?.objectType !== undefined && statement.object.objectType !== 'Activity') return false;
    return contextActivities(statement, 'grouping').some((id) => id === this.index.iri || id.startsWith(this.prefix));
  }
}

/** The ids of a context activities list (xAPI allows one activity in place of an array). */
function contextActivities(statement: StatementShape, list: 'grouping' | 'category'): string[] {
  const value = statement.context?.contextActivities?.[list];
  const activities = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return activities.map((activity) => (activity as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string');
}

function hasCategory(statement: StatementShape, id: string): boolean {
  return contextActivities(statement, 'category').includes(id);
}

/** A stable key for the actor's inverse functional identifier; null for groups and actors without one. */
export function learnerKey(actor: StatementShape['actor']): string | null {
  if (!actor || actor.objectType === 'Group') return null;
  const { account } = actor;
  if (account && typeof account.homePage === 'string' && typeof account.name === 'string') return `account:${account.homePage}|${account.name}`;
  if (typeof actor.mbox === 'string') return actor.mbox.toLowerCase();
  if (typeof actor.mbox_sha1sum === 'string') return `sha1:${actor.mbox_sha1sum.toLowerCase()}`;
  if (typeof actor.openid === 'string') return `openid:${actor.openid}`;
  return null;
}

function scaledScore(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : null;
}
