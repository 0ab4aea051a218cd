// The report against a real LRS (Learning Locker's xapi-statements on 127.0.0.1) instead of the fake one: the same
// generated staff (tests/fixtures/report/journeys.ts) loaded as statements into the LRS and written as Moodle's
// tab-separated SCORM report downloads give the same report. And through the real CLI (a child process, as
// `npm run report` runs it): an LRS that is not there, and one that refuses the credentials, say so and exit 1.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../tools/report/cli.ts';
import type { ReportData } from '../../../tools/report/summary.ts';
import { comparable, REPORT_NOW } from './comparable.ts';
import { readLrsStatements } from '../../../tools/report/xapi/lrs-source.ts';
import { asCmi5, JOURNEYS, moodleInteractionsExport, moodleObjectivesExport, REFLECTION_TEXT, xapiStatements } from '../../fixtures/report/journeys.ts';
import { invalidStatements, LRS_KEY_SECRET, startRealLrs, type RealLrs } from '../../support/real-lrs.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let lrs: RealLrs;
let dir: string;
let interactions: string;
let objectives: string;

beforeAll(async () => {
  lrs = await startRealLrs();
  dir = await mkdtemp(join(tmpdir(), 'cg-report-real-lrs-'));
  // The Moodle downloads written fresh from the same learners (not the committed copies), tab-separated .txt.
  interactions = join(dir, 'moodle-scorm-interactions.txt');
  objectives = join(dir, 'moodle-scorm-objectives.txt');
  await writeFile(interactions, moodleInteractionsExport());
  await writeFile(objectives, moodleObjectivesExport());
  await lrs.load(xapiStatements());
});

afterAll(async () => {
  await lrs.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Run `npm run report` the way a person does (tsx on the CLI), in a child process. */
async function reportCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'tools/report/cli.ts'), ...args], { cwd: ROOT, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('the report from a real LRS and from a Moodle export of the same learners', () => {
  let fromLrs: ReportData;
  let fromMoodle: ReportData;

  beforeAll(async () => {
    fromLrs = await buildReport({ source: { kind: 'lrs', endpoint: lrs.endpoint, auth: LRS_KEY_SECRET }, out: '', timezone: 'Europe/London' }, { now: REPORT_NOW });
    fromMoodle = await buildReport({ source: { kind: 'export', files: [interactions, objectives] }, out: '', timezone: 'Europe/London' }, { now: REPORT_NOW });
  });

  it('the LRS took every generated statement, and each passes xapi-validation', async () => {
    const stored = await lrs.statements();
    expect(stored).toHaveLength(xapiStatements().length);
    expect(invalidStatements(stored)).toEqual({});
    // Some learners' variant shares reflections: the LRS holds their words, and the report must leave them out.
    expect(JSON.stringify(stored)).toContain(REFLECTION_TEXT);
  });

  it('gives identical figures', () => {
    expect(fromLrs.overall.learners).toBe(JOURNEYS.length);
    expect(comparable(fromLrs)).toEqual(comparable(fromMoodle));
  });

  it('reads all of it in pages, following the real LRS\'s `more` links', async () => {
    const ids: string[] = [];
    const read = await readLrsStatements({ endpoint: lrs.endpoint, auth: LRS_KEY_SECRET, pageSize: 40 }, (page) => {
      ids.push(...page.map((statement) => (statement as { id: string }).id));
    });
    const loaded = xapiStatements().length;
    expect(read).toEqual({ pages: Math.ceil(loaded / 40) + (loaded % 40 === 0 ? 1 : 0), statements: loaded });
    expect(new Set(ids).size).toBe(loaded);
  });

  it('the CLI writes the report from the real LRS, without any reflection text', async () => {
    const out = join(dir, 'from-lrs');
    const result = await reportCli(['--lrs', lrs.endpoint, '--auth', LRS_KEY_SECRET, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`report: ${fromLrs.overall.learners} learners started, ${fromLrs.overall.completed} completed`));
    const html = await readFile(join(out, 'completion-report.html'), 'utf8');
    const csv = await readFile(join(out, 'completion-report.csv'), 'utf8');
    expect(html).not.toContain(REFLECTION_TEXT);
    expect(csv).not.toContain(REFLECTION_TEXT);
  });
});

describe('cmi5 statements, whose AU id the LMS makes up', () => {
  // cmi5 8.1: the LMS gives the AU an activity id of its own, so the course's cmi5 defined statements (completed,
  // passed, terminated, with the cmi5 category) are about an id outside the course IRI; the publisher's AU id is in
  // context grouping, from the LMS's context template. The same learners reported that way must give the same figures.
  it('counts completion, pass and time from them as from the TinCan ones', async () => {
    const cmi5Lrs = await startRealLrs();
    try {
      const lmsAu = 'https://lms.example-acute.nhs.uk/cmi5/activities/au/8842';
      const cmi5 = asCmi5(xapiStatements(), lmsAu);
      expect(cmi5.filter((statement) => (statement as { object: { id: string } }).object.id === lmsAu).length).toBeGreaterThan(20);
      await cmi5Lrs.load(cmi5);
      const fromLrs = await buildReport({ source: { kind: 'lrs', endpoint: lrs.endpoint, auth: LRS_KEY_SECRET }, out: '', timezone: 'Europe/London' }, { now: REPORT_NOW });
      const fromCmi5 = await buildReport({ source: { kind: 'lrs', endpoint: cmi5Lrs.endpoint, auth: LRS_KEY_SECRET }, out: '', timezone: 'Europe/London' }, { now: REPORT_NOW });
      expect(fromCmi5.overall).toEqual(fromLrs.overall);
      expect(comparable(fromCmi5)).toEqual(comparable(fromLrs));
    } finally {
      await cmi5Lrs.stop();
    }
  });
});

describe('the report CLI when the LRS cannot be used', () => {
  it('an LRS that is not running: says it could not reach it, exit 1', async () => {
    const gone = await startRealLrs();
    const endpoint = gone.endpoint;
    await gone.stop();
    const result = await reportCli(['--lrs', endpoint, '--auth', LRS_KEY_SECRET, '--out', join(dir, 'unreachable')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`report: could not reach the LRS at ${endpoint} (ECONNREFUSED)`);
  });

  it('wrong credentials: says the LRS refused them, exit 1', async () => {
    // xapi-statements in test auth mode accepts any key and secret, so a refusal is staged: a stub that answers every
    // request 401, as an LRS does for a key it does not know.
    const stub: Server = createServer((req, res) => {
      req.resume();
      res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"message":"Unauthorised"}');
    });
    await new Promise<void>((done) => stub.listen(0, '127.0.0.1', done));
    try {
      const endpoint = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/xAPI/`;
      const result = await reportCli(['--lrs', endpoint, '--auth', 'wrong:secret', '--out', join(dir, 'refused')]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`report: the LRS at ${endpoint} refused the credentials (HTTP 401): check --auth key:secret and that the key may read statements`);
    } finally {
      await new Promise((done) => stub.close(done));
    }
  });
});
