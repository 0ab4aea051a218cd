// The command as a manager runs it: files written, nothing private in them, clear messages and exit statuses for
// bad input (1) and bad usage (2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSV_NAME, HTML_NAME, TEAM_CSV_NAME, runReport } from '../../../tools/report/cli.ts';
import { JOURNEYS, NOT_STARTED, REFLECTION_TEXT, xapiStatements } from '../../fixtures/report/journeys.ts';
import { COMPLETION_FIXTURE, INTERACTIONS_FIXTURE, OBJECTIVES_FIXTURE } from '../../fixtures/report/write-fixtures.ts';
import { startFakeLrs, type FakeLrs } from './fake-lrs.ts';

let work: string;
let lrs: FakeLrs;
const AUTH = 'report-key:report-secret';

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
  const outputs: Record<string, { html: string; csv: string; teams: string }> = {};

  beforeAll(async () => {
    for (const [name, args] of [
      ['lrs', ['--lrs', lrs.endpoint, '--auth', AUTH]],
      ['moodle', ['--scorm-export', INTERACTIONS_FIXTURE, '--scorm-export', OBJECTIVES_FIXTURE]],
    ] as const) {
      const out = join(work, name);
      const { output, lines } = capture();
      expect(await runReport([...args, '--out', out], output), lines.error.join('\n')).toBe(0);
      expect(lines.log.join('\n')).toMatch(/16 learners started, 11 completed \(69%\), 3 groups shown/);
      outputs[name] = { html: await readFile(join(out, HTML_NAME), 'utf8'), csv: await readFile(join(out, CSV_NAME), 'utf8'), teams: await readFile(join(out, TEAM_CSV_NAME), 'utf8') };
    }
  });

  it('writes no reflection text, names, e-mail addresses or learner ids', () => {
    for (const { html, csv, teams } of Object.values(outputs)) {
      for (const text of [html, csv, teams]) {
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
      expect(html).toContain('2 teams with fewer are combined into &quot;Other (small groups)&quot;.');
      expect(html).not.toContain('Pharmacy');
      expect(html).not.toContain('Estates');
      expect(csv).toContain('completion_by_team,Other (small groups),,,,,learners_started,5,');
      expect(csv).not.toContain('Pharmacy');
    }
  });

  it('is one self-contained page: no script, nothing fetched, charts inline as described SVG', () => {
    const { html } = outputs.lrs!;
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toMatch(/<script|<link|src="http|href="http|@import/i);
    expect(html.match(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="bar-chart"[^>]*role="img" aria-labelledby="[^"]+"[^>]*><title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/g)?.length).toBeGreaterThanOrEqual(10);
    expect(html).toContain('At a glance');
    expect(html).toContain('Choices staff make in the scenarios');
    expect(html).toContain('Confidence before and after');
  });

  it('writes CSV for Excel: a UTF-8 byte-order mark, the wording beside each id, and a wide sheet per team', async () => {
    const bytes = await readFile(join(work, 'lrs', CSV_NAME));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...(await readFile(join(work, 'lrs', TEAM_CSV_NAME))).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { csv, teams } = outputs.lrs!;
    expect(csv.split('\r\n')[0]).toBe('\ufeffsection,team,item_id,item,option_id,option,measure,value,note');
    expect(csv).toContain(`confidence,,conf-check-physical,"I feel confident to make sure someone's physical symptoms are properly checked, whatever their mental health diagnosis.",,,mean_before,`);
    expect(csv).toMatch(/scenario_choices,Chest pain in the emergency department,ed-chest-pain\.triage,What do you do first\?,assess-fully,"Assess his chest pain as you would for anyone: [^"]+",learners,\d+,/);
    expect(csv).toContain('completion_by_team,Emergency Department,,,,,pass_rate_percent,,withheld: fewer than 5');
    const sheet = teams.split('\r\n');
    expect(sheet[0]).toBe(
      '\ufeffTeam,Started,Completed,Completion rate (%),Completion rate 4 weeks earlier (%),Completed in the last 4 weeks,With a knowledge-check result,Passed,Pass rate (%),Rated confidence before and after,Confidence change (points),Median time of those who completed (minutes)',
    );
    expect(sheet.slice(1, -1).map((line) => line.split(',')[0])).toEqual(['Ward 7', 'Emergency Department', 'Other (small groups)', 'All learners']);
    expect(sheet[2]).toMatch(/^Emergency Department,5,3,60,nobody had started,3,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,\d+$/);
  });

  it('gives the same CSV from both sources, but for the figures Moodle cannot know', () => {
    const drop = (csv: string) => csv.split('\r\n').filter((l) => !/median_minutes|enrolled_not_started/.test(l));
    expect(drop(outputs.moodle!.csv)).toEqual(drop(outputs.lrs!.csv));
  });

  it('gives the same team sheet from both sources, but for the time Moodle cannot know', () => {
    const dropTime = (csv: string) => csv.split('\r\n').map((l) => l.replace(/,[^,]*$/, ''));
    expect(dropTime(outputs.moodle!.teams)).toEqual(dropTime(outputs.lrs!.teams));
  });
});

