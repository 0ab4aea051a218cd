// Exports from LMSs other than Moodle: a JSON file says which column holds what (tools/report/README.md documents
// it, tools/report/mappings/ has an example). Only "learner" is required; each other figure is reported when its
// column is mapped and left out, with a note, when it is not.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { QuestionIndex } from '../course-questions.ts';
import { InputError } from '../errors.ts';
import { parseAnyDuration } from '../durations.ts';
import { decodeEntities, parseScoreCell, type AttemptRow, type RowCompletion } from './attempt-row.ts';
import { parseExportDate, type DateStyle } from './moodle-dates.ts';
import type { ExportRow, RowInterpreter } from './row-interpreter.ts';

export interface ColumnMapping {
  description?: string;
  /** "\t", ",", ";" — guessed from the header line when absent. */
  delimiter?: string;
  /** How date cells are written (default iso). */
  dateStyle?: DateStyle;
  /** IANA zone of dates written without an offset; --timezone overrides it. */
  timezone?: string;
  columns: {
    learner: string;
    group?: string;
    attempt?: string;
    status?: string;
    score?: string;
    completedAt?: string;
    startedAt?: string;
    lastAccessAt?: string;
    timeSpent?: string;
  };
  /** Status cell values (compared without case) by meaning; defaults in DEFAULT_STATUS. */
  statusValues?: { completed?: string[]; passed?: string[]; failed?: string[]; notStarted?: string[] };
  /** What a bare score is out of (default 100); "85/100" cells carry their own maximum. */
  scoreMax?: number;
  /** Numbered interaction columns, "{n}" standing for the number, e.g. "Question {n}" / "Response {n}". */
  interactions?: { id: string; response: string };
}

const DEFAULT_STATUS = {
  completed: ['completed', 'complete', 'passed'],
  passed: ['passed'],
  failed: ['failed'],
  notStarted: ['not started', 'not attempted', 'enrolled', 'assigned'],
};
const STATUS_KEYS = Object.keys(DEFAULT_STATUS);
const COLUMN_KEYS = ['learner', 'group', 'attempt', 'status', 'score', 'completedAt', 'startedAt', 'lastAccessAt', 'timeSpent'] as const;
const DATE_STYLES: DateStyle[] = ['moodle', 'iso', 'dmy', 'mdy'];

export async function loadColumnMapping(file: string): Promise<ColumnMapping> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the column mapping ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`the column mapping ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return checkColumnMapping(value, file);
}

/** Checks a parsed mapping, naming the file and the field at fault. */
export function checkColumnMapping(value: unknown, file: string): ColumnMapping {
  const fail = (field: string, problem: string) => new InputError(`column mapping ${file}: ${field} ${problem}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail('the file', 'must hold a JSON object');
  const mapping = value as Record<string, unknown>;
  const columns = mapping.columns as Record<string, unknown> | undefined;
  if (typeof columns !== 'object' || columns === null) throw fail('"columns"', 'is required (an object naming the export\'s columns)');
  for (const key of Object.keys(columns)) {
    if (!(COLUMN_KEYS as readonly string[]).includes(key)) throw fail(`"columns.${key}"`, `is not a known column (known: ${COLUMN_KEYS.join(', ')})`);
    if (typeof columns[key] !== 'string' || (columns[key] as string).trim() === '') throw fail(`"columns.${key}"`, 'must be a column header (text)');
  }
  if (typeof columns.learner !== 'string') throw fail('"columns.learner"', 'is required: the column that identifies each learner');
  if (mapping.delimiter !== undefined && (typeof mapping.delimiter !== 'string' || mapping.delimiter.length !== 1)) throw fail('"delimiter"', 'must be one character, e.g. "\\t" or ","');
  if (mapping.dateStyle !== undefined && !DATE_STYLES.includes(mapping.dateStyle as DateStyle)) throw fail('"dateStyle"', `must be one of ${DATE_STYLES.join(', ')}`);
  if (mapping.timezone !== undefined && typeof mapping.timezone !== 'string') throw fail('"timezone"', 'must be an IANA zone name');
  if (mapping.scoreMax !== undefined && !(typeof mapping.scoreMax === 'number' && mapping.scoreMax > 0)) throw fail('"scoreMax"', 'must be a positive number');
  const statusValues = mapping.statusValues as Record<string, unknown> | undefined;
  if (statusValues !== undefined) {
    for (const key of Object.keys(statusValues)) {
      if (!STATUS_KEYS.includes(key)) throw fail(`"statusValues.${key}"`, `is not one of ${STATUS_KEYS.join(', ')}`);
      const list = statusValues[key];
      if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) throw fail(`"statusValues.${key}"`, 'must be a list of texts');
    }
  }
  const interactions = mapping.interactions as Record<string, unknown> | undefined;
  if (interactions !== undefined) {
    for (const key of ['id', 'response']) {
      const pattern = interactions[key];
      if (typeof pattern !== 'string' || !pattern.includes('{n}')) throw fail(`"interactions.${key}"`, 'must be a header pattern containing {n}, e.g. "Question {n}"');
    }
  }
  return value as ColumnMapping;
}

export interface MappingContext {
  index: QuestionIndex;
  passMark: number;
  zone: string;
  groupBy?: string;
  /** The mapping file. */
  file: string;
  /** The export it describes. */
  exportFile: string;
}

