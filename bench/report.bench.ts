// `npx tsx bench/report.bench.ts` (not a timed test): the completion report over 1,000,000 statements.
// A child process plays the LRS — an HTTP server on 127.0.0.1 that makes each page of statements when it is asked
// for, with the course's own statement builders (StatementFactory, video statements), for synthetic learners — so
// nothing holds the million statements at once, and the LRS's memory is not counted as the report's. This
// process runs the report exactly as the CLI does: paging with @xapi/xapi, reading each statement into the tally,
// summarising, rendering. It prints the time and the peak memory against the goal (issue 6): ≤ 30 s and
// ≤ 500 MB. BENCH_STATEMENTS=… changes the count.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { defineCommand } from '../tools/cli/command-line.ts';
import { runMain } from '../tools/cli/run-command.ts';

const TOTAL = Number(process.env.BENCH_STATEMENTS ?? 1_000_000);
const GOAL_SECONDS = 30;
const GOAL_MB = 500;
const PAGE = 500;

export const BENCH_REPORT_COMMAND = defineCommand({
  name: 'bench:report',
  invocation: 'npm run bench:report --',
  usage: [''],
  summary:
    'The completion report over 1,000,000 generated statements (BENCH_STATEMENTS=… changes the count), served page\n' +
    'by page by a child process playing the LRS: the time and peak memory against the goal (≤ 30 s, ≤ 500 MB).',
  options: {},
});

if (process.env.BENCH_ROLE === 'lrs') await serveStatements(TOTAL);
else runMain(BENCH_REPORT_COMMAND, main);

async function main(): Promise<void> {
  const { runReport } = await import('../tools/report/cli.ts');
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const lrs = spawn(process.execPath, [tsxCli, fileURLToPath(import.meta.url)], { env: { ...process.env, BENCH_ROLE: 'lrs' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    createInterface({ input: lrs.stdout }).once('line', resolve);
    lrs.once('error', reject);
    lrs.once('exit', (code) => reject(new Error(`the LRS process stopped (exit ${code})`)));
  });
  const out = await mkdtemp(join(tmpdir(), 'cg-report-bench-'));
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 50);
  const lines: string[] = [];
  const started = performance.now();
  const code = await runReport(['--lrs', endpoint, '--auth', 'bench:bench', '--out', out, '--group-by', 'team'], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  sample();
  const served = Number(await (await fetch(new URL('/served', endpoint))).text());
  lrs.kill();
  await rm(out, { recursive: true, force: true });
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  for (const line of lines) console.log(line);
  if (code !== 0) throw new Error(`the report failed (exit ${code})`);
  console.log(`\nStatements served and summarised: ${served.toLocaleString('en-GB')} (pages of ${PAGE}, generated on request)`);
  console.log(`Time: ${seconds.toFixed(2)} s (goal ≤ ${GOAL_SECONDS} s) — ${seconds <= GOAL_SECONDS ? 'MET' : 'MISSED'}; ${Math.round(served / seconds).toLocaleString('en-GB')} statements/s`);
  console.log(`Peak memory of the report process (maxRSS): ${maxRssMb.toFixed(0)} MB (goal ≤ ${GOAL_MB} MB) — ${maxRssMb <= GOAL_MB ? 'MET' : 'MISSED'}`);
  console.log(`Sampled during the report: RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, JS heap ${(peakHeap / 2 ** 20).toFixed(0)} MB`);
}

/**
 * The child process: an LRS whose statements are made page by page, in order. 240 learner archetypes (different
 * paths, scores, attempts and dates) are built once with the course's statement builders and kept as JSON text
 * with the learner and team left as placeholders; learner n is archetype n mod 240 with its own account name and
 * team filled in. Text substitution keeps the LRS fast enough that the benchmark measures the report, not this.
 */
async function serveStatements(total: number): Promise<void> {
  const { xapiStatements } = await import('../tests/fixtures/report/journeys.ts');
  type Journey = NonNullable<Parameters<typeof xapiStatements>[0]>[number];
  const reach = ['all', 'all', 'all', 'knowledge', 'scenarios', 'before'] as const;
  const archetypes: string[][] = [];
  for (let k = 1; k <= 240; k++) {
    const id = `arch${String(k).padStart(4, '0')}`;
    const reached = reach[k % reach.length]!;
    const start = new Date(Date.UTC(2024, 0, 1 + ((k * 7) % 180), 8 + (k % 9), k % 60)).toISOString();
    const journey: Journey = {
      id: `u${k}`,
      name: `Learner ${id}`,
      email: `${id}@example.nhs.uk`,
      group: 'TEAM_PLACEHOLDER',
      attempts: Array.from({ length: k % 11 === 0 ? 2 : 1 }, (_, a) => ({
        start: new Date(Date.parse(start) + a * 86_400_000).toISOString(),
        minutes: 30 + (k % 40),
        reached,
        ...(reached === 'all' || reached === 'knowledge' ? { score: reached === 'all' ? 0.8333 : 0.5 } : {}),
      })),
    };
    archetypes.push(
      xapiStatements([journey])
        .filter((statement) => JSON.stringify(statement).includes(`"name":"u${k}"`)) // drop the fixture's other-course statement
        .map((statement) => JSON.stringify(statement).replaceAll(`"name":"u${k}"`, '"name":"LEARNER_PLACEHOLDER"')),
    );
  }
  const teams = Array.from({ length: 36 }, (_, i) => `Team ${String(i + 1).padStart(2, '0')}`);
  let learner = 0;
  let queue: string[] = [];
  let served = 0;
  const nextStatement = (): string => {
    while (queue.length === 0) {
      learner++;
      // One learner in 400 belongs to one of four small units, which the report must merge.
      const team = learner % 400 === 0 ? `Small unit ${(learner / 400) % 4}` : teams[learner % teams.length]!;
      queue = archetypes[learner % archetypes.length]!.map((json) => json.replace('LEARNER_PLACEHOLDER', `L${learner}`).replace('TEAM_PLACEHOLDER', team)).reverse();
    }
    return queue.pop()!;
  };
  const server = createServer((req, res) => {
    if (req.url === '/served') {
      res.end(String(served));
      return;
    }
    const count = Math.min(PAGE, total - served);
    const page: string[] = new Array(Math.max(0, count));
    for (let i = 0; i < count; i++) page[i] = nextStatement();
    served += Math.max(0, count);
    const more = served < total ? `/xAPI/statements?cursor=${served}` : '';
    res.writeHead(200, { 'content-type': 'application/json' }).end(`{"statements":[${page.join(',')}],"more":"${more}"}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  console.log(`http://127.0.0.1:${port}/xAPI/`);
}
