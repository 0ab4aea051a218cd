// Time and timers behind one small interface, so the commit scheduler, backoff and session times can be driven by a
// manual clock in tests (no test waits for real time).

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  };
}

/** What `work` gives, or `fallback` once `ms` have passed without it (the timer is cleared when work ends first). */
export function withTimeout<T>(work: Promise<T>, ms: number, fallback: T, clock: Clock): Promise<T> {
  return new Promise((resolve) => {
    const timer = clock.setTimeout(() => resolve(fallback), ms);
    void work.then((value) => {
      clock.clearTimeout(timer);
      resolve(value);
    });
  });
}
