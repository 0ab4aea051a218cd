// Issue 13's case (tests/fixtures/report/mixed-case.ts): eleven enrolled in Moodle 5.0.6, two passed, five started
// and did not finish, four never started. From Moodle's SCORM downloads alone completion cannot be read (a score
// hides the status, the Objectives download's cells are empty): the report says "unknown", never 0. With the
// activity completion download — Moodle's two forms or Totara's — it says 2, and agrees figure for figure with the
// same learners' statements in an LRS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, CSV_NAME, HTML_NAME, runReport, TEAM_CSV_NAME } from '../../../tools/report/cli.ts';
import type { ReportArgs } from '../../../tools/report/args.ts';
import type { ReportData } from '../../../tools/report/summary.ts';
import { MIXED_FIXTURES } from '../../fixtures/report/write-fixtures.ts';
import { MIXED_TEAM } from '../../fixtures/report/mixed-case.ts';
import { COURSE } from '../../fixtures/report/journeys.ts';
import { moodleDownloadsFrom } from '../../fixtures/report/moodle-from-statements.ts';
import { comparable, REPORT_NOW } from './comparable.ts';
import { startFakeLrs, type FakeLrs } from './fake-lrs.ts';

const SCORM = [MIXED_FIXTURES.basic, MIXED_FIXTURES.interactions, MIXED_FIXTURES.objectives];
const exportArgs = (files: string[], completionFiles: string[] = []): ReportArgs => ({
  source: { kind: 'export', files, ...(completionFiles.length ? { completionFiles } : {}) },
  out: '',
  timezone: 'Europe/London',
});
const report = (files: string[], completionFiles: string[] = []) => buildReport(exportArgs(files, completionFiles), { now: REPORT_NOW });

let work: string;
let lrs: FakeLrs;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cg-report-mixed-'));
  const statements = JSON.parse(await readFile(MIXED_FIXTURES.lrs, 'utf8')) as object[];
  lrs = await startFakeLrs({ statements: () => statements });
});
afterAll(async () => {
  await lrs.close();
  await rm(work, { recursive: true, force: true });
});

async function run(args: string[]) {
  const lines: string[] = [];
  const out = join(work, `run-${Math.random().toString(36).slice(2)}`);
  const code = await runReport([...args, '--out', out], { log: (l) => lines.push(l), error: (l) => lines.push(l) }, { now: REPORT_NOW });
  expect(code, lines.join('\n')).toBe(0);
  const [html, csv, teams] = await Promise.all([HTML_NAME, CSV_NAME, TEAM_CSV_NAME].map((name) => readFile(join(out, name), 'utf8')));
  return { lines, html: html!, csv: csv!, teams: teams! };
}

