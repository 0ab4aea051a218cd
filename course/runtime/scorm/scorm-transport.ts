// SCORM 1.2 and 2004 alike as a transport of the durable session (session/durable-session.ts, which owns saving,
// commit timing, the safety copy and the page's lifecycle), fetched after the first screen: the session was opened
// by scorm-opening.ts (Initialize, what the LMS holds). Values are written to the LMS as soon as they are handed
// over and the core commits them on its clock. What differs between the versions is the data model (data-model-12.ts,
// data-model-2004.ts). Until the LMS confirms an answer, it stays in the interaction journal
// (interaction-journal.ts), which retries refused writes and lets a relaunch record what a dead tab could not.
import type { RuntimeConfig } from '../../model/types.ts';
import type { AnswerRecord, Outcome, SaveKind, StatusProblem, VideoEvent } from '../tracker.ts';
import { withTimeout } from '../shared/clock.ts';
import type { OpeningCommit, SessionCore, Transport } from '../session/durable-session.ts';
import { reportedOutcome } from '../reported-outcome.ts';
import { reflectionsShared, reportableAnswer } from '../shared/privacy.ts';
import { fingerprint } from '../shared/safety-copy.ts';
import type { RuntimeDeps } from '../shared/runtime-deps.ts';
import { interactionElements, type ScormDataModel, type ScormInteraction, type ScormWrite, type SessionRead } from './data-model.ts';
import { InteractionJournal, journalKey, reconcile, type JournalEntry } from './interaction-journal.ts';
import { describeLmsError, isRefusedValue, lmsErrorDetail, type LmsConnection, type LmsError } from './lms-connection.ts';
import type { ScormOpening } from './scorm-opening.ts';

/** How long a finishing SCO waits for this browser's disk copies to go before it ends the session. */
const RELEASE_WAIT_MS = 2000;

export class ScormTransport implements Transport {
  readonly standard: string;
  readonly stateLimit: number;
  readonly keepsAlive = true;
  private core!: SessionCore;
  private readonly config: RuntimeConfig;
  private readonly model: ScormDataModel;
  private readonly deps: RuntimeDeps;
  private readonly lms: LmsConnection;
  /** Critical writes the LMS refused, tried again before each commit. */
  private readonly refused = new Map<string, ScormWrite>();
  /** Answers not yet confirmed by a commit (persisted in this browser). */
  private journal: InteractionJournal;
  /** Entries left by an earlier launch have been checked against what the LMS holds. */
  private journalReconciled = false;
  /** The LMS's suspend_data fingerprint when this session began, for that check. */
  private lmsStateAtStart = fingerprint(null);
  /** Index of the next new interaction; null until _count is read; -1 when the LMS keeps no interactions. */
  private nextInteraction: number | null = null;
  /** The latest outcome, written again when a session that could not start at first does. */
  private outcome: Outcome | null = null;
  private objectives: Map<string, number> | null = null;
  private nextObjective = 0;
  private readonly sharedReflections = new Map<string, { id: string; prompt: string; text: string }>();
  /** The statuses last written (completion and success), so only a change of them is committed soon. */
  private reportedStatus = '';
  /** The end of a session waiting for the disk copies to go; pagehide runs it at once. */
  private endWaiting: (() => void) | null = null;
  /** The disk copies were released before the end: a session that then fails to end puts them back. */
  private released = false;

  /** The opening (scorm-opening.ts) holds the LMS connection and what Initialize found; this session carries on. */
  constructor(private readonly link: ScormOpening) {
    this.config = link.config;
    this.model = link.model;
    this.deps = link.deps;
    this.lms = link.lms;
    this.standard = this.model.standard;
    this.stateLimit = this.model.suspendDataLimit;
    this.journal = new InteractionJournal(this.deps.localStore, journalKey(this.config.course.id, this.model.standard, link.session?.learnerId ?? null));
    this.lmsStateAtStart = fingerprint(link.live ? (link.session?.suspendData ?? null) : null);
    for (const write of link.refusedAtOpen) this.refused.set(write.element, write);
  }

