// The one aggregation every input feeds: per learner, only what the report needs (group, attempts, first and last
// activity, completion, pass and best score, time in the course, one answer per question). Statements and export rows
// are read, tallied here and dropped, so memory grows with the number of learners, never with the input.
// Readers translate their input into the calls below; nothing here knows about xAPI, SCORM or an LMS's download.

/** What the LMS itself says about the activity's completion (its activity completion report), when an input has it. */
export type LmsCompletion = 'completed' | 'not-completed';

export interface LearnerRecord {
  /** Team or organisation unit, as the chosen field gives it; null when the input has none for this learner. */
  group: string | null;
  /** When the group value was seen: the latest wins, so a learner who moved teams is counted in the new one. */
  groupAt: number;
  /** Attempts (xAPI registrations, LMS attempt numbers) with any activity. */
  attempts: Set<string>;
  /** Earliest activity, ms since the epoch (NaN when only enrolled). */
  firstActivity: number;
  /** Latest activity or completion, ms since the epoch (NaN when none is dated). */
  lastActivity: number;
  /** Earliest completion the tracking data shows, ms since the epoch (NaN when not completed). */
  completedAt: number;
  /** The knowledge check was judged (pass or fail) at least once. */
  judged: boolean;
  passed: boolean;
  /** Best score, 0..1 (NaN when none). */
  bestScore: number;
  /** Time in the course, summed over sessions; NaN when the input has no time for this learner. */
  timeSpentMs: number;
  /** Attempts whose completion an export could not tell (a score shown in place of the status), and those it could. */
  unresolved: Set<string> | null;
  resolved: Set<string> | null;
  /** The LMS's own completion state for the activity (activity completion download); null when no input gave it. */
  lms: LmsCompletion | null;
  /** When the LMS recorded that completion (NaN when it gave no date). */
  lmsCompletedAt: number;
  /** Which kinds of input named this learner: tracking data (statements, SCORM rows) and/or the LMS's completion list. */
  inTracking: boolean;
  inCompletionList: boolean;
  /** Per question: the latest answer as a choice mask (0 = none), and the order key that made it the latest. */
  answers: Int32Array | null;
  answerOrder: Float64Array | null;
}

export class LearnerTally {
  readonly learners = new Map<string, LearnerRecord>();
  /** Group names are shared between learners, so each distinct name is kept once. */
  private readonly groupNames = new Map<string, string>();

  constructor(readonly questionCount: number) {}

  learner(key: string): LearnerRecord {
    let record = this.learners.get(key);
    if (!record) {
      record = {
        group: null,
        groupAt: -Infinity,
        attempts: new Set(),
        firstActivity: NaN,
        lastActivity: NaN,
        completedAt: NaN,
        judged: false,
        passed: false,
        bestScore: NaN,
        timeSpentMs: NaN,
        unresolved: null,
        resolved: null,
        lms: null,
        lmsCompletedAt: NaN,
        inTracking: false,
        inCompletionList: false,
        answers: null,
        answerOrder: null,
      };
      this.learners.set(key, record);
    }
    return record;
  }

  setGroup(record: LearnerRecord, group: string | null, at: number): void {
    const name = group?.trim();
    if (!name || at < record.groupAt) return;
    let shared = this.groupNames.get(name);
    if (shared === undefined) {
      shared = name;
      this.groupNames.set(name, name);
    }
    record.group = shared;
    record.groupAt = at;
  }

  /** Tracking data names this learner (a SCORM download lists everyone enrolled, with or without an attempt). */
  tracked(record: LearnerRecord): void {
    record.inTracking = true;
  }

  /** Something happened in an attempt (attempt '' when the input has no attempt id). */
  activity(record: LearnerRecord, at: number, attempt: string): void {
    record.inTracking = true;
    if (!record.attempts.has(attempt)) record.attempts.add(attempt);
    if (Number.isFinite(at) && !(at >= record.firstActivity)) record.firstActivity = at;
    this.seen(record, at);
  }

  /** The learner was active at this time (an attempt's last access, say): moves the latest activity on. */
  seen(record: LearnerRecord, at: number): void {
    if (Number.isFinite(at) && !(at <= record.lastActivity)) record.lastActivity = at;
  }

  completed(record: LearnerRecord, at: number): void {
    if (!(at >= record.completedAt)) record.completedAt = at;
    this.seen(record, at);
  }

  /** An export could not say whether this attempt was completed (or, with known = true, it could). */
  completionKnown(record: LearnerRecord, attempt: string, known: boolean): void {
    if (known) (record.resolved ??= new Set()).add(attempt);
    else (record.unresolved ??= new Set()).add(attempt);
  }

  /** The LMS's activity completion report lists this learner with this state. */
  lmsCompletion(record: LearnerRecord, state: LmsCompletion, at: number): void {
    record.inCompletionList = true;
    // A learner listed twice (two downloads of the same report) keeps "completed" once any copy says so.
    if (record.lms !== 'completed') record.lms = state;
    if (state === 'completed') {
      if (!(at >= record.lmsCompletedAt)) record.lmsCompletedAt = at;
      this.seen(record, at);
    }
  }

  judged(record: LearnerRecord, passed: boolean, scaled: number | null): void {
    record.judged = true;
    if (passed) record.passed = true;
    if (scaled !== null && Number.isFinite(scaled) && !(scaled <= record.bestScore)) record.bestScore = scaled;
  }

  timeSpent(record: LearnerRecord, ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    record.timeSpentMs = Number.isNaN(record.timeSpentMs) ? ms : record.timeSpentMs + ms;
  }

  /** An answer; the one with the highest order key (a timestamp, or attempt and position) is the learner's answer. */
  answered(record: LearnerRecord, question: number, mask: number, order: number): void {
    if (question < 0 || question >= this.questionCount || mask === 0) return;
    record.answers ??= new Int32Array(this.questionCount);
    record.answerOrder ??= new Float64Array(this.questionCount).fill(-Infinity);
    if (order < (record.answerOrder[question] as number)) return;
    record.answers[question] = mask;
    record.answerOrder[question] = order;
  }
}

export interface CompletionState {
  state: 'completed' | 'not-completed' | 'unknown';
  /** When it was completed (NaN when not completed, or completed at a time no input gave). */
  at: number;
}

/**
 * A learner's completion, from the best evidence there is: the LMS's own activity completion state when an input
 * gave it (it is what the trust counts, whatever the tracking data shows), else the tracking data; unknown when an
 * export showed a score where the status should be and nothing else settled it.
 */
export function completionOf(record: LearnerRecord): CompletionState {
  if (record.lms === 'completed') return { state: 'completed', at: Number.isFinite(record.lmsCompletedAt) ? record.lmsCompletedAt : record.completedAt };
  if (record.lms === 'not-completed') return { state: 'not-completed', at: NaN };
  if (!Number.isNaN(record.completedAt)) return { state: 'completed', at: record.completedAt };
  if (record.unresolved) for (const attempt of record.unresolved) if (!record.resolved?.has(attempt)) return { state: 'unknown', at: NaN };
  return { state: 'not-completed', at: NaN };
}

/**
 * Started: any tracked activity at all. An LMS that lists the activity as completed counts too (a completion set by
 * hand, or a learner whose attempts the downloads do not show). Someone listed only as enrolled has not started.
 */
export function started(record: LearnerRecord): boolean {
  return record.attempts.size > 0 || record.lms === 'completed';
}
