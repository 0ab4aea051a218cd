// Reading LMS export files into the tally, streaming: one row in memory at a time. Each file's first bytes are checked
// (a workbook or other binary file is refused with one line), then its header row decides the format: for tracking
// data (--scorm-export) Moodle's SCORM report when it has Moodle's fixed columns, otherwise the column mapping given
// with --mapping; for the LMS's completion list (--activity-completion) Moodle's or Totara's activity completion
// download. A file that is none of these, or lacks columns, is refused naming the file and what was expected.
// Several files may be given (Moodle's Basic, Interactions and Objectives downloads of the same activity, and its
// activity completion download): their rows land on the same learners.
import { basename } from 'node:path';
import type { QuestionIndex } from '../course-questions.ts';
import { InputError } from '../errors.ts';
import type { LearnerRecord, LearnerTally } from '../learner-tally.ts';
import type { SourceLms } from '../summary.ts';
import { activityCompletionInterpreter, looksLikeActivityCompletion } from './activity-completion.ts';
import { tallyAttemptRow } from './attempt-row.ts';
import { describeParseError, delimitedRecords, guessDelimiter } from './delimited.ts';
import { mappedInterpreter, type ColumnMapping } from './column-mapping.ts';
import { MOODLE_REQUIRED, moodleColumnsPresent, moodleInterpreter } from './moodle-report.ts';
import type { CompletionRow, ExportGap, RowInterpreter } from './row-interpreter.ts';
import { inspectTextFile, textStream } from './text-file.ts';

/** What each option's files are. */
export type ExportKind = 'tracking' | 'completion';

const EXPECTED: Record<ExportKind, string> = {
  tracking: "a Moodle SCORM report's text download (tab-separated .txt) or another LMS's export as CSV",
  completion: "Moodle's or Totara's activity completion download (.csv, from Course → Reports → Activity completion)",
};

export interface ExportOptions {
  index: QuestionIndex;
  passMark: number;
  zone: string;
  groupBy?: string;
  mapping?: { mapping: ColumnMapping; file: string };
  /** Attempts last active before this instant are left out. */
  sinceMs?: number;
  /** --activity-name: the course's column in an activity completion download that lists several activities. */
  activityName?: string;
  /** SCO titles read so far from SCORM downloads (the completion download's activity is often named the same). */
  scoTitles?: ReadonlySet<string>;
}

export interface ExportReadResult {
  description: string;
  kind: ExportKind;
  lms?: SourceLms;
  notes: string[];
  gaps: Partial<Record<ExportGap, string>>;
  scoTitles: string[];
  rows: number;
}

export async function readExportFile(file: string, kind: ExportKind, tally: LearnerTally, options: ExportOptions): Promise<ExportReadResult> {
  const text = await inspectTextFile(file, EXPECTED[kind]);
  let interpreter: RowInterpreter | null = null;
  let rows = 0;
  let failure: Error | null = null;
  const onRow = (fields: string[]) => {
    if (!interpreter) {
      interpreter = chooseInterpreter(fields, file, kind, options);
      return;
    }
    const read = interpreter.read(fields);
    if (!read) return;
    if (read.kind === 'attempt') {
      const row = read.row;
      if (options.sinceMs !== undefined && row.attempt !== null && row.lastAccessAt < options.sinceMs) return;
      rows++;
      tallyAttemptRow(tally, options.index, row);
    } else {
      if (options.sinceMs !== undefined && read.row.state === 'completed' && read.row.at < options.sinceMs) return;
      rows++;
      tallyCompletionRow(tally, read.row);
    }
  };

  const delimiter = options.mapping && kind === 'tracking' ? (options.mapping.mapping.delimiter ?? guessDelimiter(text.firstLine)) : guessDelimiter(text.firstLine);
  const records = delimitedRecords(textStream(file, text), delimiter);
  try {
    for await (const fields of records) {
      try {
        onRow(fields);
      } catch (error) {
        failure = error as Error;
        records.destroy();
        break;
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /QUOTE|CSV_/.test(code)) throw new InputError(`${file} is not readable as delimited text: ${describeParseError(error as Error & { code: string })}`);
    throw new InputError(`cannot read ${file}: ${code ?? (error as Error).message}`);
  }
  if (failure) throw failure;
  const chosen = interpreter as RowInterpreter | null;
  if (!chosen) throw new InputError(`${file} is empty: expected ${EXPECTED[kind]}`);
  const notes = [...chosen.notes, ...(chosen.finish?.() ?? [])];
  if (text.encoding === 'windows-1252') notes.push(`${basename(file)} is not UTF-8 text; it was read as Windows-1252, as a spreadsheet saves "CSV" by default.`);
  return { description: chosen.description, kind: chosen.kind, ...(chosen.lms ? { lms: chosen.lms } : {}), notes, gaps: chosen.gaps, scoTitles: chosen.scoTitles ?? [], rows };
}

/** One line of the LMS's completion list into the tally. */
export function tallyCompletionRow(tally: LearnerTally, row: CompletionRow): LearnerRecord {
  const record = tally.learner(row.learner);
  tally.setGroup(record, row.group, Number.isFinite(row.at) ? row.at : -Infinity);
  tally.lmsCompletion(record, row.state, row.at);
  if (row.passed !== null) tally.judged(record, row.passed, null);
  return record;
}

function chooseInterpreter(header: string[], file: string, kind: ExportKind, options: ExportOptions): RowInterpreter {
  const { present, missing } = moodleColumnsPresent(header);
  const moodle = { index: options.index, passMark: options.passMark, zone: options.zone, groupBy: options.groupBy, file };
  if (kind === 'completion') {
    if (looksLikeActivityCompletion(header) && present.length < 2) {
      return activityCompletionInterpreter(header, {
        course: options.index.course,
        zone: options.zone,
        file,
        scoTitles: options.scoTitles ?? new Set(),
        ...(options.groupBy !== undefined ? { groupBy: options.groupBy } : {}),
        ...(options.activityName !== undefined ? { activityName: options.activityName } : {}),
      });
    }
    if (present.length >= 2) throw new InputError(`${file} is a Moodle SCORM report download, not the activity completion download: give it with --scorm-export`);
    throw new InputError(
      `${file} is not an activity completion download: its header should start with an empty cell (Moodle leaves the name column unheaded), then the identity fields and two columns per activity; download it from Course → Reports → Activity completion`,
    );
  }
  if (options.mapping) {
    return mappedInterpreter(header, options.mapping.mapping, { index: options.index, passMark: options.passMark, zone: options.zone, groupBy: options.groupBy, file: options.mapping.file, exportFile: file });
  }
  if (missing.length === 0) return moodleInterpreter(header, moodle);
  if (present.length >= 2) {
    throw new InputError(`${file} looks like a Moodle SCORM report but is missing the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`);
  }
  if (looksLikeActivityCompletion(header)) throw new InputError(`${file} looks like an activity completion download, not a SCORM report: give it with --activity-completion`);
  throw new InputError(
    `${file} is not a Moodle SCORM report download (it lacks the columns ${MOODLE_REQUIRED.map((m) => `"${m}"`).join(', ')}); for another LMS's export, describe its columns in a mapping file and pass --mapping <file.json> (see tools/report/README.md)`,
  );
}
