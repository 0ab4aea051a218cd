// The command line: which input (an LRS or LMS export files), where the report goes, and how to group and date it.
import { defineCommand, parseCommandLine, UsageError as CommandLineError } from '../cli/command-line.ts';
import { UsageError } from './errors.ts';
import { parseExportDate } from './export/moodle-dates.ts';
import { checkTimeZone } from './zoned-time.ts';

export const REPORT_COMMAND = defineCommand({
  name: 'report',
  invocation: 'npm run report --',
  usage: [
    '--lrs <endpoint> --auth <key:secret> [--since <date>] [--activity <IRI>] [options]',
    '--scorm-export <file> [--scorm-export <file> …] [--activity-completion <file>] [--mapping <columns.json>] [options]',
  ],
  summary:
    "Managers' completion report: a self-contained HTML page (charts and tables) and two CSV files beside it, read from\n" +
    "an xAPI LRS or from an LMS's downloads (Moodle's SCORM report downloads and activity completion download, other\n" +
    "LMSs' CSV). Reflections are never read.",
  options: {
    lrs: { type: 'string', value: '<endpoint>', help: "the LRS's xAPI endpoint" },
    auth: { type: 'string', value: '<key:secret>', secret: true, help: 'the key and secret of an LRS client that may read statements' },
    since: { type: 'string', value: '<date>', help: 'only activity after DATE (YYYY-MM-DD in --timezone, or an ISO 8601 time)' },
    activity: { type: 'string', value: '<IRI>', help: "LRS: only statements about this activity (default: the course's own)" },
    'scorm-export': { type: 'string', multiple: true, value: '<file>', help: "an LMS's tracking export (repeatable)" },
    'activity-completion': {
      type: 'string',
      multiple: true,
      value: '<file>',
      help: "the LMS's activity completion download (Moodle/Totara: Course → Reports → Activity completion → Download):\ncompletion as the LMS counts it, joined to the SCORM downloads by learner (repeatable)",
    },
    'activity-name': { type: 'string', value: '<name>', help: 'the course\'s activity in that download, when it lists several' },
    mapping: { type: 'string', value: '<columns.json>', help: "export: which column holds what, for an LMS other than Moodle (see tools/report/README.md)" },
    out: { type: 'string', value: '<dir>', help: 'where completion-report.html and the two CSV files are written (default: report)' },
    'group-by': { type: 'string', value: '<field>', help: 'LRS: auto | team | homepage | extension:<IRI> | none (default auto);\nexport: a column header, e.g. Department (default Department, else Institution), or none' },
    timezone: { type: 'string', value: '<zone>', help: 'IANA zone for export dates and weekly counts (default Europe/London)' },
    'pass-mark': { type: 'string', value: '<n>', help: "pass mark in percent, if the trust's variant changed it (default: the course's)" },
    course: { type: 'string', value: '<file>', help: 'the course.json the packages were built from, or its folder (default: course/content/course.json)' },
  },
});

export interface ReportArgs {
  source:
    | { kind: 'lrs'; endpoint: string; auth: string; activity?: string }
    | { kind: 'export'; files: string[]; completionFiles?: string[]; activityName?: string; mapping?: string };
  out: string;
  groupBy?: string;
  timezone: string;
  sinceMs?: number;
  passMark?: number;
  course?: string;
}

export function parseReportArgs(argv: readonly string[]): ReportArgs | 'help' {
  let parsed;
  try {
    parsed = parseCommandLine(REPORT_COMMAND, argv);
  } catch (error) {
    if (error instanceof CommandLineError) throw new UsageError(error.message);
    throw error;
  }
  if (parsed === 'help') return 'help';
  const v = parsed.values;
  const exports = v['scorm-export'];
  const completionFiles = v['activity-completion'];
  const exported = exports.length + completionFiles.length > 0;
  if (v.lrs !== undefined && exported) throw new UsageError('give either --lrs or LMS downloads (--scorm-export, --activity-completion), not both (one report per source; the two agree for the same learners)');
  if (v.lrs === undefined && !exported) throw new UsageError('say where the data is: --lrs <endpoint> --auth <key:secret>, or --scorm-export <file> (and --activity-completion <file>)');
  if (v['activity-name'] !== undefined && completionFiles.length === 0) throw new UsageError('--activity-name picks the course in an activity completion download: it goes with --activity-completion');
  const timezone = checkTimeZone(v.timezone ?? 'Europe/London');
  let source: ReportArgs['source'];
  if (v.lrs !== undefined) {
    if (v.auth === undefined) throw new UsageError('--lrs needs --auth <key:secret>');
    if (!v.auth.includes(':')) throw new UsageError('--auth must be key:secret (the LRS client\'s key and secret, joined by a colon)');
    if (v.mapping !== undefined) throw new UsageError('--mapping describes an export file\'s columns; it goes with --scorm-export');
    source = { kind: 'lrs', endpoint: v.lrs, auth: v.auth, ...(v.activity !== undefined ? { activity: v.activity } : {}) };
  } else {
    if (v.auth !== undefined || v.activity !== undefined) throw new UsageError('--auth and --activity go with --lrs');
    if (v.mapping !== undefined && exports.length === 0) throw new UsageError('--mapping describes an export file\'s columns; it goes with --scorm-export');
    source = {
      kind: 'export',
      files: exports,
      ...(completionFiles.length > 0 ? { completionFiles } : {}),
      ...(v['activity-name'] !== undefined ? { activityName: v['activity-name'] } : {}),
      ...(v.mapping !== undefined ? { mapping: v.mapping } : {}),
    };
  }
  let sinceMs: number | undefined;
  if (v.since !== undefined) {
    sinceMs = /^\d{4}-\d{2}-\d{2}$/.test(v.since) ? parseExportDate(`${v.since}T00:00`, 'iso', timezone) : Date.parse(v.since);
    if (!Number.isFinite(sinceMs)) throw new UsageError(`--since "${v.since}" is not a date (use YYYY-MM-DD or an ISO 8601 time)`);
  }
  let passMark: number | undefined;
  if (v['pass-mark'] !== undefined) {
    passMark = Number(v['pass-mark']);
    if (!Number.isFinite(passMark) || passMark < 0 || passMark > 100) throw new UsageError(`--pass-mark must be a percentage from 0 to 100, not "${v['pass-mark']}"`);
  }
  return {
    source,
    out: v.out ?? 'report',
    timezone,
    ...(v['group-by'] !== undefined ? { groupBy: v['group-by'] } : {}),
    ...(sinceMs !== undefined ? { sinceMs } : {}),
    ...(passMark !== undefined ? { passMark } : {}),
    ...(v.course !== undefined ? { course: v.course } : {}),
  };
}
