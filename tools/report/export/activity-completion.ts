// Moodle's and Totara's activity completion report download (report/progress: Course → Reports → Activity completion
// → "Download in spreadsheet format (UTF-8 .csv)" or "Download in Excel-compatible format (.csv)"). It is the one
// download that carries completion as the LMS counts it; the SCORM reports show a score in place of the status.
// As report/progress/index.php writes it:
//   - the "UTF-8 .csv" is comma-separated UTF-8; the "Excel-compatible" one is UTF-16LE with a byte-order mark and
//     tabs (text-file.ts decodes either); every field is quoted, and a " inside a value is turned into '.
//   - header: an empty first cell (the name column has no heading), the identity fields' display names, then two
//     columns per activity with completion enabled: the activity's name, and its expected-completion date (usually
//     empty).
//   - one row per tracked learner: full name, identity values, then per activity its state in words (lang/en
//     completion.php: "Not completed", "Completed", "Completed (achieved pass grade)", "Completed (did not achieve
//     pass grade)", and "… (set by <name>)" for a teacher's override) and the date of that state: "%F %T"
//     (2024-05-06 10:52:00) in Moodle 3.x onwards, userdate()'s long form (Monday, 6 May 2024, 10:52 AM) in Totara,
//     which also prefers the completion time to the last change. Dates are in the downloading user's zone.
// Learners are keyed and grouped as in the SCORM reports (moodle-identity.ts), so the two join learner by learner.
import type { Course } from '../../../course/model/types.ts';
import { InputError } from '../errors.ts';
import type { LmsCompletion } from '../learner-tally.ts';
import { decodeEntities } from './attempt-row.ts';
import { groupColumn, identityColumn, normHeader } from './moodle-identity.ts';
import { parseExportDate } from './moodle-dates.ts';
import type { CompletionRow, RowInterpreter } from './row-interpreter.ts';

/** The English language pack's states, by what they mean (the override suffix "(set by …)" is read separately). */
const STATES: Record<string, { state: LmsCompletion | 'fail'; passed: boolean | null }> = {
  'not completed': { state: 'not-completed', passed: null },
  completed: { state: 'completed', passed: null },
  'completed (achieved pass grade)': { state: 'completed', passed: true },
  'completed (did not achieve pass grade)': { state: 'fail', passed: false },
};
const OVERRIDE = /^(not completed|completed) \(set by .*\)$/i;

/** A state cell: its meaning, or null when it is not one of the states this report knows. */
export function completionState(cell: string): { state: LmsCompletion | 'fail'; passed: boolean | null } | null {
  const text = cell.trim().toLowerCase();
  const known = STATES[text];
  if (known) return known;
  const override = OVERRIDE.exec(text);
  return override ? STATES[override[1]!]! : null;
}

/** Whether a header row is an activity completion download's: an unheaded first column, then named columns. */
export function looksLikeActivityCompletion(header: readonly string[]): boolean {
  return header.length >= 3 && header[0]!.trim() === '' && header.slice(1).some((h) => h.trim() !== '');
}

export interface CompletionContext {
  course: Course;
  zone: string;
  groupBy?: string;
  /** --activity-name: the course's activity, when the download lists several. */
  activityName?: string;
  /** SCO titles seen in the SCORM downloads read with this one: the activity is often named after the package. */
  scoTitles: ReadonlySet<string>;
  file: string;
}

export function activityCompletionInterpreter(header: readonly string[], context: CompletionContext): RowInterpreter {
  const { file } = context;
  let columns: { learner: number; group: number; state: number; date: number } | null = null;
  // A fail counts as completed only where the course does not ask for a pass (its completion rule).
  const failMeans: LmsCompletion = context.course.completion.rule === 'all-sections-and-pass' ? 'not-completed' : 'completed';
  let line = 1;

  return {
    description: 'Moodle or Totara activity completion download',
    kind: 'completion',
    lms: 'moodle-or-totara',
    notes: [],
    gaps: {
      answers: 'The activity completion download holds completion only: for the answers, add the SCORM Interactions report download (with "Summary of question" and "Summary of responses" ticked).',
      scores: 'The activity completion download holds no scores, so the knowledge-check pass rate counts only the pass grades it shows.',
      time: 'The downloads hold no time spent in the course, so that figure is left out.',
    },
    read(fields): { kind: 'completion'; row: CompletionRow } | null {
      line++;
      columns ??= chooseColumns(header, fields, context);
      const cell = (col: number) => (col >= 0 ? decodeEntities(fields[col] ?? '').trim() : '');
      const learner = cell(columns.learner) || cell(0);
      if (learner === '') return null;
      const stateText = cell(columns.state);
      const meaning = completionState(stateText);
      if (!meaning) {
        throw new InputError(
          `${file} line ${line}: "${stateText}" is not a completion state this report knows (it reads the English language pack's "Completed", "Not completed", "Completed (achieved pass grade)" and "Completed (did not achieve pass grade)")`,
        );
      }
      const dateText = cell(columns.date);
      const at = parseExportDate(dateText, /^\d{4}-\d{2}-\d{2}/.test(dateText) ? 'iso' : 'moodle', context.zone);
      const state = meaning.state === 'fail' ? failMeans : meaning.state;
      return { kind: 'completion', row: { learner, group: columns.group >= 0 ? cell(columns.group) || null : null, state, at, passed: meaning.passed } };
    },
  };
}

/**
 * Which columns hold the learner, the team, and this course's state and date. The header alone cannot say where the
 * identity fields end (custom profile fields can be identity fields), so the first row does: its state cells are
 * the activities' columns.
 */
function chooseColumns(header: readonly string[], first: readonly string[], context: CompletionContext) {
  const activities: number[] = [];
  for (let col = 1; col < header.length; col++) {
    if (header[col]!.trim() !== '' && completionState(first[col] ?? '') !== null) activities.push(col);
  }
  if (activities.length === 0) {
    throw new InputError(
      `${context.file} has an activity completion report's header but its first learner has no completion state in any column (expected "Completed", "Not completed"…): is it the English language pack's download from Course → Reports → Activity completion?`,
    );
  }
  const identityEnd = activities[0]!;
  const identityHeader = header.slice(0, identityEnd);
  const names = activities.map((col) => header[col]!.trim());
  let chosen: number | undefined;
  if (context.activityName !== undefined) {
    chosen = activities.find((col) => normHeader(header[col]!) === normHeader(context.activityName!));
    if (chosen === undefined) throw new InputError(`${context.file} has no activity named "${context.activityName}" (--activity-name); its activities are ${quoteList(names)}`);
  } else if (activities.length === 1) {
    chosen = activities[0];
  } else {
    const likely = new Set([context.course.title, ...context.scoTitles].map(normHeader));
    const matches = activities.filter((col) => likely.has(normHeader(header[col]!)));
    if (matches.length !== 1) {
      throw new InputError(`${context.file} lists ${activities.length} activities (${quoteList(names)}): say which one is this course with --activity-name "<name>"`);
    }
    chosen = matches[0];
  }
  return {
    learner: identityColumn(identityHeader, 0),
    group: groupColumn(identityHeader, context.groupBy, context.file),
    state: chosen!,
    date: chosen! + 1,
  };
}

function quoteList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}
