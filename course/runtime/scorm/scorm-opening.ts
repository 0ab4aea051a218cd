// The opening of a SCORM session, loaded up front: Initialize (as the standard wants, at launch), what the LMS holds
// (entry, learner, suspend_data, mode) and the writes that start an attempt. The rest (commits, the answer journal,
// objectives, Terminate) is scorm-transport.ts, fetched right after (shared/opening-session.ts). A page going before
// that has come still hands the LMS the last state and ends the session here.
import type { RuntimeConfig } from '../../model/types.ts';
import type { HandedState, LaunchMode } from '../tracker.ts';
import { resolveLmsProfile, type LmsProfile } from '../lms-profiles.ts';
import type { Opened, SessionOpening, Transport } from '../session/durable-session.ts';
import type { RuntimeDeps } from '../shared/runtime-deps.ts';
import type { ScormDataModel, ScormWrite, SessionRead } from './data-model.ts';
import { describeLmsError, isRefusedValue, LmsConnection, type LmsError } from './lms-connection.ts';

const INITIALIZE_ATTEMPTS = 3;

export class ScormOpening implements SessionOpening {
  readonly standard: string;
  /** Unknown until Initialize says who the learner is. */
  readonly owner = null;
  readonly lms: LmsConnection;
  readonly profile: LmsProfile;
  session: SessionRead | null = null;
  /** Initialize succeeded (now or on a later try). */
  live = false;
  lastError: LmsError | null = null;
  startedAt = 0;
  /** Start writes the LMS refused, for the transport to write again before its first commit. */
  refusedAtOpen: ScormWrite[] = [];

  constructor(
    readonly config: RuntimeConfig,
    api: object,
    readonly model: ScormDataModel,
    readonly deps: RuntimeDeps,
  ) {
    this.standard = model.standard;
    this.profile = resolveLmsProfile(config);
    this.lms = new LmsConnection(api, model.version, {
      falseWithoutErrorIsSuccess: this.profile.falseWithoutErrorIsSuccess,
      log: ({ error }) => {
        if (error) this.lastError = error;
      },
    });
  }

  knownMode(): LaunchMode | null {
    return null;
  }

  open(): Opened {
    this.live = this.initialize();
    const session = this.model.readSession(this.live ? this.readSessionValues() : {});
    this.session = session;
    this.startedAt = this.deps.clock.now();
    const held = this.live ? session.suspendData : null;
    if (this.live && session.mode === 'normal') this.refusedAtOpen = this.apply(this.model.startWrites(session));
    return { learner: { id: session.learnerId, name: session.learnerName }, mode: session.mode, owner: session.learnerId, held: this.live ? held : undefined };
  }

  async transport(): Promise<Transport> {
    const { ScormTransport } = await import('./scorm-transport.ts');
    return new ScormTransport(this);
  }

  /**
   * The page goes before the transport came: the last state, exit and session time, then Terminate, in this turn (no
   * commit: the browser refuses its synchronous request now, and Terminate stores everything). Answers not yet written
   * stay in the journal of an earlier launch, or in the state.
   */
  leaveEarly(how: 'suspend' | 'finish', last: HandedState | null): void {
    const session = this.session;
    if (!this.live || !session) return;
    if (session.mode !== 'review') {
      this.apply([
        ...(last && last.state.length <= this.model.suspendDataLimit ? this.model.stateWrites(last.state, last.location) : []),
        ...this.model.exitWrites(how, this.profile),
        ...this.model.sessionTimeWrites(this.deps.clock.now() - this.startedAt),
        ...this.model.navigationWrites(how, this.profile),
      ]);
    }
    this.lms.terminate();
  }

  /** Initialize, tried a few times; an LMS that says "false" but answers reads has a session already (a reload). */
  initialize(): boolean {
    for (let attempt = 0; attempt < INITIALIZE_ATTEMPTS; attempt++) {
      if (this.lms.initialize() === null) return true;
      if (this.lms.getValue(this.model.entryElement).error === null) return true;
    }
    return false;
  }

  /** The entry first, then what it says there is to read. */
  readSessionValues(): Record<string, string> {
    const entry = this.lms.getValue(this.model.entryElement).value;
    const values: Record<string, string> = { [this.model.entryElement]: entry };
    for (const element of this.model.sessionElements(entry)) values[element] = this.lms.getValue(element).value;
    return values;
  }

  /**
   * Writes values; returns the refused ones the transport must write again (critical ones, and any refused because
   * the LMS is failing, not because of the value); an optional value the LMS refuses as such is logged.
   */
  apply(writes: ScormWrite[]): ScormWrite[] {
    const again: ScormWrite[] = [];
    if (!this.live) return again;
    for (const write of writes) {
      const error = this.lms.setValue(write.element, write.value);
      if (!error) continue;
      if (write.critical || !isRefusedValue(error)) again.push(write);
      else console.warn(`[common-ground] ${write.element} was not accepted: ${describeLmsError(error)}`);
    }
    return again;
  }
}
