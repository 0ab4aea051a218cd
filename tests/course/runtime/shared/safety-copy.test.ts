import { describe, expect, it } from 'vitest';
import { chooseResumeState, fingerprint, SafetyCopyStore } from '../../../../course/runtime/shared/safety-copy.ts';
import { browserStore, memoryStore } from '../../../../course/runtime/shared/browser-storage.ts';
import { fakeWindow, MemoryStorage } from '../helpers/fake-window.ts';

describe('safety copy', () => {
  it('continues the LMS state only when the LMS still holds what the copy was based on', () => {
    const copy = { state: 'newer', location: 'b', savedAt: 1, base: fingerprint('older') };
    expect(chooseResumeState('older', copy)).toEqual({ state: 'newer', fromCopy: true });
    expect(chooseResumeState('newer', copy)).toEqual({ state: 'newer', fromCopy: false });
    expect(chooseResumeState('from-another-pc', copy)).toEqual({ state: 'from-another-pc', fromCopy: false });
    expect(chooseResumeState(null, { ...copy, base: fingerprint(null) })).toEqual({ state: 'newer', fromCopy: true });
    expect(chooseResumeState('older', null)).toEqual({ state: 'older', fromCopy: false });
  });

  it('reads back what it wrote, drops what it cannot read, and clears', () => {
    const store = memoryStore();
    const copies = new SafetyCopyStore(store, 'k');
    expect(copies.read()).toBeNull();
    copies.write({ state: 's', location: 'l', savedAt: 5, base: 'empty' });
    expect(copies.read()).toEqual({ state: 's', location: 'l', savedAt: 5, base: 'empty' });
    store.set('k', '{not json');
    expect(copies.read()).toBeNull();
    expect(store.get('k')).toBeNull();
  });

  it('reports a browser that keeps nothing instead of pretending', () => {
    const blocked = fakeWindow();
    Object.defineProperty(blocked.win, 'localStorage', { get: () => { throw new DOMException('denied', 'SecurityError'); } });
    expect(browserStore(blocked.win, 'local')).toBeNull();
    expect(new SafetyCopyStore(null, 'k').available).toBe(false);
    const full = new MemoryStorage();
    const store = browserStore(fakeWindow({ localStorage: full }).win, 'local');
    full.refuseWrites = true;
    expect(store?.set('a', 'b')).toBe(false);
  });
});
