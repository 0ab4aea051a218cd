// The control logic every tracked standard shares, owned once: a saved state goes to this browser's safety copy
// before anything else, then to the LMS/LRS on the commit policy's clock (one scheduler, retried with backoff); the
// copy goes once the LMS has confirmed that state; the page's lifecycle (hidden, pagehide) is watched here; and the
// learner hears honestly where their work is (status and save receipts). What differs per standard is the transport
// (scorm/scorm-transport.ts: data model writes and commits; xapi/xapi-transport.ts: state document and statements).
// Loaded after the first screen: shared/opening-session.ts opens the session, chooses the resume state (a copy left
// by an earlier launch is sent again when the LMS still holds what it continued from) and watches the page until
// this core has come and carries on from what it found (`continueFrom`).
import type { RuntimeConfig } from '../../model/types.ts';
import type { AnswerRecord, ConnectionStatus, HandedState, LaunchMode, Learner, Outcome, SaveKind, SaveReceipt, StateSource, StatusProblem, Tracker, VideoEvent } from '../tracker.ts';
import { resolveLmsProfile, type LmsProfile } from '../lms-profiles.ts';
import { CommitScheduler } from './commit-scheduler.ts';
import { commitDelay, saveKindOf } from './commit-policy.ts';
import { Events, Latest, sameJson } from '../shared/latest.ts';
import { watchPageLifecycle } from '../shared/page-lifecycle.ts';
import type { RuntimeDeps } from '../shared/runtime-deps.ts';
import { StateHandover } from './state-handover.ts';
import { fingerprint, SafetyCopyStore, safetyCopyKey, type SafetyCopy } from '../shared/safety-copy.ts';

/** What a transport found when it opened the LMS session (or launch). */
export interface Opened {
  learner: Learner;
  mode: LaunchMode;
  /** Whose safety copy this is (the LMS's learner id, the xAPI actor's fingerprint), or null when unknown. */
  owner: string | null;
  /** The state the LMS/LRS holds (null: none); undefined when it could not be read, so nothing may overwrite it yet. */
  held: string | null | undefined;
}

export type OpeningCommit = 'flush' | 'request' | null;

/**
 * A standard's opening, loaded up front with its adapter: what the first screen needs (launch, Initialize, the saved
 * state) and how a page going before the rest of the session has arrived ends it. The rest is its `Transport`,
 * fetched right after the opening (shared/opening-session.ts).
 */
export interface SessionOpening {
  readonly standard: string;
  /** Whose safety copy a save before the session opens goes under (the xAPI actor's fingerprint), or null. */
  readonly owner: string | null;
  /** Launch mode known before the session opens (xAPI's launch says it), or null. */
  knownMode(): LaunchMode | null;
  /** Starts the LMS session and reads what it holds. */
  open(): Opened | Promise<Opened>;
  /**
   * pagehide before the transport came: give the LMS the last state (already in the safety copy) and end the session
   * as far as the opening can, within this turn (SCORM: the state, exit and Terminate; xAPI: the state document).
   */
  leaveEarly(how: 'suspend' | 'finish', last: HandedState | null): void;
  /** The rest of the session. */
  transport(): Promise<Transport>;
}

/** What the opening found, with the resume choice made, for the core to carry on from. */
export interface Handoff {
  opened: Opened;
  resumeState: string | null;
  /** A copy an earlier launch left that the LMS lacks: sent again now. */
  resend: SafetyCopy | null;
  /** Fingerprint of the state the LMS holds from this line of work. */
  confirmed: string;
}

