// The opening of an xAPI or cmi5 session, loaded up front: the learner's resume document from the State API (what
// the first screen needs to know whether to resume). The rest (statements, their queue, the document's commits, the
// session's end) is xapi-transport.ts with tincan-session.ts or cmi5-session.ts, fetched right after
// (shared/opening-session.ts). A page going before that has come still sends the last state in the document; under
// cmi5 the LMS has seen the session begin, since the adapter sent "initialized" at launch (`first`, handed on here).
import type { RuntimeConfig } from '../../model/types.ts';
import type { HandedState, LaunchMode, StatusProblem } from '../tracker.ts';
import { withTimeout } from '../shared/clock.ts';
import type { Opened, SessionOpening, Transport } from '../session/durable-session.ts';
import { fingerprint } from '../shared/safety-copy.ts';
import type { RuntimeDeps } from '../shared/runtime-deps.ts';
import { isSuccess, type DocumentParams, type LrsClient, type LrsResponse } from './lrs-client.ts';
import type { QueuedStatement } from './statement-queue.ts';
import type { StatementFrame } from './statements.ts';

/** The State API document holding the learner's resume state. */
export const RESUME_STATE_ID = 'https://w3id.org/xapi/common-ground/resume';

/** The course waits this long for its resume document before opening from this browser's copy instead. */
export const READ_TIMEOUT_MS = 15_000;
/** What a request that timed out counts as: no answer at all. */
export const NO_ANSWER: LrsResponse = { status: 0, body: '' };

export interface ResumeDocument {
  state: string | null;
  location: string;
  /** Course-level statements already sent in this registration (cmi5 allows each at most once). */
  sent: { completed?: boolean; passed?: boolean };
}

export interface XapiLaunch {
  client: LrsClient;
  frame: StatementFrame;
  /** Where the resume document is kept. */
  document: DocumentParams;
  mode: LaunchMode;
  learner: { id: string | null; name: string | null };
}

/** A statement the opening sent at launch, and the LRS's answer to it (the session takes it over: xapi-transport.ts). */
export interface LaunchStatement {
  statement: QueuedStatement;
  answer: Promise<LrsResponse>;
}

export class XapiOpening implements SessionOpening {
  /** The resume document as read; null when the LRS could not be read (nothing may be written over it until it is). */
  remote: ResumeDocument | null = null;
  lastFailure: StatusProblem = { kind: 'unreachable' };
  startedAt = 0;
  readonly owner: string;

  constructor(
    readonly standard: string,
    readonly config: RuntimeConfig,
    readonly win: Window,
    readonly launch: XapiLaunch,
    readonly deps: RuntimeDeps,
    /** The rest of the session, made from this opening (a dynamic import: its own chunk). */
    private readonly rest: (opening: XapiOpening) => Promise<Transport>,
    /** cmi5's "initialized", sent at launch (adapters/cmi5.ts); null for TinCan, whose session sends its own first statement. */
    readonly first: LaunchStatement | null = null,
  ) {
    this.owner = fingerprint(`${JSON.stringify(launch.frame.actor)}|${launch.document.activityId}|${launch.document.registration ?? ''}`);
  }

  knownMode(): LaunchMode {
    return this.launch.mode;
  }

  async open(): Promise<Opened> {
    this.startedAt = this.deps.clock.now();
    this.remote = await this.readDocument();
    return { learner: this.launch.learner, mode: this.launch.mode, owner: this.owner, held: this.remote ? this.remote.state : undefined };
  }

  transport(): Promise<Transport> {
    return this.rest(this);
  }

  /**
   * The page goes before the transport came: the last state in the resume document, with keepalive. No other
   * statement goes (their builders have not come); the LMS sees the session abandoned (under cmi5, after the
   * "initialized" sent at launch), and the work is in the document and in this browser's copy.
   */
  leaveEarly(_how: 'suspend' | 'finish', last: HandedState | null): void {
    const remote = this.remote;
    if (!remote || !last || last.state === remote.state) return;
    void this.launch.client.putState(this.launch.document, RESUME_STATE_ID, { ...remote, state: last.state, location: last.location }, { keepalive: true });
  }

  /** The resume document; an empty one when there is none; null when the LRS could not be asked (or is too slow). */
  async readDocument(): Promise<ResumeDocument | null> {
    const response = await withTimeout(this.launch.client.getState(this.launch.document, RESUME_STATE_ID), READ_TIMEOUT_MS, NO_ANSWER, this.deps.clock);
    if (response.status === 404) return { state: null, location: '', sent: {} };
    if (!isSuccess(response.status)) {
      this.lastFailure = lrsProblem(response.status);
      return null;
    }
    return parseDocument(response.body);
  }
}

/** An LRS answer that stopped a send: none at all (status 0), or the HTTP status it gave. */
export function lrsProblem(status: number): StatusProblem {
  return status === 0 ? { kind: 'unreachable' } : { kind: 'refused', detail: `HTTP ${status}` };
}

function parseDocument(body: string): ResumeDocument {
  try {
    const parsed = JSON.parse(body) as Partial<ResumeDocument>;
    return {
      state: typeof parsed.state === 'string' && parsed.state !== '' ? parsed.state : null,
      location: typeof parsed.location === 'string' ? parsed.location : '',
      sent: typeof parsed.sent === 'object' && parsed.sent !== null ? { completed: parsed.sent.completed === true, passed: parsed.sent.passed === true } : {},
    };
  } catch {
    // A document we cannot read is handed on as it is: the codec reports it as damaged and salvages nothing.
    return { state: body, location: '', sent: {} };
  }
}
