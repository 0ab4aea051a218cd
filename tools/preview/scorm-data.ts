// The LMS's decisions about SCORM data between sessions, as pure functions: which cmi.entry a launch gets, when a
// relaunch must start a new attempt, which committed values the next session is seeded with, and which elements
// the LMS owns (learner, credit, times, manifest values) and therefore never takes back from a commit. Each follows
// the run-time data model of the package's edition (its profile, manifests/scorm-profile.ts), never the edition.
import type { ScormDataModel } from '../../manifests/scorm-profile.ts';
import type { ScormLaunch } from '../../manifests/launch-target.ts';
import { PREVIEW_LEARNER } from './learner.ts';
import type { LaunchMode } from './protocol.ts';
import { formatIsoDuration, formatScorm12Timespan } from './scorm-time.ts';

export interface ScormAttempt {
  number: number;
  /** The data model as last committed: flattened element → value, strings only. */
  committed: Record<string, string>;
  totalCentiseconds: number;
  /** cmi.core.exit / cmi.exit of the last session that ended; null before any session has ended. */
  lastExit: string | null;
  /** Sessions launched in this attempt. */
  sessions: number;
}

export function freshAttempt(number: number): ScormAttempt {
  return { number, committed: {}, totalCentiseconds: 0, lastExit: null, sessions: 0 };
}

/**
 * Smallest permitted maximum of cmi.suspend_data: the budget a course may rely on. The LMS's own figure, kept apart
 * from the course's limits (course/runtime/standards/) on purpose: the preview is the LMS, and would not catch a
 * course that asked for more than an LMS keeps if it took the course's word for it.
 */
export const SUSPEND_DATA_LIMIT: Readonly<Record<ScormDataModel, number>> = { '1.2': 4096, '2004': 64_000 };

export interface ScormElements {
  exit: string;
  sessionTime: string;
  totalTime: string;
  suspendData: string;
  entry: string;
}

export function elementsOf(dataModel: ScormDataModel): ScormElements {
  return dataModel === '1.2'
    ? { exit: 'cmi.core.exit', sessionTime: 'cmi.core.session_time', totalTime: 'cmi.core.total_time', suspendData: 'cmi.suspend_data', entry: 'cmi.core.entry' }
    : { exit: 'cmi.exit', sessionTime: 'cmi.session_time', totalTime: 'cmi.total_time', suspendData: 'cmi.suspend_data', entry: 'cmi.entry' };
}

/** SCORM's "general" commit failure: 1.2 has only 101 (general exception); 2004 has 391 (general commit failure). */
export function commitFailureCode(dataModel: ScormDataModel): number {
  return dataModel === '1.2' ? 101 : 391;
}

export interface LaunchDecision {
  startNewAttempt: boolean;
  entry: string;
  notice: string | null;
}

/**
 * cmi.entry for a launch, and whether it begins a new attempt. Both standards resume only after exit "suspend".
 * SCORM 1.2 keeps the data otherwise too (entry ""); SCORM 2004 ends the attempt on any other exit, so the relaunch is
 * a new attempt (ADL's sample RTE does the same).
 */
export function decideLaunch(dataModel: ScormDataModel, mode: LaunchMode, attempt: ScormAttempt): LaunchDecision {
  if (mode === 'new-attempt') return { startNewAttempt: true, entry: 'ab-initio', notice: null };
  if (attempt.sessions === 0) return { startNewAttempt: false, entry: 'ab-initio', notice: null };
  const exit = attempt.lastExit ?? '';
  if (exit === 'suspend') return { startNewAttempt: false, entry: 'resume', notice: null };
  const shown = `"${exit}"`;
  if (dataModel === '1.2') {
    return {
      startNewAttempt: false,
      entry: '',
      notice: `The last session ended with cmi.core.exit ${shown}, not "suspend": the data are kept but cmi.core.entry is "" (not "resume").`,
    };
  }
  return {
    startNewAttempt: true,
    entry: 'ab-initio',
    notice: `The last session ended with cmi.exit ${shown}, not "suspend": SCORM 2004 ends the attempt, so this launch starts attempt ${attempt.number + 1} with no data.`,
  };
}

