// The local copies mirrored to a durable store (IndexedDB in the browser; the kill test in tests/e2e/kill.test.ts
// proves it there): what localStorage lost in a crash comes back from the mirror, removals reach it too, and a store
// that cannot be read leaves localStorage as it was.
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../../course/runtime/shared/browser-storage.ts';
import { mirroredStore, type DurableBackend } from '../../../../course/runtime/shared/durable-store.ts';

class MemoryBackend implements DurableBackend {
  readonly data = new Map<string, string>();
  broken = false;
  async readAll(): Promise<Map<string, string>> {
    if (this.broken) throw new Error('blocked');
    return new Map(this.data);
  }
  async put(key: string, value: string): Promise<void> {
    this.data.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.data.delete(key);
  }
}

describe('mirroredStore', () => {
  it('mirrors the course’s keys, and brings back after a crash what localStorage had not written to disk', async () => {
    const backend = new MemoryBackend();
    const before = await mirroredStore(memoryStore(), backend);
    before.set('common-ground:unconfirmed:c:scorm12:u1', 'typed text');
    await Promise.resolve();
    expect(backend.data.get('common-ground:unconfirmed:c:scorm12:u1')).toBe('typed text');
    // The browser is killed: localStorage comes back without the last write.
    const after = await mirroredStore(memoryStore(), backend);
    expect(after.get('common-ground:unconfirmed:c:scorm12:u1')).toBe('typed text');
    after.remove('common-ground:unconfirmed:c:scorm12:u1');
    await Promise.resolve();
    expect(backend.data.size).toBe(0);
  });

  it('writes to the mirror at the end of the turn: a copy saved and removed in one turn never reaches it', async () => {
    const backend = new MemoryBackend();
    const store = await mirroredStore(memoryStore(), backend);
    store.set('common-ground:unconfirmed:x', 'final state');
    store.remove('common-ground:unconfirmed:x');
    await Promise.resolve();
    expect(backend.data.size).toBe(0);
    store.set('common-ground:unconfirmed:x', 'one');
    store.set('common-ground:unconfirmed:x', 'two');
    expect(backend.data.size).toBe(0);
    await Promise.resolve();
    expect(backend.data.get('common-ground:unconfirmed:x')).toBe('two');
  });

  it('lets the mirror win over an older value, and keeps a key only localStorage holds', async () => {
    const backend = new MemoryBackend();
    backend.data.set('common-ground:a', 'new');
    backend.data.set('another-app', 'not ours');
    const fast = memoryStore();
    fast.set('common-ground:a', 'old');
    fast.set('common-ground:b', 'only here');
    const store = await mirroredStore(fast, backend);
    expect(store.get('common-ground:a')).toBe('new');
    expect(store.get('common-ground:b')).toBe('only here');
    expect(store.get('another-app')).toBeNull();
  });

  it('keeps a copy in memory and the mirror where localStorage is blocked, and falls back to localStorage where the mirror is', async () => {
    const backend = new MemoryBackend();
    backend.data.set('common-ground:a', 'kept');
    expect((await mirroredStore(null, backend)).get('common-ground:a')).toBe('kept');
    backend.broken = true;
    const fast = memoryStore();
    fast.set('common-ground:a', 'fast');
    expect((await mirroredStore(fast, backend)).get('common-ground:a')).toBe('fast');
  });

  it('releases keys from the mirror while keeping them here, and a later write puts them back', async () => {
    const backend = new MemoryBackend();
    const store = await mirroredStore(memoryStore(), backend);
    store.set('common-ground:unconfirmed:x', 'state');
    store.set('common-ground:other', 'kept');
    await store.settled!();
    await store.releaseDurable!(['common-ground:unconfirmed:x']);
    expect([...backend.data.keys()]).toEqual(['common-ground:other']);
    expect(store.get('common-ground:unconfirmed:x')).toBe('state');
    store.set('common-ground:unconfirmed:x', 'state');
    await store.settled!();
    expect(backend.data.get('common-ground:unconfirmed:x')).toBe('state');
  });

  it('settles once this turn’s writes and removals have reached the mirror', async () => {
    const backend = new MemoryBackend();
    const store = await mirroredStore(memoryStore(), backend);
    store.set('common-ground:a', 'one');
    const settled = store.settled!();
    expect(backend.data.size).toBe(0);
    await settled;
    expect(backend.data.get('common-ground:a')).toBe('one');
  });
});
