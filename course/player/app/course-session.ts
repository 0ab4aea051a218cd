// One learner's session with the course: holds the learner state, applies their actions, tells the tracker what
// happened, saves (a quiet second after a change, at least every five seconds of non-stop change, at once on a
// screen change), says honestly where the last save is kept, and ends the session. No Preact here, so all of it can
// be tested with a fake tracker; the components only read `state` and call `dispatch`.
import type { RuntimeConfig } from '../../types.ts';
import type { Outcome, SaveKind, SavedWhere, Tracker, TrackerSession, VideoEvent } from '../../runtime/tracker.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import type { PlayerAction } from '../state/actions.ts';
import type { TrackerReport } from '../state/reports.ts';
import { mapCourse, type CourseMap } from '../logic/course-map.ts';
import { courseRules, reduceContext, type ReduceContext } from '../state/rules.ts';
import { SaveScheduler, browserTimers, type Timers } from '../logic/save-scheduler.ts';

export interface CourseSessionOptions {
  config: RuntimeConfig;
  tracker: Tracker;
  session: TrackerSession;
  initial: LearnerState;
  /** The state codec's encoder, bound to the course; a promise while the codec is still loading (codec-loader.ts). */
  encode(state: LearnerState): string | Promise<string>;
  timers?: Timers;
  /** Milliseconds clock for time spent; performance.now in the browser. */
  now?: () => number;
  /** Quiet time before a change is saved. */
  saveDelayMs?: number;
  /** Longest a change waits to be saved while changes keep coming. */
  saveMaxWaitMs?: number;
  /** The saved state belongs to a newer course version and must not be overwritten (see resumeFrom). */
  keepSavedState?: boolean;
  /**
   * Whether the course's structure is in place (app/course-parts.ts; always, by default). A first launch shows its
   * first screen before it and begins the session once it has come (app/Player.tsx): a page left before then has
   * done nothing, and the outcome and the reflections, which read that structure, are not asked for.
   */
  hasStructure?: () => boolean;
}

/**
 * The last save, and where it is kept: the learning system has confirmed it, or it waits in this browser (or only on
 * this page) until it does. A screen must not say "saved" for what only this browser holds (issue 17.5).
 */
export type SaveStatus = { kind: 'idle' } | { kind: 'saved'; at: Date; where: SavedWhere } | { kind: 'not-saving' };

/** A quiet second: typing that stops is with the tracker (and, by its commit policy, the LMS) a moment later. */
const DEFAULT_SAVE_DELAY_MS = 1000;
/** Non-stop typing is still saved this often. */
const DEFAULT_SAVE_MAX_WAIT_MS = 5000;

export class CourseSession {
  readonly config: RuntimeConfig;
  readonly map: CourseMap;
  readonly context: ReduceContext;
  readonly trackerSession: TrackerSession;
  /**
   * Nothing the learner does is saved or reported: review mode (looking back at a finished attempt), or a saved
   * state from a newer course version that saving would overwrite.
   */
  readonly readOnly: boolean;
  readonly reviewMode: boolean;

  private current: LearnerState;
  private readonly tracker: Tracker;
  private readonly encode: (state: LearnerState) => string | Promise<string>;
  private readonly scheduler: SaveScheduler;
  private readonly now: () => number;
  private readonly startedAt: number;
  private readonly listeners = new Set<() => void>();
  /** Reflection text as last handed to the tracker, so each change is recorded once, when the learner moves on. */
  private readonly recordedReflections: Record<string, string>;
  /**
   * What rating a confidence scale has told the tracker nothing of yet, in order. A keyboard learner arrows along a
   * scale and each arrow selects a point, so the LMS hears the rating settled on, with the next move or the end of
   * the session: a later rating of an item replaces its earlier one in place, and the screen's progress waits with
   * them so the order the tracker hears stays the order of the learner's work.
   */
  private unsentRatings: TrackerReport[] = [];
  private saveStatus: SaveStatus = { kind: 'idle' };
  /** The state last handed to the tracker, for the receipts that say where it is kept. */
  private lastHanded: { state: string; at: Date } | null = null;
  /** Reflection text changed since the last save: that save is a pause in typing (see SaveKind). */
  private typingUnsaved = false;
  private exiting: Promise<void> | null = null;
  private readonly hasStructure: () => boolean;

