// What an adapter takes from its surroundings, gathered in one place so tests can hand in a manual clock, in-memory
// storage and a fake fetch, while the package uses the browser's own.
import { browserStore, memoryStore, type KeyValueStore } from './browser-storage.ts';
import { systemClock, type Clock } from './clock.ts';
import { durableLocalStore } from './durable-store.ts';

export interface RuntimeDeps {
  clock: Clock;
  /** localStorage (mirrored to IndexedDB: durable-store.ts), or null when this browser keeps nothing (the learner is told). */
  localStore: KeyValueStore | null;
  /** sessionStorage (cmi5 keeps its one-time auth token there), or an in-page store. */
  sessionStore: KeyValueStore;
  fetch: typeof fetch;
  /** Fetches a part of the runtime loaded after the first screen (the session's core and transport); tests delay it. */
  fetchLater: <T>(load: () => Promise<T>) => Promise<T>;
}

export function runtimeDeps(win: Window, given: Partial<RuntimeDeps> = {}): RuntimeDeps {
  return {
    clock: given.clock ?? systemClock(),
    localStore: given.localStore !== undefined ? given.localStore : browserStore(win, 'local'),
    sessionStore: given.sessionStore ?? browserStore(win, 'session') ?? memoryStore(),
    fetch: given.fetch ?? ((input, init) => win.fetch(input, init)),
    fetchLater: given.fetchLater ?? ((load) => load()),
  };
}

/** The same, with the local store brought back from its durable mirror first (what every adapter uses). */
export async function loadRuntimeDeps(win: Window, given: Partial<RuntimeDeps> = {}): Promise<RuntimeDeps> {
  const deps = runtimeDeps(win, given);
  if (given.localStore !== undefined) return deps;
  return { ...deps, localStore: await durableLocalStore(win, deps.localStore) };
}
