// Which inspector log entries the preview keeps for a page that opens (or reopens) late: everything it replays is sent
// at once, so the kept log must stay small however many sessions a tester runs (issue 15.8: an unbounded log replayed
// as a 905 KB event stream). Three caps: per session (a runaway course cannot push out every other session), in all,
// and in bytes. Warnings are what a tester opens the inspector for, so they go last. What was dropped is counted, so
// the page can say so. Pure bookkeeping: no I/O, no clock.

export interface RetentionLimits {
  /** Entries other than warnings kept per session: its first `sessionHead`, then the newest. */
  perSession: number;
  /** A session's first entries (Initialize, what it read at start), kept while the session is kept at all. */
  sessionHead: number;
  /** Entries kept in all, warnings included. */
  total: number;
  /** Their size in all (the JSON the replay sends), warnings included. */
  totalBytes: number;
}

/** What retention needs to know of an entry. */
export interface RetentionFacts {
  session: number;
  warning: boolean;
  bytes: number;
}

export interface DroppedCounts {
  /** Entries dropped in all, warnings included. */
  entries: number;
  warnings: number;
}

/** The preview's caps: a late page gets at most about 400 KB at once, however long the preview has run. */
export const PREVIEW_RETENTION: Readonly<RetentionLimits> = { perSession: 400, sessionHead: 40, total: 2_000, totalBytes: 400_000 };

interface Kept<T> {
  item: T;
  facts: RetentionFacts;
}

export class LogRetention<T> {
  private kept: Array<Kept<T>> = [];
  private bytes = 0;
  /** Entries other than warnings kept, per session. */
  private readonly perSession = new Map<number, number>();
  private readonly droppedCounts: DroppedCounts = { entries: 0, warnings: 0 };

  constructor(private readonly limits: Readonly<RetentionLimits>) {
    if (limits.sessionHead >= limits.perSession) throw new Error('sessionHead must be smaller than perSession');
  }

  /** Keep `item`, dropping what the caps require; returns the items dropped now, oldest first. */
  add(item: T, facts: RetentionFacts): T[] {
    this.kept.push({ item, facts });
    this.bytes += facts.bytes;
    const dropped: T[] = [];
    if (!facts.warning) {
      const count = (this.perSession.get(facts.session) ?? 0) + 1;
      this.perSession.set(facts.session, count);
      if (count > this.limits.perSession) dropped.push(this.removeAt(this.afterHead(facts.session)));
    }
    while (this.kept.length > this.limits.total || (this.bytes > this.limits.totalBytes && this.kept.length > 1)) {
      const oldestOther = this.kept.findIndex((entry) => !entry.facts.warning);
      dropped.push(this.removeAt(oldestOther === -1 ? 0 : oldestOther));
    }
    return dropped;
  }

  /** Kept items, oldest first. */
  items(): T[] {
    return this.kept.map((entry) => entry.item);
  }

  get size(): number {
    return this.kept.length;
  }

  get keptBytes(): number {
    return this.bytes;
  }

  get dropped(): Readonly<DroppedCounts> {
    return this.droppedCounts;
  }

  /** Index of the session's oldest entry (not a warning) after its head. */
  private afterHead(session: number): number {
    let seen = 0;
    for (let index = 0; index < this.kept.length; index++) {
      const { facts } = this.kept[index]!;
      if (facts.warning || facts.session !== session) continue;
      if (seen === this.limits.sessionHead) return index;
      seen++;
    }
    throw new Error(`session ${session} has no entry past its head`);
  }

  private removeAt(index: number): T {
    const [removed] = this.kept.splice(index, 1);
    const { facts } = removed!;
    this.bytes -= facts.bytes;
    this.droppedCounts.entries++;
    if (facts.warning) this.droppedCounts.warnings++;
    else {
      const left = (this.perSession.get(facts.session) ?? 1) - 1;
      if (left === 0) this.perSession.delete(facts.session);
      else this.perSession.set(facts.session, left);
    }
    return removed!.item;
  }
}
