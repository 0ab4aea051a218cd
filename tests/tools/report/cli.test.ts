// The command as a manager runs it: files written, nothing private in them, clear messages and exit statuses for
// bad input (1) and bad usage (2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSV_NAME, HTML_NAME, runReport } from '../../../tools/report/cli.ts';
import type { ChartRenderer } from '../../../tools/report/charts.ts';
import { JOURNEYS, NOT_STARTED, REFLECTION_TEXT, xapiStatements } from '../../fixtures/report/journeys.ts';
import { INTERACTIONS_FIXTURE, OBJECTIVES_FIXTURE } from '../../fixtures/report/write-fixtures.ts';
import { startFakeLrs, type FakeLrs } from './fake-lrs.ts';

let work: string;
let lrs: FakeLrs;
const AUTH = 'report-key:report-secret';
/** A stand-in chart layer, so these tests do not depend on the chart library being installed. */
const fakeCharts: ChartRenderer = { unavailableReason: null, render: async () => '<svg class="stand-in"></svg>' };

function capture() {
  const lines = { log: [] as string[], error: [] as string[] };
  return { lines, output: { log: (l: string) => lines.log.push(l), error: (l: string) => lines.error.push(l) } };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cg-report-test-'));
  const statements = xapiStatements();
  lrs = await startFakeLrs({ statements: () => statements, absoluteMore: true });
});
afterAll(async () => {
  await lrs.close();
  await rm(work, { recursive: true, force: true });
});

describe('npm run report', () => {
  const outputs: Record<string, { html: string; csv: string }> = {};

  beforeAll(async () => {
    for (const [name, args] of [
      ['lrs', ['--lrs', lrs.endpoint, '--auth', AUTH]],
      ['moodle', ['--scorm-export', INTERACTIONS_FIXTURE, '--scorm-export', OBJECTIVES_FIXTURE]],
    ] as const) {
      const out = join(work, name);
      const { output, lines } = capture();
      expect(await runReport([...args, '--out', out], output, { charts: fakeCharts }), lines.error.join('\n')).toBe(0);
      expect(lines.log.join('\n')).toMatch(/16 learners started, 11 completed \(69%\), 3 groups shown/);
      outputs[name] = { html: await readFile(join(out, HTML_NAME), 'utf8'), csv: await readFile(join(out, CSV_NAME), 'utf8') };
    }
  });

  it('writes no reflection text, names, e-mail addresses or learner ids', () => {
    for (const { html, csv } of Object.values(outputs)) {
      for (const text of [html, csv]) {
        expect(text).not.toContain('PRIVATE-REFLECTION');
        expect(text).not.toContain(REFLECTION_TEXT.slice(20, 50));
        for (const person of [...JOURNEYS, ...NOT_STARTED]) {
          expect(text).not.toContain(person.name);
          expect(text).not.toContain(person.email);
          expect(text).not.toMatch(new RegExp(`\\b${person.id}\\b`));
        }
      }
    }
  });

  it('merges the small groups and says so', () => {
    for (const { html, csv } of Object.values(outputs)) {
      expect(html).toContain('No figure is shown for fewer than 5 people.');
      expect(html).toContain('2 groups with fewer than 5 people are combined into &quot;Other (small groups)&quot;.');
      expect(html).not.toContain('Pharmacy');
      expect(html).not.toContain('Estates');
      expect(csv).toContain('completion_by_group,Other (small groups),,,learners_started,5');
      expect(csv).not.toContain('Pharmacy');
    }
  });

  it('is one self-contained page: no script, nothing fetched, charts inline', () => {
    const { html } = outputs.lrs!;
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toMatch(/<script|<link|src="http|href="http|@import/i);
    expect(html.match(/<div class="chart-svg" role="img" aria-label="[^"]+"><svg class="stand-in">/g)?.length).toBeGreaterThanOrEqual(10);
    expect(html).toContain('Completion by team');
    expect(html).toContain('Choices staff make in the scenarios');
    expect(html).toContain('Confidence before and after');
  });

  it('gives the same CSV from both sources, but for the figures Moodle cannot know', () => {
    const drop = (csv: string) => csv.split('\r\n').filter((l) => !/median_minutes|enrolled_not_started/.test(l));
    expect(drop(outputs.moodle!.csv)).toEqual(drop(outputs.lrs!.csv));
  });

  it('says when the chart library is missing, and still writes the tables', async () => {
    const out = join(work, 'no-charts');
    const noCharts: ChartRenderer = { unavailableReason: 'the charting library (the echarts package) is not installed', render: async () => null };
    expect(await runReport(['--lrs', lrs.endpoint, '--auth', AUTH, '--out', out], capture().output, { charts: noCharts })).toBe(0);
    const html = await readFile(join(out, HTML_NAME), 'utf8');
    expect(html).toContain('Charts: the charting library (the echarts package) is not installed.');
    expect(html).toContain('<caption>Completion by team</caption>');
  });
});

describe('bad input: a clear message and exit 1', () => {
  async function run(args: string[]) {
    const { output, lines } = capture();
    const code = await runReport(args, output, { charts: fakeCharts });
    return { code, message: lines.error.join('\n') };
  }

  it('an LRS that is not there', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const { code, message } = await run(['--lrs', `http://127.0.0.1:${port}/data/xAPI/`, '--auth', AUTH, '--out', join(work, 'x')]);
    expect(code).toBe(1);
    expect(message).toMatch(/could not reach the LRS at http:\/\/127\.0\.0\.1:\d+\/data\/xAPI\/ \(ECONNREFUSED\)/);
  });

  it('wrong credentials (401)', async () => {
    const { code, message } = await run(['--lrs', lrs.endpoint, '--auth', 'report-key:wrong', '--out', join(work, 'x')]);
    expect(code).toBe(1);
    expect(message).toMatch(/refused the credentials \(HTTP 401\): check --auth key:secret/);
    expect(message).not.toContain('<html>');
    expect(message).not.toContain('wrong');
  });

  it('an endpoint that is not an xAPI one (404)', async () => {
    const { code, message } = await run(['--lrs', lrs.endpoint.replace('/data/xAPI/', '/lrs/'), '--auth', AUTH, '--out', join(work, 'x')]);
    expect(code).toBe(1);
    expect(message).toMatch(/HTTP 404.*is the endpoint right/);
  });

  it('a Moodle export with columns missing', async () => {
    const file = join(work, 'cut.txt');
    const text = await readFile(INTERACTIONS_FIXTURE, 'utf8');
    await writeFile(file, text.replace('"Started on"\t', '').replace('"Last accessed on"', '"Last access"'));
    const { code, message } = await run(['--scorm-export', file, '--out', join(work, 'x')]);
    expect(code).toBe(1);
    expect(message).toContain('looks like a Moodle SCORM report but is missing the columns "Started on", "Last accessed on"');
  });

  it('a CSV that is not a Moodle export, without a mapping', async () => {
    const file = join(work, 'other.csv');
    await writeFile(file, 'Person,Course,Done\nA,Common Ground,yes\n');
    const { code, message } = await run(['--scorm-export', file, '--out', join(work, 'x')]);
    expect(code).toBe(1);
    expect(message).toMatch(/is not a Moodle SCORM report download .* pass --mapping <file\.json>/);
  });

  it('an export missing a column its mapping names', async () => {
    const file = join(work, 'mapped.csv');
    await writeFile(file, 'Employee number,Team\nE1,Ward 7\n');
    const mapping = join(work, 'mapping.json');
    await writeFile(mapping, JSON.stringify({ columns: { learner: 'Employee number', status: 'Completion status' } }));
    const { code, message } = await run(['--scorm-export', file, '--mapping', mapping, '--out', join(work, 'x')]);
    expect(code).toBe(1);
    expect(message).toContain('the export is missing column named in');
    expect(message).toContain('"Completion status" (status)');
  });

  it('a mapping file with a mistake, naming the field', async () => {
    const mapping = join(work, 'bad-mapping.json');
    await writeFile(mapping, JSON.stringify({ columns: { learner: 'Employee number', colour: 'Team' } }));
    const { code, message } = await run(['--scorm-export', INTERACTIONS_FIXTURE, '--mapping', mapping, '--out', join(work, 'x')]);
    expect(code).toBe(1);
    expect(message).toContain('"columns.colour" is not a known column');
  });

  it('a file that is not there, or empty', async () => {
    expect((await run(['--scorm-export', join(work, 'absent.txt'), '--out', join(work, 'x')])).message).toMatch(/cannot read .*absent\.txt: no such file/);
    const empty = join(work, 'empty.txt');
    await writeFile(empty, '');
    const result = await run(['--scorm-export', empty, '--out', join(work, 'x')]);
    expect(result.code).toBe(1);
    expect(result.message).toMatch(/empty\.txt is empty/);
  });
});

