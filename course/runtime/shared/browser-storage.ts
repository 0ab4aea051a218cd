// localStorage and sessionStorage as they really behave inside LMS frames: missing, throwing SecurityError when
// cookies are blocked, or full. Every access is guarded; a store that cannot be used is reported as null so callers
// can say so honestly instead of pretending to keep a copy.

export interface KeyValueStore {
  get(key: string): string | null;
  /** False when the browser refused (quota, blocked storage). */
  set(key: string, value: string): boolean;
  remove(key: string): void;
  /**
   * Stores with a copy on disk (durable-store.ts) only. Removes `keys` from the disk copy now while this store keeps
   * them, and resolves once the disk holds none of them: a page about to be torn down (a SCO finishing, which the LMS
   * closes at once) clears the disk while it still can. Setting a key again puts it back on disk.
   */
  releaseDurable?(keys: readonly string[]): Promise<void>;
  /** Stores with a copy on disk only: resolves once every write and removal made so far has reached it. */
  settled?(): Promise<void>;
}

export function browserStore(win: Window, kind: 'local' | 'session'): KeyValueStore | null {
  let storage: Storage | null;
  try {
    storage = kind === 'local' ? win.localStorage : win.sessionStorage;
    if (!storage) return null;
    const probe = '__cg_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
  } catch {
    return null;
  }
  const usable = storage;
  return {
    get(key) {
      try {
        return usable.getItem(key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        usable.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        usable.removeItem(key);
      } catch {
        // Nothing to do: a store that cannot remove cannot have kept much either.
      }
    },
  };
}

/** A store that lasts as long as the page: the fallback when the browser keeps nothing. */
export function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => {
      values.set(key, value);
      return true;
    },
    remove: (key) => void values.delete(key),
  };
}
