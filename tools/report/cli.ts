// `npm run report -- …` (tsx tools/report/cli.ts): managers' completion report from an xAPI LRS or an LMS's
// downloads (SCORM reports, activity completion), written as a self-contained HTML page and two CSV files beside it.
// Exit 0 = written, 1 = the input could not be read (unreachable LRS, refused credentials, a binary file, missing
// columns…), 2 = usage error.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Course } from '../../course/model/types.ts';
import { parseReportArgs, REPORT_COMMAND, type ReportArgs } from './args.ts';
import { helpText, UsageError as CommandLineError } from '../cli/command-line.ts';
import { CommandError, describeFileError, isMainModule, runCommand, runMain } from '../cli/run-command.ts';
import { indexQuestions } from './course-questions.ts';
import { InputError, UsageError } from './errors.ts';
import { loadColumnMapping } from './export/column-mapping.ts';
import { readExportFile, type ExportReadResult } from './export/export-source.ts';
import type { ExportGap } from './export/row-interpreter.ts';
import { LearnerTally } from './learner-tally.ts';
import { renderReportCsv, renderTeamCsv } from './render-csv.ts';
import { renderReportHtml } from './render-html.ts';
import { summarise, type ReportData, type SourceLms } from './summary.ts';
import { parseLrsGroupField, type LrsGroupField } from './xapi/group-field.ts';
import { readLrsStatements } from './xapi/lrs-source.ts';
import { StatementReader } from './xapi/statement-reader.ts';

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

export interface ReportDeps {
  fetch?: typeof fetch;
  now?: Date;
}

const DEFAULT_COURSE = fileURLToPath(new URL('../../course/content/course.json', import.meta.url));
export const HTML_NAME = 'completion-report.html';
export const CSV_NAME = 'completion-report.csv';
export const TEAM_CSV_NAME = 'completion-by-team.csv';

/** Run the tool; resolves to the exit code. Never throws: the shared boundary turns every ending into a status. */
export async function runReport(argv: readonly string[], output: Output = console, deps: ReportDeps = {}): Promise<number> {
  return runCommand(REPORT_COMMAND, argv, () => report(argv, output, deps), { io: output });
}

async function report(argv: readonly string[], output: Output, deps: ReportDeps): Promise<number> {
  let args: ReportArgs | 'help';
  try {
    args = parseReportArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) throw new CommandLineError(error.message);
    throw error;
  }
  if (args === 'help') {
    output.log(helpText(REPORT_COMMAND));
    return 0;
  }
  try {
    const data = await buildReport(args, deps);
    const out = resolve(args.out);
    await mkdir(out, { recursive: true });
    await writeFile(join(out, HTML_NAME), renderReportHtml(data));
    await writeFile(join(out, CSV_NAME), renderReportCsv(data));
    await writeFile(join(out, TEAM_CSV_NAME), renderTeamCsv(data));
    output.log(summaryLine(data));
    output.log(`report: written ${join(out, HTML_NAME)}, ${join(out, TEAM_CSV_NAME)} and ${join(out, CSV_NAME)}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) throw new CommandLineError(error.message);
    if (error instanceof InputError) throw new CommandError(error.message);
    throw error;
  }
}

/** The one line the command prints about the figures. */
function summaryLine(data: ReportData): string {
  const o = data.overall;
  const counted = data.population === 'started' ? 'started' : 'enrolled';
  if (data.suppressedAll) return `report: fewer than ${data.minimumGroupSize} learners have ${counted === 'started' ? 'started' : 'been listed'}, so no figures are shown`;
  const completed =
    o.completed === null
      ? `completion unknown for ${o.statusUnknown} (${o.completedKnown} known to have completed)`
      : `${o.completed} completed (${o.completionRate === null ? '–' : `${Math.round(o.completionRate * 100)}%`})`;
  return `report: ${o.learners} learners ${counted}, ${completed}, ${data.groups.length} group${data.groups.length === 1 ? '' : 's'} shown`;
}

/** Reads the input into the tally and summarises it. */
export async function buildReport(args: ReportArgs, deps: ReportDeps = {}): Promise<ReportData> {
  const course = await loadCourse(args.course ?? DEFAULT_COURSE);
  const index = indexQuestions(course);
  const tally = new LearnerTally(index.questions.length);
  const passMark = args.passMark ?? course.completion.passMark;
  const common = { timezone: args.timezone, passMark, ...(deps.now ? { now: deps.now } : {}) };

  if (args.source.kind === 'lrs') {
    const groupField = parseLrsGroupField(args.groupBy);
    const reader = new StatementReader(index, tally, groupField);
    const endpoint = args.source.endpoint;
    await readLrsStatements(
      {
        endpoint,
        auth: args.source.auth,
        ...(args.sinceMs !== undefined ? { since: new Date(args.sinceMs).toISOString() } : {}),
        ...(args.source.activity ? { activity: args.source.activity } : {}),
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      },
      (page) => {
        for (const statement of page) reader.read(statement);
      },
    );
    const notes = ['Time in the course is the sum of each session\'s length, as the course reports it when a session ends.'];
    if (reader.counts.counted === 0) notes.push(`None of the ${reader.counts.read} statements read were about this course (activity ids beneath ${index.iri}).`);
    if (reader.counts.unusable > 0) notes.push(`${reader.counts.unusable} statements about the course named no learner or no time and were left out.`);
    if (reader.counts.repeated > 0) notes.push(`The LRS returned ${reader.counts.repeated} statements more than once (the same statement id); each was counted once.`);
    return summarise(tally, index, {
      ...common,
      source: { kind: 'lrs', description: `xAPI LRS ${safeUrl(endpoint)} (${reader.counts.counted} of ${reader.counts.read} statements were about this course)` },
      groupField: describeLrsGroupField(groupField),
      notes,
      listsNonStarters: false,
    });
  }

  const source = args.source;
  const mapping = source.mapping ? { mapping: await loadColumnMapping(source.mapping), file: source.mapping } : undefined;
  const results: ExportReadResult[] = [];
  const scoTitles = new Set<string>();
  const read = async (file: string, kind: 'tracking' | 'completion') => {
    const result = await readExportFile(file, kind, tally, {
      index,
      passMark,
      zone: args.timezone,
      scoTitles,
      ...(args.groupBy !== undefined ? { groupBy: args.groupBy } : {}),
      ...(mapping ? { mapping } : {}),
      ...(args.sinceMs !== undefined ? { sinceMs: args.sinceMs } : {}),
      ...(source.activityName !== undefined ? { activityName: source.activityName } : {}),
    });
    result.scoTitles.forEach((title) => scoTitles.add(title));
    results.push(result);
  };
  // Tracking downloads first: their SCO titles help find the course among the completion download's activities.
  for (const file of source.files) await read(file, 'tracking');
  for (const file of source.completionFiles ?? []) await read(file, 'completion');
  checkJoin(tally, source);

  const notes = new Set<string>();
  for (const result of results) result.notes.forEach((n) => notes.add(n));
  // A gap is said only when no file given fills it (a Basic download has no answers; the Interactions one has).
  for (const gap of ['answers', 'scores', 'time'] as ExportGap[]) {
    if (results.every((r) => r.gaps[gap] !== undefined)) notes.add(results[0]!.gaps[gap]!);
  }
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.description, (counts.get(r.description) ?? 0) + 1);
  const rows = results.reduce((n, r) => n + r.rows, 0);
  const lms = commonLms(results);
  const completionGiven = results.some((r) => r.kind === 'completion');
  return summarise(tally, index, {
    ...common,
    source: {
      kind: 'export',
      description: `${[...counts].map(([d, n]) => (n > 1 ? `${d} (${n} files)` : d)).join(', ')}; ${rows} rows`,
      ...(lms ? { lms } : {}),
    },
    groupField: args.groupBy === 'none' ? 'no grouping' : `the downloads' "${args.groupBy ?? mapping?.mapping.columns.group ?? 'Department'}" column`,
    notes: [...notes],
    listsNonStarters: true,
    unknownCompletionAdvice: mapping
      ? `The column mapping ${basename(mapping.file)} names no status or completion date column; map one, or add the LMS's activity completion download with --activity-completion.`
      : completionGiven
        ? "These learners are not in the activity completion download given: download it again for the same course and group."
        : "Moodle's SCORM downloads show a score in place of the status once there is one, and its Objectives download does not settle it where the objective cells are empty (as Moodle 5.0.6 writes them). Add the activity completion download (Course → Reports → Activity completion → Download) with --activity-completion.",
  });
}

