// The command line: which input (an LRS or LMS export files), where the report goes, and how to group and date it.
import { parseArgs } from 'node:util';
import { UsageError } from './errors.ts';
import { parseExportDate } from './export/moodle-dates.ts';
import { checkTimeZone } from './zoned-time.ts';

export const USAGE = `usage:
  npm run report -- --lrs <endpoint> --auth <key:secret> [--since DATE] [--activity IRI] [options]
  npm run report -- --scorm-export <file> [--scorm-export <file> …] [--activity-completion <file>] [--mapping <columns.json>] [options]
options:
  --activity-completion FILE  the LMS's activity completion download (Moodle/Totara: Course → Reports → Activity
                      completion → Download): completion as the LMS counts it, joined to the SCORM downloads by learner
  --activity-name NAME  the course's activity in that download, when it lists several
  --out DIR           where completion-report.html and completion-report.csv are written (default: report)
  --group-by FIELD    LRS: auto | team | homepage | extension:<IRI> | none (default auto);
                      export: a column header, e.g. Department (default Department, else Institution), or none
  --timezone ZONE     IANA zone for export dates and weekly counts (default Europe/London)
  --since DATE        only activity after DATE (YYYY-MM-DD in --timezone, or an ISO 8601 time)
  --pass-mark N       pass mark in percent, if the trust's variant changed it (default: the course's)
  --course FILE       the course.json the packages were built from (default: course/course.json)`;

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
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        lrs: { type: 'string' },
        auth: { type: 'string' },
        since: { type: 'string' },
        activity: { type: 'string' },
        'scorm-export': { type: 'string', multiple: true },
        'activity-completion': { type: 'string', multiple: true },
        'activity-name': { type: 'string' },
        mapping: { type: 'string' },
        out: { type: 'string' },
        'group-by': { type: 'string' },
        timezone: { type: 'string' },
        'pass-mark': { type: 'string' },
        course: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const exports = v['scorm-export'] ?? [];
  const completionFiles = v['activity-completion'] ?? [];
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
