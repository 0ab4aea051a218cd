// The runtime takes the player's state on its one clock, and owns the page's lifecycle: a quiet second after a change
// (at most five of non-stop change), at once on a move, when the page is hidden, and last at pagehide or the end.
import { describe, expect, it } from 'vitest';
import type { HandedState, SaveKind, StateSource } from '../../../../course/runtime/tracker.ts';
import { StateHandover } from '../../../../course/runtime/session/state-handover.ts';
import { encodeState } from '../../../../course/runtime/state/codec.ts';
import { ManualClock } from '../helpers/manual-clock.ts';
import { lmsServerPerTest } from '../helpers/scorm-lms.ts';
import { launchScorm, setValues } from '../helpers/scorm-launch.ts';
import { launchXapi, verbsOf } from '../helpers/xapi-launch.ts';
import { FakeLrs } from '../helpers/fake-lrs.ts';
import { loadCourse, typicalRun } from '../helpers/course-fixtures.ts';

/** A player whose state is a counter, taken as "state-<n>" at location "screen-<n>". */
function player(how: 'suspend' | 'finish' = 'suspend') {
  let n = 0;
  const words: string[] = [];
  const source: StateSource = {
    current: () => ({ state: `state-${n}`, location: `screen-${n}` }),
    leaving: () => {
      words.push('last words');
      return how;
    },
  };
  return { source, words, change: () => n++ };
}

function handover() {
  const clock = new ManualClock();
  const taken: { state: string; kind: SaveKind; at: number }[] = [];
  const start = clock.now();
  const h = new StateHandover(clock, async (state, _location, kind) => {
    taken.push({ state, kind, at: clock.now() - start });
  });
  return { clock, taken, h };
}

