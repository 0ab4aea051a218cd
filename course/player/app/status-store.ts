// The tracker's latest connection status, kept from the moment the tracker exists (before the first screen renders)
// so that a problem during start-up is not missed by a banner that subscribes later. The player may report a problem
// of its own (a save that never reached the tracker) with `set`; the tracker's next status replaces it.
import type { ConnectionStatus, Tracker } from '../../runtime/tracker.ts';
import { Latest, sameJson } from '../../runtime/shared/latest.ts';

export type StatusStore = Latest<ConnectionStatus>;

export function statusStore(tracker: Tracker): StatusStore {
  const store = new Latest<ConnectionStatus>({ state: 'connected' }, sameJson);
  tracker.onStatus((status) => store.set(status));
  return store;
}