export function mappedInterpreter(header: readonly string[], mapping: ColumnMapping, context: MappingContext): RowInterpreter {
  const norm = (h: string) => h.trim().toLowerCase();
  const find = (name: string | undefined) => (name === undefined ? -1 : header.findIndex((h) => norm(h) === norm(name)));
  const missing = Object.entries(mapping.columns)
    .filter(([, name]) => find(name) < 0)
    .map(([key, name]) => `"${name}" (${key})`);
  if (missing.length > 0) {
    throw new InputError(
      `${context.exportFile}: the export is missing column${missing.length > 1 ? 's' : ''} named in ${context.file}: ${missing.join(', ')}; its columns are: ${header.map((h) => `"${h.trim()}"`).join(', ')}`,
    );
  }
  const groupName = context.groupBy === 'none' ? undefined : (context.groupBy ?? mapping.columns.group);
  const groupCol = find(groupName);
  if (groupName !== undefined && groupCol < 0) throw new InputError(`${context.exportFile}: --group-by "${groupName}" is not one of its columns`);
  const col = {
    learner: find(mapping.columns.learner),
    attempt: find(mapping.columns.attempt),
    status: find(mapping.columns.status),
    score: find(mapping.columns.score),
    completedAt: find(mapping.columns.completedAt),
    startedAt: find(mapping.columns.startedAt),
    lastAccessAt: find(mapping.columns.lastAccessAt),
    timeSpent: find(mapping.columns.timeSpent),
  };
  const status = {
    completed: new Set((mapping.statusValues?.completed ?? DEFAULT_STATUS.completed).map(norm)),
    passed: new Set((mapping.statusValues?.passed ?? DEFAULT_STATUS.passed).map(norm)),
    failed: new Set((mapping.statusValues?.failed ?? DEFAULT_STATUS.failed).map(norm)),
    notStarted: new Set((mapping.statusValues?.notStarted ?? DEFAULT_STATUS.notStarted).map(norm)),
  };
  const pairs = interactionPairs(header, mapping.interactions);
  const dateStyle = mapping.dateStyle ?? 'iso';

  // Without a status or completion date column nobody's completion can be told: unknown, never "not completed".
  const completionKnown = col.status >= 0 || col.completedAt >= 0;
  const gaps: RowInterpreter['gaps'] = {};
  const mappingName = basename(context.file);
  if (col.timeSpent < 0) gaps.time = `The mapping ${mappingName} names no time-spent column, so the time figure is left out.`;
  if (pairs.length === 0) gaps.answers = `The mapping ${mappingName} names no interaction columns, so there are no answer distributions.`;
  if (col.score < 0 && col.status < 0) gaps.scores = `The mapping ${mappingName} names no score or status column, so there is no pass rate.`;

  return {
    description: mapping.description ?? `LMS export read with the column mapping ${mappingName}`,
    kind: 'tracking',
    notes: completionKnown ? [] : [`The mapping ${mappingName} names no status or completion date column, so the export cannot tell who completed.`],
    gaps,
    read(fields): ExportRow | null {
      const cell = (c: number) => (c >= 0 ? decodeEntities(fields[c] ?? '').trim() : '');
      const learner = cell(col.learner);
      if (learner === '') return null;
      const attemptCell = cell(col.attempt);
      const statusCell = norm(cell(col.status));
      const completedAt = parseExportDate(cell(col.completedAt), dateStyle, context.zone);
      const startedAt = parseExportDate(cell(col.startedAt), dateStyle, context.zone);
      const lastAccessAt = parseExportDate(cell(col.lastAccessAt), dateStyle, context.zone);
      const scaled = col.score >= 0 ? parseScoreCell(cell(col.score), mapping.scoreMax ?? 100) : null;
      const anyActivity = attemptCell !== '-' && !status.notStarted.has(statusCell) && (attemptCell !== '' || statusCell !== '' || Number.isFinite(startedAt) || Number.isFinite(lastAccessAt) || Number.isFinite(completedAt) || scaled !== null);
      const completion: RowCompletion = !completionKnown ? 'unknown' : status.completed.has(statusCell) || Number.isFinite(completedAt) ? 'completed' : 'not-completed';
      const passed = status.passed.has(statusCell) ? true : status.failed.has(statusCell) ? false : scaled !== null ? scaled * 100 >= context.passMark : null;
      const row: AttemptRow = {
        learner,
        group: groupCol >= 0 ? cell(groupCol) || null : null,
        attempt: anyActivity ? attemptCell || '1' : null,
        startedAt,
        lastAccessAt,
        completion,
        completedAt: Number.isFinite(completedAt) ? completedAt : lastAccessAt,
        passed,
        scaled,
        timeSpentMs: parseAnyDuration(cell(col.timeSpent)),
        interactions: pairs.map(([idCol, responseCol]) => ({ id: cell(idCol), response: cell(responseCol) })).filter((i) => i.id !== ''),
      };
      return { kind: 'attempt', row };
    },
  };
}

/** Columns matching the numbered patterns, paired by number and in number order. */
function interactionPairs(header: readonly string[], patterns: ColumnMapping['interactions']): [number, number][] {
  if (!patterns) return [];
  const matcher = (pattern: string) => new RegExp(`^${pattern.split('{n}').map(escapeRegExp).join('(\\d+)')}$`, 'i');
  const idPattern = matcher(patterns.id);
  const responsePattern = matcher(patterns.response);
  const ids = new Map<number, number>();
  const responses = new Map<number, number>();
  header.forEach((h, col) => {
    const id = idPattern.exec(h.trim());
    if (id) ids.set(Number(id[1]), col);
    const response = responsePattern.exec(h.trim());
    if (response) responses.set(Number(response[1]), col);
  });
  return [...ids.keys()]
    .filter((n) => responses.has(n))
    .sort((a, b) => a - b)
    .map((n) => [ids.get(n)!, responses.get(n)!]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
