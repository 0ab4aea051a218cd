// The same seventeen staff (tests/fixtures/report/journeys.ts), once as the course's own statements in an LRS and
// once as Moodle's SCORM report downloads: the two reports must give the same figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from '../../../tools/report/cli.ts';
import type { ReportData } from '../../../tools/report/summary.ts';
import { comparable, REPORT_NOW } from './comparable.ts';
import { fileURLToPath } from 'node:url';
import { JOURNEYS, xapiStatements } from '../../fixtures/report/journeys.ts';
import { BASIC_FIXTURE, COMPLETION_FIXTURE, GENERIC_FIXTURE, INTERACTIONS_FIXTURE, OBJECTIVES_FIXTURE } from '../../fixtures/report/write-fixtures.ts';
import { startFakeLrs, type FakeLrs } from './fake-lrs.ts';

const EXAMPLE_MAPPING = fileURLToPath(new URL('../../../tools/report/mappings/example-lms.json', import.meta.url));
let lrs: FakeLrs;
let fromLrs: ReportData;
let fromMoodle: ReportData;

beforeAll(async () => {
  const statements = xapiStatements();
  lrs = await startFakeLrs({ statements: () => statements, maxPage: 50 });
  fromLrs = await buildReport({ source: { kind: 'lrs', endpoint: lrs.endpoint, auth: 'report-key:report-secret' }, out: '', timezone: 'Europe/London' }, { now: REPORT_NOW });
  fromMoodle = await buildReport({ source: { kind: 'export', files: [INTERACTIONS_FIXTURE, OBJECTIVES_FIXTURE] }, out: '', timezone: 'Europe/London' }, { now: REPORT_NOW });
});
afterAll(() => lrs.close());

describe('one report from two sources', () => {
  it('reads every page the LRS offers, following `more`', () => {
    const pages = lrs.requests.filter((r) => r.url.includes('/statements'));
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.every((r) => r.authorised && r.version === '1.0.3')).toBe(true);
    expect(pages.slice(1).every((r) => r.url.includes('cursor='))).toBe(true);
  });

  it('gives the same figures from the LRS and from the Moodle export', () => {
    expect(comparable(fromMoodle)).toEqual(comparable(fromLrs));
  });

  it('and from the Basic and Interactions downloads with the activity completion download in place of the Objectives one', async () => {
    const data = await buildReport(
      { source: { kind: 'export', files: [BASIC_FIXTURE, INTERACTIONS_FIXTURE], completionFiles: [COMPLETION_FIXTURE] }, out: '', timezone: 'Europe/London' },
      { now: REPORT_NOW },
    );
    expect(comparable(data)).toEqual(comparable(fromLrs));
    expect(data.source.description).toBe('Moodle SCORM report, Moodle SCORM Interactions report, Moodle or Totara activity completion download; 57 rows');
  });

  it('has the figures the journeys were written to give', () => {
    const o = fromLrs.overall;
    expect([o.learners, o.completed, o.judged, o.passed]).toEqual([16, 11, 12, 11]);
    expect(o.completionRate).toBeCloseTo(11 / 16);
    expect(fromLrs.groups.map((g) => [g.name, g.learners, g.completed])).toEqual([
      ['Ward 7', 6, 5],
      ['Emergency Department', 5, 3],
      ['Other (small groups)', 5, 3],
    ]);
    expect(fromLrs.plan.small).toEqual(['Pharmacy', 'Estates & Facilities']);
    expect(fromLrs.attempts.distribution.map((d) => d.count)).toEqual([14, 1, 1]);
    // Grace completed at 00:30 BST on Monday 20 May (23:30 UTC on the Sunday): that week, in local time.
    expect(fromLrs.timeline.granularity).toBe('week');
    expect(fromLrs.timeline.buckets.map((b) => [b.start, b.count])).toEqual([
      ['2024-05-06', 5],
      ['2024-05-13', 2],
      ['2024-05-20', 4],
    ]);
  });

  it('gives pass rate and confidence change by team only where five or more are counted, and hides the next smallest with it', () => {
    const teams = fromLrs.groups.map((g) => [g.name, g.judged, g.passRate === null ? null : Math.round(g.passRate * 100), g.passWithheld, g.confidence.paired, g.confidence.withheld]);
    expect(teams).toEqual([
      // Ward 7: five have a result and five rated twice: shown.
      ['Ward 7', 5, 100, false, 5, false],
      // The Emergency Department has four results and three paired ratings: withheld, and so is the combined group
      // (three and three), or the total would give the department's figure away.
      ['Emergency Department', 4, null, true, 3, true],
      ['Other (small groups)', 3, null, true, 3, true],
    ]);
    expect(fromLrs.overall).toMatchObject({ judged: 12, passed: 11, passWithheld: false, confidence: { paired: 11, withheld: false } });
    expect(fromLrs.groups[0]!.confidence.change).toBeGreaterThan(0);
  });

  it('gives the trend: the rate four weeks before the last activity, where five or more had started by then', () => {
    // The data ends on 24 May (Priya's start); four weeks earlier, 26 April, nobody had started.
    expect(fromLrs.asOf).toBe('2024-05-24T13:12:00.000Z');
    expect(fromLrs.groups.map((g) => [g.name, g.trend.missing, g.trend.recent])).toEqual([
      ['Ward 7', 'none-started', 5],
      ['Emergency Department', 'none-started', 3],
      ['Other (small groups)', 'none-started', 3],
    ]);
  });

  it('counts weeks in the time zone asked for', async () => {
    const inUtc = await buildReport({ source: { kind: 'lrs', endpoint: lrs.endpoint, auth: 'report-key:report-secret' }, out: '', timezone: 'UTC' }, { now: REPORT_NOW });
    expect(inUtc.timeline.buckets.map((b) => b.count)).toEqual([5, 3, 3]);
  });

  it('counts each learner once per question, with their latest answer', () => {
    const triage = fromLrs.questions.find((q) => q.id === 'ed-chest-pain.triage')!;
    const reachedScenarios = JOURNEYS.filter((j) => j.attempts.some((a) => a.reached !== 'before')).length;
    expect(triage.respondents).toBe(reachedScenarios);
    expect(triage.choices.reduce((n, c) => n + c.count, 0)).toBe(reachedScenarios);
    const check = fromLrs.questions.filter((q) => q.kind === 'knowledge');
    // Twelve learners took the check; of those, the eleven who passed got at least five of six right.
    expect(check.every((q) => q.respondents === 12)).toBe(true);
  });

  it('measures confidence change from learners who rated both times', () => {
    expect(fromLrs.confidence.paired).toBe(11);
    for (const item of fromLrs.confidence.items) {
      expect(item.paired).toBe(11);
      expect(item.afterMean! - item.beforeMean!).toBeCloseTo(item.change!);
    }
    expect(fromLrs.confidence.meanChange).toBeGreaterThan(0);
  });

  it('gives time in the course from the LRS and says the Moodle export has none', () => {
    // Completers' minutes: Chloe's two attempts (40 + 35) and Kiran's three (30 + 25 + 33) add up.
    expect(fromLrs.overall.medianMinutes).toBe(58);
    expect(fromMoodle.overall.medianMinutes).toBeNull();
    expect(fromMoodle.notes.join(' ')).toMatch(/no time spent/);
    expect(fromMoodle.enrolledNotStarted).toBe(1);
    expect(fromLrs.enrolledNotStarted).toBeNull();
  });

  it('without the objectives download, says completion is unknown: never a count of those it can see', async () => {
    const data = await buildReport({ source: { kind: 'export', files: [INTERACTIONS_FIXTURE] }, out: '', timezone: 'Europe/London' }, { now: REPORT_NOW });
    // Everyone with a score shows "83.33/100" in place of a status: twelve learners' completion is unknown, and the
    // four without a score show "Incomplete".
    expect(data.overall).toMatchObject({ learners: 16, statusUnknown: 12, completedKnown: 0, completed: null, completionRate: null });
    expect(data.groups.every((g) => g.completed === null && g.completionRate === null)).toBe(true);
    expect(data.timelineMissing).toBe('unknown');
    expect(data.notes.join(' ')).toMatch(/Completion is unknown for 12 of the 16 learners/);
  });
});

