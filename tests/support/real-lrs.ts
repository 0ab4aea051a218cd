// A real LRS for tests: Learning Locker's statements service (xapi-statements, GPL-3.0) run as a separate process,
// never imported. It is not among the project's dependencies, so a trust's review of `npm ci` sees only what the
// product needs (xapi-statements wants Node 6-8 and brings aws-sdk and newrelic): the first test that starts it
// installs it from the npm registry, exactly as tests/support/test-lrs/package-lock.json pins it, into a cache
// outside the product's node_modules (ensureTestLrs). In-memory models, local file storage in a temp folder, its test auth (it accepts any credential),
// bound to 127.0.0.1 only by the preloaded lrs-loopback.cjs shim, on a free port unless one is asked for. It has the
// Statements resource only: no State API, no profiles (the preview LMS keeps those). Every process started here is
// killed when the test process exits, even if a test forgot to stop it.
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const require = createRequire(import.meta.url);
const PINNED = fileURLToPath(new URL('./test-lrs/', import.meta.url));
const LOOPBACK_SHIM = fileURLToPath(new URL('./lrs-loopback.cjs', import.meta.url));
const validateStatement = (require('@learninglocker/xapi-validation') as { default: (statement: unknown) => ValidationWarning[] }).default;

/** What @learninglocker/xapi-validation reports (a rulr Warning: where, and the value found there). */
export interface ValidationWarning {
  path: string[];
  data: unknown;
  message?: string;
}

export type StoredStatement = Record<string, unknown> & { id: string; verb: { id: string }; stored: string };

export const LRS_KEY = 'test-key';
export const LRS_SECRET = 'test-secret';
/** "key:secret", as the report and preview CLIs take it. The service's test auth accepts any pair. */
export const LRS_KEY_SECRET = `${LRS_KEY}:${LRS_SECRET}`;
export const LRS_AUTHORIZATION = `Basic ${Buffer.from(LRS_KEY_SECRET).toString('base64')}`;
const XAPI_HEADERS = { 'X-Experience-API-Version': '1.0.3', Authorization: LRS_AUTHORIZATION } as const;

export interface RealLrs {
  /** "http://127.0.0.1:<port>/xAPI/" */
  readonly endpoint: string;
  readonly port: number;
  /** Every statement stored, oldest first (all pages, following `more`). */
  statements(): Promise<StoredStatement[]>;
  /**
   * The statements once the LRS holds at least `count` (it is asked again every 20 ms, for at most `withinMs`):
   * for statements that arrive after the request a test awaited, e.g. the LMS's "satisfied" after the course's answer.
   */
  statementsOnceAtLeast(count: number, withinMs?: number): Promise<StoredStatement[]>;
  /** Store statements as a client would (POST batches); resolves to the ids. Throws on anything but 200. */
  load(statements: readonly unknown[]): Promise<string[]>;
  /** SIGTERM, then SIGKILL if it lingers; removes the temp folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface RealLrsOptions {
  /** A fixed port (to bring an LRS "back" where the preview forwards); default: any free one. */
  port?: number;
  /** How long to wait for the service to say it is ready. */
  startTimeoutMs?: number;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Where the pinned test LRS is installed: $COMMON_GROUND_TEST_LRS_CACHE, else ~/.cache/common-ground/test-lrs, in a
 * folder named after the lockfile's hash, so a changed pin installs afresh.
 */
export function testLrsFolder(): string {
  const lock = readFileSync(join(PINNED, 'package-lock.json'));
  const root = process.env.COMMON_GROUND_TEST_LRS_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'common-ground', 'test-lrs');
  return join(root, createHash('sha256').update(lock).digest('hex').slice(0, 16));
}

/**
 * The service's entry file, installed first if need be (npm ci of the pinned lockfile, install scripts off, into a
 * temp folder renamed into place, so test processes installing at once never see half an install).
 */
