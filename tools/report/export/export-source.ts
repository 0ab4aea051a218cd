// Reading LMS export files into the tally, streaming: one row in memory at a time. The header row decides the
// format — Moodle's SCORM report when it has Moodle's fixed columns, otherwise the column mapping given with
// --mapping — and a file that is neither, or lacks columns, is refused with the names of the missing columns.
// Several files may be given (Moodle's interactions and objectives downloads of the same activity): their rows
// land on the same learners and attempts.
import { createReadStream } from 'node:fs';
import type { QuestionIndex } from '../course-questions.ts';
import { InputError } from '../errors.ts';
import type { LearnerTally } from '../learner-tally.ts';
import { tallyAttemptRow } from './attempt-row.ts';
import { delimitedRecords, firstLineOf, guessDelimiter } from './delimited.ts';
import { mappedInterpreter, type ColumnMapping } from './column-mapping.ts';
import { MOODLE_REQUIRED, moodleColumnsPresent, moodleInterpreter } from './moodle-report.ts';
import type { RowInterpreter } from './row-interpreter.ts';

export interface ExportOptions {
  index: QuestionIndex;
  passMark: number;
  zone: string;
  groupBy?: string;
  mapping?: { mapping: ColumnMapping; file: string };
  /** Attempts last active before this instant are left out. */
  sinceMs?: number;
}

export interface ExportReadResult {
  description: string;
  notes: string[];
  rows: number;
}

export async function readExportFile(file: string, tally: LearnerTally, options: ExportOptions): Promise<ExportReadResult> {
  let interpreter: RowInterpreter | null = null;
  let rows = 0;
  let failure: Error | null = null;
  const onRow = (fields: string[]) => {
    if (failure) return;
    try {
      if (!interpreter) {
        interpreter = chooseInterpreter(fields, file, options);
        return;
      }
      const row = interpreter.read(fields);
      if (!row) return;
      if (options.sinceMs !== undefined && row.attempt !== null && row.lastAccessAt < options.sinceMs) return;
      rows++;
      tallyAttemptRow(tally, options.index, row);
    } catch (error) {
      failure = error as Error;
    }
  };

  try {
    const delimiter = options.mapping?.mapping.delimiter ?? guessDelimiter(await firstLineOf(file));
    const records = delimitedRecords(createReadStream(file, { highWaterMark: 256 * 1024 }), delimiter);
    for await (const fields of records) {
      onRow(fields);
      if (failure) {
        records.destroy();
        break;
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('CSV_')) throw new InputError(`${file} is not readable as delimited text: ${(error as Error).message}`);
    throw new InputError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (error as Error).message)}`);
  }
  if (failure) throw failure;
  const chosen = interpreter as RowInterpreter | null;
  if (!chosen) throw new InputError(`${file} is empty: expected a header row and one row per learner attempt`);
  return { description: chosen.description, notes: chosen.notes, rows };
}

function chooseInterpreter(header: string[], file: string, options: ExportOptions): RowInterpreter {
  if (options.mapping) {
    return mappedInterpreter(header, options.mapping.mapping, { index: options.index, passMark: options.passMark, zone: options.zone, groupBy: options.groupBy, file: options.mapping.file });
  }
  const { present, missing } = moodleColumnsPresent(header);
  if (missing.length === 0) return moodleInterpreter(header, { index: options.index, passMark: options.passMark, zone: options.zone, groupBy: options.groupBy });
  if (present.length >= 2) {
    throw new InputError(`${file} looks like a Moodle SCORM report but is missing the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`);
  }
  throw new InputError(
    `${file} is not a Moodle SCORM report download (it lacks the columns ${MOODLE_REQUIRED.map((m) => `"${m}"`).join(', ')}); for another LMS's export, describe its columns in a mapping file and pass --mapping <file.json> (see tools/report/README.md)`,
  );
}

