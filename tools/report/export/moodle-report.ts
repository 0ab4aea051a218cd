// Moodle's SCORM report downloads (mod/scorm/report/basic, /interactions and /objectives, "Download in text
// format"): a tab-separated .txt file, first row the headers. The columns, in order, as those reports build them:
//   Name | the site's identity fields ("Email address", "ID number", "Department", "Institution", …, per the
//   showuseridentity setting) | Attempt | Started on | Last accessed on | Score | one column per SCO, headed by
//   the SCO's title | then, in the interactions report, per interaction n from 0: "Question n" (the interaction's
//   id), "Response n" (its student_response), "Right answer n", "Result n" — each only if ticked before download;
//   in the objectives report, per objective, a column headed by the objective's id (or "<id> Status" and
//   "<id> Score" when objective scores are shown) holding its status.
// A learner who never started has "-" in Attempt, Started on, Last accessed on and Score. The SCO column holds the
// raw score ("85/100") when there is one and only otherwise the status ("Completed", "Passed", "Incomplete"…);
// for a scored attempt the objectives report (one objective per course section) can tell completion, but only where
// it has statuses: Moodle 5.0.6's download leaves every objective cell empty, and LMS profiles that do not record
// objectives (ESR) have none, so an attempt with no objective status at all stays "unknown". Completion as the LMS
// counts it is in the activity completion download (activity-completion.ts), which settles these.
// Identity fields and interaction cells pass through Moodle's s(), so they may carry HTML entities.
import { basename } from 'node:path';
import { scorm12Identifier } from '../../../course/runtime/scorm/data-model-12.ts';
import type { QuestionIndex } from '../course-questions.ts';
import { InputError } from '../errors.ts';
import { decodeEntities, parseScoreCell, type AttemptRow, type RowCompletion } from './attempt-row.ts';
import { parseExportDate } from './moodle-dates.ts';
import { groupColumn, headerFinder, identityColumn, normHeader as norm } from './moodle-identity.ts';
import type { ExportRow, RowInterpreter } from './row-interpreter.ts';

/** The fixed columns every Moodle SCORM report download has. */
export const MOODLE_REQUIRED = ['Name', 'Attempt', 'Started on', 'Last accessed on', 'Score'] as const;

const INTERACTION_HEADER = /^(Question|Response|Right answer|Result) (\d+)$/i;

/** Moodle's status strings (mod/scorm/lang/en/scorm.php) by what they mean for the report. */
const STATUS: Record<string, { completion: RowCompletion; passed: boolean | null }> = {
  passed: { completion: 'completed', passed: true },
  completed: { completion: 'completed', passed: null },
  failed: { completion: 'not-completed', passed: false },
  incomplete: { completion: 'not-completed', passed: null },
  'not attempted': { completion: 'not-completed', passed: null },
  browsed: { completion: 'not-completed', passed: null },
  suspended: { completion: 'not-completed', passed: null },
};

export interface MoodleContext {
  index: QuestionIndex;
  passMark: number;
  zone: string;
  /** A column header to group by (--group-by); default Department, else Institution. */
  groupBy?: string;
  file: string;
}

/** Which of Moodle's fixed columns the header has. */
export function moodleColumnsPresent(header: readonly string[]): { present: string[]; missing: string[] } {
  const have = new Set(header.map(norm));
  const present = MOODLE_REQUIRED.filter((h) => have.has(norm(h)));
  const missing = MOODLE_REQUIRED.filter((h) => !have.has(norm(h)));
  return { present, missing };
}

