// Debounced saving: typing in a reflection or playing the film changes the state many times a second, so a change is
// handed to the tracker once the learner has been quiet for a moment, and at the latest a few seconds after the first
// unsaved change (someone typing without a pause still has their text saved); a screen change or leaving the page
// saves at once. How soon the LMS then hears of it is the tracker's commit policy (course/runtime/README.md).

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const browserTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class SaveScheduler {
  private pending: unknown = null;
  /** When the first change not yet saved was made (timers' clock is not needed: maxWait runs from a timer). */
  private deadline: unknown = null;

  /**
   * @param save does the saving; it is called with nothing and reads the latest state itself
   * @param delayMs quiet time after the last change before saving
   * @param maxWaitMs longest a change waits while changes keep coming
   */
  constructor(
    private readonly save: () => void,
    private readonly delayMs: number,
    private readonly timers: Timers = browserTimers,
    private readonly maxWaitMs: number = Infinity,
  ) {}

  /** Something changed: save once things have been quiet for the delay (or the longest wait has passed). */
  changed(): void {
    if (this.pending !== null) this.timers.clear(this.pending);
    this.pending = this.timers.set(() => this.fire(), this.delayMs);
    if (this.deadline === null && Number.isFinite(this.maxWaitMs)) this.deadline = this.timers.set(() => this.fire(), this.maxWaitMs);
  }

  /** Save now if a save is waiting (screen change, page hide). Returns whether it saved. */
  flush(): boolean {
    if (this.pending === null) return false;
    this.fire();
    return true;
  }

  get isPending(): boolean {
    return this.pending !== null;
  }

  cancel(): void {
    if (this.pending !== null) this.timers.clear(this.pending);
    if (this.deadline !== null) this.timers.clear(this.deadline);
    this.pending = null;
    this.deadline = null;
  }

  private fire(): void {
    this.cancel();
    this.save();
  }
}