  private get live(): boolean {
    return this.link.live;
  }

  private get session(): SessionRead | null {
    return this.link.session;
  }

  private get lastError(): LmsError | null {
    return this.link.lastError;
  }

  private set lastError(error: LmsError | null) {
    this.link.lastError = error;
  }

  private get startedAt(): number {
    return this.link.startedAt;
  }

  bind(core: SessionCore): void {
    this.core = core;
  }

  skipsSave(_kind: SaveKind | undefined): boolean {
    return false;
  }

  opened(): OpeningCommit {
    let commit: OpeningCommit = null;
    if (this.journal.entries.length > 0 && this.session?.mode === 'normal') {
      // Answers an earlier launch could not get confirmed: record those the LMS lacks, now.
      this.writeJournal();
      commit = 'request';
    }
    if (this.live) this.core.connected();
    else this.core.fail({ kind: 'not-started', detail: this.errorDetail() });
    return commit;
  }

  stage(state: string, location: string): void {
    this.journal.noteState(fingerprint(state));
    if (this.live) this.apply(this.model.stateWrites(state, location));
  }

  problem(): StatusProblem {
    return this.lastError ? { kind: 'refused', detail: this.errorDetail() } : { kind: 'unreachable' };
  }

  recordProgress(sectionId: string, progress: number): void {
    if (!this.reporting() || !this.core.profile.recordObjectives) return;
    const objectives = this.loadObjectives();
    if (!objectives) return;
    let index = objectives.get(sectionId);
    const isNew = index === undefined;
    if (index === undefined) {
      index = this.nextObjective++;
      objectives.set(sectionId, index);
    }
    this.apply(this.model.objectiveWrites(index, sectionId, progress, isNew));
  }

  recordAnswer(answer: AnswerRecord): void {
    if (!this.recording()) return;
    const reportable = reportableAnswer(answer, this.config);
    if (!reportable) return;
    this.journalAdd(this.model.interaction({ answer: reportable, now: new Date(this.deps.clock.now()), language: this.config.course.language }));
    // The answer is written to the LMS now and kept in the journal (this browser) until a commit confirms it: it
    // travels with the next move, or after a while on the screen (a closing tab finishes the session with it).
    this.core.request(this.core.profile.commit.sameScreenMs);
  }

  recordReflection(promptId: string, prompt: string, text: string): void {
    // Private by default: the text is in the saved state already and goes nowhere else.
    if (!reflectionsShared(this.config) || !this.session || this.session.mode !== 'normal' || this.core.exiting) return;
    const changed = { id: promptId, prompt, text };
    this.sharedReflections.set(promptId, changed);
    const { writes, interaction } = this.model.sharedReflectionWrites({
      all: [...this.sharedReflections.values()].filter((r) => r.text !== ''),
      changed,
      interactions: this.recording(),
      now: new Date(this.deps.clock.now()),
      language: this.config.course.language,
    });
    this.apply(writes);
    if (interaction) this.journalAdd(interaction);
    this.core.request(this.core.profile.commit.sameScreenMs);
  }

  recordVideo(_event: VideoEvent): void {
    // SCORM has no place for video events; the film's position and played seconds travel in the saved state.
  }

  setOutcome(outcome: Outcome): void {
    if (this.session?.mode === 'normal' && !this.core.exiting) this.outcome = outcome;
    if (!this.reporting() || !this.session) return;
    this.apply(this.model.outcomeWrites(outcome, this.core.profile, this.session));
    // A new completion or success status is worth a commit of its own; progress travels with the next move.
    const reported = reportedOutcome(outcome, this.core.profile.successReported);
    const status = `${reported.completed}/${reported.success}`;
    this.core.request(status !== this.reportedStatus ? this.core.profile.commit.screenChangeMs : this.core.profile.commit.sameScreenMs);
    this.reportedStatus = status;
  }

