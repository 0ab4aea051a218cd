import { describe, expect, it } from 'vitest';
import { codecLoader, loadWhenIdle, stateEncoder, type IdleHost, type StateCodec } from '../../../../course/player/app/codec-loader.ts';
import * as savedProgress from '../../../../course/player/app/saved-progress.ts';
import { decodeState } from '../../../../course/runtime/state/codec.ts';
import { emptyLearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { fixtureCourse } from '../fixture-course.ts';

const course = fixtureCourse();
const state = { ...emptyLearnerState('welcome'), completedScreens: ['welcome'] };

/** A fetch of the codec chunk that fails the first `failures` times. */
function flakyFetch(failures: number): { fetch: () => Promise<StateCodec>; calls: () => number } {
  let calls = 0;
  return {
    fetch: async () => {
      calls++;
      if (calls <= failures) throw new Error('network down');
      return savedProgress;
    },
    calls: () => calls,
  };
}

describe('codecLoader', () => {
  it('fetches once, and is ready afterwards', async () => {
    const source = flakyFetch(0);
    const loader = codecLoader(source.fetch);
    expect(loader.ready).toBeNull();
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    expect(a).toBe(savedProgress);
    expect(b).toBe(savedProgress);
    expect(loader.ready).toBe(savedProgress);
    await loader.load();
    expect(source.calls()).toBe(1);
  });

  it('tries again after a failed fetch', async () => {
    const source = flakyFetch(1);
    const loader = codecLoader(source.fetch);
    await expect(loader.load()).rejects.toThrow('network down');
    expect(loader.ready).toBeNull();
    await expect(loader.load()).resolves.toBe(savedProgress);
    expect(source.calls()).toBe(2);
  });
});

describe('stateEncoder', () => {
  it('waits for the codec before it arrives, and encodes at once (no promise) after', async () => {
    const loader = codecLoader(flakyFetch(0).fetch);
    const encode = stateEncoder(loader, course, () => {
      throw new Error('not expected');
    });
    const early = encode(state);
    expect(early).toBeInstanceOf(Promise);
    const encoded = await early;
    const later = encode(state);
    expect(typeof later).toBe('string');
    expect(later).toBe(encoded);
    const decoded = decodeState(later as string, course);
    expect(decoded.ok && decoded.state.completedScreens).toEqual(['welcome']);
  });

  it('says when the codec could not be fetched, and fetches it again for the next save', async () => {
    const source = flakyFetch(1);
    let told = 0;
    const encode = stateEncoder(codecLoader(source.fetch), course, () => told++);
    await expect(encode(state)).rejects.toThrow('network down');
    expect(told).toBe(1);
    await expect(encode(state)).resolves.toMatch(/\S/);
    expect(told).toBe(1);
  });
});

/** A host whose idle callbacks and timers run only when the test says so. */
function manualHost(withIdle: boolean): IdleHost & { run(): void; waiting(): number; timeouts: (number | undefined)[] } {
  const queue = new Map<number, () => void>();
  const timeouts: (number | undefined)[] = [];
  let next = 1;
  const add = (callback: () => void): number => {
    queue.set(next, callback);
    return next++;
  };
  const host = {
    timeouts,
    setTimeout: (callback: () => void) => add(callback),
    clearTimeout: (handle: number) => void queue.delete(handle),
    run: () => {
      for (const [id, callback] of [...queue]) {
        queue.delete(id);
        callback();
      }
    },
    waiting: () => queue.size,
  };
  if (!withIdle) return host;
  return {
    ...host,
    requestIdleCallback: (callback: () => void, options?: { timeout: number }) => {
      timeouts.push(options?.timeout);
      return add(callback);
    },
    cancelIdleCallback: (handle: number) => void queue.delete(handle),
  };
}

describe('loadWhenIdle', () => {
  it('fetches nothing until the browser is idle, then fetches once, with a deadline', async () => {
    const source = flakyFetch(0);
    const loader = codecLoader(source.fetch);
    const host = manualHost(true);
    loadWhenIdle(loader, host);
    expect(source.calls()).toBe(0);
    expect(host.timeouts[0]).toBeGreaterThan(0);
    host.run();
    await loader.load();
    expect(source.calls()).toBe(1);
    expect(loader.ready).toBe(savedProgress);
  });

  it('falls back to a timer where there is no requestIdleCallback', () => {
    const source = flakyFetch(0);
    const host = manualHost(false);
    loadWhenIdle(codecLoader(source.fetch), host);
    expect(host.waiting()).toBe(1);
    host.run();
    expect(source.calls()).toBe(1);
  });

  it('can be cancelled before it runs, and asks for nothing when the codec is here already', async () => {
    const source = flakyFetch(0);
    const loader = codecLoader(source.fetch);
    for (const withIdle of [true, false]) {
      const host = manualHost(withIdle);
      loadWhenIdle(loader, host)();
      expect(host.waiting()).toBe(0);
    }
    expect(source.calls()).toBe(0);
    await loader.load();
    const host = manualHost(true);
    loadWhenIdle(loader, host);
    expect(host.waiting()).toBe(0);
    expect(source.calls()).toBe(1);
  });

  it('leaves a failed fetch for the next save to retry, without an unhandled rejection', async () => {
    const source = flakyFetch(1);
    const loader = codecLoader(source.fetch);
    const host = manualHost(true);
    loadWhenIdle(loader, host);
    host.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loader.ready).toBeNull();
    await expect(loader.load()).resolves.toBe(savedProgress);
    expect(source.calls()).toBe(2);
  });
});
