// What TinCan-launched xAPI and cmi5 share, as a transport of the durable session (session/durable-session.ts, which
// owns saving, commit timing, the safety copy and the page's lifecycle), fetched after the first screen: the resume
// document was read by xapi-opening.ts. Statements wait in a persisted queue and are
// resent with their ids; the resume state lives in the State API (the learner's own document, which only the LMS
// holds); on page close the last requests go with fetch keepalive. Each standard adds its own statements
// (tincan-session.ts, cmi5-session.ts).
import type { RuntimeConfig } from '../../model/types.ts';
import type { AnswerRecord, Outcome, SaveKind, StatusProblem, VideoEvent } from '../tracker.ts';
import { resolveLmsProfile, type LmsProfile } from '../lms-profiles.ts';
import { withTimeout } from '../shared/clock.ts';
import type { OpeningCommit, SessionCore, Transport } from '../session/durable-session.ts';
import { reflectionsShared, reportableAnswer } from '../shared/privacy.ts';
import { fingerprint } from '../shared/safety-copy.ts';
import type { RuntimeDeps } from '../shared/runtime-deps.ts';
import { SUSPEND_DATA_LIMITS } from '../state/limits.ts';
import { isSuccess, type LrsResponse } from './lrs-client.ts';
import { StatementQueue, type QueuedStatement } from './statement-queue.ts';
import { StatementFactory, VERBS } from './statements.ts';
import { videoStatement } from './video-statements.ts';
import { uuid } from './uuid.ts';
import { lrsProblem, NO_ANSWER, READ_TIMEOUT_MS, RESUME_STATE_ID, type ResumeDocument, type XapiLaunch, type XapiOpening } from './xapi-opening.ts';

export type { ResumeDocument, XapiLaunch };

/** Longest a finishing course waits for the LRS to confirm its last statements before it leaves the page. */
const FINAL_ANSWER_WAIT_MS = 5_000;

export abstract class XapiTransport implements Transport {
  abstract readonly standard: string;
  readonly stateLimit: number;
  readonly keepsAlive = false;
  protected core!: SessionCore;
  protected readonly factory: StatementFactory;
  protected readonly profile: LmsProfile;
  protected readonly queue: StatementQueue;
  /** Where the queue is kept in this browser (one per learner, activity and registration). */
  protected readonly queueKey: string;
  protected sent: ResumeDocument['sent'] = {};
  protected startedAt = 0;
  private readonly videoSessionId = uuid();
  /**
   * The session's first statement, until the LRS has it (cmi5 sends it alone: openingAlone); under cmi5 only when the
   * LRS did not take the one the opening sent at launch.
   */
  private openingId: string | null = null;
  /** The resume document a keepalive request is carrying now, so a second page-close send does not repeat it. */
  private documentClosing: ResumeDocument | null = null;
  /** The resume document could not be read: nothing may be written over it until it has been. */
  private documentUnknown = false;
  private document: ResumeDocument = { state: null, location: '', sent: {} };
  private documentDirty = false;
  private readonly progressReported = new Map<string, number>();
  private lastFailure: StatusProblem;
  protected readonly config: RuntimeConfig;
  protected readonly win: Window;
  protected readonly launch: XapiLaunch;
  protected readonly deps: RuntimeDeps;

  /** Carries on from the opening (xapi-opening.ts), which read the resume document. */
  constructor(private readonly opening: XapiOpening) {
    this.config = opening.config;
    this.win = opening.win;
    this.launch = opening.launch;
    this.deps = opening.deps;
    this.profile = resolveLmsProfile(this.config);
    this.stateLimit = SUSPEND_DATA_LIMITS[this.config.standard];
    this.factory = new StatementFactory(this.launch.frame, () => this.deps.clock.now(), () => uuid());
    this.queueKey = `common-ground:xapi-queue:${opening.owner}`;
    this.queue = new StatementQueue(this.deps.localStore, this.queueKey, this.launch.client);
    this.startedAt = opening.startedAt;
    this.lastFailure = opening.lastFailure;
    if (opening.remote) {
      this.document = opening.remote;
      this.sent = { ...opening.remote.sent };
    } else {
      // The LRS could not be read: the core carries on from this browser's copy; read it again before writing anything.
      this.documentUnknown = true;
    }
  }