/** The LMS every download came from, when they agree. */
function commonLms(results: readonly ExportReadResult[]): SourceLms | undefined {
  const named = new Set(results.map((r) => r.lms));
  return named.size === 1 ? [...named][0] : undefined;
}

/**
 * With both tracking downloads and the LMS's completion list, someone must be in both: otherwise they key learners
 * differently (different identity fields shown) or come from different courses, and joining them would count
 * everyone twice.
 */
function checkJoin(tally: LearnerTally, source: Extract<ReportArgs['source'], { kind: 'export' }>): void {
  if (source.files.length === 0 || !source.completionFiles?.length) return;
  let tracked = 0;
  let listed = 0;
  for (const record of tally.learners.values()) {
    if (record.inTracking && record.inCompletionList) return;
    if (record.inTracking) tracked++;
    if (record.inCompletionList) listed++;
  }
  if (tracked > 0 && listed > 0) {
    throw new InputError(
      `none of the ${listed} learners in the activity completion download is among the ${tracked} in the SCORM downloads: are they from the same course, and do both show the same identity fields (ID number, Email address or Username)?`,
    );
  }
}

async function loadCourse(given: string): Promise<Course> {
  let course: unknown;
  // A course folder (as the build takes) means the course.json in it.
  const file = (await stat(given).catch(() => null))?.isDirectory() ? join(given, 'course.json') : given;
  try {
    course = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `it is not JSON (${error.message})` : (describeFileError(error)?.replace(/^cannot \w+ .*?: /, '') ?? (error as Error).message);
    throw new InputError(`cannot read the course file ${file}: ${reason}`);
  }
  const c = course as Partial<Course>;
  if (typeof c?.iri !== 'string' || !Array.isArray(c.sections) || typeof c.completion?.passMark !== 'number' || !c.confidence || !c.film) {
    throw new InputError(`${file} is not a course file (expected course.json with iri, completion, confidence, film and sections)`);
  }
  return c as Course;
}

function describeLrsGroupField(field: LrsGroupField): string {
  switch (field.kind) {
    case 'auto':
      return "the statements' context team, else the learner account's home page";
    case 'team':
      return "the statements' context team";
    case 'homepage':
      return "the learner account's home page";
    case 'extension':
      return `the context extension ${field.iri}`;
    case 'none':
      return 'no grouping';
  }
}

/** The endpoint without any user:password someone put in the URL. */
function safeUrl(text: string): string {
  try {
    const url = new URL(text);
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return text;
  }
}

if (isMainModule(import.meta.url)) runMain(REPORT_COMMAND, () => report(process.argv.slice(2), console, {}));
