// One learner's session with the course: holds the learner state, applies their actions, tells the tracker what
// happened and that the state changed (the runtime takes the encoded state on its own clock and at page close:
// session/state-handover.ts), says honestly where the last save is kept, and ends the session. No Preact here, so all
// of it can be tested with a fake tracker; the components only read `state` and call `dispatch`.
import type { RuntimeConfig } from '../../model/types.ts';
import type { HandedState, Outcome, SavedWhere, Tracker, TrackerSession, VideoEvent } from '../../runtime/tracker.ts';
import { Latest } from '../../runtime/shared/latest.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import type { PlayerAction } from '../state/actions.ts';
import type { TrackerReport } from '../state/reports.ts';
import { mapCourse, type CourseMap } from '../logic/course-map.ts';
import { courseRules, reduceContext, type ReduceContext } from '../state/rules.ts';

export interface CourseSessionOptions {
  config: RuntimeConfig;
  tracker: Tracker;
  session: TrackerSession;
  initial: LearnerState;
  /** The state codec's encoder, bound to the course; a promise while the codec is still loading (codec-loader.ts). */
  encode(state: LearnerState): string | Promise<string>;
  /** Milliseconds clock for time spent; performance.now in the browser. */
  now?: () => number;
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

/** A report held back until the learner moves on (a confidence rating, and the progress after it), by its answer's id. */
interface HeldReport {
  answerId: string | null;
  /** Made when told: see holdResumedRatings. */
  report(): TrackerReport;
}

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
  private readonly now: () => number;
  private readonly startedAt: number;
  /** Counts changes of what the components show (the state, the last save, the end), for them to re-render. */
  private readonly version = new Latest(0);
  /** Reflection text as last handed to the tracker, so each change is recorded once, when the learner moves on. */
  private readonly recordedReflections: Record<string, string>;
  /**
   * What rating a confidence scale has told the tracker nothing of yet, in order. A keyboard learner arrows along a
   * scale and each arrow selects a point, so the LMS hears the rating settled on, with the next move or the end of
   * the session: a later rating of an item replaces its earlier one in place, and the screen's progress waits with
   * them so the order the tracker hears stays the order of the learner's work.
   */
  private unsentRatings: HeldReport[] = [];
  private saveStatus: SaveStatus = { kind: 'idle' };
  /** The state last handed to the tracker, for the receipts that say where it is kept. */
  private lastHanded: { state: string; at: Date } | null = null;
  private exiting: Promise<void> | null = null;
  /** pagehide came: the runtime is ending the session. */
  private left = false;
  /** What components still hold when the session ends (the film's position), told before the last save. */
  private readonly lastWordHooks = new Set<() => void>();
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
    if (this.readOnly) this.saveStatus = { kind: 'not-saving' };
    this.tracker.attach({ current: () => this.handOver(), leaving: () => this.leaving() });
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

  /** The session has been ended (suspend or finish, or the page went): the tracker takes nothing more. */
  get ended(): boolean {
    return this.exiting !== null || this.left;
  }

  subscribe(listener: () => void): () => void {
    return this.version.subscribe(() => listener());
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
    if (this.readOnly || this.ended) return;
    if (action.type === 'go-to') {
      if (leaving?.type === 'reflection') this.recordReflections();
      this.tracker.changed('move');
    } else {
      this.tracker.changed(action.type === 'reflect' ? 'typing' : 'work');
    }
  }

  recordVideo(event: VideoEvent): void {
    if (!this.readOnly && !this.ended) this.tracker.recordVideo(event);
  }

  /**
   * A component's last word before the session ends (the page going, or Finish): e.g. the film hands over its latest
   * position. The page's lifecycle is the runtime's alone, so this is the place for it, not a pagehide listener of the
   * component's own (which would run after the session had ended). Returns the removal.
   */
  beforeEnd(hook: () => void): () => void {
    this.lastWordHooks.add(hook);
    return () => this.lastWordHooks.delete(hook);
  }

  /** The learner pressed "Finish the course": the tracker takes the last state and ends the session. */
  finish(): Promise<void> {
    if (this.exiting) return this.exiting;
    this.lastWords();
    this.exiting = this.tracker.exit('finish');
    this.notify();
    return this.exiting;
  }

  /**
   * pagehide (the runtime asks): what the tracker has not heard yet, and how the session ends. A completed course
   * finishes; anything else is suspended so the learner can resume. The runtime then takes the last state and ends
   * the session in the same turn.
   */
  private leaving(): 'suspend' | 'finish' {
    // Before the course's structure has come (a first launch leaving its first screen) nothing is done and the outcome
    // cannot be computed: the session is suspended.
    const how = this.hasStructure() && this.outcome.completed ? 'finish' : 'suspend';
    if (this.ended) return how;
    this.lastWords();
    this.left = true;
    this.notify();
    return how;
  }

  /** Reflections and held ratings go to the tracker before the last save, so the LMS hears them in the learner's order. */
  private lastWords(): void {
    for (const hook of [...this.lastWordHooks]) hook();
    if (this.readOnly) return;
    if (this.hasStructure()) this.recordReflections();
    this.sendRatings();
  }

  /** Applies an action; returns whether the state changed. */
  private apply(action: PlayerAction): boolean {
    const { state: after, reports } = courseRules().applyAction(this.context, this.current, action);
    if (after === this.current) return false;
    this.current = after;
    if (!this.readOnly && !this.ended) {
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
    for (const report of reports) this.hold({ answerId: report.kind === 'answer' ? report.record.id : null, report: () => report });
  }

  /** A later rating of an item replaces its earlier one in place. */
  private hold(held: HeldReport): void {
    const earlier = held.answerId === null ? -1 : this.unsentRatings.findIndex((other) => other.answerId === held.answerId);
    if (earlier >= 0) this.unsentRatings[earlier] = held;
    else this.unsentRatings.push(held);
  }

  private sendRatings(): void {
    for (const held of this.unsentRatings) this.send(held.report());
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
    // The record (the item's statement, the scale's labels) is made when it is told: the screen's words may not have
    // come yet when the session begins, only its structure.
    for (const [itemId, rating] of Object.entries(this.current.confidence[screen.phase])) {
      const record = () => courseRules().ratingRecord(this.context, screen.phase, itemId, rating, 0);
      const now = record();
      if (now) this.hold({ answerId: now.id, report: () => ({ kind: 'answer', record: record() ?? now }) });
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
   * The state as it is now, encoded, for the tracker (its clock decides when: StateSource). Until the tracker says
   * where it keeps it (onSaved), it is only on this page. A state the encoder cannot make is not handed over: the
   * tracker keeps the last one, and the encoder reports its own failure.
   */
  private handOver(): HandedState | Promise<HandedState> | null {
    if (this.readOnly) return null;
    const seconds = Math.floor((this.now() - this.startedAt) / 1000);
    const state = { ...this.current, secondsSpent: this.current.secondsSpent + Math.max(0, seconds) };
    const encoded = this.encode(state);
    // With the codec at hand the tracker gets the state synchronously, which a save on page hide relies on.
    if (typeof encoded === 'string') return this.handed(encoded, state.location);
    return encoded.then((text) => this.handed(text, state.location));
  }

  private handed(encoded: string, location: string): HandedState {
    const at = new Date();
    this.lastHanded = { state: encoded, at };
    this.saveStatus = { kind: 'saved', at, where: 'this-page' };
    this.notify();
    return { state: encoded, location };
  }

  private notify(): void {
    this.version.set(this.version.current + 1);
  }
}
