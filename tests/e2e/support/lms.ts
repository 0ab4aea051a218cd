// The preview LMS (tools/preview) as the LMS of the e2e tests, in-process: one server per scenario, so every scenario
// starts with an LMS that has never seen the learner. Beside it, a tap on the inspector's event stream (the preview's
// public `lms/events`), which holds everything the LMS saw in order: SCORM API calls and commits, LRS requests,
// statements (the course's and the LMS's own) and warnings (CSP reports, cmi5 rule breaks).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Faults, InspectorSnapshot, LogEntry } from '../../../tools/preview/protocol.ts';
import { startPreviewServer, type PreviewServer } from '../../../tools/preview/server.ts';
import type { UpstreamLrs } from '../../../tools/preview/xapi/lrs-forwarder.ts';

/** How long the cmi5 LMS waits for "terminated" before recording "abandoned" when a session is replaced. */
const TERMINATE_GRACE_MS = 300;

export interface PreviewLms {
  /** The LMS page that launches the package, e.g. "http://127.0.0.1:PORT/p/common-ground-scorm12/". */
  packageUrl: string;
  /** "http://127.0.0.1:PORT": the package and the LMS share it. */
  origin: string;
  /** "/p/<id>": the package's files are below `${basePath}/content/`, the LRS below `${basePath}/xapi/`. */
  basePath: string;
  log: InspectorTap;
  snapshot(): Promise<InspectorSnapshot>;
  /** Switch faults (the LMS page's own fault form posts the same). */
  setFaults(change: Partial<Faults>): Promise<Faults>;
  close(): Promise<void>;
}

export interface PreviewLmsOptions {
  /** xAPI / cmi5: the LMS forwards every statement to this real LRS (`npm run preview -- --lrs`). */
  lrs?: UpstreamLrs;
}

export async function openPreviewLms(zipPath: string, options: PreviewLmsOptions = {}): Promise<PreviewLms> {
  const tempRoot = await mkdtemp(join(tmpdir(), 'cg-e2e-lms-'));
  let server: PreviewServer;
  try {
    server = await startPreviewServer({ zipPath, port: 0, tempRoot, checkPackages: false, terminateGraceMs: TERMINATE_GRACE_MS, ...(options.lrs ? { lrs: options.lrs } : {}) });
  } catch (error) {
    await rm(tempRoot, { recursive: true, force: true });
    throw error;
  }
  const packageUrl = server.packageUrl!;
  const url = new URL(packageUrl);
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${packageUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const tap = await InspectorTap.connect(`${packageUrl}lms/events`, () => post<Faults>('lms/faults', {}).then(() => undefined));
  return {
    packageUrl,
    origin: url.origin,
    basePath: url.pathname.replace(/\/$/, ''),
    log: tap,
    snapshot: async () => (await fetch(`${packageUrl}lms/snapshot`)).json() as Promise<InspectorSnapshot>,
    setFaults: (change) => post<Faults>('lms/faults', change),
    close: async () => {
      tap.close();
      await server.close();
      await rm(tempRoot, { recursive: true, force: true });
    },
  };
}

/**
 * Reads the inspector's server-sent events from the moment the LMS opens. `sync()` makes sure every entry the LMS has
 * logged so far has arrived: it asks the LMS for its fault switches unchanged (which logs one "Faults: none" line, or
 * the faults on) and waits for that line, which the server writes after everything before it.
 */
export class InspectorTap {
  readonly entries: LogEntry[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly abort = new AbortController();

  private constructor(private readonly mark: () => Promise<void>) {}

  static async connect(url: string, mark: () => Promise<void>): Promise<InspectorTap> {
    const tap = new InspectorTap(mark);
    const response = await fetch(url, { signal: tap.abort.signal, headers: { Accept: 'text/event-stream' } });
    if (!response.ok || !response.body) throw new Error(`inspector stream: HTTP ${response.status}`);
    void tap.read(response.body).catch(() => undefined);
    return tap;
  }

  /** Statements in the order the LRS stored them. */
  statements(by?: 'course' | 'lms'): Array<Record<string, unknown>> {
    return this.entries.flatMap((entry) => (entry.kind === 'statement' && (by === undefined || entry.by === by) ? [entry.statement] : []));
  }

  warnings(): string[] {
    return this.entries.flatMap((entry) => (entry.kind === 'warning' ? [`${entry.source}: ${entry.text}`] : []));
  }

  async sync(): Promise<void> {
    const before = this.entries.length;
    const marked = this.mark();
    await this.until(() => this.entries.slice(before).some((entry) => entry.kind === 'lms' && entry.text.startsWith('Faults')));
    await marked;
  }

  close(): void {
    this.abort.abort();
  }

  private until(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => {
        if (!condition()) return;
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        this.take(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  private take(block: string): void {
    let event = '';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (event !== 'log') return;
    this.entries.push(JSON.parse(data) as LogEntry);
    for (const waiter of [...this.waiters]) waiter();
  }
}