  /** Statements that open the session (after the resume document is read). */
  protected abstract openingStatements(resumed: boolean): QueuedStatement[];
  /** Statements for a new outcome; may update `this.sent`. */
  protected abstract outcomeStatements(outcome: Outcome): QueuedStatement[];
  /** Statements that close the session. */
  protected abstract closingStatements(how: 'suspend' | 'finish'): QueuedStatement[];
  /** Whether statements other than opening and closing ones may be sent in this launch. */
  protected abstract mayReport(): boolean;
  /** cmi5: the session's first statement request holds "initialized" alone (9.3.0.0-4). */
  protected readonly openingAlone: boolean = false;
  /**
   * cmi5: "terminated" ends what the session's token may do (8.1.2.0-2), so the resume document must be stored before
   * it is sent; TinCan has no such rule.
   */
  protected readonly terminatedEndsSession: boolean = false;
  /**
   * cmi5: a statement the LMS takes at most once in a session, a repeat under the same id included (its defined
   * statements, 9.3): one on its way is not sent again at page close, and "terminated" then waits with the rest.
   */
  protected sentOnce(_statement: QueuedStatement): boolean {
    return false;
  }
  /**
   * After the last statements were sent (cmi5: back to the LMS). `delivered`: the LRS confirmed them all, so nothing of
   * the session is left in this browser's storage.
   */
  protected async afterExit(_delivered: boolean): Promise<void> {}
  /**
   * Before the opening statements are made, once the resume document is read or given up on (`lrsAnswered` says
   * which); cmi5 looks at what an earlier session left.
   */
  protected async prepareOpening(_lrsAnswered: boolean): Promise<void> {}

  bind(core: SessionCore): void {
    this.core = core;
  }

  /** `this.sent` changed outside setOutcome: the resume document must say so too. */
  protected noteSent(): void {
    this.document = { ...this.document, sent: { ...this.sent } };
    this.documentDirty = true;
  }

  /** Reads with the same patience as the resume document; status 0 when the LRS is too slow or does not answer. */
  protected patiently(request: Promise<LrsResponse>): Promise<LrsResponse> {
    return withTimeout(request, READ_TIMEOUT_MS, NO_ANSWER, this.deps.clock);
  }

  /**
   * The page going with only the time spent changed: under cmi5 that document would have to be stored before
   * "terminated", which a page going cannot wait for. The LMS has all the learner's work; the session's time goes in
   * "terminated" (its result.duration), and nothing is left behind in this browser.
   */
  skipsSave(kind: SaveKind | undefined): boolean {
    return kind === 'leave' && this.terminatedEndsSession && !this.documentDirty && !this.documentUnknown;
  }

  stage(state: string, location: string): void {
    this.document = { ...this.document, state, location };
    this.documentDirty = true;
  }

  problem(): StatusProblem {
    return this.lastFailure;
  }

  recordProgress(sectionId: string, progress: number): void {
    if (!this.reporting() || this.progressReported.get(sectionId) === progress) return;
    this.progressReported.set(sectionId, progress);
    this.enqueue([this.factory.progressed(sectionId, progress)]);
  }

  recordAnswer(answer: AnswerRecord): void {
    const reportable = reportableAnswer(answer, this.config);
    if (!this.reporting() || !reportable) return;
    this.enqueue([this.factory.answered(reportable)]);
  }

  recordReflection(promptId: string, prompt: string, text: string): void {
    // Private by default: the text is in the learner's resume document already and goes into no statement.
    if (!reflectionsShared(this.config) || !this.reporting() || text === '') return;
    this.enqueue([this.factory.answered({ id: `reflection.${promptId}`, type: 'long-fill-in', description: prompt, response: [text], result: 'neutral', latencyMs: 0, choices: [] })]);
  }

