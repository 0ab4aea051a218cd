// Loads a component from a chunk of its own the first time it is needed, and remembers it for later renders.
import { useEffect, useState } from 'preact/hooks';

export type LazyState<C> = { kind: 'loading' } | { kind: 'ready'; component: C } | { kind: 'failed'; retry(): void };

const cache = new Map<string, unknown>();
const pending = new Map<string, Promise<unknown>>();

/** Starts loading (once per key) and resolves with the component. */
export function loadLazy<C>(key: string, loader: () => Promise<C>): Promise<C> {
  if (cache.has(key)) return Promise.resolve(cache.get(key) as C);
  let promise = pending.get(key) as Promise<C> | undefined;
  if (!promise) {
    promise = loader().then(
      (component) => {
        cache.set(key, component);
        pending.delete(key);
        return component;
      },
      (error: unknown) => {
        // Forget the failure so that "Try again" (or the next visit) fetches afresh.
        pending.delete(key);
        throw error;
      },
    );
    pending.set(key, promise);
  }
  return promise;
}

export function useLazy<C>(key: string, loader: () => Promise<C>): LazyState<C> {
  const initial = (): LazyState<C> => (cache.has(key) ? { kind: 'ready', component: cache.get(key) as C } : { kind: 'loading' });
  const [state, setState] = useState<LazyState<C>>(initial);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (cache.has(key)) {
      setState({ kind: 'ready', component: cache.get(key) as C });
      return;
    }
    let live = true;
    setState({ kind: 'loading' });
    loadLazy(key, loader).then(
      (component) => live && setState({ kind: 'ready', component }),
      () => live && setState({ kind: 'failed', retry: () => setAttempt((n) => n + 1) }),
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);
  return state;
}

/**
 * One state for a component and what it needs beside it (the course text it shows): ready when both are, failed when
 * either is, and then "Try again" retries whichever failed.
 */
export function withNeeded<C>(component: LazyState<C>, needed: LazyState<unknown>): LazyState<C> {
  if (component.kind === 'ready' && needed.kind === 'ready') return component;
  if (component.kind !== 'failed' && needed.kind !== 'failed') return { kind: 'loading' };
  return {
    kind: 'failed',
    retry: () => {
      if (component.kind === 'failed') component.retry();
      if (needed.kind === 'failed') needed.retry();
    },
  };
}
