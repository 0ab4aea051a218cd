// `npm run report -- …` (tsx tools/report/cli.ts): managers' completion report from an xAPI LRS or an LMS's SCORM
// tracking export, written as a self-contained HTML page and a CSV beside it. Exit 0 = written, 1 = the input
// could not be read (unreachable LRS, refused credentials, missing columns…), 2 = usage error.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Course } from '../../course/types.ts';
import { parseReportArgs, REPORT_COMMAND, type ReportArgs } from './args.ts';
import { helpText, UsageError as CommandLineError } from '../cli/command-line.ts';
import { CommandError, isMainModule, runCommand, runMain } from '../cli/run-command.ts';
import { echartsRenderer, type ChartRenderer } from './charts.ts';
import { indexQuestions } from './course-questions.ts';
import { InputError, UsageError } from './errors.ts';
import { loadColumnMapping } from './export/column-mapping.ts';
import { readExportFile } from './export/export-source.ts';
import { LearnerTally } from './learner-tally.ts';
import { renderReportCsv } from './render-csv.ts';
import { renderReportHtml, type DrawnChart } from './render-html.ts';
import { reportCharts } from './report-charts.ts';
import { summarise, type ReportData } from './summary.ts';
import { parseLrsGroupField, type LrsGroupField } from './xapi/group-field.ts';
import { readLrsStatements } from './xapi/lrs-source.ts';
import { StatementReader } from './xapi/statement-reader.ts';

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

export interface ReportDeps {
  fetch?: typeof fetch;
  charts?: ChartRenderer;
  now?: Date;
}

const DEFAULT_COURSE = fileURLToPath(new URL('../../course/course.json', import.meta.url));
export const HTML_NAME = 'completion-report.html';
export const CSV_NAME = 'completion-report.csv';

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
    const charts = deps.charts ?? (await echartsRenderer());
    if (charts.unavailableReason) data.notes.push(`Charts: ${charts.unavailableReason}.`);
    const drawn = new Map<string, DrawnChart>();
    for (const { key, spec } of reportCharts(data)) drawn.set(key, { svg: await charts.render(spec), description: spec.description });
    const out = resolve(args.out);
    await mkdir(out, { recursive: true });
    await writeFile(join(out, HTML_NAME), renderReportHtml(data, drawn));
    await writeFile(join(out, CSV_NAME), renderReportCsv(data));
    const o = data.overall;
    output.log(
      data.suppressedAll
        ? `report: fewer than ${data.minimumGroupSize} learners have started, so no figures are shown`
        : `report: ${o.learners} learners started, ${o.completed} completed (${o.completionRate === null ? '–' : `${Math.round(o.completionRate * 100)}%`}), ${data.groups.length} group${data.groups.length === 1 ? '' : 's'} shown`,
    );
    output.log(`report: written ${join(out, HTML_NAME)} and ${join(out, CSV_NAME)}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) throw new CommandLineError(error.message);
    if (error instanceof InputError) throw new CommandError(error.message);
    throw error;
  }
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
    return summarise(tally, index, {
      ...common,
      source: { kind: 'lrs', description: `xAPI LRS ${safeUrl(endpoint)} (${reader.counts.counted} of ${reader.counts.read} statements were about this course)` },
      groupField: describeLrsGroupField(groupField),
      notes,
      listsNonStarters: false,
    });
  }

  const mapping = args.source.mapping ? { mapping: await loadColumnMapping(args.source.mapping), file: args.source.mapping } : undefined;
  const zone = args.timezone;
  const notes = new Set<string>();
  const descriptions = new Set<string>();
  let rows = 0;
  for (const file of args.source.files) {
    const result = await readExportFile(file, tally, {
      index,
      passMark,
      zone,
      ...(args.groupBy !== undefined ? { groupBy: args.groupBy } : {}),
      ...(mapping ? { mapping } : {}),
      ...(args.sinceMs !== undefined ? { sinceMs: args.sinceMs } : {}),
    });
    rows += result.rows;
    descriptions.add(result.description);
    result.notes.forEach((n) => notes.add(n));
  }
  const files = args.source.files.length;
  return summarise(tally, index, {
    ...common,
    source: { kind: 'export', description: `${[...descriptions].join('; ')}, ${files} file${files === 1 ? '' : 's'}, ${rows} attempt rows` },
    groupField: args.groupBy === 'none' ? 'no grouping' : `the export's "${args.groupBy ?? mapping?.mapping.columns.group ?? 'Department'}" column`,
    notes: [...notes],
    listsNonStarters: true,
  });
}

async function loadCourse(file: string): Promise<Course> {
  let course: unknown;
  try {
    course = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read the course file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
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
