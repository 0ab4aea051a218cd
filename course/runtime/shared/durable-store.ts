// The local copies (safety copy, answer journal, statement queue) kept where a crash or power cut cannot take them.
// localStorage is read and written within the caller's turn, which the runtime needs, but Chromium writes it to disk
// in batches, a moment later (its storage service holds changes in memory, then commits them), so a browser killed
// soon after a save loses it (issue 17.4). So every write is mirrored to IndexedDB in a transaction with durability
// "strict", which completes only once the data are flushed to disk, and at start the mirror is read back over
// localStorage. Only the runtime writes through this store, and its keys all begin "common-ground:".
import type { KeyValueStore } from './browser-storage.ts';
import { memoryStore } from './browser-storage.ts';

/** Where the mirror lives: IndexedDB in the browser, anything with the same three calls in tests. */
export interface DurableBackend {
  /** Every key and value it holds. */
  readAll(): Promise<Map<string, string>>;
  /** Writes are queued in order; they need not be awaited. */
  put(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * `fast` (localStorage, or null when the browser keeps nothing there) brought up to date from `backend`, and kept
 * mirrored to it. What the mirror holds wins: it reaches the disk first. A key only `fast` holds is kept: a copy
 * resurrected after its removal was lost is harmless (the runtime drops a safety copy the LMS has, and a resent
 * statement or answer is recognised), while a newer value thrown away would be work lost.
 */
export async function mirroredStore(fast: KeyValueStore | null, backend: DurableBackend): Promise<KeyValueStore> {
  const store = fast ?? memoryStore();
  try {
    for (const [key, value] of await backend.readAll()) if (key.startsWith('common-ground:') && store.get(key) !== value) store.set(key, value);
  } catch {
    return store;
  }
  // The last operation on the mirror: IndexedDB runs transactions on one store in the order they were made, so once
  // it has settled, everything before it has too.
  let last: Promise<void> = Promise.resolve();
  const track = (operation: Promise<void>): void => {
    last = operation.catch(() => {});
  };
  // Writes go to the mirror at the end of the turn, so a state saved and confirmed in the same turn (a SCO finishing)
  // is never written there at all: a frame torn down right after could abort the removal, and leave it behind.
  const writes = new Map<string, string>();
  const flush = (): void => {
    for (const [key, value] of writes) track(backend.put(key, value));
    writes.clear();
  };
  return {
    get: (key) => store.get(key),
    set(key, value) {
      if (writes.size === 0) queueMicrotask(flush);
      writes.set(key, value);
      return store.set(key, value);
    },
    remove(key) {
      writes.delete(key);
      track(backend.delete(key));
      store.remove(key);
    },
    releaseDurable(keys) {
      for (const key of keys) {
        writes.delete(key);
        track(backend.delete(key));
      }
      return last;
    },
    // After this turn's writes have gone to the mirror (their flush is queued ahead of this).
    settled: () => Promise.resolve().then(() => last),
  };
}

/** The IndexedDB mirror, or null where IndexedDB cannot be opened (blocked, private mode, an old browser). */
export async function indexedDbBackend(win: Window): Promise<DurableBackend | null> {
  const db = await new Promise<IDBDatabase | null>((resolve) => {
    try {
      const request = win.indexedDB.open('common-ground', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('kept');
      request.onsuccess = () => resolve(request.result);
      request.onerror = request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  if (!db) return null;
  // A copy's transaction completes only once the browser has flushed it to disk ("strict"); a removal need not wait
  // for the disk ("relaxed"), and the sooner it commits the less a frame torn down can abort it.
  const write = (change: (store: IDBObjectStore) => void, durability: IDBTransactionDurability): Promise<void> =>
    new Promise((resolve, reject) => {
      const transaction = db.transaction('kept', 'readwrite', { durability });
      change(transaction.objectStore('kept'));
      transaction.oncomplete = () => resolve();
      transaction.onerror = transaction.onabort = () => reject(transaction.error);
    });
  return {
    readAll: () =>
      new Promise((resolve, reject) => {
        const store = db.transaction('kept').objectStore('kept');
        const keys = store.getAllKeys();
        const values = store.getAll();
        values.onsuccess = () => resolve(new Map(keys.result.map((key, i) => [String(key), String(values.result[i])])));
        values.onerror = () => reject(values.error);
      }),
    put: (key, value) => write((store) => store.put(value, key), 'strict'),
    delete: (key) => write((store) => store.delete(key), 'relaxed'),
  };
}

/** The runtime's local store: localStorage mirrored to IndexedDB where it can be, else localStorage alone. */
export async function durableLocalStore(win: Window, fast: KeyValueStore | null): Promise<KeyValueStore | null> {
  const backend = await indexedDbBackend(win);
  return backend ? mirroredStore(fast, backend) : fast;
}
