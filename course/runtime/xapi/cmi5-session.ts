// cmi5 (the "Quartz" spec): "cmi5 defined" statements about the AU (the LMS-made activity id), with the LMS's
// context template, the cmi5 category, and the moveOn category on those carrying success or completion; everything
// else is "cmi5 allowed". The order rules are kept here: initialized first and terminated last; completed and passed
// at most once per registration; never failed after passed, nor both in one session. So that a learner who fails
// the check and then passes it in the same session is recorded as passed, "failed" waits until the session ends.
// Browse and Review sessions send initialized and terminated only.
import type { Activity, Result } from '@xapi/xapi';
import type { Outcome } from '../tracker.ts';
import { isoDuration } from '../shared/durations.ts';
import type { LaunchData } from './cmi5-launch.ts';
import type { QueuedStatement } from './statement-queue.ts';
import { score, VERBS, type StatementParts } from './statements.ts';
import { XapiSession, type XapiLaunch } from './xapi-session.ts';
import type { RuntimeConfig } from '../../types.ts';
import type { RuntimeDeps } from '../shared/runtime-deps.ts';

export const CMI5_CATEGORY: Activity = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };
export const MOVEON_CATEGORY: Activity = { id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' };
export const SESSION_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

export class Cmi5Session extends XapiSession {
  readonly standard = 'cmi5';
  private failedPending: { scaled: number | null } | null = null;
  private passOrFailSent = false;

  constructor(
    config: RuntimeConfig,
    win: Window,
    launch: XapiLaunch,
    deps: RuntimeDeps,
    private readonly launchData: LaunchData,
  ) {
    super(config, win, launch, deps);
    // Statements left from an earlier session of this registration cannot be accepted any more: the LMS has ended
    // that session ("abandoned") when this launch began.
    const session = launchData.contextTemplate.extensions?.[SESSION_EXTENSION];
    const dropped = this.queue.discard((s) => s.context?.extensions?.[SESSION_EXTENSION] !== session);
    if (dropped.length > 0) console.warn(`[common-ground] ${dropped.length} statements of an earlier cmi5 session could not be sent and were dropped`);
  }

  protected openingStatements(): QueuedStatement[] {
    return [this.defined({ verb: VERBS.initialized })];
  }

  protected outcomeStatements(outcome: Outcome): QueuedStatement[] {
    const statements: QueuedStatement[] = [];
    const duration = this.duration();
    if (outcome.completed && !this.sent.completed) {
      this.sent.completed = true;
      statements.push(this.defined({ verb: VERBS.completed, result: { completion: true, duration } }, true));
    }
    const passed = this.judge(outcome);
    if (passed === true && !this.sent.passed && !this.passOrFailSent) {
      this.sent.passed = true;
      this.passOrFailSent = true;
      this.failedPending = null;
      statements.push(this.passOrFail(true, outcome.scaled, duration));
    } else if (passed === false && !this.sent.passed && !this.passOrFailSent) {
      this.failedPending = { scaled: outcome.scaled };
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

  protected mayReport(): boolean {
    return this.launchData.launchMode === 'Normal';
  }

  protected override afterExit(): void {
    if (this.launchData.returnURL) this.win.location.assign(this.launchData.returnURL);
  }

  /** Pass or fail: by the LMS's masteryScore when it gives one (it overrides the course's own pass mark). */
  private judge(outcome: Outcome): boolean | null {
    const mastery = this.launchData.masteryScore;
    if (mastery !== null && outcome.scaled !== null) return outcome.scaled >= mastery;
    return outcome.passed;
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
