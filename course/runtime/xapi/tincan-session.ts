// xAPI with a TinCan launch: initialized (and resumed when there is saved work), answered, progressed, completed,
// passed/failed, the Video Profile, then suspended and terminated. No launch modes: every session reports.
import type { Result } from '@xapi/xapi';
import type { Outcome } from '../tracker.ts';
import { isoDuration } from '../shared/durations.ts';
import type { QueuedStatement } from './statement-queue.ts';
import { score, VERBS } from './statements.ts';
import { XapiTransport } from './xapi-transport.ts';
import { reportedOutcome } from '../reported-outcome.ts';

export class TinCanSession extends XapiTransport {
  readonly standard = 'xapi';
  /** The pass or fail last reported in this session, so each change is reported once. */
  private reportedPass: boolean | null = null;

  protected openingStatements(resumed: boolean): QueuedStatement[] {
    const course = this.factory.courseActivity();
    return [this.factory.make({ verb: VERBS.initialized, object: course }), ...(resumed ? [this.factory.make({ verb: VERBS.resumed, object: course })] : [])];
  }

  protected outcomeStatements(outcome: Outcome): QueuedStatement[] {
    const statements: QueuedStatement[] = [];
    const course = this.factory.courseActivity();
    const duration = isoDuration(this.deps.clock.now() - this.startedAt);
    if (outcome.completed && !this.sent.completed) {
      this.sent.completed = true;
      statements.push(this.factory.make({ verb: VERBS.completed, object: course, result: { completion: true, duration } }));
    }
    const reported = reportedOutcome(outcome, this.profile.successReported);
    const passed = reported.success === null ? null : reported.success === 'passed';
    if (passed !== null && passed !== this.reportedPass && !(passed && this.sent.passed)) {
      this.reportedPass = passed;
      if (passed) this.sent.passed = true;
      const result: Result = { success: passed, duration };
      if (reported.scaled !== null) result.score = score(reported.scaled);
      statements.push(this.factory.make({ verb: passed ? VERBS.passed : VERBS.failed, object: course, result }));
    }
    return statements;
  }

  protected closingStatements(how: 'suspend' | 'finish'): QueuedStatement[] {
    const course = this.factory.courseActivity();
    const result = { duration: isoDuration(this.deps.clock.now() - this.startedAt) };
    return [
      ...(how === 'suspend' ? [this.factory.make({ verb: VERBS.suspended, object: course, result })] : []),
      this.factory.make({ verb: VERBS.terminated, object: course, result }),
    ];
  }

  protected mayReport(): boolean {
    return true;
  }
}
