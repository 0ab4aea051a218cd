// The tracker's connection status for the player. A listener that subscribes late still hears the latest status,
// and the same status is not announced twice in a row (a banner must not flicker on every retry).
import type { ConnectionStatus } from '../tracker.ts';

export class StatusChannel {
  private latest: ConnectionStatus | null = null;
  private readonly listeners = new Set<(status: ConnectionStatus) => void>();

  get current(): ConnectionStatus | null {
    return this.latest;
  }

  subscribe(listener: (status: ConnectionStatus) => void): void {
    this.listeners.add(listener);
    if (this.latest) listener(this.latest);
  }

  emit(status: ConnectionStatus): void {
    if (this.latest && JSON.stringify(this.latest) === JSON.stringify(status)) return;
    this.latest = status;
    for (const listener of [...this.listeners]) {
      try {
        listener(status);
      } catch {
        // A failing listener must not stop the others from hearing that the LMS is unreachable.
      }
    }
  }
}

/** Events for whoever listens (no memory, no de-duplication): the save receipts. */
export class Channel<T> {
  private readonly listeners = new Set<(value: T) => void>();

  subscribe(listener: (value: T) => void): void {
    this.listeners.add(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // A failing listener must not stop the others.
      }
    }
  }
}
