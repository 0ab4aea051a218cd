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

/** Timers on a clock moved by hand, for waits that depend on when things happened. */
class ClockTimers implements Timers {
  now = 0;
  private next = 1;
  private readonly waiting = new Map<number, { callback: () => void; at: number }>();
  set(callback: () => void, ms: number): number {
    const id = this.next++;
    this.waiting.set(id, { callback, at: this.now + ms });
    return id;
  }
  clear(handle: unknown): void {
    this.waiting.delete(handle as number);
  }
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.waiting].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.waiting.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = until;
  }
}

describe('SaveScheduler with a longest wait (issue 17.4)', () => {
  it('saves a quiet second after the last keystroke, and every few seconds while typing never pauses', () => {
    const timers = new ClockTimers();
    const saves: number[] = [];
    const scheduler = new SaveScheduler(() => saves.push(timers.now), 1000, timers, 5000);
    // Typing a key every 400 ms for 12 seconds, then a pause.
    for (let t = 0; t < 12_000; t += 400) {
      scheduler.changed();
      timers.advance(400);
    }
    expect(saves).toEqual([5000, 10_200]);
    timers.advance(1000);
    expect(saves).toEqual([5000, 10_200, 12_600]);
    expect(scheduler.isPending).toBe(false);
  });
});