describe('usage errors: exit 2 with the usage', () => {
  it.each([
    [[], /say where the data is/],
    [['--lrs', 'http://127.0.0.1:1/xapi/'], /--lrs needs --auth/],
    [['--lrs', 'http://127.0.0.1:1/xapi/', '--auth', 'no-colon'], /--auth must be key:secret/],
    [['--lrs', 'http://127.0.0.1:1/xapi/', '--auth', 'a:b', '--scorm-export', 'x.txt'], /either --lrs or --scorm-export/],
    [['--scorm-export', 'x.txt', '--colour', 'blue'], /unknown option --colour/],
    [['--scorm-export', 'x.txt', '--timezone', 'Mars/Olympus'], /unknown time zone "Mars\/Olympus"/],
    [['--scorm-export', 'x.txt', '--since', 'last week'], /--since "last week" is not a date/],
    [['--scorm-export', 'x.txt', '--pass-mark', '120'], /--pass-mark must be a percentage/],
    [['--lrs', 'http://127.0.0.1:1/xapi/', '--auth', 'a:b', '--group-by', 'ward'], /--group-by for an LRS is one of/],
  ])('%j', async (args, pattern) => {
    const { output, lines } = capture();
    expect(await runReport(args, output, { charts: fakeCharts })).toBe(2);
    expect(lines.error[0]).toMatch(pattern);
    expect(lines.error).toHaveLength(1);
    expect(lines.error[0]).toMatch(/; see npm run report -- --help$/);
  });

  it('--help prints the usage and exits 0', async () => {
    const { output, lines } = capture();
    expect(await runReport(['--help'], output)).toBe(0);
    expect(lines.log.join('\n')).toContain('npm run report -- --lrs <endpoint> --auth <key:secret>');
  });
});
