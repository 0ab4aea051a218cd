// The tracker every tracked standard returns, loaded up front with the adapter: it opens the session (launch,
// Initialize, the saved state: what the first screen needs), chooses the resume state, and fetches the rest of the
// session (the durable core and the standard's transport: commits, the answer journal, statements) once the first
// screen has been drawn, or at once when there is work for it (issue 16). Calls made before the rest has come are kept in order and played to it
// when it comes; meanwhile every state the learner hands over is in this browser's safety copy first, and a page
// going before then hands the LMS the last state through the opening (SCORM Terminate; the xAPI state document).
import type { RuntimeConfig } from '../../model/types.ts';
import type { AnswerRecord, ConnectionStatus, HandedState, Outcome, SaveKind, SaveReceipt, StateSource, Tracker, TrackerSession, VideoEvent } from '../tracker.ts';
import type { DurableSession, Handoff, SessionOpening } from '../session/durable-session.ts';
import { Events, Latest, sameJson } from './latest.ts';
import { watchPageLifecycle } from './page-lifecycle.ts';
import type { RuntimeDeps } from './runtime-deps.ts';
import { chooseResumeState, fingerprint, SafetyCopyStore, safetyCopyKey, type SafetyCopy } from './safety-copy.ts';

/** A change made before the core has come is kept in the safety copy once the learner has been quiet this long. */
const QUIET_MS = 1000;
/** Waits between attempts to fetch the rest of the session when it does not come (the network is down). */
const FETCH_RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

type Call = (core: DurableSession) => void;

export class OpeningSession implements Tracker {
  readonly standard: string;
  private readonly status = new Latest<ConnectionStatus | null>(null, sameJson);
  private readonly saved = new Events<SaveReceipt>();
  private copies: SafetyCopyStore;
  private core: DurableSession | null = null;
  private readonly calls: Call[] = [];
  private source: StateSource | null = null;
  private handoff: Handoff | null = null;
  private starting: Promise<TrackerSession> | null = null;
  /** How an exit asked for before the core came ends (a page going then ends it through the opening). */
  private exitAsked: 'suspend' | 'finish' | null = null;
  /** The page went before the core came: the opening ended what it could, and the core is never started. */
  private ended = false;
  private stopWatching: () => void = () => {};
  private quiet: unknown = null;
  /** The rest of the session has been asked for (once). */
  private restAsked = false;
  /** `loadRestNow` was called before the session had opened: the rest is fetched as soon as it has. */
  private restWanted = false;

  constructor(
    private readonly config: RuntimeConfig,
    private readonly win: Window,
    private readonly deps: RuntimeDeps,
    private readonly opening: SessionOpening,
  ) {
    this.standard = opening.standard;
    this.copies = new SafetyCopyStore(deps.localStore, safetyCopyKey(config.course.id, opening.standard, opening.owner));
  }

  start(): Promise<TrackerSession> {
    this.starting ??= this.begin();
    return this.starting;
  }

  attach(source: StateSource): void {
    this.source = source;
    if (this.core) return this.core.attach(source);
    if (!this.ended) this.calls.push((core) => core.attach(source));
    this.fetchRestAfterPaint();
  }

  changed(kind: SaveKind): void {
    if (this.core) return this.core.changed(kind);
    this.call((core) => core.changed(kind));
    // The core's handover times this once it comes; should it not come (its fetch failing), the copy still has the work.
    if (this.quiet !== null) this.deps.clock.clearTimeout(this.quiet);
    this.quiet = this.deps.clock.setTimeout(() => {
      this.quiet = null;
      if (!this.core && !this.ended) this.takeAndKeep();
    }, QUIET_MS);
  }

  async saveState(state: string, location: string, kind?: SaveKind): Promise<void> {
    if (this.core) return this.core.saveState(state, location, kind);
    // The copy now, the LMS once the core has come (it writes the copy again, with this session's owner by then).
    this.keep({ state, location });
    this.calls.push((core) => void core.saveState(state, location, kind));
    this.fetchRestNow();
  }

  recordProgress(sectionId: string, progress: number): void {
    this.call((core) => core.recordProgress(sectionId, progress));
  }

  recordAnswer(answer: AnswerRecord): void {
    this.call((core) => core.recordAnswer(answer));
  }

  recordReflection(promptId: string, prompt: string, text: string): void {
    this.call((core) => core.recordReflection(promptId, prompt, text));
  }

  recordVideo(event: VideoEvent): void {
    this.call((core) => core.recordVideo(event));
  }

  setOutcome(outcome: Outcome): void {
    this.call((core) => core.setOutcome(outcome));
  }

  async flush(): Promise<void> {
    if (this.core) return this.core.flush();
    // Nothing can be sent yet: what the player holds goes to the safety copy.
    this.takeAndKeep();
  }

  exit(how: 'suspend' | 'finish'): Promise<void> {
    if (this.core) return this.core.exit(how);
    if (this.ended) return Promise.resolve();
    this.exitAsked ??= how;
    return new Promise((resolve) => {
      // Settles when the core has ended the session, or when a page going first has the opening end it.
      this.exitWaiters.push(resolve);
      this.calls.push((core) => void core.exit(how).then(resolve, resolve));
      this.fetchRestNow();
    });
  }

  onStatus(listener: (status: ConnectionStatus) => void): void {
    this.status.subscribe((status) => status && listener(status), this.status.current !== null);
  }

  onSaved(listener: (receipt: SaveReceipt) => void): void {
    this.saved.subscribe(listener);
  }

  /**
   * Asks for the rest of the session now, not after the first paint, and settles once it has come and taken over
   * (tests wait for it; the player never does).
   */
  loadRestNow(): Promise<void> {
    this.restWanted = true;
    this.fetchRestNow();
    return this.arrived;
  }

