// The one "latest value + listeners" store of the course (the tracker's connection status, the player's save status
// and session): whoever subscribes hears each new value, and can read the latest at any time, so a listener that
// comes late misses nothing. A listener that throws does not stop the others (from hearing the LMS is unreachable).

export class Latest<T> {
  private readonly listeners = new Set<(value: T) => void>();

  /** `same` says when a new value is no news (then it is not announced: a banner does not flicker on every retry). */
  constructor(
    private value: T,
    private readonly same: (a: T, b: T) => boolean = Object.is,
  ) {}

  get current(): T {
    return this.value;
  }

  set(value: T): void {
    if (this.same(this.value, value)) return;
    this.value = value;
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // Nothing to do: the others still hear it.
      }
    }
  }

  /** Hears every later value; `replay` also hands over the current one at once. Returns the unsubscribe. */
  subscribe(listener: (value: T) => void, replay = false): () => void {
    this.listeners.add(listener);
    if (replay) listener(this.value);
    return () => this.listeners.delete(listener);
  }
}

/** Every value announced, none kept (save receipts: each is about its own state). */
export class Events<T> {
  private readonly listeners = new Set<(value: T) => void>();

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // As above.
      }
    }
  }

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Same JSON: for small plain values such as a connection status. */
export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
