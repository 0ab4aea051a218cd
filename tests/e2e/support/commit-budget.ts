// The commit budget of a walk (issue 12.9, the policy in course/runtime/README.md): one commit per screen change
// (the landing on the first screen is one), one at the end, and one per pause in typing (a reflection prompt typed,
// then the learner stops). SCORM counts LMS commits; xAPI and cmi5 count writes of the resume document, the same
// moment in the State API. Retries would add to it; a walk has none.
import type { Course, StandardId } from '../../../course/model/types.ts';
import type { LogEntry } from '../../../tools/preview/protocol.ts';
import type { LearnerPlan } from './plan.ts';

export function commitBudget(course: Course, plan: LearnerPlan): number {
  const screens = course.sections.flatMap((section) => section.screens).length;
  return screens + 1 + Object.keys(plan.reflections).length;
}

export function commitsMade(standard: StandardId, entries: readonly LogEntry[]): number {
  if (standard.startsWith('scorm')) return entries.filter((entry) => entry.kind === 'commit' && entry.accepted).length;
  return entries.filter((entry) => entry.kind === 'xapi' && entry.by === 'course' && entry.method === 'PUT' && entry.resource === 'activities/state' && entry.status < 300).length;
}

/** cmi5: whether the resume document was written before "terminated", and how many requests came after it. */
export function documentBeforeTerminated(entries: readonly LogEntry[]): { stateWritten: boolean; requestsAfterTerminated: number } {
  const terminated = entries.findIndex((entry) => entry.kind === 'statement' && entry.by === 'course' && String((entry.statement.verb as { id?: string } | undefined)?.id).endsWith('/terminated'));
  if (terminated < 0) return { stateWritten: false, requestsAfterTerminated: 0 };
  const writes = entries.flatMap((entry, index) => (entry.kind === 'xapi' && entry.method === 'PUT' && entry.resource === 'activities/state' ? [index] : []));
  return {
    stateWritten: writes.length > 0 && writes.every((index) => index < terminated),
    // The LMS's own statements ("satisfied") forwarded to a real LRS may be logged after it: they are not the course's.
    requestsAfterTerminated: entries.slice(terminated).filter((entry) => entry.kind === 'xapi' && entry.by === 'course').length,
  };
}