describe('bad input: a clear message and exit 1', () => {
  async function run(args: string[]) {
    const { output, lines } = capture();
    const code = await runReport(args, output);
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

  it.each([
    ['a program (any binary file)', () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4000, 7)]), /binary\.txt is a program, not a text export: expected a Moodle SCORM report's text download/],
    ['binary data with no known signature', () => Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 256)), /binary\.txt is not a text file \(it holds binary data\): expected a Moodle SCORM report's text download/],
    ['an Excel workbook saved as .txt', () => Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 1)]), /binary\.txt is a zip archive \(an Excel \.xlsx or OpenDocument \.ods workbook is one\), not a text export/],
    ['an old Excel workbook', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /binary\.txt is an old-style Excel \(\.xls\) workbook/],
    ['a PDF', () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /binary\.txt is a PDF, not a text export/],
  ])('%s: one line naming the file and what was expected (never a parser code)', async (_what, bytes, pattern) => {
    const file = join(work, 'binary.txt');
    await writeFile(file, bytes());
    const { code, message } = await run(['--scorm-export', file, '--out', join(work, 'x')]);
    expect(code).toBe(1);
    expect(message).toMatch(pattern);
    expect(message.split('\n')).toHaveLength(1);
    expect(message).not.toMatch(/INVALID_OPENING_QUOTE|CSV_|\bat \w+ \(/);
    // The same through a column mapping: the mapping's column check never sees binary "column names".
    const mapping = join(work, 'binary-mapping.json');
    await writeFile(mapping, JSON.stringify({ columns: { learner: 'Employee number' } }));
    const mapped = await run(['--scorm-export', file, '--mapping', mapping, '--out', join(work, 'x')]);
    expect(mapped.message).toMatch(pattern);
  });

  it('a text file broken as delimited text: the line and what is wrong, in words', async () => {
    const file = join(work, 'quote.txt');
    await writeFile(file, 'Name\tAttempt\tStarted on\tLast accessed on\tScore\nJo\t1\tx\ty\t5\nSam "the" Man\t1\tx\ty\t5\n');
    const { code, message } = await run(['--scorm-export', file, '--out', join(work, 'x')]);
    expect(code).toBe(1);
    expect(message).toBe(`report: ${file} is not readable as delimited text: line 3: a quote mark in the middle of a field, which delimited text does not allow`);
  });

  it('reads a CSV saved as Windows-1252 (a spreadsheet\'s "CSV"), says so, and keeps the en dash in team names', async () => {
    const file = join(work, 'cp1252.csv');
    const rows = ['Employee number,Team,Status', ...Array.from({ length: 6 }, (_, i) => `E${i},Ward 7 \x96 North,${i < 3 ? 'Completed' : 'In progress'}`)];
    await writeFile(file, Buffer.from(rows.join('\r\n'), 'latin1'));
    const mapping = join(work, 'cp1252-mapping.json');
    await writeFile(mapping, JSON.stringify({ columns: { learner: 'Employee number', group: 'Team', status: 'Status' } }));
    const out = join(work, 'cp1252');
    const { output, lines } = capture();
    expect(await runReport(['--scorm-export', file, '--mapping', mapping, '--out', out], output)).toBe(0);
    const html = await readFile(join(out, HTML_NAME), 'utf8');
    expect(html).toContain('Ward 7 – North');
    expect(html).toContain('cp1252.csv is not UTF-8 text; it was read as Windows-1252');
    expect(lines.log[0]).toBe('report: 6 learners started, 3 completed (50%), 1 group shown');
  });

  it('an activity completion download given as a SCORM report, and the other way round', async () => {
    const wrongWay = await run(['--scorm-export', COMPLETION_FIXTURE, '--out', join(work, 'x')]);
    expect(wrongWay.code).toBe(1);
    expect(wrongWay.message).toBe(`report: ${COMPLETION_FIXTURE} looks like an activity completion download, not a SCORM report: give it with --activity-completion`);
    const otherWay = await run(['--activity-completion', INTERACTIONS_FIXTURE, '--out', join(work, 'x')]);
    expect(otherWay.message).toBe(`report: ${INTERACTIONS_FIXTURE} is a Moodle SCORM report download, not the activity completion download: give it with --scorm-export`);
  });

  it('an activity completion download in another language, or naming no activity it can find', async () => {
    const french = join(work, 'progress-fr.csv');
    await writeFile(french, (await readFile(COMPLETION_FIXTURE, 'utf8')).replace(/"Completed \(achieved pass grade\)"/g, '"Terminé (note de passage atteinte)"').replace(/"Not completed"/g, '"Non terminé"').replace(/"Completed"/g, '"Terminé"'));
    const { code, message } = await run(['--scorm-export', INTERACTIONS_FIXTURE, '--activity-completion', french, '--out', join(work, 'x')]);
    expect(code).toBe(1);
    expect(message).toMatch(/progress-fr\.csv has an activity completion report's header but its first learner has no completion state in any column/);
    const named = await run(['--scorm-export', INTERACTIONS_FIXTURE, '--activity-completion', COMPLETION_FIXTURE, '--activity-name', 'Fire safety', '--out', join(work, 'x')]);
    expect(named.message).toBe(`report: ${COMPLETION_FIXTURE} has no activity named "Fire safety" (--activity-name); its activities are "Welcome to the ward", "Common Ground", "Feedback survey"`);
  });

  it('a state the report does not know, with its line', async () => {
    const odd = join(work, 'progress-odd.csv');
    const text = (await readFile(COMPLETION_FIXTURE, 'utf8')).split('\n');
    const at = text.findIndex((line) => line.includes('"Completed (achieved pass grade)"'));
    text[at] = text[at]!.replace('"Completed (achieved pass grade)"', '"Exempt"');
    await writeFile(odd, text.join('\n'));
    const { code, message } = await run(['--scorm-export', INTERACTIONS_FIXTURE, '--activity-completion', odd, '--out', join(work, 'x')]);
    expect(code).toBe(1);
    expect(message).toMatch(new RegExp(`progress-odd\\.csv line ${at + 1}: "Exempt" is not a completion state this report knows`));
  });

  it('downloads that share no learner (another course, or other identity fields shown)', async () => {
    const other = join(work, 'progress-other.csv');
    await writeFile(other, (await readFile(COMPLETION_FIXTURE, 'utf8')).replace(/@example\.nhs\.uk/g, '@elsewhere.nhs.uk'));
    const { code, message } = await run(['--scorm-export', INTERACTIONS_FIXTURE, '--activity-completion', other, '--out', join(work, 'x')]);
    expect(code).toBe(1);
    expect(message).toBe(
      'report: none of the 17 learners in the activity completion download is among the 17 in the SCORM downloads: are they from the same course, and do both show the same identity fields (ID number, Email address or Username)?',
    );
  });

  it('a file that is not there, or empty', async () => {
    expect((await run(['--scorm-export', join(work, 'absent.txt'), '--out', join(work, 'x')])).message).toMatch(/cannot read .*absent\.txt: no such file/);
    const empty = join(work, 'empty.txt');
    await writeFile(empty, '');
    const result = await run(['--scorm-export', empty, '--out', join(work, 'x')]);
    expect(result.code).toBe(1);
    expect(result.message).toMatch(/empty\.txt is empty/);
  });

  it('a course file that is missing or not JSON says which and why; a course folder means its course.json', async () => {
    const args = ['--scorm-export', INTERACTIONS_FIXTURE, '--out', join(work, 'course-arg')];
    expect((await run([...args, '--course', join(work, 'no-course.json')])).message).toMatch(/cannot read the course file .*no-course\.json: it does not exist/);
    const notJson = join(work, 'course.txt');
    await writeFile(notJson, '# not JSON');
    expect((await run([...args, '--course', notJson])).message).toMatch(/course\.txt: it is not JSON/);
    const { output, lines } = capture();
    expect(await runReport([...args, '--course', 'course/content'], output), lines.error.join('\n')).toBe(0);
  });
});

