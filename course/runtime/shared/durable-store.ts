// The local copies (safety copy, answer journal, statement queue) kept where a crash or power cut cannot take them.
// localStorage is read and written within the caller's turn, which the runtime needs, but Chromium writes it to disk
// in batches, seconds later (its storage service holds changes in memory for a commit delay, then rate-limits
// commits), so a browser killed soon after a save loses it (issue 17.4). So every write is mirrored to IndexedDB in a
// transaction with durability "strict", which completes only once the data are flushed to disk; at start the mirror is
// read back over localStorage. Only the course's own keys ("common-ground:…") are mirrored.
import type { KeyValueStore } from './browser-storage.ts';
import { memoryStore } from './browser-storage.ts';

const PREFIX = 'common-ground:';

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
 * mirrored to it. What the mirror holds wins: it reaches the disk first. A key only `fast` holds is kept (and
 * mirrored): a copy resurrected after its removal was lost is harmless (the runtime drops a safety copy the LMS has,
 * and a resent statement or answer is recognised), while a newer value thrown away would be work lost.
 */
export async function mirroredStore(fast: KeyValueStore | null, backend: DurableBackend, fastKeys: () => string[]): Promise<KeyValueStore> {
  const store = fast ?? memoryStore();
  let durable: Map<string, string>;
  try {
    durable = await backend.readAll();
  } catch {
    return store;
  }
  for (const [key, value] of durable) if (key.startsWith(PREFIX) && store.get(key) !== value) store.set(key, value);
  for (const key of fastKeys()) {
    const value = store.get(key);
    if (key.startsWith(PREFIX) && value !== null && !durable.has(key)) void backend.put(key, value).catch(() => undefined);
  }
  return {
    get: (key) => store.get(key),
    set(key, value) {
      const kept = store.set(key, value);
      if (key.startsWith(PREFIX)) void backend.put(key, value).catch(() => undefined);
      return kept;
    },
    remove(key) {
      store.remove(key);
      if (key.startsWith(PREFIX)) void backend.delete(key).catch(() => undefined);
    },
  };
}

const DATABASE = 'common-ground';
const STORE = 'kept';

/** The IndexedDB mirror, or null where IndexedDB cannot be opened (blocked, private mode, an old browser). */
export async function indexedDbBackend(win: Window): Promise<DurableBackend | null> {
  let factory: IDBFactory | undefined;
  try {
    factory = win.indexedDB;
  } catch {
    return null;
  }
  if (!factory) return null;
  const db = await new Promise<IDBDatabase | null>((resolve) => {
    try {
      const request = factory.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  if (!db) return null;
  const write = (change: (store: IDBObjectStore) => void): Promise<void> =>
    new Promise((resolve, reject) => {
      // "strict": the transaction completes only once the browser has flushed it to disk.
      const transaction = db.transaction(STORE, 'readwrite', { durability: 'strict' });
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
      change(transaction.objectStore(STORE));
    });
  return {
    readAll: () =>
      new Promise((resolve, reject) => {
        const all = new Map<string, string>();
        const request = db.transaction(STORE, 'readonly').objectStore(STORE).openCursor();
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return resolve(all);
          if (typeof cursor.key === 'string' && typeof cursor.value === 'string') all.set(cursor.key, cursor.value);
          cursor.continue();
        };
        request.onerror = () => reject(request.error);
      }),
    put: (key, value) => write((store) => store.put(value, key)),
    delete: (key) => write((store) => store.delete(key)),
  };
}

/** The runtime's local store: localStorage mirrored to IndexedDB where it can be, else localStorage alone. */
export async function durableLocalStore(win: Window, fast: KeyValueStore | null): Promise<KeyValueStore | null> {
  const backend = await indexedDbBackend(win).catch(() => null);
  if (!backend) return fast;
  return mirroredStore(fast, backend, () => storageKeys(win));
}

function storageKeys(win: Window): string[] {
  try {
    const storage = win.localStorage;
    return Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key !== null);
  } catch {
    return [];
  }
}