describe("Moodle's SCORM downloads alone: completion is unknown, never 0", () => {
  let data: ReportData;
  beforeAll(async () => {
    data = await report(SCORM);
  });

  it('counts who started and who never did, and leaves completion unknown with the reason', () => {
    expect(data.overall).toMatchObject({ learners: 7, completed: null, completedKnown: 0, statusUnknown: 4, completionRate: null });
    expect(data.enrolledNotStarted).toBe(4);
    expect(data.groups.map((g) => [g.name, g.learners, g.completed])).toEqual([[MIXED_TEAM, 7, null]]);
    expect(data.groups[0]!.trend.missing).toBe('unknown');
    expect(data.timelineMissing).toBe('unknown');
    expect(data.notes.join(' ')).toMatch(/Completion is unknown for 4 of the 7 learners/);
    expect(data.notes.join(' ')).toMatch(/scorm-objectives-moodle-5\.0\.6\.txt has objective columns but not one status in them/);
    expect(data.unknownAdvice).toMatch(/--activity-completion/);
  });

  it('shows "Unknown" at the top of the page and in both CSV files, and nowhere a completed count of 0', async () => {
    const { html, csv, teams, lines } = await run(SCORM.flatMap((f) => ['--scorm-export', f]));
    expect(lines[0]).toBe('report: 7 learners started, completion unknown for 4 (0 known to have completed), 1 group shown');
    expect(html).toMatch(/<dt>Completed<\/dt><dd class="words">Unknown<\/dd>/);
    expect(html).toMatch(/<dt>Completion rate<\/dt><dd class="words">Unknown<\/dd>/);
    expect(html).toContain('Completion is unknown for 4 of the 7 learners');
    expect(html).not.toMatch(/<dt>Completed<\/dt><dd>0<\/dd>|No completions yet/);
    expect(html).toContain(`<tr><th scope="row">${MIXED_TEAM}</th><td>7</td><td><span class="unknown">unknown</span></td><td><span class="unknown">unknown</span></td>`);
    expect(csv).toContain('summary,All learners,,,,,learners_completed,,unknown: completion of 4 learners is not in the input');
    expect(csv).not.toMatch(/learners_completed,0,/);
    expect(teams.split('\r\n')[1]).toBe(`${MIXED_TEAM},7,unknown,unknown,unknown,unknown,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,`);
  });

  it('does not say the export has no answers when one of the files has them', async () => {
    expect(data.notes.join(' ')).not.toMatch(/holds answers|no answers/);
    expect(data.questions.some((q) => q.respondents > 0)).toBe(true);
    const basicAlone = await report([MIXED_FIXTURES.basic]);
    expect(basicAlone.notes.join(' ')).toMatch(/No file given holds answers/);
  });
});

describe('with the activity completion download: 2 completed, in each of its forms', () => {
  const forms = [
    ['Moodle, UTF-8 .csv', MIXED_FIXTURES.completionMoodle],
    ['Moodle, Excel-compatible UTF-16 .csv', MIXED_FIXTURES.completionExcel],
    ['Totara', MIXED_FIXTURES.completionTotara],
  ] as const;

  it.each(forms)('%s', async (_form, completion) => {
    const data = await report(SCORM, [completion]);
    expect(data.overall).toMatchObject({ learners: 7, completed: 2, statusUnknown: 0, judged: 4, passed: 2, passRate: null, passWithheld: true });
    expect(data.overall.completionRate).toBeCloseTo(2 / 7);
    expect(data.enrolledNotStarted).toBe(4);
    expect(data.groups.map((g) => [g.name, g.learners, g.completed])).toEqual([[MIXED_TEAM, 7, 2]]);
    expect(data.timeline.buckets.filter((b) => b.count > 0).map((b) => [b.start, b.count])).toEqual([
      ['2024-05-06', 1],
      ['2024-05-13', 1],
    ]);
    expect(data.source.description).toMatch(/activity completion download/);
    expect(data.notes.join(' ')).not.toMatch(/unknown/i);
  });

  it('gives the same figures from all three forms, and with or without the SCORM downloads beside it', async () => {
    const [moodle, excel, totara] = await Promise.all(forms.map(([, file]) => report(SCORM, [file])));
    expect(comparable(excel!)).toEqual(comparable(moodle!));
    expect(comparable(totara!)).toEqual(comparable(moodle!));
    // The completion list alone says who completed, not who started: it counts everyone listed. Without the SCORM
    // downloads' SCO title to go by, the course's column among the three activities is named with --activity-name.
    await expect(report([], [MIXED_FIXTURES.completionMoodle])).rejects.toThrow(
      'activity-completion-moodle.csv lists 3 activities ("Welcome to the ward", "Common Ground", "Feedback survey"): say which one is this course with --activity-name "<name>"',
    );
    const alone = await buildReport({ ...exportArgs([], [MIXED_FIXTURES.completionMoodle]), source: { kind: 'export', files: [], completionFiles: [MIXED_FIXTURES.completionMoodle], activityName: 'common ground' } }, { now: REPORT_NOW });
    expect(alone.population).toBe('enrolled');
    expect(alone.overall).toMatchObject({ learners: 11, completed: 2 });
    expect(alone.notes.join(' ')).toMatch(/holds completion only/);
  });

  it('says so on the page: 2 completed of 7 started, the names are in the LMS, the rules beside each figure', async () => {
    const { html, teams, lines } = await run([...SCORM.flatMap((f) => ['--scorm-export', f]), '--activity-completion', MIXED_FIXTURES.completionExcel]);
    expect(lines[0]).toBe('report: 7 learners started, 2 completed (29%), 1 group shown');
    expect(html).toMatch(/<dt>Started the course<\/dt><dd>7<\/dd>.*<dt>Enrolled, not started<\/dt><dd>4<\/dd>.*<dt>Completed<\/dt><dd>2<\/dd>.*<dt>Completion rate<\/dt><dd>28\.6%<\/dd>/s);
    expect(html).toContain('Who has not completed?</strong> This report holds no names, by design. The named list is in your LMS. Moodle or Totara: Course → Reports → Activity completion');
    expect(html).toContain('<strong>Pass rate:</strong> of those with a knowledge-check result (pass mark 80%), shown for a team where 5 or more have one.');
    expect(html).toContain('<strong>Confidence change:</strong>');
    expect(html.indexOf('At a glance')).toBeLessThan(html.indexOf('Completions over time'));
    expect(teams.split('\r\n')[1]).toMatch(new RegExp(`^${MIXED_TEAM},7,2,28\\.6,`));
  });
});