describe('usage errors: exit 2 with the usage', () => {
  it.each([
    [[], /say where the data is/],
    [['--lrs', 'http://127.0.0.1:1/xapi/'], /--lrs needs --auth/],
    [['--lrs', 'http://127.0.0.1:1/xapi/', '--auth', 'no-colon'], /--auth must be key:secret/],
    [['--lrs', 'http://127.0.0.1:1/xapi/', '--auth', 'a:b', '--scorm-export', 'x.txt'], /either --lrs or LMS downloads/],
    [['--scorm-export', 'x.txt', '--colour', 'blue'], /unknown option --colour/],
    [['--scorm-export', 'x.txt', '--timezone', 'Mars/Olympus'], /unknown time zone "Mars\/Olympus"/],
    [['--scorm-export', 'x.txt', '--since', 'last week'], /--since "last week" is not a date/],
    [['--scorm-export', 'x.txt', '--pass-mark', '120'], /--pass-mark must be a percentage/],
    [['--scorm-export', 'x.txt', '--activity-name', 'Common Ground'], /--activity-name picks the course in an activity completion download: it goes with --activity-completion/],
    [['--activity-completion', 'progress.csv', '--mapping', 'm.json'], /--mapping describes an export file's columns; it goes with --scorm-export/],
    [['--lrs', 'http://127.0.0.1:1/xapi/', '--auth', 'a:b', '--activity-completion', 'progress.csv'], /either --lrs or LMS downloads/],
    [['--lrs', 'http://127.0.0.1:1/xapi/', '--auth', 'a:b', '--group-by', 'ward'], /--group-by for an LRS is one of/],
  ])('%j', async (args, pattern) => {
    const { output, lines } = capture();
    expect(await runReport(args, output)).toBe(2);
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
