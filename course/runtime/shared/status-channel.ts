// Events for the player: the save receipts (Channel: every event to whoever listens), and the tracker's connection
// status (StatusChannel: a listener that subscribes late still hears the latest status, and the same status is not
// announced twice in a row, so a banner does not flicker on every retry).
import type { ConnectionStatus } from '../tracker.ts';

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
        // A failing listener must not stop the others (from hearing that the LMS is unreachable, say).
      }
    }
  }
}

export class StatusChannel extends Channel<ConnectionStatus> {
  private latest: ConnectionStatus | null = null;

  get current(): ConnectionStatus | null {
    return this.latest;
  }

  override subscribe(listener: (status: ConnectionStatus) => void): void {
    super.subscribe(listener);
    if (this.latest) listener(this.latest);
  }

  override emit(status: ConnectionStatus): void {
    if (this.latest && JSON.stringify(this.latest) === JSON.stringify(status)) return;
    this.latest = status;
    super.emit(status);
  }
}
