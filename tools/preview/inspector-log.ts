// The inspector's memory for one package: every API call, commit, LRS request, statement and warning, in order, and
// the live streams (server-sent events) that watch it. Entries go out as they happen; the snapshot (CMI values, state
// documents, counters) is re-sent at most once per turn of the event loop however many changes arrive together.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InspectorSnapshot, LogEntry, LogEntryBody } from './protocol.ts';

/** Entries kept for late-joining pages; older ones are dropped (the counters still count them). */
const KEPT_ENTRIES = 5_000;
/** A comment line every so often keeps idle connections from being closed by anything in between. */
const KEEP_ALIVE_MS = 15_000;

type Counts = InspectorSnapshot['counts'];

export class InspectorLog {
  private readonly entries: LogEntry[] = [];
  private sequence = 0;
  private readonly streams = new Set<ServerResponse>();
  private snapshotPending = false;
  readonly counts: Counts = { apiCalls: 0, commits: 0, statements: 0, warnings: 0 };

  constructor(private readonly snapshot: () => InspectorSnapshot) {}

  append(body: LogEntryBody): LogEntry {
    const entry = { ...body, seq: ++this.sequence, at: new Date().toISOString() } as LogEntry;
    this.entries.push(entry);
    if (this.entries.length > KEPT_ENTRIES) this.entries.splice(0, this.entries.length - KEPT_ENTRIES);
    if (entry.kind === 'api-call') this.counts.apiCalls++;
    else if (entry.kind === 'commit') this.counts.commits++;
    else if (entry.kind === 'statement') this.counts.statements++;
    else if (entry.kind === 'warning') this.counts.warnings++;
    this.broadcast('log', entry);
    this.changed();
    return entry;
  }

  /** Entries still kept, oldest first. */
  list(): readonly LogEntry[] {
    return this.entries;
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
    for (const entry of this.entries) writeEvent(res, 'log', entry);
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
  // JSON never holds a raw newline, so one data line carries the whole payload.
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