  constructor(options: CourseSessionOptions) {
    this.config = options.config;
    this.tracker = options.tracker;
    this.trackerSession = options.session;
    this.reviewMode = options.session.mode === 'review';
    this.readOnly = this.reviewMode || options.keepSavedState === true;
    this.encode = options.encode;
    this.hasStructure = options.hasStructure ?? (() => true);
    this.now = options.now ?? (() => performance.now());
    this.startedAt = this.now();
    this.map = mapCourse(options.config.course);
    this.context = reduceContext(options.config.course, this.map);
    this.current = options.initial;
    this.recordedReflections = { ...options.initial.reflections };
    this.scheduler = new SaveScheduler(() => void this.save('work'), options.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS, options.timers ?? browserTimers, options.saveMaxWaitMs ?? DEFAULT_SAVE_MAX_WAIT_MS);
    if (this.readOnly) this.saveStatus = { kind: 'not-saving' };
    this.tracker.onSaved((receipt) => {
      if (this.readOnly || !this.lastHanded || receipt.state !== this.lastHanded.state) return;
      this.saveStatus = { kind: 'saved', at: this.lastHanded.at, where: receipt.where };
      this.notify();
    });
  }

  get state(): LearnerState {
    return this.current;
  }

  get outcome(): Outcome {
    return courseRules().computeOutcome(this.config.course, this.current);
  }

  get lastSave(): SaveStatus {
    return this.saveStatus;
  }

