// What each export format provides once its header row has been read: a way to turn a data row into an attempt.
import type { AttemptRow } from './attempt-row.ts';

export interface RowInterpreter {
  /** Which format was recognised, for the report's "source" line. */
  description: string;
  /** What this format cannot tell, said in the report. */
  notes: string[];
  /** One data row; null for rows that name no learner. */
  read(fields: string[]): AttemptRow | null;
}
