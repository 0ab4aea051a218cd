// cmi5 (the "Quartz" spec): "cmi5 defined" statements about the AU (the LMS-made activity id), with the LMS's
// context template, the cmi5 category, and the moveOn category on those carrying success or completion; everything
// else is "cmi5 allowed". The order rules are kept here: initialized first and terminated last; completed and passed
// at most once per registration; never failed after passed, nor both in one session. So that a learner who fails
// the check and then passes it in the same session is recorded as passed, "failed" waits until the session ends
// where moveOn lets a pass satisfy the AU.
// "initialized" went at launch (cmi5-initialized.ts, sent by the adapter); this session sends it again only when the
// LRS did not take it then (xapi-transport.ts). Browse and Review sessions send initialized and terminated only. Statements an earlier session left unsent are
// issued again in this one (cmi5-carry-over.ts); moveOn decides how long a "failed" waits (cmi5-move-on.ts).
import type { Activity, Result } from '@xapi/xapi';
import type { Outcome } from '../tracker.ts';
import { withTimeout } from '../shared/clock.ts';
import { isoDuration } from '../shared/durations.ts';
import type { LaunchData } from './cmi5-launch.ts';
import type { Delivery } from './cmi5-carry-over.ts';
import { passCanSatisfy } from './cmi5-move-on.ts';
import { uuid } from './uuid.ts';
import { StatementQueue, type QueuedStatement } from './statement-queue.ts';
import { score, VERBS, type StatementParts } from './statements.ts';
import { XapiTransport } from './xapi-transport.ts';
import type { XapiOpening } from './xapi-opening.ts';
import { reportedOutcome } from '../reported-outcome.ts';

