// When to send what is waiting to the LMS or LRS. A request names how soon (at once on a screen change, later while
// the learner types); an earlier request is never pushed back by a later one, so work cannot starve. A failed
// attempt is retried after the next wait in the backoff list (the last wait repeats), and one attempt runs at a time.
import type { Clock } from '../shared/clock.ts';

export interface CommitSchedulerOptions {
  clock: Clock;
  /** Sends everything waiting; true when the other side confirmed it. Must not throw (a throw counts as a failure). */
  commit: () => boolean | Promise<boolean>;
  /** Waits between failed attempts, in order; the last repeats for as long as the page is open. */
  backoffMs: readonly number[];
  /** Told after every attempt: whether it worked and how many attempts in a row have failed. */
  onAttempt?: (ok: boolean, failuresInARow: number) => void;
}

export class CommitScheduler {
  private timer: unknown = null;
  private due = Infinity;
  private retrying = false;
  private running: Promise<boolean> | null = null;
  private requestedDuringRun: number | null = null;
  private failuresInARow = 0;
  private disposed = false;

  constructor(private readonly options: CommitSchedulerOptions) {}

  get failures(): number {
    return this.failuresInARow;
  }

  /** A commit is due (requested, or a retry), or running. */
  get pending(): boolean {
    return this.timer !== null || this.running !== null;
  }

  /** Something changed: commit within `delayMs`. */
  request(delayMs: number): void {
    if (this.disposed) return;
    const due = this.options.clock.now() + Math.max(0, delayMs);
    if (this.running) {
      this.requestedDuringRun = Math.min(this.requestedDuringRun ?? Infinity, due);
      return;
    }
    if (this.retrying || due >= this.due) return; // a retry or an earlier commit is already coming
    this.arm(due);
  }

  /** Commit now, whatever is scheduled; resolves with the outcome. */
  async flush(): Promise<boolean> {
    if (this.running) await this.running;
    this.disarm();
    return this.run();
  }

  /** Resolves once no attempt is running (the last requests of a session must not overtake one in flight). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  dispose(): void {
    this.disposed = true;
    this.disarm();
  }

  private arm(due: number, retry = false): void {
    this.disarm();
    this.due = due;
    this.retrying = retry;
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      this.due = Infinity;
      this.retrying = false;
      void this.run();
    }, Math.max(0, due - this.options.clock.now()));
  }

  private disarm(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    this.due = Infinity;
    this.retrying = false;
  }

  private run(): Promise<boolean> {
    if (this.running) return this.running;
    this.running = (async () => {
      let ok: boolean;
      try {
        ok = await this.options.commit();
      } catch {
        ok = false;
      }
      return ok;
    })().then((ok) => {
      this.running = null;
      this.failuresInARow = ok ? 0 : this.failuresInARow + 1;
      const later = this.requestedDuringRun;
      this.requestedDuringRun = null;
      if (!this.disposed) {
        if (!ok) {
          const waits = this.options.backoffMs;
          const wait = waits[Math.min(this.failuresInARow - 1, waits.length - 1)] ?? 1000;
          this.arm(this.options.clock.now() + wait, true);
        } else if (later !== null) {
          this.arm(later);
        }
      }
      this.options.onAttempt?.(ok, this.failuresInARow);
      return ok;
    });
    return this.running;
  }
}