export async function ensureTestLrs(): Promise<string> {
  const folder = testLrsFolder();
  const entry = join(folder, 'node_modules', 'xapi-statements', 'dist', 'index.js');
  if (existsSync(entry)) return entry;
  await mkdir(join(folder, '..'), { recursive: true });
  const work = await mkdtemp(`${folder}.installing-`);
  try {
    await copyFile(join(PINNED, 'package.json'), join(work, 'package.json'));
    await copyFile(join(PINNED, 'package-lock.json'), join(work, 'package-lock.json'));
    const npm = process.env.npm_execpath?.endsWith('.js') ? [process.execPath, process.env.npm_execpath] : ['npm'];
    await promisify(execFile)(npm[0]!, [...npm.slice(1), 'ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--engine-strict=false'], {
      cwd: work,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stderr?: string; message: string }) => {
      throw new Error(`the test LRS (xapi-statements, pinned in tests/support/test-lrs/) could not be installed from the npm registry into ${folder}: ${(error.stderr ?? error.message).trim().split('\n').slice(-5).join(' | ')}`);
    });
    await rename(work, folder).catch((error: NodeJS.ErrnoException) => {
      // Another test process finished first: its install is the same pinned tree.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return entry;
}

/** Start xapi-statements; rejects with its own output when it does not come up. */
export async function startRealLrs(options: RealLrsOptions = {}): Promise<RealLrs> {
  const service = await ensureTestLrs();
  const dir = await mkdtemp(join(tmpdir(), 'cg-real-lrs-'));
  const child = fork(service, [], {
    cwd: dir,
    execArgv: ['-r', LOOPBACK_SHIM],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      AUTH_REPO: 'test',
      EVENTS_REPO: 'test',
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      FS_LOCAL_STORAGE_DIR: join(dir, 'storage'),
      EXPRESS_MORGAN_DIRECTORY: join(dir, 'access-logs'),
      EXPRESS_PORT: String(options.port ?? 0),
      // Answer a write only once voiding and references are updated, so a query right after sees them.
      SERVICE_AWAIT_UPDATES: 'true',
      WINSTON_CONSOLE_LEVEL: 'warn',
    },
  });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  void exited.then(() => running.delete(child));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  let port: number;
  try {
    port = await waitForReady(child, options.startTimeoutMs ?? 30_000, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const endpoint = `http://127.0.0.1:${port}/xAPI/`;
  return {
    endpoint,
    port,
    statements: () => fetchAllStatements(endpoint),
    statementsOnceAtLeast: async (count, withinMs = 10_000) => {
      const deadline = Date.now() + withinMs;
      for (;;) {
        const statements = await fetchAllStatements(endpoint);
        if (statements.length >= count) return statements;
        if (Date.now() > deadline) throw new Error(`the LRS holds ${statements.length} statements, not the ${count} expected: ${verbNames(statements).join(', ')}`);
        await new Promise((done) => setTimeout(done, 20));
      }
    },
    load: (statements) => loadStatements(endpoint, statements),
    stop,
  };
}

/** The port from the shim's message, once the service has also sent 'ready'. */
function waitForReady(child: ChildProcess, timeoutMs: number, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let port: number | null = null;
    const finish = (error: Error | null) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
      if (error) reject(error);
      else resolve(port!);
    };
    const onMessage = (message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'listening') port = (message as { port: number }).port;
      if (message === 'ready') finish(port === null ? new Error('xapi-statements said ready without the loopback shim reporting its port') : null);
    };
    const onExit = (code: number | null, signal: string | null) =>
      finish(new Error(`xapi-statements exited before it was ready (${signal ?? `exit code ${code}`}):\n${output().trim() || '(no output)'}`));
    const onError = (error: Error) => finish(new Error(`xapi-statements could not be started: ${error.message}`));
    const timer = setTimeout(() => finish(new Error(`xapi-statements was not ready after ${timeoutMs} ms:\n${output().trim() || '(no output)'}`)), timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/**
 * Every statement an LRS holds (voided ones are not listed, as xAPI says), oldest first, page by page through `more`.
 * Only unfiltered queries: xapi-statements writes an agent filter into its `more` link as "[object Object]". Pages
 * are large: xapi-statements (its in-memory store) sorts a page by "stored" but starts the next one after the last
 * one's internal id, a version 1 UUID compared as a string, so pages may overlap or skip statements, and a test run
 * stores a few hundred; one page holds them all.
 */
export async function fetchAllStatements(endpoint: string, authorization: string = LRS_AUTHORIZATION, pageSize = 10_000): Promise<StoredStatement[]> {
  const base = new URL(endpoint);
  let next: URL | null = new URL(`statements?ascending=true&limit=${pageSize}`, base);
  const all: StoredStatement[] = [];
  const seen = new Set<string>();
  while (next) {
    if (seen.has(next.href)) throw new Error(`the LRS sent the same "more" link twice: ${next.href}`);
    seen.add(next.href);
    const response = await fetch(next, { headers: { ...XAPI_HEADERS, Authorization: authorization } });
    if (response.status !== 200) throw new Error(`GET ${next.pathname}${next.search} answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as { statements: StoredStatement[]; more?: string };
    all.push(...page.statements);
    // `more` is relative to the LRS's host (xAPI 1.0.3 Communication 2.1.3).
    next = page.more ? new URL(page.more, base) : null;
  }
  return all;
}

async function loadStatements(endpoint: string, statements: readonly unknown[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < statements.length; start += 100) {
    const response = await fetch(new URL('statements', endpoint), {
      method: 'POST',
      headers: { ...XAPI_HEADERS, 'Content-Type': 'application/json' },
      body: JSON.stringify(statements.slice(start, start + 100)),
    });
    if (response.status !== 200) throw new Error(`loading statements ${start + 1}-${Math.min(start + 100, statements.length)} answered ${response.status}: ${await response.text()}`);
    ids.push(...((await response.json()) as string[]));
  }
  return ids;
}

/** @learninglocker/xapi-validation's findings for one statement, as "path: value" lines (empty when it is valid). */
export function validationProblems(statement: unknown): string[] {
  return validateStatement(statement).map((warning) => `${warning.path.join('.')}: ${warning.message ?? JSON.stringify(warning.data)}`);
}

/** Every stored statement's problems, keyed by statement id; {} when all pass. */
export function invalidStatements(statements: readonly StoredStatement[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const statement of statements) {
    const problems = validationProblems(statement);
    if (problems.length > 0) found[statement.id] = problems;
  }
  return found;
}

/** The last part of each statement's verb IRI, in order ("initialized", "answered" …). */
export const verbNames = (statements: readonly { verb: { id: string } }[]): string[] => statements.map((statement) => statement.verb.id.split('/').pop() ?? '');
