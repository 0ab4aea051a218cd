import { describe, expect, it } from 'vitest';
import { CommitScheduler } from '../../../../course/runtime/session/commit-scheduler.ts';
import { ManualClock } from '../helpers/manual-clock.ts';

function scheduler(answers: boolean[]) {
  const clock = new ManualClock();
  const attempts: number[] = [];
  const results: [boolean, number][] = [];
  const s = new CommitScheduler({
    clock,
    backoffMs: [1000, 5000],
    commit: () => {
      attempts.push(clock.now());
      return answers.shift() ?? true;
    },
    onAttempt: (ok, failures) => results.push([ok, failures]),
  });
  return { clock, attempts, results, s };
}

describe('commit scheduler', () => {
  it('keeps the earliest requested time: a later, slower request never delays a commit', async () => {
    const { clock, attempts, s } = scheduler([]);
    const start = clock.now();
    s.request(500);
    s.request(30_000);
    s.request(200);
    await clock.advance(10_000);
    expect(attempts.map((t) => t - start)).toEqual([200]);
  });

  it('retries after each wait in the backoff list, repeating the last, until it works', async () => {
    const { clock, attempts, results, s } = scheduler([false, false, false, true]);
    const start = clock.now();
    s.request(0);
    s.request(0); // a change while a retry is pending does not hurry the retry
    await clock.advance(60_000);
    expect(attempts.map((t) => t - start)).toEqual([0, 1000, 6000, 11_000]);
    expect(results).toEqual([[false, 1], [false, 2], [false, 3], [true, 0]]);
  });

  it('runs one commit at a time and catches up on changes made during it', async () => {
    const clock = new ManualClock();
    let release: (ok: boolean) => void = () => {};
    let runs = 0;
    const s = new CommitScheduler({ clock, backoffMs: [1000], commit: () => new Promise<boolean>((r) => { runs++; release = r; }) });
    s.request(0);
    await clock.advance(0);
    s.request(100); // arrives while the first commit is still running
    expect(runs).toBe(1);
    release(true);
    await clock.advance(100);
    expect(runs).toBe(2);
    // A flush during a commit waits for it, then commits again with whatever came in meanwhile.
    void s.flush();
    await clock.advance(0);
    expect(runs).toBe(2);
    release(true);
    await clock.advance(0);
    expect(runs).toBe(3);
    release(true);
    await clock.advance(10_000);
    expect(runs).toBe(3);
    expect(clock.pendingTimers).toBe(0);
  });

  it('counts a throwing commit as failed, and stops for good once disposed', async () => {
    const clock = new ManualClock();
    let runs = 0;
    const s = new CommitScheduler({ clock, backoffMs: [1000], commit: () => { runs++; throw new Error('boom'); } });
    expect(await s.flush()).toBe(false);
    s.dispose();
    s.request(0);
    await clock.advance(10_000);
    expect(runs).toBe(1);
    expect(clock.pendingTimers).toBe(0);
  });
});