  recordVideo(event: VideoEvent): void {
    if (!this.reporting()) return;
    const standard = this.config.standard === 'cmi5' ? 'cmi5' : 'xapi';
    this.enqueue([videoStatement(this.factory, this.config.course.film, event, this.videoSessionId, this.deps.clock.now() - this.startedAt, standard)]);
  }

  setOutcome(outcome: Outcome): void {
    if (!this.reporting()) return;
    const before = JSON.stringify(this.sent);
    const statements = this.outcomeStatements(outcome);
    if (JSON.stringify(this.sent) !== before) {
      this.document = { ...this.document, sent: { ...this.sent } };
      this.documentDirty = true;
    }
    this.enqueue(statements, this.profile.commit.screenChangeMs);
  }

  async opened(resumed: boolean): Promise<OpeningCommit> {
    await this.prepareOpening(!this.documentUnknown);
    const first = this.opening.first;
    // The statement the opening sent at launch (cmi5's "initialized") is the queue's first, on its way until the LRS
    // answers (or READ_TIMEOUT_MS passes): nothing is sent before that, and a page going meanwhile sends no statement
    // (as for any "initialized" on its way). Not waited for here: the session watches the page from now on.
    if (first) void this.queue.adopt(first.statement, this.patiently(first.answer)).then(() => this.noteOpeningDelivered());
    const opening = this.openingStatements(resumed);
    this.openingId = first ? first.statement.id : (opening[0]?.id ?? null);
    for (const statement of opening) this.queue.add(statement);
    return 'flush';
  }

  leaving(): void {
    void this.sendFinal();
  }

  private enqueue(statements: QueuedStatement[], within = this.profile.commit.sameScreenMs): void {
    if (statements.length === 0) return;
    for (const statement of statements) this.queue.add(statement);
    this.core.request(within);
  }

  private reporting(): boolean {
    return this.core.isOpen && !this.core.exiting && this.mayReport();
  }

  /** Sends the queue, then the resume document; true when the LRS has taken both. */
  async commit(): Promise<boolean> {
    if (this.documentUnknown && !(await this.recoverDocument())) return false;
    // The session's first statement goes with keepalive: should the page go while it is on its way, it still arrives,
    // and the close request need not (may not, under cmi5) send it again.
    const sent = await this.queue.send(this.openingPending() ? 1 : undefined, this.openingPending());
    this.noteOpeningDelivered();
    for (const statement of sent.rejected) console.error('[common-ground] the LRS refused a statement as invalid', statement);
    if (!sent.ok) {
      this.lastFailure = lrsProblem(sent.failure?.status ?? 0);
      return false;
    }
    if (!this.documentDirty) return true;
    const document = this.document;
    const response = await this.launch.client.putState(this.launch.document, RESUME_STATE_ID, document);
    if (!isSuccess(response.status)) {
      this.lastFailure = lrsProblem(response.status);
      return false;
    }
    this.confirm(document);
    return true;
  }

  private confirm(document: ResumeDocument): void {
    if (this.document === document) this.documentDirty = false;
    this.core.confirm(document.state, document.location);
  }

  /** The LRS answers again: read the document, and write only if it still holds what this session started from. */
  private async recoverDocument(): Promise<boolean> {
    const remote = await this.opening.readDocument();
    if (!remote) {
      this.lastFailure = this.opening.lastFailure;
      return false;
    }
    if (fingerprint(remote.state) !== this.core.confirmed) {
      this.lastFailure = { kind: 'other-session' };
      this.core.stopClock();
      this.core.fail(this.lastFailure);
      return false;
    }
    this.documentUnknown = false;
    this.sent = { ...remote.sent, ...this.sent };
    this.document = { ...this.document, sent: { ...this.sent } };
    return true;
  }