describe('another LMS, read with a column mapping', () => {
  it('gives the same figures as the LRS, time in the course included', async () => {
    const data = await buildReport(
      { source: { kind: 'export', files: [GENERIC_FIXTURE], mapping: EXAMPLE_MAPPING }, out: '', timezone: 'Europe/London' },
      { now: REPORT_NOW },
    );
    expect(data.source.description).toMatch(/Example LMS learner export/);
    expect(comparable(data)).toEqual(comparable(fromLrs));
    expect(data.overall.medianMinutes).toBe(fromLrs.overall.medianMinutes);
    expect(data.groups.map((g) => g.medianMinutes)).toEqual(fromLrs.groups.map((g) => g.medianMinutes));
    expect(data.enrolledNotStarted).toBe(1);
  });

  it('says completion is unknown, not 0, when the mapping names no status or completion date column', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cg-report-mapping-'));
    try {
      const mapping = join(dir, 'no-status.json');
      await writeFile(mapping, JSON.stringify({ delimiter: ',', dateStyle: 'dmy', columns: { learner: 'Employee number', group: 'Team', attempt: 'Attempt', startedAt: 'Started on' } }));
      const data = await buildReport({ source: { kind: 'export', files: [GENERIC_FIXTURE], mapping }, out: '', timezone: 'Europe/London' }, { now: REPORT_NOW });
      expect(data.overall).toMatchObject({ learners: 16, completed: null, completionRate: null, statusUnknown: 16 });
      expect(data.unknownAdvice).toBe('The column mapping no-status.json names no status or completion date column; map one, or add the LMS\'s activity completion download with --activity-completion.');
      expect(data.notes).toContain('The mapping no-status.json names no status or completion date column, so the export cannot tell who completed.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
