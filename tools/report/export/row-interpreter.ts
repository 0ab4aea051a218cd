// What each export format provides once its header row has been read: a way to turn a data row into what the tally
// takes — one learner's attempt (tracking data), or one learner's completion state as the LMS counts it.
import type { LmsCompletion } from '../learner-tally.ts';
import type { SourceLms } from '../summary.ts';
import type { AttemptRow } from './attempt-row.ts';

/** One learner's line in an LMS's activity completion report. */
export interface CompletionRow {
  learner: string;
  group: string | null;
  state: LmsCompletion;
  /** When the LMS recorded it (NaN when it gives no date). */
  at: number;
  /** The LMS judged a pass grade: true achieved, false not, null not graded. */
  passed: boolean | null;
}

export type ExportRow = { kind: 'attempt'; row: AttemptRow } | { kind: 'completion'; row: CompletionRow };

/** Figures a format may lack; the message says so only when no other file given fills the gap. */
export type ExportGap = 'answers' | 'time' | 'scores';

export interface RowInterpreter {
  /** Which format was recognised, for the report's "source" line. */
  description: string;
  /** Tracking data (attempts: started, answers, scores) or the LMS's completion list. */
  kind: 'tracking' | 'completion';
  /** The LMS the format comes from, when it tells. */
  lms?: SourceLms;
  /** Facts about this file that hold whatever else is read with it. */
  notes: string[];
  /** What this format cannot give, each with the sentence the report says when no other file gives it either. */
  gaps: Partial<Record<ExportGap, string>>;
  /** SCORM downloads: the SCO columns' titles (the activity completion download often names the activity so). */
  scoTitles?: string[];
  /** One data row; null for rows that name no learner. */
  read(fields: string[]): ExportRow | null;
  /** Said once every row has been read (e.g. "every objective cell was empty"). */
  finish?(): string[];
}