  leaving(): void {
    this.endWaiting?.();
  }

  /**
   * Ends the session at once, within the caller's turn: on pagehide nothing queued after the handler is sure to run,
   * so Terminate / LMSFinish (which store everything, session time included) must not wait for a promise (issue 12.7).
   */
  end(how: 'suspend' | 'finish'): Promise<void> {
    const release = this.releaseLocalCopies();
    if (!release) {
      this.finish(how);
      return Promise.resolve();
    }
    // A learner finishing with the page still open: Terminate may have the LMS close the frame at once (exitAll),
    // which aborts anything this page still has in hand, so the copies on disk go first, while they can.
    const endNow = (): void => {
      if (this.endWaiting !== endNow) return;
      this.endWaiting = null;
      this.finish(how);
    };
    this.endWaiting = endNow;
    return withTimeout(release, RELEASE_WAIT_MS, undefined, this.deps.clock).then(endNow);
  }

  /**
   * Removes the disk copies of the safety copy and the answer journal while this page keeps them, when the page is
   * not already going (pagehide cannot wait) and the store keeps a disk copy; null when there is nothing to wait for.
   */
  private releaseLocalCopies(): Promise<void> | null {
    const store = this.deps.localStore;
    if (this.core.pageGoing || !this.live || !store?.releaseDurable) return null;
    this.released = true;
    return store.releaseDurable([this.core.safety.key, this.journal.key]);
  }

  /** The session did not end as it should: what was released from disk goes back there (setting a key again does). */
  private keepLocalCopies(): void {
    const store = this.deps.localStore;
    if (!this.released || !store) return;
    this.released = false;
    for (const key of [this.core.safety.key, this.journal.key]) {
      const value = store.get(key);
      if (value !== null) store.set(key, value);
    }
  }

  /** Sends everything waiting; true once the LMS has confirmed the latest state. */
  commit(): boolean {
    if (!this.live && !this.recoverSession()) return false;
    if (this.session?.mode === 'review') return true;
    const allWritten = this.writeJournal();
    const retry = [...this.refused.values()];
    this.refused.clear();
    this.apply([...retry, ...this.model.sessionTimeWrites(this.deps.clock.now() - this.startedAt)]);
    const written = this.journal.entries.filter((e) => e.written);
    const error = this.lms.commit();
    if (error) return false;
    // The commit stored the data model as it is: every answer written so far is the LMS's now.
    this.journal.remove(written);
    if (this.refused.size > 0) return false;
    this.confirm();
    return allWritten;
  }

  /** The LMS has everything: the core forgets the copy of the state it now holds. */
  private confirm(): void {
    const pending = this.core.pending;
    if (pending) this.core.confirm(pending.state, pending.location);
  }

  /**
   * Initialize failed at start; try again. Work is only sent if the LMS still holds what this session started
   * from, so a late session can never overwrite progress the learner made elsewhere.
   */
  private recoverSession(): boolean {
    if (!this.link.initialize()) return false;
    const session = this.model.readSession(this.link.readSessionValues());
    if (fingerprint(session.suspendData) !== this.core.confirmed) {
      this.lastError = { call: 'resume check', code: -1, text: 'the learning system holds progress from another session', diagnostic: '' };
      this.core.stopClock();
      this.core.fail({ kind: 'other-session' });
      return false;
    }
    this.link.live = true;
    this.link.session = session;
    // The copy was kept under "anonymous" while the LMS could not say who the learner is: file it under them now.
    this.core.moveCopyTo(session.learnerId);
    this.lmsStateAtStart = fingerprint(session.suspendData);
    const journal = new InteractionJournal(this.deps.localStore, journalKey(this.config.course.id, this.model.standard, session.learnerId));
    this.journal.moveTo(journal);
    this.journal = journal;
    if (session.mode === 'normal') {
      this.apply(this.model.startWrites(session));
      if (this.outcome) this.apply(this.model.outcomeWrites(this.outcome, this.core.profile, session));
    }
    const pending = this.core.pending;
    if (pending) this.apply(this.model.stateWrites(pending.state, pending.location));
    return true;
  }

