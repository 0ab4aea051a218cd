// The inspector's memory for one package: every API call, commit, LRS request, statement and warning, in order, and
// the live streams (server-sent events) that watch it. Entries go out as they happen; the snapshot (CMI values, state
// documents, counters) is re-sent at most once per turn of the event loop however many changes arrive together.
// What a late-joining page is sent is bounded (log-retention.ts); the counters still count everything.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LogRetention, PREVIEW_RETENTION, type RetentionLimits } from './log-retention.ts';
import type { InspectorSnapshot, LogEntry, LogEntryBody } from './protocol.ts';

/** A comment line every so often keeps idle connections from being closed by anything in between. */
const KEEP_ALIVE_MS = 15_000;

type Counts = InspectorSnapshot['counts'];

export class InspectorLog {
  private readonly entries: LogRetention<LogEntry>;
  private sequence = 0;
  private readonly streams = new Set<ServerResponse>();
  private snapshotPending = false;
  readonly counts: Counts = { apiCalls: 0, commits: 0, statements: 0, warnings: 0 };

  /** `session`: the LMS's current session number, for entries that do not carry their own. */
  constructor(
    private readonly snapshot: () => InspectorSnapshot,
    private readonly session: () => number = () => 0,
    limits: Readonly<RetentionLimits> = PREVIEW_RETENTION,
  ) {
    this.entries = new LogRetention(limits);
  }

  append(body: LogEntryBody): LogEntry {
    const entry = { ...body, seq: ++this.sequence, at: new Date().toISOString() } as LogEntry;
    const data = JSON.stringify(entry);
    this.entries.add(entry, { session: 'session' in entry ? entry.session : this.session(), warning: entry.kind === 'warning', bytes: data.length });
    if (entry.kind === 'api-call') this.counts.apiCalls++;
    else if (entry.kind === 'commit') this.counts.commits++;
    else if (entry.kind === 'statement') this.counts.statements++;
    else if (entry.kind === 'warning') this.counts.warnings++;
    for (const res of this.streams) writeData(res, 'log', data);
    this.changed();
    return entry;
  }

  /** Entries still kept, oldest first. */
  list(): readonly LogEntry[] {
    return this.entries.items();
  }

  /** How much is kept, and what was dropped to keep it so (the inspector tells the tester). */
  retention(): InspectorSnapshot['log'] {
    return { kept: this.entries.size, keptBytes: this.entries.keptBytes, dropped: this.entries.dropped.entries, droppedWarnings: this.entries.dropped.warnings };
  }

  /** Something the snapshot shows has changed: send it to every stream, once for a burst of changes. */
  changed(): void {
    if (this.snapshotPending || this.streams.size === 0) return;
    this.snapshotPending = true;
    setImmediate(() => {
      this.snapshotPending = false;
      this.broadcast('snapshot', this.snapshot());
    });
  }

  /** Serve an event stream: the snapshot, the kept entries, then everything new until the client goes away. */
  stream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write('retry: 2000\n\n');
    writeEvent(res, 'snapshot', this.snapshot());
    for (const entry of this.entries.items()) writeEvent(res, 'log', entry);
    this.streams.add(res);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    keepAlive.unref();
    const stop = (): void => {
      clearInterval(keepAlive);
      this.streams.delete(res);
    };
    req.on('close', stop);
    res.on('close', stop);
  }

  /** End every open stream (the server is closing). */
  closeStreams(): void {
    for (const res of this.streams) res.end();
    this.streams.clear();
  }

  private broadcast(event: string, data: unknown): void {
    for (const res of this.streams) writeEvent(res, event, data);
  }
}

function writeEvent(res: ServerResponse, event: string, data: unknown): void {
  writeData(res, event, JSON.stringify(data));
}

function writeData(res: ServerResponse, event: string, json: string): void {
  // JSON never holds a raw newline, so one data line carries the whole payload.
  res.write(`event: ${event}\ndata: ${json}\n\n`);
}