describe('StateHandover: when the player\'s state is taken', () => {
  it('takes it once after a burst of changes, a quiet second after the last', async () => {
    const { clock, taken, h } = handover();
    const p = player();
    h.attach(p.source);
    for (let i = 0; i < 3; i++) {
      p.change();
      h.changed('work');
      await clock.advance(300);
    }
    expect(taken).toEqual([]);
    await clock.advance(1000);
    expect(taken).toEqual([{ state: 'state-3', kind: 'work', at: 1600 }]);
    expect(h.pending).toBe(false);
  });

  it('takes it a quiet second after the last keystroke, and every five seconds while typing never pauses (issue 17.4)', async () => {
    const { clock, taken, h } = handover();
    h.attach(player().source);
    // A key every 400 ms for 12 seconds, then a pause.
    for (let t = 0; t < 12_000; t += 400) {
      h.changed('typing');
      await clock.advance(400);
    }
    expect(taken.map((s) => s.at)).toEqual([5000, 10_200]);
    await clock.advance(1000);
    expect(taken.map((s) => s.at)).toEqual([5000, 10_200, 12_600]);
    expect(taken.every((s) => s.kind === 'typing')).toBe(true);
  });

  it('takes a move at once, with what was waiting; a pause in typing outranks other work', async () => {
    const { clock, taken, h } = handover();
    h.attach(player().source);
    h.changed('typing');
    h.changed('work');
    await clock.advance(1000);
    h.changed('move');
    h.changed('work');
    h.changed('move');
    expect(taken.map((s) => s.kind)).toEqual(['typing', 'move', 'move']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('takes it at once when asked (the page is hidden), and only when something is waiting', () => {
    const { taken, h } = handover();
    h.attach(player().source);
    h.flush();
    expect(taken).toEqual([]);
    h.changed('work');
    h.flush();
    h.flush();
    expect(taken.map((s) => s.kind)).toEqual(['work']);
  });

  it('takes the last state as a "leave" on a page going with nothing changed, and nothing after it', async () => {
    const { clock, taken, h } = handover();
    h.attach(player().source);
    h.changed('move');
    const last = h.last(true);
    expect(last.waiting).toBe(false);
    expect(taken.map((s) => s.kind)).toEqual(['move', 'leave']);
    h.changed('work');
    h.changed('move');
    await clock.advance(10_000);
    expect(taken).toHaveLength(2);
  });

  it('takes what was waiting as its own kind at the end, and plain work at a Finish with nothing waiting', () => {
    const typing = handover();
    typing.h.attach(player().source);
    typing.h.changed('typing');
    typing.h.last(true);
    expect(typing.taken.map((s) => s.kind)).toEqual(['typing']);
    const finish = handover();
    finish.h.attach(player().source);
    finish.h.last(false);
    expect(finish.taken.map((s) => s.kind)).toEqual(['work']);
  });

  it('while the player\'s encoder loads, hands its states over in order once it comes', async () => {
    const { taken, h } = handover();
    let arrive: () => void = () => {};
    const here = new Promise<void>((resolve) => (arrive = resolve));
    let n = 0;
    h.attach({ current: () => here.then((): HandedState => ({ state: `state-${n++}`, location: 'x' })), leaving: () => 'suspend' });
    h.changed('move');
    h.changed('move');
    const last = h.last(false);
    expect(last.waiting).toBe(true);
    expect(taken).toEqual([]);
    arrive();
    await last.done;
    expect(taken.map((s) => s.state)).toEqual(['state-0', 'state-1', 'state-2']);
  });

  it('takes nothing from a player with nothing to save (review, a newer course version\'s state)', () => {
    const { taken, h } = handover();
    h.attach({ current: () => null, leaving: () => 'suspend' });
    h.changed('move');
    h.last(true);
    expect(taken).toEqual([]);
  });
});

const course = loadCourse();
const finalState = encodeState(typicalRun(course), course);

// The SCORM LMS's server side (scorm-again posts its commits to it).
lmsServerPerTest(() => undefined);

describe('the runtime\'s one page-lifecycle listener', () => {
  it('SCORM: at pagehide the player\'s last words, its last state, and the end of the session, in the same turn', async () => {
    const run = await launchScorm();
    const p = player();
    run.tracker.attach({ ...p.source, current: () => ({ state: finalState, location: 'certificate' }) });
    run.tracker.changed('work');
    run.page.pageHide();
    // No await: nothing queued after the pagehide handler is sure to run.
    expect(p.words).toEqual(['last words']);
    expect(setValues(run.lms)['cmi.suspend_data']).toBe(finalState);
    expect(run.lms.calls.at(-1)?.method).toBe('LMSFinish');
    expect(setValues(run.lms)['cmi.core.exit']).toBe('suspend');
  });

  it('SCORM: a hidden page hands over what is waiting at once, and commits it a task later', async () => {
    const run = await launchScorm();
    run.tracker.attach(player().source);
    run.tracker.changed('work');
    run.page.hide();
    expect(setValues(run.lms)['cmi.suspend_data']).toBe('state-0');
    const commits = () => run.lms.calls.filter((c) => c.method === 'LMSCommit').length;
    const before = commits();
    await run.clock.advance(0);
    expect(commits()).toBe(before + 1);
  });

  it('xAPI: a page close sends the last state and statements once, within one keepalive allowance (issue 14.4)', async () => {
    const lrs = new FakeLrs();
    const run = await launchXapi(lrs, 'xapi');
    await run.clock.advance(1000);
    run.tracker.attach({ current: () => ({ state: finalState, location: 'certificate' }), leaving: () => 'suspend' });
    run.tracker.recordProgress('intro', 1);
    run.tracker.changed('work');
    run.page.pageHide();
    await run.clock.advance(0);
    const final = lrs.requests.filter((r) => r.keepalive);
    expect(final.filter((r) => r.url.pathname.endsWith('activities/state'))).toHaveLength(1);
    const ids = final.flatMap((r) => (r.url.pathname.endsWith('statements') ? (JSON.parse(r.body) as { id: string }[]).map((s) => s.id) : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(verbsOf(lrs).slice(-3)).toEqual(['progressed', 'suspended', 'terminated']);
  });
});
