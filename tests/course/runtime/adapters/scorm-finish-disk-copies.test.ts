// A SCO that finishes with its page open: the LMS may close the frame the moment Terminate returns (SCORM 2004's
// exitAll; Moodle and the preview do), which aborts whatever the page still has in hand. So the copies this browser
// keeps on disk (the IndexedDB mirror of durable-store.ts) are removed before Terminate, and put back if the LMS does
// not take the session's end. A page already going (pagehide) cannot wait: it ends the session at once.
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../../course/runtime/shared/browser-storage.ts';
import { mirroredStore, type DurableBackend } from '../../../../course/runtime/shared/durable-store.ts';
import { launchScorm } from '../helpers/scorm-launch.ts';
import { loadCourse, typicalStateAt } from '../helpers/course-fixtures.ts';
import { lmsServerPerTest, type TestLms } from '../helpers/scorm-lms.ts';

const course = loadCourse();
const midState = typicalStateAt(course, 4);

lmsServerPerTest(() => {});

/** A disk that answers when told to, and writes each operation, with the LMS calls so far, into one timeline. */
class SlowDisk implements DurableBackend {
  readonly data = new Map<string, string>();
  readonly timeline: string[] = [];
  private waiting: (() => void)[] = [];
  lms: TestLms | null = null;
  async readAll(): Promise<Map<string, string>> {
    return new Map(this.data);
  }
  put(key: string, value: string): Promise<void> {
    return this.later(`put ${key.split(':')[1]}`, () => this.data.set(key, value));
  }
  delete(key: string): Promise<void> {
    return this.later(`delete ${key.split(':')[1]}`, () => this.data.delete(key));
  }
  /** Completes every operation waiting, in order. */
  answer(): void {
    for (const done of this.waiting.splice(0)) done();
  }
  private later(what: string, change: () => void): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(() => {
        change();
        this.timeline.push(`${what} (after ${this.terminates()} Terminate)`);
        resolve();
      });
    });
  }
  terminates(): number {
    return this.lms?.calls.filter((call) => call.method === 'Terminate').length ?? 0;
  }
}

const flushTurns = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

async function launchWithDisk(faults: { gone?: boolean } = {}) {
  const disk = new SlowDisk();
  const run = await launchScorm({ standard: 'scorm2004-4th', localStore: await mirroredStore(memoryStore(), disk), faults });
  disk.lms = run.lms;
  // A state saved just before the learner finishes: its copy is on disk, the LMS has not confirmed it yet.
  await run.tracker.saveState(midState, 'summary');
  await flushTurns();
  disk.answer();
  return { disk, run };
}

describe('SCORM 2004 finishing with the page open: the disk copies go before Terminate', () => {
  it('removes the copy from disk, then terminates; nothing stays on disk', async () => {
    const { disk, run } = await launchWithDisk();
    expect([...disk.data.keys()].some((key) => key.startsWith('common-ground:unconfirmed:'))).toBe(true);
    const exited = run.tracker.exit('finish');
    await flushTurns();
    expect(disk.terminates(), 'Terminate waits for the disk').toBe(0);
    disk.answer();
    await exited;
    expect(disk.terminates()).toBe(1);
    expect(disk.timeline.filter((line) => line.startsWith('delete unconfirmed'))[0]).toBe('delete unconfirmed (after 0 Terminate)');
    await flushTurns();
    disk.answer();
    expect([...disk.data.keys()]).toEqual([]);
  });

  it('ends the session anyway when the disk does not answer in time', async () => {
    const { disk, run } = await launchWithDisk();
    const exited = run.tracker.exit('finish');
    await flushTurns();
    await run.clock.advance(2000);
    await exited;
    expect(disk.terminates()).toBe(1);
  });

  it('puts the copy back on disk when the LMS cannot take the end of the session', async () => {
    const { disk, run } = await launchWithDisk();
    run.lms.faults.gone = true;
    const exited = run.tracker.exit('finish');
    await flushTurns();
    disk.answer();
    await exited;
    await flushTurns();
    disk.answer();
    expect(disk.data.get([...disk.data.keys()].find((key) => key.startsWith('common-ground:unconfirmed:'))!)).toContain(midState.slice(0, 20));
    expect(run.statuses.at(-1)).toMatchObject({ state: 'failed' });
  });

  it('terminates in the pagehide turn when the page goes while the disk is answering', async () => {
    const { disk, run } = await launchWithDisk();
    void run.tracker.exit('finish');
    await flushTurns();
    expect(disk.terminates()).toBe(0);
    run.page.pageHide();
    expect(disk.terminates(), 'Terminate within the pagehide handler').toBe(1);
  });
});