  private finish(how: 'suspend' | 'finish'): void {
    this.core.close();
    if (!this.session || (!this.live && !this.recoverSession())) return this.keepLocalCopies();
    const allWritten = this.session.mode === 'normal' ? this.writeJournal() : true;
    const written = this.journal.entries.filter((e) => e.written);
    if (this.session.mode !== 'review') {
      const retry = [...this.refused.values()];
      this.refused.clear();
      this.apply([
        ...retry,
        ...this.model.exitWrites(how, this.core.profile),
        ...this.model.sessionTimeWrites(this.deps.clock.now() - this.startedAt),
        ...this.model.navigationWrites(how, this.core.profile),
      ]);
    }
    // No commit during pagehide: its synchronous request is refused by the browser then, and Terminate / LMSFinish
    // store everything anyway (the LMS sends that one however it can).
    const commitFirst = !this.core.pageGoing && this.model.commitBeforeTerminate(this.core.profile);
    const commitError = commitFirst ? this.lms.commit() : null;
    const terminateError = this.lms.terminate();
    if (!commitError && !terminateError) this.journal.remove(written);
    const problem = commitError ?? terminateError ?? (this.refused.size > 0 || !allWritten ? this.lastError : null);
    if (problem) {
      this.keepLocalCopies();
      this.core.fail({ kind: 'refused', detail: lmsErrorDetail(problem) });
      return;
    }
    this.confirm();
  }

  /**
   * Writes values. Refused critical ones, and any refused because the LMS is failing (not because of the value), are
   * kept for the next commit and make that commit unconfirmed; an optional value the LMS refuses as such is logged.
   */
  private apply(writes: ScormWrite[]): void {
    for (const write of this.link.apply(writes)) this.refused.set(write.element, write);
  }

  private reporting(): boolean {
    return this.live && this.session?.mode === 'normal' && !this.core.exiting;
  }

  /** Answers are recorded in normal mode, also while the LMS is not answering (the journal keeps them). */
  private recording(): boolean {
    return this.core.profile.recordInteractions && this.session?.mode === 'normal' && !this.core.exiting && this.nextInteraction !== -1;
  }

  /** An answer into the journal as the data model made it, then to the LMS if it answers. */
  private journalAdd(interaction: ScormInteraction): void {
    this.journal.add({ ...interaction, index: null, written: false }, this.core.confirmed);
    this.writeJournal();
  }

  /**
   * Writes every journal entry the LMS does not have yet, in order; true when all are written. An entry's id opens
   * its place in cmi.interactions, so a refused id stops here (the LMS is failing: later entries wait their turn),
   * unless the LMS refused the value itself, which no retry can change (that entry is dropped, and logged).
   */
  private writeJournal(): boolean {
    if (this.journal.entries.length === 0) return true;
    if (!this.live || this.session?.mode !== 'normal') return false;
    if (!this.journalReconciled && !this.reconcileJournal()) return false;
    for (const entry of [...this.journal.entries]) {
      if (entry.written) continue;
      const index = entry.index ?? this.nextIndex();
      if (index === 'later') return false;
      if (index === 'none') {
        this.dropEntries(this.journal.entries.filter((e) => e.index === null), 'the learning system takes no more interactions');
        return this.journal.entries.every((e) => e.written);
      }
      let idError: LmsError | null = null;
      let failing = false;
      for (const [position, { element, value }] of interactionElements(entry, index).entries()) {
        const error = this.lms.setValue(element, value);
        if (!error) continue;
        if (position === 0) {
          idError = error;
          break;
        }
        // A field the LMS refuses for good is left out (as the data model's optional values are); the entry stands.
        if (isRefusedValue(error)) console.warn(`[common-ground] ${element} was not accepted: ${describeLmsError(error)}`);
        else failing = true;
      }
      if (idError) {
        if (!isRefusedValue(idError)) return false;
        this.dropEntries([entry], describeLmsError(idError));
        continue;
      }
      if (entry.index === null) {
        entry.index = index;
        this.nextInteraction = index + 1;
      }
      entry.written = !failing;
      this.journal.update();
      if (failing) return false;
    }
    return true;
  }