  /** The session has been ended (suspend or finish): the tracker takes nothing more. */
  get ended(): boolean {
    return this.exiting !== null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts the session: lands on the saved location (marking it visited) and sets the initial outcome, which turns
   * a first launch from "not attempted" into "incomplete" in the LMS.
   */
  begin(): void {
    this.holdResumedRatings();
    const before = this.current;
    this.dispatch({ type: 'go-to', screenId: this.current.location });
    if (this.current === before && !this.readOnly) this.tracker.setOutcome(this.outcome);
  }

  dispatch(action: PlayerAction): void {
    const leaving = this.map.byId.get(this.current.location)?.screen;
    if (!this.apply(action)) return;
    if (action.type === 'go-to') {
      if (leaving?.type === 'reflection') this.recordReflections();
      // One save per screen change, straight away: that is when the LMS should hear where the learner is.
      this.scheduler.cancel();
      this.save('move');
    } else {
      if (action.type === 'reflect') this.typingUnsaved = true;
      this.scheduler.changed();
    }
  }

  recordVideo(event: VideoEvent): void {
    if (!this.readOnly && !this.ended) this.tracker.recordVideo(event);
  }

  /** Save now (if anything is waiting). */
  flush(): void {
    this.scheduler.flush();
  }

  /**
   * The learner is leaving (pagehide): record, save and end the session. A completed course finishes; anything else
   * is suspended so the learner can resume. Safe to call more than once.
   */
  leave(): Promise<void> {
    return this.end(this.hasStructure() && this.outcome.completed ? 'finish' : 'suspend', true);
  }

  /** The learner pressed "Finish the course". */
  finish(): Promise<void> {
    return this.end('finish', false);
  }

  private end(how: 'suspend' | 'finish', pageGoing: boolean): Promise<void> {
    if (this.exiting) return this.exiting;
    if (this.readOnly) {
      this.exiting = this.tracker.exit(how);
      return this.exiting;
    }
    if (this.hasStructure()) this.recordReflections();
    this.sendRatings();
    const unsaved = this.scheduler.isPending || this.typingUnsaved;
    this.scheduler.cancel();
    // The save comes first, so the tracker has the final state in hand when it ends the session. With the codec here
    // the state is handed over at once and the session ends in the same turn: on pagehide nothing queued after the
    // handler is sure to run, so no promise stands between the save and Terminate (issue 12.7). A page being left
    // while the codec is still on its way cannot wait for it either: the session ends now (the LMS keeps what it was
    // last given); if the page lives on, the state still reaches the tracker when the codec comes, which keeps it as
    // this browser's safety copy for the next launch.
    // A page going with nothing changed since the last save hands over only the time spent ('leave'): a cmi5 session
    // need not hold back its "terminated" for it (the runtime's README, "Commits").
    const save = this.save(this.typingUnsaved ? 'typing' : pageGoing && !unsaved ? 'leave' : 'work');
    this.exiting = !save.waiting || pageGoing ? this.tracker.exit(how) : save.done.then(() => this.tracker.exit(how));
    this.notify();
    return this.exiting;
  }

  /** Applies an action; returns whether the state changed. */
  private apply(action: PlayerAction): boolean {
    const before = this.current;
    const after = courseRules().reduce(this.context, before, action);
    if (after === before) return false;
    this.current = after;
    if (!this.readOnly && !this.ended) {
      const reports = courseRules().reportsFor(this.context, action, before, after);
      if (action.type === 'rate-confidence') this.holdRatings(reports);
      else {
        this.sendRatings();
        for (const report of reports) this.send(report);
      }
    }
    this.notify();
    return true;
  }

  private holdRatings(reports: readonly TrackerReport[]): void {
    for (const report of reports) {
      const id = report.kind === 'answer' ? report.record.id : null;
      const earlier = id === null ? -1 : this.unsentRatings.findIndex((held) => held.kind === 'answer' && held.record.id === id);
      if (earlier >= 0) this.unsentRatings[earlier] = report;
      else this.unsentRatings.push(report);
    }
  }

  private sendRatings(): void {
    for (const report of this.unsentRatings) this.send(report);
    this.unsentRatings = [];
  }

  /**
   * A session resumed on a confidence screen: its ratings may have been saved by the last session without reaching
   * the LMS (they are told on leaving the screen), so they are held to be told again, once, when the learner moves on.
   */
  private holdResumedRatings(): void {
    if (this.readOnly) return;
    const screen = this.map.byId.get(this.current.location)?.screen;
    if (screen?.type !== 'confidence') return;
    for (const [itemId, rating] of Object.entries(this.current.confidence[screen.phase])) {
      const record = courseRules().ratingRecord(this.context, screen.phase, itemId, rating, 0);
      if (record) this.unsentRatings.push({ kind: 'answer', record });
    }
  }

  private send(report: TrackerReport): void {
    switch (report.kind) {
      case 'answer':
        this.tracker.recordAnswer(report.record);
        break;
      case 'progress':
        this.tracker.recordProgress(report.sectionId, report.progress);
        break;
      case 'outcome':
        this.tracker.setOutcome(report.outcome);
        break;
    }
  }

  private recordReflections(): void {
    if (this.readOnly || this.ended) return;
    for (const section of this.config.course.sections) {
      for (const screen of section.screens) {
        if (screen.type !== 'reflection') continue;
        for (const prompt of screen.prompts) {
          const text = this.current.reflections[prompt.id] ?? '';
          if (text === (this.recordedReflections[prompt.id] ?? '')) continue;
          this.tracker.recordReflection(prompt.id, prompt.prompt, text);
          this.recordedReflections[prompt.id] = text;
        }
      }
    }
  }

  /**
   * Hands the current state to the tracker: at once when the codec is here, else when it arrives (`waiting`).
   * `done` settles when the tracker has taken it; a failure is not thrown, since the tracker keeps a safety copy and
   * reports trouble through onStatus, which the status banner shows.
   */
  private save(kind: SaveKind): { done: Promise<void>; waiting: boolean } {
    if (this.readOnly || this.ended) return { done: Promise.resolve(), waiting: false };
    if (kind === 'work' && this.typingUnsaved) kind = 'typing';
    this.typingUnsaved = false;
    const seconds = Math.floor((this.now() - this.startedAt) / 1000);
    const state = { ...this.current, secondsSpent: this.current.secondsSpent + Math.max(0, seconds) };
    let encoded: string | Promise<string>;
    try {
      encoded = this.encode(state);
    } catch {
      return { done: Promise.resolve(), waiting: false };
    }
    // With the codec at hand the tracker gets the state synchronously, which a save on page hide relies on.
    const handed = typeof encoded === 'string' ? this.handOver(encoded, state.location, kind) : encoded.then((text) => this.handOver(text, state.location, kind));
    return { done: handed.catch(() => undefined), waiting: typeof encoded !== 'string' };
  }

  /** Hands the state to the tracker; until it says where it keeps it (onSaved), it is only on this page. */
  private handOver(encoded: string, location: string, kind: SaveKind): Promise<void> {
    const at = new Date();
    this.lastHanded = { state: encoded, at };
    this.saveStatus = { kind: 'saved', at, where: 'this-page' };
    let done: Promise<void>;
    try {
      done = this.tracker.saveState(encoded, location, kind);
    } catch (error) {
      done = Promise.reject(error);
    }
    this.notify();
    return done;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