export function moodleInterpreter(header: readonly string[], context: MoodleContext): RowInterpreter {
  const find = headerFinder(header);
  const { missing } = moodleColumnsPresent(header);
  if (missing.length > 0) throw new InputError(`${context.file}: the Moodle SCORM report is missing the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`);
  const nameCol = find('Name');
  const attemptCol = find('Attempt');
  const startedCol = find('Started on');
  const lastCol = find('Last accessed on');
  const scoreCol = find('Score');
  const identityCol = identityColumn(header, nameCol);
  const groupCol = groupColumn(header, context.groupBy, context.file);

  const { course } = context.index;
  const sectionObjectives = new Map<string, string>();
  for (const section of course.sections) {
    sectionObjectives.set(norm(section.id), section.id);
    sectionObjectives.set(norm(scorm12Identifier(section.id)), section.id);
  }
  const scoCols: number[] = [];
  const objectiveCols = new Map<number, string>();
  const questionCols = new Map<number, number>();
  const responseCols = new Map<number, number>();
  header.forEach((raw, col) => {
    if (col <= scoreCol) return;
    const h = raw.trim();
    const interaction = INTERACTION_HEADER.exec(h);
    if (interaction) {
      const n = Number(interaction[2]);
      const kind = interaction[1]!.toLowerCase();
      if (kind === 'question') questionCols.set(n, col);
      else if (kind === 'response') responseCols.set(n, col);
      return;
    }
    const objective = sectionObjectives.get(norm(h.replace(/ (status)$/i, '')));
    if (objective !== undefined) objectiveCols.set(col, objective);
    else if (!/ score$/i.test(h) || !sectionObjectives.has(norm(h.replace(/ score$/i, '')))) scoCols.push(col);
  });

  const pairs = [...questionCols.keys()].filter((n) => responseCols.has(n)).sort((a, b) => a - b);
  const gaps: RowInterpreter['gaps'] = {
    time: 'Moodle\'s SCORM reports hold no time spent in the course, so the time figure is left out.',
  };
  if (pairs.length === 0) {
    gaps.answers =
      responseCols.size > 0
        ? 'The SCORM download has Response columns but no Question columns, so answers cannot be matched to questions: tick "Summary of question" as well as "Summary of responses" in Moodle\'s Interactions report before downloading.'
        : 'No file given holds answers: they come from Moodle\'s SCORM Interactions report, downloaded with "Summary of question" and "Summary of responses" ticked.';
  }
  const rule = course.completion.rule;
  const allSections = course.sections.map((s) => s.id);
  let objectiveStatuses = 0;
  let attempts = 0;

  return {
    description: objectiveCols.size > 0 ? 'Moodle SCORM Objectives report' : pairs.length > 0 ? 'Moodle SCORM Interactions report' : 'Moodle SCORM report',
    kind: 'tracking',
    lms: 'moodle-or-totara',
    notes: [],
    gaps,
    scoTitles: scoCols.map((col) => header[col]!.trim()),
    finish() {
      return objectiveCols.size > 0 && attempts > 0 && objectiveStatuses === 0
        ? [`${basename(context.file)} has objective columns but not one status in them (Moodle 5.0.6's Objectives download leaves them empty), so it cannot tell who completed.`]
        : [];
    },
    read(fields): ExportRow | null {
      const cell = (col: number) => (col >= 0 ? decodeEntities(fields[col] ?? '').trim() : '');
      const learner = cell(identityCol) || cell(nameCol);
      if (learner === '') return null;
      const attemptText = cell(attemptCol);
      const base: AttemptRow = {
        learner,
        group: groupCol >= 0 ? cell(groupCol) || null : null,
        attempt: null,
        startedAt: NaN,
        lastAccessAt: NaN,
        completion: 'not-completed',
        completedAt: NaN,
        passed: null,
        scaled: null,
        timeSpentMs: NaN,
        interactions: [],
      };
      if (attemptText === '' || attemptText === '-') return { kind: 'attempt', row: base };
      attempts++;
      const startedAt = parseExportDate(cell(startedCol), 'moodle', context.zone);
      const lastAccessAt = parseExportDate(cell(lastCol), 'moodle', context.zone);

      let completion: RowCompletion = 'not-completed';
      let passed: boolean | null = null;
      let scaled: number | null = null;
      let sawScore = false;
      for (const col of scoCols) {
        const value = cell(col);
        const status = STATUS[value.toLowerCase()];
        if (status) {
          if (status.completion === 'completed') completion = 'completed';
          if (status.passed !== null) passed = status.passed;
          continue;
        }
        const score = parseScoreCell(value);
        if (score !== null) {
          sawScore = true;
          scaled = scaled === null ? score : Math.max(scaled, score);
        }
      }
      if (scaled !== null && passed === null) passed = scaled * 100 >= context.passMark;
      const statuses = [...objectiveCols].map(([col, section]) => [section, cell(col)] as const).filter(([, status]) => status !== '');
      objectiveStatuses += statuses.length;
      if (sawScore && completion !== 'completed') {
        // The score hid the status: the course's own rule decides, from its section objectives where they have
        // statuses. No status at all is not "not completed": the cells are empty (Moodle 5.0.6) or never recorded.
        if (statuses.length === 0) completion = 'unknown';
        else {
          const done = new Set(statuses.filter(([, status]) => /^(completed|passed)$/i.test(status)).map(([section]) => section));
          const sectionsDone = allSections.every((s) => done.has(s));
          completion = sectionsDone && (rule === 'all-sections' || passed === true) ? 'completed' : 'not-completed';
        }
      }
      const interactions: AttemptRow['interactions'] = [];
      for (const n of pairs) {
        const id = cell(questionCols.get(n)!);
        if (id !== '') interactions.push({ id, response: cell(responseCols.get(n)!) });
      }
      return { kind: 'attempt', row: { ...base, attempt: attemptText, startedAt, lastAccessAt, completion, completedAt: lastAccessAt, passed, scaled, interactions } };
    },
  };
}
