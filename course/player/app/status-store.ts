// The tracker's latest connection status, kept from the moment the tracker exists (before the first screen renders)
// so that a problem during start-up is not missed by a banner that subscribes later. The player may report a problem
// of its own (a save that never reached the tracker); the tracker's next status replaces it.
import type { ConnectionStatus, Tracker } from '../../runtime/tracker.ts';

export class StatusStore {
  private status: ConnectionStatus = { state: 'connected' };
  private readonly listeners = new Set<() => void>();

  constructor(tracker: Tracker) {
    tracker.onStatus((status) => this.report(status));
  }

  report(status: ConnectionStatus): void {
    this.status = status;
    for (const listener of [...this.listeners]) listener();
  }

  get current(): ConnectionStatus {
    return this.status;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