  /** Entries that can never be recorded: the answers stay in the saved state, only the LMS's record lacks them. */
  private dropEntries(entries: JournalEntry[], why: string): void {
    if (entries.length === 0) return;
    console.warn(`[common-ground] ${entries.length} answer(s) could not be recorded as interactions: ${why}`);
    this.journal.remove(entries);
  }

  /** Where the next new interaction goes; 'none' when the LMS takes no more; 'later' when _count cannot be read now. */
  private nextIndex(): number | 'none' | 'later' {
    if (this.nextInteraction === null) {
      const { value, error } = this.lms.getValue(this.model.interactionCountElement);
      if (error && !isRefusedValue(error)) return 'later';
      const count = Number(value);
      // An LMS that does not implement interactions (or fails on _count, adapt-contrib-spoor#294) gets none.
      this.nextInteraction = error || !Number.isInteger(count) ? -1 : count;
    }
    return this.nextInteraction >= 0 && this.nextInteraction < this.core.profile.maxInteractions ? this.nextInteraction : 'none';
  }

  /**
   * Entries an earlier launch left in the journal: keep only those the LMS does not hold (interaction-journal.ts says
   * how that is known), to be appended after what it has. Runs once, before this session writes any interaction.
   */
  private reconcileJournal(): boolean {
    const { value, error } = this.lms.getValue(this.model.interactionCountElement);
    const count = Number(value);
    if (error || !Number.isInteger(count)) {
      if (error && !isRefusedValue(error)) return false;
      this.nextInteraction = -1;
      this.dropEntries([...this.journal.entries], 'the learning system keeps no interactions');
      this.journalReconciled = true;
      return true;
    }
    const held = this.model.heldInteractions(count, (element) => this.lms.getValue(element).value);
    const verdicts = reconcile(this.journal.entries, this.journal.lineage, { count, held, stateFingerprint: this.lmsStateAtStart });
    const kept: JournalEntry[] = [];
    for (const verdict of verdicts) {
      if (verdict.verdict === 'held') continue;
      kept.push({ ...verdict.entry, index: verdict.verdict === 'rewrite' ? verdict.index : null, written: false });
    }
    // From here the lineage is this session's: what the LMS has confirmed, and the state waiting to be committed.
    this.journal.replace(kept, this.core.confirmed);
    const pending = this.core.pending;
    if (pending) this.journal.noteState(fingerprint(pending.state));
    this.nextInteraction = count;
    this.journalReconciled = true;
    return true;
  }

  /** Objective ids already in the LMS (from earlier sessions), by section id; null when the LMS has no objectives. */
  private loadObjectives(): Map<string, number> | null {
    if (this.objectives) return this.objectives;
    const { value, error } = this.lms.getValue(this.model.objectiveCountElement);
    const count = Number(value);
    if (error || !Number.isInteger(count)) return null;
    const sectionByObjective = new Map(this.config.course.sections.map((s) => [this.model.objectiveId(s.id), s.id]));
    this.objectives = new Map();
    for (let i = 0; i < count; i++) {
      const section = sectionByObjective.get(this.lms.getValue(this.model.objectiveIdElement(i)).value);
      if (section !== undefined) this.objectives.set(section, i);
    }
    // New objectives go after every existing one, whatever it belongs to.
    this.nextObjective = count;
    return this.objectives;
  }

  /** The LMS's own account of its last error; empty when it gave none (the player words the problem, not the runtime). */
  private errorDetail(): string {
    return this.lastError ? lmsErrorDetail(this.lastError) : '';
  }
}