describe('the same learners from an LRS', () => {
  it('and the Moodle downloads the end-to-end suite makes from an LRS\'s statements agree with that LRS', async () => {
    // tests/e2e/complete-xapi.test.ts writes Moodle's downloads from the statements its walks left in a real LRS; here
    // the same writer is checked on the mixed case's statements, which the fake LRS serves.
    const statements = JSON.parse(await readFile(MIXED_FIXTURES.lrs, 'utf8')) as object[];
    const { interactions, completion } = moodleDownloadsFrom(statements, COURSE);
    const files = [join(work, 'from-statements-interactions.txt'), join(work, 'from-statements-progress.csv')];
    await writeFile(files[0]!, interactions);
    await writeFile(files[1]!, completion);
    const fromLrs = await buildReport({ source: { kind: 'lrs', endpoint: lrs.endpoint, auth: 'report-key:report-secret' }, out: '', timezone: 'Europe/London' }, { now: REPORT_NOW });
    const fromMoodle = await report([files[0]!], [files[1]!]);
    expect(fromMoodle.overall).toMatchObject({ learners: 7, completed: 2 });
    expect(comparable(fromMoodle)).toEqual(comparable(fromLrs));
  });

  it('agree figure for figure with the Moodle downloads joined to the activity completion download', async () => {
    const fromLrs = await buildReport({ source: { kind: 'lrs', endpoint: lrs.endpoint, auth: 'report-key:report-secret' }, out: '', timezone: 'Europe/London' }, { now: REPORT_NOW });
    const fromMoodle = await report(SCORM, [MIXED_FIXTURES.completionMoodle]);
    expect(fromLrs.overall).toMatchObject({ learners: 7, completed: 2 });
    expect(comparable(fromMoodle)).toEqual(comparable(fromLrs));
    expect(fromLrs.asOf).toBe(fromMoodle.asOf);
  });

  it('and so do the files `npm run report` writes, but for what only one of them can know', async () => {
    const viaLrs = await run(['--lrs', lrs.endpoint, '--auth', 'report-key:report-secret']);
    const viaMoodle = await run([...SCORM.flatMap((f) => ['--scorm-export', f]), '--activity-completion', MIXED_FIXTURES.completionMoodle]);
    const shared = (csv: string) => csv.split('\r\n').filter((l) => !/median_minutes|enrolled_not_started/.test(l));
    expect(shared(viaMoodle.csv)).toEqual(shared(viaLrs.csv));
    const noTime = (csv: string) => csv.split('\r\n').map((l) => l.replace(/,[^,]*$/, ''));
    expect(noTime(viaMoodle.teams)).toEqual(noTime(viaLrs.teams));
  });
});
