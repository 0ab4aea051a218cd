// The one aggregation both inputs feed: per learner, only what the report needs (group, attempts, first activity,
// completion time, pass and best score, time in the course, one answer per question). Statements and export rows
// are read, tallied here and dropped, so memory grows with the number of learners, never with the input.
// Readers translate their input into the calls below; nothing here knows about xAPI or SCORM.

export interface LearnerRecord {
  /** Team or organisation unit, as the chosen field gives it; null when the input has none for this learner. */
  group: string | null;
  /** When the group value was seen: the latest wins, so a learner who moved teams is counted in the new one. */
  groupAt: number;
  /** Attempts (xAPI registrations, LMS attempt numbers) with any activity. */
  attempts: Set<string>;
  /** Earliest activity, ms since the epoch (NaN when only enrolled). */
  firstActivity: number;
  /** Earliest completion, ms since the epoch (NaN when not completed). */
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
        completedAt: NaN,
        judged: false,
        passed: false,
        bestScore: NaN,
        timeSpentMs: NaN,
        unresolved: null,
        resolved: null,
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

  /** Something happened in an attempt (attempt '' when the input has no attempt id). */
  activity(record: LearnerRecord, at: number, attempt: string): void {
    if (!record.attempts.has(attempt)) record.attempts.add(attempt);
    if (Number.isFinite(at) && !(at >= record.firstActivity)) record.firstActivity = at;
  }

  completed(record: LearnerRecord, at: number): void {
    if (!(at >= record.completedAt)) record.completedAt = at;
  }

  /** An export could not say whether this attempt was completed (or, with resolved = true, it could). */
  completionKnown(record: LearnerRecord, attempt: string, known: boolean): void {
    if (known) (record.resolved ??= new Set()).add(attempt);
    else (record.unresolved ??= new Set()).add(attempt);
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

/** Whether the input left this learner's completion unknown: no completion seen, and an attempt nobody resolved. */
export function completionUnknown(record: LearnerRecord): boolean {
  if (!Number.isNaN(record.completedAt) || !record.unresolved) return false;
  for (const attempt of record.unresolved) if (!record.resolved?.has(attempt)) return true;
  return false;
}

/** Started: any activity at all (an export also lists people who are enrolled but never opened the course). */
export function started(record: LearnerRecord): boolean {
  return record.attempts.size > 0;
}