/** What the core asks of a standard once open: how to hand over, commit and end. */
export interface Transport {
  readonly standard: string;
  /** The longest state the LMS/LRS stores. */
  readonly stateLimit: number;
  /** Ties the transport to its core (called once, by the core's constructor). */
  bind(core: SessionCore): void;
  /**
   * After the resume state is chosen (and any copy staged): the session's own start (opening statements, journal).
   * Says what the core does once the session is open: commit at once ('flush'), within the screen-change time as for
   * a resent copy ('request'), or only when something changes (null).
   */
  opened(resumed: boolean): OpeningCommit | Promise<OpeningCommit>;
  /** Hands a state to the LMS side (SetValue, the state document); the core commits it on its clock. */
  stage(state: string, location: string): void;
  /** Sends everything waiting; true once the other side confirmed it all. Calls `core.confirm` for the state it confirmed. */
  commit(): boolean | Promise<boolean>;
  /** Why the last attempt failed. */
  problem(): StatusProblem;
  /** Whether a save of this kind adds nothing the LMS needs (cmi5: a `leave` with nothing else changed). */
  skipsSave(kind: SaveKind | undefined): boolean;
  /** pagehide: the page is going; nothing after this turn is sure to run. */
  leaving(): void;
  /** Ends the session (the core has set `exiting`). */
  end(how: 'suspend' | 'finish'): Promise<void>;
  /** A keep-alive commit every so often while nothing changes (SCORM: an LMS session times out). */
  readonly keepsAlive: boolean;
  recordProgress(sectionId: string, progress: number): void;
  recordAnswer(answer: AnswerRecord): void;
  recordReflection(promptId: string, prompt: string, text: string): void;
  recordVideo(event: VideoEvent): void;
  setOutcome(outcome: Outcome): void;
}

/** What a transport may ask of its core. */
export interface SessionCore {
  readonly config: RuntimeConfig;
  readonly deps: RuntimeDeps;
  readonly profile: LmsProfile;
  /** pagehide came: the browser refuses synchronous requests, and nothing queued after the handler is sure to run. */
  readonly pageGoing: boolean;
  /** The session is ending or has ended: nothing more is reported. */
  readonly exiting: boolean;
  /** The session has opened (start has read what the LMS holds). */
  readonly isOpen: boolean;
  /** The fingerprint of the state the LMS holds from this line of work (what a safety copy continues). */
  readonly confirmed: string;
  /** The latest state handed over and not yet confirmed. */
  readonly pending: { state: string; location: string } | null;
  readonly safety: SafetyCopyStore;
  /** Commit within this many milliseconds. */
  request(delayMs: number): void;
  /** The LMS now holds this state: its copy goes, and the player hears it is safe. */
  confirm(state: string | null, location: string): void;
  /** The safety copy belongs to this owner from now on (the learner became known late); the copy moves with it. */
  moveCopyTo(owner: string | null): void;
  /** Stops committing (the LMS holds another session's work); the page's lifecycle is still watched. */
  stopClock(): void;
  /** The session is ending: no more commits, nor lifecycle events. */
  close(): void;
  /** Resolves once no commit is in flight (the last requests of a session must not overtake one). */
  settled(): Promise<void>;
  fail(problem: StatusProblem): void;
  connected(): void;
}

/** The status and receipt stores the player listens to; the opening session's, so listeners carry over. */
export interface SessionStores {
  status: Latest<ConnectionStatus | null>;
  saved: Events<SaveReceipt>;
}

export class DurableSession implements Omit<Tracker, 'start'>, SessionCore {
  readonly standard: string;
  readonly profile: LmsProfile;
  private readonly status: Latest<ConnectionStatus | null>;
  private readonly saved: Events<SaveReceipt>;
  private readonly scheduler: CommitScheduler;
  /** Takes the player's state on this session's clock. */
  private readonly handover: StateHandover;
  private copies: SafetyCopyStore;
  private mode: LaunchMode | null = null;
  private starting: Promise<void> | null = null;
  private ending: Promise<void> | null = null;
  /** Set before the transport's end runs, so nothing it does in the same turn schedules another commit. */
  private endingAsked = false;
  private open = false;
  private going = false;
  private confirmedState = fingerprint(null);
  private committedLocation: string | null = null;
  private waiting: { state: string; location: string } | null = null;
  /** Why the latest state could not be sent at all (too long), until a state that fits replaces it. */
  private oversize: StatusProblem | null = null;
  private stopWatching: () => void = () => {};
  private keepAlive: unknown = null;

