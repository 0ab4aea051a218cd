// When the player's state is taken for saving, on the runtime's one clock. Typing in a reflection or playing the
// film changes the state many times a second, so a change is taken once the learner has been quiet for a moment, and
// at the latest a few seconds after the first change not yet taken (someone typing without a pause still has their
// text saved); a move to another screen is taken at once. How soon the LMS then hears of it is the commit policy
// (commit-policy.ts). The player only says that something changed; the runtime asks it for the encoded state.
import type { HandedState, SaveKind, StateSource } from '../tracker.ts';
import type { Clock } from '../shared/clock.ts';

export interface HandoverTiming {
  /** Quiet time after the last change before the state is taken. */
  quietMs: number;
  /** Longest a change waits while changes keep coming. */
  maxWaitMs: number;
}

/** A quiet second; non-stop typing is still taken every five. */
export const HANDOVER_TIMING: HandoverTiming = { quietMs: 1000, maxWaitMs: 5000 };

/** One handover: settles once the state is with the tracker; `waiting` while the player's encoder is still loading. */
export interface Handed {
  done: Promise<void>;
  waiting: boolean;
}

const NOTHING: Handed = { done: Promise.resolve(), waiting: false };

export class StateHandover {
  private source: StateSource | null = null;
  /** The kind of the change not yet taken ('typing' wins over 'work': a pause in typing is committed sooner). */
  private waitingKind: Exclude<SaveKind, 'move' | 'leave'> | null = null;
  private quiet: unknown = null;
  private deadline: unknown = null;
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly save: (state: string, location: string, kind: SaveKind) => Promise<void>,
    private readonly timing: HandoverTiming = HANDOVER_TIMING,
  ) {}

  attach(source: StateSource): void {
    this.source = source;
  }

  get attached(): boolean {
    return this.source !== null && !this.closed;
  }

  /** A change is waiting to be taken. */
  get pending(): boolean {
    return this.waitingKind !== null;
  }

  changed(kind: SaveKind): void {
    if (!this.attached) return;
    if (kind === 'move' || kind === 'leave') {
      // One handover per screen change, straight away: that is when the LMS should hear where the learner is.
      this.hand(kind);
      return;
    }
    this.waitingKind = this.waitingKind === 'typing' || kind === 'typing' ? 'typing' : 'work';
    if (this.quiet !== null) this.clock.clearTimeout(this.quiet);
    this.quiet = this.clock.setTimeout(() => this.flush(), this.timing.quietMs);
    this.deadline ??= this.clock.setTimeout(() => this.flush(), this.timing.maxWaitMs);
  }

  /** Takes now what is waiting (the page is hidden: it may be killed without another word). */
  flush(): void {
    if (this.waitingKind !== null && this.attached) this.hand(this.waitingKind);
  }

  /** The page is going: the player says its last words (reflections, ratings) and how the session ends. */
  leaving(): 'suspend' | 'finish' | null {
    return this.source && !this.closed ? this.source.leaving() : null;
  }

  /**
   * The session ends: the last state, taken now. On a page going with nothing changed since the last handover it is
   * a 'leave' (only the time spent changed: a cmi5 session need not hold back "terminated" for it). Nothing is taken
   * after this.
   */
  last(pageGoing: boolean): Handed {
    if (!this.attached) return NOTHING;
    const handed = this.hand(this.waitingKind ?? (pageGoing ? 'leave' : 'work'));
    this.closed = true;
    return handed;
  }

  /** Stops the timers; nothing more is taken. */
  close(): void {
    this.cancel();
    this.closed = true;
  }

  private hand(kind: SaveKind): Handed {
    this.cancel();
    let current: HandedState | Promise<HandedState> | null;
    try {
      current = this.source?.current() ?? null;
    } catch {
      // The player could not encode its state (and says so itself): the last state handed over stands.
      return NOTHING;
    }
    if (current === null) return NOTHING;
    // With the encoder at hand the tracker gets the state in this turn, which a handover on pagehide relies on.
    if (!(current instanceof Promise)) return { done: this.save(current.state, current.location, kind).catch(() => undefined), waiting: false };
    return { done: current.then((state) => this.save(state.state, state.location, kind)).catch(() => undefined), waiting: true };
  }

  private cancel(): void {
    if (this.quiet !== null) this.clock.clearTimeout(this.quiet);
    if (this.deadline !== null) this.clock.clearTimeout(this.deadline);
    this.quiet = null;
    this.deadline = null;
    this.waitingKind = null;
  }
}
