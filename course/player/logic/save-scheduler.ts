// Debounced saving: typing in a reflection or playing the film changes the state many times a second, but the LMS
// should hear about it at most every few seconds; a screen change or leaving the page saves at once.

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

  /**
   * @param save does the saving; it is called with nothing and reads the latest state itself
   * @param delayMs quiet time after the last change before saving
   */
  constructor(
    private readonly save: () => void,
    private readonly delayMs: number,
    private readonly timers: Timers = browserTimers,
  ) {}

  /** Something changed: save once things have been quiet for the delay. */
  changed(): void {
    if (this.pending !== null) this.timers.clear(this.pending);
    this.pending = this.timers.set(() => {
      this.pending = null;
      this.save();
    }, this.delayMs);
  }

  /** Save now if a save is waiting (screen change, page hide). Returns whether it saved. */
  flush(): boolean {
    if (this.pending === null) return false;
    this.timers.clear(this.pending);
    this.pending = null;
    this.save();
    return true;
  }

  get isPending(): boolean {
    return this.pending !== null;
  }

  cancel(): void {
    if (this.pending !== null) this.timers.clear(this.pending);
    this.pending = null;
  }
}