  constructor(
    readonly config: RuntimeConfig,
    private readonly win: Window,
    readonly deps: RuntimeDeps,
    private readonly transport: Transport,
    stores: SessionStores = { status: new Latest<ConnectionStatus | null>(null, sameJson), saved: new Events<SaveReceipt>() },
  ) {
    this.standard = transport.standard;
    this.profile = resolveLmsProfile(config);
    this.status = stores.status;
    this.saved = stores.saved;
    this.copies = new SafetyCopyStore(deps.localStore, safetyCopyKey(config.course.id, transport.standard, null));
    this.scheduler = new CommitScheduler({
      clock: deps.clock,
      commit: () => this.transport.commit(),
      backoffMs: this.profile.commit.backoffMs,
      onAttempt: (ok, failures) => this.reportAttempt(ok, failures),
    });
    this.handover = new StateHandover(deps.clock, (state, location, kind) => this.saveState(state, location, kind));
    transport.bind(this);
  }

  get pageGoing(): boolean {
    return this.going;
  }

  get exiting(): boolean {
    return this.endingAsked;
  }

  get isOpen(): boolean {
    return this.open;
  }

  get confirmed(): string {
    return this.confirmedState;
  }

  get pending(): { state: string; location: string } | null {
    return this.waiting;
  }

  get safety(): SafetyCopyStore {
    return this.copies;
  }

  /** Carries on from what the opening found: the session opens, and the core takes over saving and the page. */
  continueFrom(handoff: Handoff): Promise<void> {
    this.starting ??= this.begin(handoff);
    return this.starting;
  }

  attach(source: StateSource): void {
    this.handover.attach(source);
  }

  changed(kind: SaveKind): void {
    this.handover.changed(kind);
  }

  onStatus(listener: (status: ConnectionStatus) => void): void {
    this.status.subscribe((status) => status && listener(status), this.status.current !== null);
  }

  onSaved(listener: (receipt: SaveReceipt) => void): void {
    this.saved.subscribe(listener);
  }

  async saveState(state: string, location: string, kind?: SaveKind): Promise<void> {
    if (this.mode === 'review' || this.transport.skipsSave(kind)) return;
    // The copy comes first: whatever happens to the LMS calls below, this state is not lost.
    const kept = this.copies.write({ state, location, savedAt: this.deps.clock.now(), base: this.confirmedState });
    this.saved.emit({ state, where: kept ? 'this-browser' : 'this-page' });
    if (this.endingAsked || !this.open) return;
    if (state.length > this.transport.stateLimit) {
      // Sending it would have it cut short or refused: the LMS keeps the last state that fits, this browser the rest.
      this.oversize = { kind: 'too-large', length: state.length, limit: this.transport.stateLimit };
      this.fail(this.oversize);
      return;
    }
    this.oversize = null;
    this.waiting = { state, location };
    this.transport.stage(state, location);
    this.request(commitDelay(saveKindOf(kind, location, this.committedLocation), this.profile.commit));
  }

  recordProgress(sectionId: string, progress: number): void {
    this.transport.recordProgress(sectionId, progress);
  }

  recordAnswer(answer: AnswerRecord): void {
    this.transport.recordAnswer(answer);
  }

  recordReflection(promptId: string, prompt: string, text: string): void {
    this.transport.recordReflection(promptId, prompt, text);
  }

  recordVideo(event: VideoEvent): void {
    this.transport.recordVideo(event);
  }

  setOutcome(outcome: Outcome): void {
    this.transport.setOutcome(outcome);
  }

  async flush(): Promise<void> {
    if (this.open && !this.endingAsked) await this.scheduler.flush();
  }

  /**
   * Ends the session: the player's last state first, then the transport's end. With the encoder at hand, both happen
   * within the caller's turn: on pagehide nothing queued after the handler is sure to run, so no promise stands between
   * the last save and Terminate (issue 12.7). A page going while the encoder is still on its way cannot wait for it:
   * the session ends now (the LMS keeps what it was last given), and the state, when it comes, is kept as this
   * browser's safety copy for the next launch.
   */
  exit(how: 'suspend' | 'finish'): Promise<void> {
    if (this.ending) return this.ending;
    const last = this.handover.last(this.going);
    const end = (): Promise<void> => {
      this.endingAsked = true;
      // Once open, the transport ends within the caller's turn.
      return this.open ? this.transport.end(how) : (this.starting ?? Promise.resolve()).then(() => (this.open ? this.transport.end(how) : undefined));
    };
    this.ending = last.waiting && !this.going ? last.done.then(end) : end();
    return this.ending;
  }