export const CMI5_CATEGORY: Activity = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
export const MOVEON_CATEGORY: Activity = { id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' };
export const SESSION_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
/** How long the course waits for its local copies to leave the disk before it goes back to the LMS. */
const SETTLE_WAIT_MS = 2000;
const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

export class Cmi5Session extends XapiTransport {
  readonly standard = 'cmi5';
  protected override readonly openingAlone = true;
  protected override readonly terminatedEndsSession = true;
  private failedPending: { scaled: number | null } | null = null;
  private passOrFailSent = false;
  /** This session's id (the LMS's context template): statements with another are an earlier session's. */
  private readonly sessionId: unknown;
  /** What an earlier session left, to follow this session's "initialized". */
  private carried: QueuedStatement[] = [];
  /** Statements of earlier sessions set aside by a Browse or Review session (which may not send them). */
  private readonly parked: StatementQueue;

  constructor(
    opening: XapiOpening,
    private readonly launchData: LaunchData,
    /** Removes the kept auth token (cmi5-launch.ts). */
    private readonly forgetAuthorization: () => void = () => {},
  ) {
    super(opening);
    this.sessionId = launchData.contextTemplate.extensions?.[SESSION_EXTENSION];
    this.parked = new StatementQueue(opening.deps.localStore, `${this.queueKey}:parked`, opening.launch.client);
  }

  /**
   * Statements an earlier session of this registration queued stay in the queue (persisted) until this session's
   * opening replaces them with what it issues again; the LRS is asked first which of them it holds already.
   */
  protected override async prepareOpening(lrsAnswered: boolean): Promise<void> {
    // An earlier session's "initialized" and "terminated" are never issued again (its close request, answered after
    // its page went, often leaves "terminated" here): the LRS is not asked about them, so "initialized" is not kept
    // waiting a round trip for nothing while the page may go.
    const earlier = [...this.parked.all, ...this.queue.all.filter((s) => this.isEarlier(s))].filter((s) => !this.sessionBound(s));
    if (earlier.length === 0 || !this.mayReport()) return;
    const delivery = new Map<string, Delivery>();
    // An LRS that did not answer for the resume document is not kept waiting on again: all is 'unknown' then.
    if (lrsAnswered) {
      await Promise.all(
        earlier.map(async (statement) => {
          const { status } = await this.patiently(this.launch.client.getStatement(statement.id));
          delivery.set(statement.id, status === 200 ? 'stored' : status === 404 ? 'missing' : 'unknown');
        }),
      );
    }
    // Loaded only here: only a session after an abandoned one has statements to carry over (keeps the first screen light).
    const { planCarryOver } = await import('./cmi5-carry-over.ts');
    const plan = planCarryOver(earlier, delivery, this.sent, this.launchData.contextTemplate, () => uuid());
    this.carried = plan.reissue;
    if (plan.sent.completed !== this.sent.completed || plan.sent.passed !== this.sent.passed) {
      this.sent = plan.sent;
      this.noteSent();
    }
    if (plan.reissue.some((s) => s.verb.id === VERBS.passed.id)) {
      this.passOrFailSent = true;
    } else if (plan.failed && !this.sent.passed) {
      if (passCanSatisfy(this.launchData.moveOn)) {
        this.failedPending = { scaled: plan.failed.scaled };
      } else {
        this.carried.push(plan.failed.statement);
        this.passOrFailSent = true;
      }
    }
  }

  /** What follows "initialized" (sent at launch): what an earlier session owed. */
  protected openingStatements(): QueuedStatement[] {
    const earlier = this.queue.discard((s) => this.isEarlier(s));
    if (!this.mayReport()) {
      // Browse or Review: this session may send only initialized and terminated; what an earlier session owed waits
      // in this browser for the next normal session.
      for (const statement of earlier) this.parked.add(statement);
      return [];
    }
    // The originals leave this browser's queue in the same step as their new copies enter it.
    this.parked.discard(() => true);
    const carried = this.carried;
    this.carried = [];
    return carried;
  }

  protected outcomeStatements(outcome: Outcome): QueuedStatement[] {
    const statements: QueuedStatement[] = [];
    const duration = this.duration();
    if (outcome.completed && !this.sent.completed) {
      this.sent.completed = true;
      statements.push(this.defined({ verb: VERBS.completed, result: { completion: true, duration } }, true));
    }
    const reported = reportedOutcome({ ...outcome, passed: this.judge(outcome) }, this.profile.successReported);
    if (reported.success === 'passed' && !this.sent.passed && !this.passOrFailSent) {
      this.sent.passed = true;
      this.passOrFailSent = true;
      this.failedPending = null;
      statements.push(this.passOrFail(true, reported.scaled, duration));
    } else if (reported.success === 'failed' && !this.sent.passed && !this.passOrFailSent) {
      if (passCanSatisfy(this.launchData.moveOn)) {
        this.failedPending = { scaled: reported.scaled };
      } else {
        this.passOrFailSent = true;
        this.failedPending = null;
        statements.push(this.passOrFail(false, reported.scaled, duration));
      }
    }
    return statements;
  }

  protected closingStatements(): QueuedStatement[] {
    const duration = this.duration();
    const statements: QueuedStatement[] = [];
    if (this.failedPending && this.mayReport()) {
      statements.push(this.passOrFail(false, this.failedPending.scaled, duration));
      this.passOrFailSent = true;
    }
    statements.push(this.defined({ verb: VERBS.terminated, result: { duration } }));
    return statements;
  }

  /** cmi5 defined statements: the LMS counts a repeat of one in the same session as a second (9.3). */
  protected override sentOnce(statement: QueuedStatement): boolean {
    return (statement.context?.contextActivities?.category ?? []).some((activity) => activity.id === CMI5_CATEGORY.id);
  }

  protected mayReport(): boolean {
    return this.launchData.launchMode === 'Normal';
  }

  protected override async afterExit(delivered: boolean): Promise<void> {
    // "terminated" is on record: the session's token can never be used again, so it does not stay in the tab. Not yet
    // on record: the token stays, so a reload of this tab can still deliver what is queued.
    if (delivered) this.forgetAuthorization();
    if (!this.launchData.returnURL) return;
    // Leaving aborts what this page still has in hand: the removals of the copies the LRS now holds reach the disk first.
    await withTimeout(this.deps.localStore?.settled?.() ?? Promise.resolve(), SETTLE_WAIT_MS, undefined, this.deps.clock);
    this.win.location.assign(this.launchData.returnURL);
  }

  /**
   * Pass or fail: by the LMS's masteryScore when it gives one (it overrides the course's own pass mark). A score below
   * it is a failure only once the course has decided (the learner has no attempt left, or passed the course's own
   * lower mark); until then it is no verdict at all.
   */
  private judge(outcome: Outcome): boolean | null {
    const mastery = this.launchData.masteryScore;
    if (mastery === null || outcome.scaled === null) return outcome.passed;
    if (outcome.scaled >= mastery) return true;
    return outcome.passed === null ? null : false;
  }

  /** A session's own "initialized" or "terminated" (cmi5 defined): it belongs to that session alone. */
  private sessionBound(statement: QueuedStatement): boolean {
    return this.sentOnce(statement) && (statement.verb.id === VERBS.initialized.id || statement.verb.id === VERBS.terminated.id);
  }

  private isEarlier(statement: QueuedStatement): boolean {
    return statement.context?.extensions?.[SESSION_EXTENSION] !== this.sessionId;
  }

  private passOrFail(passed: boolean, scaled: number | null, duration: string): QueuedStatement {
    const result: Result = { success: passed, duration };
    if (scaled !== null) result.score = score(scaled);
    const extensions = this.launchData.masteryScore !== null ? { [MASTERY_EXTENSION]: this.launchData.masteryScore } : undefined;
    return this.defined({ verb: passed ? VERBS.passed : VERBS.failed, result, ...(extensions ? { extensions } : {}) }, true);
  }

  private defined(parts: Omit<StatementParts, 'object'>, moveOn = false): QueuedStatement {
    return this.factory.make({
      ...parts,
      object: { objectType: 'Activity', id: this.launch.frame.activityId },
      categories: moveOn ? [CMI5_CATEGORY, MOVEON_CATEGORY] : [CMI5_CATEGORY],
    });
  }

  private duration(): string {
    return isoDuration(this.deps.clock.now() - this.startedAt);
  }
}