  /** Ends the session; its last requests leave within the caller's turn (pagehide cannot wait). */
  async end(how: 'suspend' | 'finish'): Promise<void> {
    this.core.close();
    const final = this.close(how);
    // Wait for the LRS's answer (a few seconds at most) before a cmi5 course leaves for the LMS: once the page is gone
    // nothing can take the delivered statements out of browser storage, and on a shared PC they would stay there.
    const settled = await withTimeout(final.then(() => true), FINAL_ANSWER_WAIT_MS, false, this.deps.clock);
    await this.afterExit(settled && this.queue.size === 0 && !this.documentDirty);
    await final;
  }

  /**
   * The session's last requests, with keepalive so they outlive the page. The resume document goes first and the
   * closing statements ("terminated" last) only once it is answered, so nothing uses a cmi5 session's token after
   * "terminated". A page already going cannot wait for an answer: it sends what it has in one go, and a cmi5 session
   * whose document is still unconfirmed then leaves "terminated" unsent (the LMS records the session as abandoned; the
   * learner's work is in the document and this browser's copy, and nothing follows a "terminated").
   */
  private async close(how: 'suspend' | 'finish'): Promise<void> {
    const documentWaiting = this.documentDirty && !this.documentUnknown;
    if (this.core.pageGoing) {
      const closing = this.closingStatements(how);
      const hold = (documentWaiting || this.awaitingOnce()) && this.terminatedEndsSession;
      for (const statement of hold ? closing.filter((s) => s.verb.id !== VERBS.terminated.id) : closing) this.queue.add(statement);
      await this.sendFinal();
      return;
    }
    // A commit still in flight sends some of the same statements: let it finish, so none goes twice at once.
    await this.core.settled();
    if (this.documentDirty && !this.documentUnknown) await this.putDocument(true);
    for (const statement of this.closingStatements(how)) this.queue.add(statement);
    await this.queue.sendFinal(this.openingPending() ? 1 : Infinity);
    this.noteOpeningDelivered();
  }

  /**
   * Page close: the resume document (if it changed) and the queued statements side by side, with keepalive so they
   * outlive the page. Whatever is not answered stays in the queue and the safety copy for the next launch. While the
   * session's first statement is on its way no statement goes: a repeat would be a second "initialized" to a cmi5 LMS,
   * and any other could overtake it (the LMS records the session abandoned; the next one issues again what it owed).
   */
  private async sendFinal(): Promise<void> {
    const requests: Promise<void>[] = [];
    // pagehide may bring two of these (the session's own handler, then the player's last save): they share the page's
    // keepalive allowance (the client counts what is in flight), and neither sends again what the other has in hand.
    if (this.documentDirty && !this.documentUnknown && this.documentClosing !== this.document) requests.push(this.putDocument(true));
    if (!this.openingOnItsWay()) requests.push(this.queue.sendFinal(this.openingPending() ? 1 : Infinity, (statement) => !this.sentOnce(statement)));
    await Promise.all(requests);
    this.noteOpeningDelivered();
  }

  private async putDocument(keepalive: boolean): Promise<void> {
    const document = this.document;
    if (keepalive) this.documentClosing = document;
    const response = await this.launch.client.putState(this.launch.document, RESUME_STATE_ID, document, { keepalive });
    if (this.documentClosing === document) this.documentClosing = null;
    if (isSuccess(response.status)) this.confirm(document);
  }

  /** The session's first statement is still waiting and must go alone (cmi5). */
  private openingPending(): boolean {
    return this.openingAlone && this.openingId !== null;
  }

  /** The session's first statement must go alone and is in a request not yet answered. */
  private openingOnItsWay(): boolean {
    return this.openingPending() && this.openingId !== null && this.queue.onItsWay(this.openingId);
  }

  /**
   * A statement the LMS takes once is on its way and may yet be cut off or overtaken: "terminated" (which must come
   * last) cannot go in this page's close request.
   */
  private awaitingOnce(): boolean {
    return this.openingOnItsWay() || this.queue.inOrdinaryRequest().some((statement) => this.sentOnce(statement));
  }

  private noteOpeningDelivered(): void {
    if (this.openingId !== null && !this.queue.all.some((statement) => statement.id === this.openingId)) this.openingId = null;
  }
}