// Elements the LMS sets or computes itself; a commit's copy of them is never fed back into the next session.
const LMS_OWNED: Readonly<Record<ScormDataModel, ReadonlySet<string>>> = {
  '1.2': new Set([
    'cmi.core.student_id',
    'cmi.core.student_name',
    'cmi.core.credit',
    'cmi.core.entry',
    'cmi.core.lesson_mode',
    'cmi.core.exit',
    'cmi.core.session_time',
    'cmi.core.total_time',
    'cmi.launch_data',
    'cmi.comments_from_lms',
    'cmi.student_data.mastery_score',
    'cmi.student_data.max_time_allowed',
    'cmi.student_data.time_limit_action',
  ]),
  '2004': new Set([
    'cmi.learner_id',
    'cmi.learner_name',
    'cmi.credit',
    'cmi.entry',
    'cmi.mode',
    'cmi.exit',
    'cmi.session_time',
    'cmi.total_time',
    'cmi.launch_data',
    'cmi.completion_threshold',
    'cmi.scaled_passing_score',
    'cmi.max_time_allowed',
    'cmi.time_limit_action',
  ]),
};

function isLmsOwned(dataModel: ScormDataModel, element: string): boolean {
  if (/\._(count|children|version)$/.test(element)) return true;
  if (element.startsWith('cmi.comments_from_lms.') || element.startsWith('adl.nav.')) return true;
  return LMS_OWNED[dataModel].has(element);
}

/** Everything scorm-again is given before the SCO's Initialize: the LMS's own values plus the attempt's data. */
export function scormSeed(launch: ScormLaunch, attempt: ScormAttempt, entry: string): Record<string, string> {
  const seed: Record<string, string> = {};
  for (const [element, value] of Object.entries(attempt.committed)) {
    // Blank values are the data model's defaults; loading "" into a typed element (a real, a time) is refused.
    if (value !== '' && !isLmsOwned(launch.dataModel, element)) seed[element] = value;
  }
  const set = (element: string, value: string) => {
    if (value !== '') seed[element] = value;
  };
  if (launch.dataModel === '1.2') {
    set('cmi.core.student_id', PREVIEW_LEARNER.id);
    set('cmi.core.student_name', PREVIEW_LEARNER.scorm12Name);
    set('cmi.core.credit', 'credit');
    set('cmi.core.lesson_mode', 'normal');
    set('cmi.core.entry', entry);
    set('cmi.core.total_time', formatScorm12Timespan(attempt.totalCentiseconds));
    if (seed['cmi.core.lesson_status'] === undefined) seed['cmi.core.lesson_status'] = 'not attempted';
    set('cmi.launch_data', launch.dataFromLms);
    set('cmi.student_data.mastery_score', launch.masteryScore);
    set('cmi.student_data.max_time_allowed', launch.maxTimeAllowed);
    set('cmi.student_data.time_limit_action', launch.timeLimitAction);
  } else {
    set('cmi.learner_id', PREVIEW_LEARNER.id);
    set('cmi.learner_name', PREVIEW_LEARNER.name);
    set('cmi.credit', 'credit');
    set('cmi.mode', 'normal');
    set('cmi.entry', entry);
    set('cmi.total_time', formatIsoDuration(attempt.totalCentiseconds));
    set('cmi.launch_data', launch.dataFromLms);
    set('cmi.completion_threshold', launch.completionThreshold);
    set('cmi.scaled_passing_score', launch.scaledPassingScore);
    set('cmi.max_time_allowed', launch.maxTimeAllowed);
    set('cmi.time_limit_action', launch.timeLimitAction);
  }
  return seed;
}

/**
 * The string values of a commit body. scorm-again's "flattened" format maps elements to strings, with empty
 * objects standing for empty collections; nested objects (its "json" format) are flattened here too.
 */
export function committedValues(body: unknown): Record<string, string> | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const values: Record<string, string> = {};
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === 'string') values[prefix] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') values[prefix] = String(value);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) walk(prefix === '' ? key : `${prefix}.${key}`, inner);
    }
  };
  walk('', body);
  return values;
}

/** Elements added, changed or dropped between two commits, sorted. */
export function changedElements(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => before[key] !== after[key]).sort();
}
