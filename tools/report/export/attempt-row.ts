// One row of an LMS export — one learner's attempt — in a shape every export format is read into, and how such a
// row is tallied. An export has no statements, so completion, score and answers come from the row's cells; the
// same tally then gives the same figures as the LRS for the same learners.
import type { QuestionIndex } from '../course-questions.ts';
import type { LearnerTally } from '../learner-tally.ts';
import { responseMask } from '../responses.ts';

export type RowCompletion = 'completed' | 'not-completed' | 'unknown';

export interface AttemptRow {
  /** Identifies the learner across rows and files (an id number, e-mail address or user name). */
  learner: string;
  group: string | null;
  /** The attempt's number or id; null when the learner is listed but never started. */
  attempt: string | null;
  startedAt: number;
  lastAccessAt: number;
  completion: RowCompletion;
  /** When it was completed; the last access stands in when the export gives no completion date. */
  completedAt: number;
  /** Knowledge check judged: true passed, false failed, null not judged (or not in the export). */
  passed: boolean | null;
  /** 0..1, or null. */
  scaled: number | null;
  timeSpentMs: number;
  /** Interaction id and response cells, in the order the LMS numbered them. */
  interactions: { id: string; response: string }[];
}

/** Attempts are numbered from 1; answers inside an attempt keep their order; later attempts win. */
const ORDER_PER_ATTEMPT = 1_000_000;

export function tallyAttemptRow(tally: LearnerTally, index: QuestionIndex, row: AttemptRow): void {
  const record = tally.learner(row.learner);
  const at = Number.isFinite(row.lastAccessAt) ? row.lastAccessAt : Number.isFinite(row.startedAt) ? row.startedAt : 0;
  tally.setGroup(record, row.group, at);
  tally.tracked(record);
  if (row.attempt === null) return;
  tally.activity(record, Number.isFinite(row.startedAt) ? row.startedAt : at, row.attempt);
  tally.seen(record, row.lastAccessAt);
  tally.completionKnown(record, row.attempt, row.completion !== 'unknown');
  if (row.completion === 'completed') tally.completed(record, Number.isFinite(row.completedAt) ? row.completedAt : at);
  if (row.passed !== null) tally.judged(record, row.passed, row.scaled);
  if (Number.isFinite(row.timeSpentMs)) tally.timeSpent(record, row.timeSpentMs);
  const attemptNumber = Number.parseInt(row.attempt, 10);
  const base = (Number.isFinite(attemptNumber) ? attemptNumber : 0) * ORDER_PER_ATTEMPT;
  row.interactions.forEach(({ id, response }, position) => {
    const match = index.byInteractionId(id);
    if (!match) return;
    const mask = responseMask(match.question, response, match.encoding);
    if (mask !== null) tally.answered(record, match.question.index, mask, base + position);
  });
}

/** A score cell: "85", "85/100", "85%"; returns 0..1 or null. `max` is used when the cell does not carry one. */
export function parseScoreCell(text: string, max = 100): number | null {
  const match = /^\s*(-?\d+(?:[.,]\d+)?)\s*(?:\/\s*(\d+(?:[.,]\d+)?)|%)?\s*$/.exec(text);
  if (!match) return null;
  const raw = Number(match[1]!.replace(',', '.'));
  const outOf = match[2] !== undefined ? Number(match[2].replace(',', '.')) : max;
  if (!(outOf > 0)) return null;
  return Math.min(1, Math.max(0, raw / outOf));
}

/** Moodle's s() and many exporters write HTML entities into cells; the values are compared as text. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[lower] ?? whole;
  });
}