  request(delayMs: number): void {
    if (this.open && !this.endingAsked) this.scheduler.request(delayMs);
  }

  settled(): Promise<void> {
    return this.scheduler.settled();
  }

  confirm(state: string | null, location: string): void {
    this.confirmedState = fingerprint(state);
    this.committedLocation = location;
    if (state !== null && this.copies.read()?.state === state) this.copies.clear();
    if (this.waiting?.state === state) this.waiting = null;
    if (state !== null) this.saved.emit({ state, where: 'learning-system' });
  }

  moveCopyTo(owner: string | null): void {
    const copy = this.copies.read();
    this.copies.clear();
    this.copies = new SafetyCopyStore(this.deps.localStore, safetyCopyKey(this.config.course.id, this.standard, owner));
    if (copy) this.copies.write(copy);
  }

  stopClock(): void {
    this.scheduler.dispose();
    if (this.keepAlive !== null) this.deps.clock.clearTimeout(this.keepAlive);
    this.keepAlive = null;
  }

  close(): void {
    this.stopClock();
    this.handover.close();
    this.stopWatching();
  }

  fail(problem: StatusProblem): void {
    this.status.set({ state: 'failed', problem, keptLocally: this.copies.available });
  }

  connected(): void {
    this.status.set({ state: 'connected' });
  }

  private async begin({ opened, resumeState, resend, confirmed }: Handoff): Promise<void> {
    this.mode = opened.mode;
    this.copies = new SafetyCopyStore(this.deps.localStore, safetyCopyKey(this.config.course.id, this.standard, opened.owner));
    this.confirmedState = confirmed;
    if (resend) {
      // The last session's final save never reached the LMS: send it now.
      this.waiting = { state: resend.state, location: resend.location };
      this.transport.stage(resend.state, resend.location);
    }
    const commit = await this.transport.opened(resumeState !== null);
    this.open = true;
    this.stopWatching = watchPageLifecycle(this.win, {
      // Hidden may be a tab switch (commit what is waiting) or the page going away, which hides it first: then the
      // browser refuses a synchronous request, and the page's last requests are the transport's own at pagehide. So
      // the commit waits one task: a page going away has had its pagehide by then.
      hidden: () => {
        this.handover.flush();
        this.deps.clock.setTimeout(() => {
          if (!this.going && !this.endingAsked && this.scheduler.pending) void this.scheduler.flush();
        }, 0);
      },
      // The page's one pagehide listener: the player's last words and state, then the end of the session, in this
      // turn; a session already ending has the transport send what it still can (one keepalive allowance per page).
      leaving: () => {
        this.going = true;
        const how = this.ending ? null : this.handover.leaving();
        if (how) void this.exit(how);
        else this.transport.leaving();
      },
    });
    if (this.transport.keepsAlive) this.armKeepAlive();
    // Not awaited: the course opens at once; a slow or absent LMS shows up in the status, not as a waiting screen.
    if (commit === 'flush') void this.scheduler.flush();
    else if (commit === 'request' || resend) this.request(0);
  }

  private reportAttempt(ok: boolean, failures: number): void {
    if (this.oversize) this.fail(this.oversize);
    else if (ok) this.connected();
    else if (failures <= this.profile.commit.quietRetries) this.status.set({ state: 'retrying', problem: this.transport.problem(), keptLocally: this.copies.available });
    else this.fail(this.transport.problem());
  }

  private armKeepAlive(): void {
    const every = this.profile.commit.keepAliveMs;
    if (every <= 0) return;
    this.keepAlive = this.deps.clock.setTimeout(() => {
      if (this.endingAsked) return;
      this.request(0);
      this.armKeepAlive();
    }, every);
  }
}
