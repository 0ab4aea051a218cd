// Statements waiting for the LRS, kept in this browser so that a page closed or an LRS down loses none of them.
// They are resent exactly as first made (same id, same timestamp), so the LRS can recognise a repeat: it answers a
// statement it already holds with 204 (PUT) or 409 (conflict), and both mean "delivered". Order is kept, which cmi5
// needs ("initialized" first, "terminated" last).
import type { Statement } from '@xapi/xapi';
import type { KeyValueStore } from '../shared/browser-storage.ts';
import { isSuccess, type LrsClient, type LrsResponse } from './lrs-client.ts';

export type QueuedStatement = Statement & { id: string };

export interface SendResult {
  /** Everything queued when the send started has been delivered. */
  ok: boolean;
  /** The LRS's answer that stopped the send; null when nothing did. */
  failure: LrsResponse | null;
  /** Statements the LRS refused as invalid (400): resending cannot help, so they are dropped (and logged). */
  rejected: QueuedStatement[];
}

const BATCH = 50;

export class StatementQueue {
  private items: QueuedStatement[];
  /**
   * Statements in requests not yet answered, by id: how many ordinary ones and how many that outlive the page
   * (keepalive). A page-close request leaves out those a keepalive request carries, and those `resend` says may not go
   * twice.
   */
  private readonly unanswered = new Map<string, { ordinary: number; keepalive: number }>();
  /** A statement sent before the queue had it (adopt), until the LRS has answered: nothing is sent before that. */
  private adopted: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: KeyValueStore | null,
    private readonly key: string,
    private readonly client: LrsClient,
  ) {
    this.items = this.load();
  }

  get size(): number {
    return this.items.length;
  }

  get all(): readonly QueuedStatement[] {
    return this.items;
  }

  /** Whether this statement is in a request not yet answered. */
  onItsWay(id: string): boolean {
    return this.unanswered.has(id);
  }

  /** Statements in an ordinary request not yet answered (a page going may cut it off, or a close request overtake it). */
  inOrdinaryRequest(): QueuedStatement[] {
    return this.items.filter((statement) => this.wayOf(statement.id) === 'ordinary');
  }

  /** Drops queued statements that can no longer be accepted (cmi5: those of an earlier, abandoned session). */
  discard(stale: (statement: QueuedStatement) => boolean): QueuedStatement[] {
    const dropped = this.items.filter(stale);
    if (dropped.length > 0) this.remove(dropped);
    return dropped;
  }

  /**
   * A statement already sent, with keepalive, before the queue had it (cmi5's "initialized", sent at launch): it goes
   * first in the queue and counts as on its way until `answer` settles; then it leaves the queue if the LRS has it (or
   * refused it as invalid, which resending cannot help), or stays first to be sent again under the same id. `send`
   * waits for that answer, so nothing overtakes it. Resolves once it is answered.
   */
  adopt(statement: QueuedStatement, answer: Promise<LrsResponse>): Promise<void> {
    this.items.unshift(statement);
    this.save();
    this.adopted = this.sending([statement], true, () => answer).then((response) => {
      if (response.status === 400) console.error('[common-ground] the LRS refused a statement as invalid', statement);
      if (isSuccess(response.status) || response.status === 409 || response.status === 400) this.remove([statement]);
    });
    return this.adopted;
  }

  add(statement: QueuedStatement): void {
    this.items.push(statement);
    this.save();
  }

  /**
   * Sends what is queued, in order, in batches; stops at the first answer that calls for a later retry. `firstBatch`
   * caps the first request (cmi5: the session's "initialized" goes alone), and `firstOutlivesPage` sends it with
   * keepalive (cmi5: a page going while it is on its way cannot send it again).
   */
  async send(firstBatch = BATCH, firstOutlivesPage = false): Promise<SendResult> {
    await this.adopted;
    const rejected: QueuedStatement[] = [];
    let size = Math.max(1, firstBatch);
    let keepalive = firstOutlivesPage;
    while (this.items.length > 0) {
      const batch = this.items.slice(0, size);
      size = BATCH;
      const response = await this.sending(batch, keepalive, () => this.client.postStatements(batch, { keepalive }));
      keepalive = false;
      if (isSuccess(response.status)) {
        this.remove(batch);
        continue;
      }
      // A conflict or an invalid statement somewhere in the batch: go one by one to find out which.
      if (response.status !== 409 && response.status !== 400) return { ok: false, failure: response, rejected };
      for (const statement of batch) {
        const single = await this.sending([statement], false, () => this.client.putStatement(statement));
        if (isSuccess(single.status) || single.status === 409) {
          this.remove([statement]);
        } else if (single.status === 400) {
          rejected.push(statement);
          this.remove([statement]);
        } else {
          return { ok: false, failure: single, rejected };
        }
      }
    }
    return { ok: true, failure: null, rejected };
  }

  /**
   * On page close: one keepalive request with as many statements (oldest first) as fit what is left of the page's
   * keepalive allowance, leaving out those a keepalive request already carries, and those on their way in an ordinary
   * request that `resend` says may not go twice; the rest stay queued for the next launch. Not awaited by the page,
   * so statements leave the queue only when answered.
   */
  sendFinal(maxCount = Infinity, resend: (statement: QueuedStatement) => boolean = () => true): Promise<void> {
    const batch: QueuedStatement[] = [];
    const allowance = this.client.keepaliveRoom();
    let bytes = 2;
    for (const statement of this.items) {
      const way = this.wayOf(statement.id);
      if (way === 'keepalive' || (way === 'ordinary' && !resend(statement))) continue;
      const size = new TextEncoder().encode(JSON.stringify(statement)).length + 1;
      if (bytes + size > allowance || batch.length >= maxCount) break;
      batch.push(statement);
      bytes += size;
    }
    if (batch.length === 0) return Promise.resolve();
    return this.sending(batch, true, () => this.client.postStatements(batch, { keepalive: true })).then((response) => {
      if (isSuccess(response.status)) this.remove(batch);
    });
  }

  /** How a statement is on its way: in a keepalive request (sure to outlive the page), only in ordinary ones, or not. */
  private wayOf(id: string): 'keepalive' | 'ordinary' | null {
    const counts = this.unanswered.get(id);
    return !counts ? null : counts.keepalive > 0 ? 'keepalive' : 'ordinary';
  }

  /** One request, with its statements counted as on their way until it is answered. */
  private async sending(batch: readonly QueuedStatement[], keepalive: boolean, request: () => Promise<LrsResponse>): Promise<LrsResponse> {
    const kind = keepalive ? 'keepalive' : 'ordinary';
    for (const { id } of batch) {
      const counts = this.unanswered.get(id) ?? { ordinary: 0, keepalive: 0 };
      counts[kind]++;
      this.unanswered.set(id, counts);
    }
    try {
      return await request();
    } finally {
      for (const { id } of batch) {
        const counts = this.unanswered.get(id);
        if (!counts) continue;
        counts[kind]--;
        if (counts.ordinary + counts.keepalive === 0) this.unanswered.delete(id);
      }
    }
  }

  private remove(sent: QueuedStatement[]): void {
    const ids = new Set(sent.map((s) => s.id));
    this.items = this.items.filter((s) => !ids.has(s.id));
    this.save();
  }

  private load(): QueuedStatement[] {
    try {
      const raw = this.store?.get(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter((s): s is QueuedStatement => typeof s === 'object' && s !== null && typeof s.id === 'string') : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    if (this.items.length === 0) this.store?.remove(this.key);
    else this.store?.set(this.key, JSON.stringify(this.items));
  }
}
