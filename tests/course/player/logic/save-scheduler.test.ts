import { describe, expect, it } from 'vitest';
import { SaveScheduler, type Timers } from '../../../../course/player/logic/save-scheduler.ts';

/** Timers driven by hand: nothing runs until the test says time has passed. */
class ManualTimers implements Timers {
  private next = 1;
  readonly waiting = new Map<number, { callback: () => void; ms: number }>();
  set(callback: () => void, ms: number): number {
    const id = this.next++;
    this.waiting.set(id, { callback, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.waiting.delete(handle as number);
  }
  runAll(): void {
    for (const [id, { callback }] of [...this.waiting]) {
      this.waiting.delete(id);
      callback();
    }
  }
}

describe('SaveScheduler', () => {
  it('saves once after a burst of changes', () => {
    const timers = new ManualTimers();
    let saves = 0;
    const scheduler = new SaveScheduler(() => saves++, 2000, timers);
    scheduler.changed();
    scheduler.changed();
    scheduler.changed();
    expect(timers.waiting.size).toBe(1);
    expect([...timers.waiting.values()][0]?.ms).toBe(2000);
    expect(saves).toBe(0);
    timers.runAll();
    expect(saves).toBe(1);
    expect(scheduler.isPending).toBe(false);
  });

  it('saves at once on flush, and only if something is waiting', () => {
    const timers = new ManualTimers();
    let saves = 0;
    const scheduler = new SaveScheduler(() => saves++, 2000, timers);
    expect(scheduler.flush()).toBe(false);
    scheduler.changed();
    expect(scheduler.flush()).toBe(true);
    expect(saves).toBe(1);
    timers.runAll();
    expect(saves).toBe(1);
  });

  it('drops a waiting save when cancelled', () => {
    const timers = new ManualTimers();
    let saves = 0;
    const scheduler = new SaveScheduler(() => saves++, 2000, timers);
    scheduler.changed();
    scheduler.cancel();
    timers.runAll();
    expect(saves).toBe(0);
  });
});
