import { describe, expect, it } from 'vitest';
import { withNeeded, type LazyState } from '../../../../course/player/app/use-lazy.ts';

const loading: LazyState<never> = { kind: 'loading' };
const ready = <C>(component: C): LazyState<C> => ({ kind: 'ready', component });
function failed(log: string[], name: string): LazyState<never> {
  return { kind: 'failed', retry: () => log.push(name) };
}

describe('withNeeded: a component and the course text it needs, as one state', () => {
  it('is ready only when both are, with the component', () => {
    expect(withNeeded(ready('screen'), ready(true))).toEqual({ kind: 'ready', component: 'screen' });
    expect(withNeeded(ready('screen'), loading).kind).toBe('loading');
    expect(withNeeded(loading, ready(true)).kind).toBe('loading');
  });

  it('fails when either fails, even while the other still loads, and "Try again" retries each that failed', () => {
    const log: string[] = [];
    const one = withNeeded(failed(log, 'component'), loading);
    const both = withNeeded(failed(log, 'component'), failed(log, 'text'));
    const text = withNeeded(ready('screen'), failed(log, 'text'));
    if (one.kind !== 'failed' || both.kind !== 'failed' || text.kind !== 'failed') throw new Error('expected failed states');
    one.retry();
    expect(log).toEqual(['component']);
    both.retry();
    expect(log).toEqual(['component', 'component', 'text']);
    text.retry();
    expect(log).toEqual(['component', 'component', 'text', 'text']);
  });
});
