// What the strict LMS refused, or warned about, in one walk, read from its inspector log (tools/preview): SCORM API
// calls answered with an error code, commits it did not store, LRS requests it answered with an error (a GET of a
// document or statement that is not there, 404, is an answer, not a refusal), and every warning it raised. A course
// that conforms leaves both lists empty.
import type { LogEntry } from '../preview/protocol.ts';

export interface Refusal {
  /** The call, e.g. "SetValue(cmi.interactions.0.learner_response)" or "PUT activities/state". */
  call: string;
  /** The LMS's answer: an error code, or an HTTP status. */
  answer: string;
  /** The LMS's words for it. */
  why: string;
}

const ERROR_QUERIES = new Set(['LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic', 'GetLastError', 'GetErrorString', 'GetDiagnostic']);

export function refusedCalls(entries: readonly LogEntry[]): Refusal[] {
  const refused: Refusal[] = [];
  for (const entry of entries) {
    if (entry.kind === 'api-call' && !ERROR_QUERIES.has(entry.method) && entry.errorCode !== '' && entry.errorCode !== '0') {
      refused.push({ call: `${entry.method}(${entry.args.join(', ').slice(0, 120)})`, answer: `error ${entry.errorCode}`, why: entry.errorText });
    } else if (entry.kind === 'commit' && !entry.accepted) {
      refused.push({ call: entry.terminate ? 'final commit' : 'commit', answer: `error ${entry.errorCode}`, why: `session ${entry.session}, ${entry.trigger}` });
    } else if (entry.kind === 'xapi' && (entry.status === 0 || entry.status >= 400) && !(entry.method === 'GET' && entry.status === 404)) {
      refused.push({ call: `${entry.method} ${entry.resource}`, answer: entry.status === 0 ? 'connection dropped' : `HTTP ${entry.status}`, why: entry.detail });
    }
  }
  return refused;
}

/** Every warning the LMS raised, as "source: text". */
export function warningsOf(entries: readonly LogEntry[]): string[] {
  return entries.flatMap((entry) => (entry.kind === 'warning' ? [`${entry.source}: ${entry.text}`] : []));
}