  private readonly exitWaiters: (() => void)[] = [];
  private arrive: () => void = () => {};
  private readonly arrived = new Promise<void>((resolve) => (this.arrive = resolve));

  private async begin(): Promise<TrackerSession> {
    const opened = await this.opening.open();
    this.copies = new SafetyCopyStore(this.deps.localStore, safetyCopyKey(this.config.course.id, this.standard, opened.owner));
    const copy = this.copies.read();
    let resumeState: string | null;
    let resend: SafetyCopy | null = null;
    let confirmed = fingerprint(opened.held ?? null);
    if (opened.held !== undefined) {
      const choice = chooseResumeState(opened.held, copy);
      if (copy && !choice.fromCopy) this.copies.clear(); // stale: the LMS has this state, or moved on elsewhere
      resumeState = choice.state;
      if (choice.fromCopy) resend = copy;
    } else {
      // The LMS could not be read: carry on from this browser's copy, and read it again before writing anything.
      if (copy) confirmed = copy.base;
      resumeState = copy?.state ?? null;
      resend = copy;
    }
    this.handoff = { opened, resumeState, resend, confirmed };
    this.stopWatching = watchPageLifecycle(this.win, {
      hidden: () => void this.takeAndKeep(),
      leaving: () => this.leaveEarly(),
    });
    // Work already handed over (a resume's first moves) needs the rest now; otherwise the player's attach asks for it.
    if (this.calls.length > 0 || this.restWanted) this.fetchRestNow();
    else if (this.source) this.fetchRestAfterPaint();
    return { learner: opened.learner, resumeState, mode: opened.mode, storage: 'learning-system' };
  }

  /** The core and the transport, tried again with backoff while they cannot be fetched (the course says so). */
  private async fetchRest(): Promise<DurableSession | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        const [{ DurableSession }, transport] = await this.deps.fetchLater(() => Promise.all([import('../session/durable-session.ts'), this.opening.transport()]));
        if (this.ended) return null;
        return new DurableSession(this.config, this.win, this.deps, transport, { status: this.status, saved: this.saved });
      } catch (error) {
        console.error('[common-ground] the part of the course that sends progress could not be loaded', error);
        this.status.set({ state: 'retrying', problem: { kind: 'saver-not-loaded' }, keptLocally: this.copies.available });
        const wait = FETCH_RETRY_MS[Math.min(attempt, FETCH_RETRY_MS.length - 1)] as number;
        await new Promise<void>((resolve) => this.deps.clock.setTimeout(() => resolve(), wait));
        if (this.ended) return null;
      }
    }
  }

  private async takeOver(core: DurableSession | null): Promise<void> {
    if (!core || this.ended || !this.handoff) return;
    await core.continueFrom(this.handoff);
    if (this.ended) return core.close();
    // From here the core watches the page; the calls made meanwhile reach it in the order they were made.
    this.stopWatching();
    this.core = core;
    for (const call of this.calls.splice(0)) call(core);
    this.arrive();
  }

  private call(call: Call): void {
    if (this.core) return call(this.core);
    if (this.ended) return;
    this.calls.push(call);
    this.fetchRestNow();
  }

  /**
   * The rest of the session is fetched once the first screen has been drawn (issue 16: everything transferred before
   * it is interactive counts, and a first screen needs none of it), or at once when there is work for it to send.
   */
  private fetchRestAfterPaint(): void {
    if (this.restAsked || !this.handoff) return;
    const now = (): void => this.fetchRestNow();
    // A frame, then a task: the callback runs after the next paint. A window without frames (tests) goes by the clock.
    if (typeof this.win.requestAnimationFrame === 'function') this.win.requestAnimationFrame(() => this.deps.clock.setTimeout(now, 0));
    else this.deps.clock.setTimeout(now, 0);
  }

  private fetchRestNow(): void {
    if (this.restAsked || this.ended || !this.handoff) return;
    this.restAsked = true;
    void this.fetchRest().then((core) => this.takeOver(core));
  }

  /**
   * The player's state as it is now, into the safety copy; returned when the encoder is at hand. One still loading
   * is kept when it comes (a page going cannot wait for it: the LMS keeps what it was last given).
   */
  private takeAndKeep(): HandedState | null {
    let current: HandedState | Promise<HandedState> | null;
    try {
      current = this.source?.current() ?? null;
    } catch {
      return null; // the player could not encode its state, and says so itself
    }
    if (current instanceof Promise) {
      void current.then((state) => (this.core ? this.core.saveState(state.state, state.location) : this.keep(state))).catch(() => undefined);
      return null;
    }
    this.keep(current);
    return current;
  }

  private keep(last: HandedState | null): void {
    if (!last || this.handoff?.opened.mode === 'review') return;
    const kept = this.copies.write({ ...last, savedAt: this.deps.clock.now(), base: this.handoff?.confirmed ?? fingerprint(null) });
    this.saved.emit({ state: last.state, where: kept ? 'this-browser' : 'this-page' });
  }

  /**
   * pagehide before the core came: the player's last words, its last state into the safety copy, and the session
   * ended through the opening, all in this turn. Answers and statements the core has not yet had stay unsent; the
   * state carries the learner's work, and the copy is sent again on the next launch if the LMS lacks it.
   */
  private leaveEarly(): void {
    if (this.ended) return;
    this.ended = true;
    this.stopWatching();
    const how = this.exitAsked ?? (this.source ? this.source.leaving() : null);
    const last = this.takeAndKeep();
    this.calls.length = 0;
    if (how) this.opening.leaveEarly(how, last && this.handoff?.opened.mode !== 'review' ? last : null);
    for (const settle of this.exitWaiters.splice(0)) settle();
  }
}
