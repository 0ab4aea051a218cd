// What a cmi5 moveOn value (LMS.LaunchData, cmi5 §10 and §13.1.4) asks of the learner before the LMS counts the AU
// as satisfied. The AU's duties do not change with it: it sends "completed" when the learner has done everything,
// "passed" or "failed" when judged (§9.3.3–9.3.5), whatever moveOn says. What moveOn changes here is how long a
// "failed" is held back: a session may carry only one of passed and failed, so a "failed" sent at once would push a
// pass later in the same session out to another session. Where a pass can satisfy the AU, the "failed" waits for the
// end of the session; where it cannot (Completed, NotApplicable), it goes at once, so no closed tab can lose it, and a
// later pass is reported by the next session (the player reports the outcome again at every start).
import type { MoveOn } from './cmi5-launch.ts';

export interface MoveOnRule {
  /** The LMS needs "completed". */
  completion: boolean;
  /** The LMS needs "passed". */
  success: boolean;
  /** Either statement satisfies the AU on its own (CompletedOrPassed). */
  eitherSuffices: boolean;
}

export function moveOnRule(moveOn: MoveOn): MoveOnRule {
  switch (moveOn) {
    case 'Completed':
      return { completion: true, success: false, eitherSuffices: false };
    case 'Passed':
      return { completion: false, success: true, eitherSuffices: false };
    case 'CompletedAndPassed':
      return { completion: true, success: true, eitherSuffices: false };
    case 'CompletedOrPassed':
      return { completion: true, success: true, eitherSuffices: true };
    default:
      // NotApplicable: satisfied at registration; the AU still reports what happened.
      return { completion: false, success: false, eitherSuffices: false };
  }
}

/** Whether a pass could still satisfy the AU: then a "failed" is held until the session ends. */
export function passCanSatisfy(moveOn: MoveOn): boolean {
  return moveOnRule(moveOn).success;
}

