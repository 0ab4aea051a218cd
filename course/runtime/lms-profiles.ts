// LMS quirks as typed settings, one profile per family of LMS behaviour, selectable per variant. Each setting says
// which real behaviour it exists for; the default suits a strict, standards-following LMS.
import { STANDARD_IDS, type LmsProfileId, type RuntimeConfig, type StandardId } from '../model/types.ts';
import type { SuccessTiming } from './reported-outcome.ts';

export type { LmsProfileId };

export interface LmsProfile {
  id: LmsProfileId;
  /** Standards this family of LMS plays properly; the build refuses a variant that asks for another. */
  standards: readonly StandardId[];
  /** When the LMS is told about changes, and how failed attempts are retried (the policy: runtime/README.md). */
  commit: {
    /** After a screen change: the moment the LMS should hear where the learner is, and all done on the screen left. */
    screenChangeMs: number;
    /** After a pause in typing (the player hands the text over after a quiet second, and every few seconds of non-stop
     * typing): short, so little typing is ever at risk if the browser dies (issue 17.4). */
    typingMs: number;
    /** After other changes on the same screen (answers, ratings, the film's position), which are kept in this
     * browser at once and travel with the next move: a learner who stays this long on a screen is committed anyway. */
    sameScreenMs: number;
    /** Keep-alive commit while nothing changes, so LMS sessions do not time out (adapt_framework#2590); 0 = off. */
    keepAliveMs: number;
    /** Waits between failed attempts; the last repeats. */
    backoffMs: number[];
    /** Failed attempts shown as "retrying" before the learner is told the LMS is unreachable. */
    quietRetries: number;
  };
  /** cmi.interactions: some LMSs reject them or fail on _count (adapt-contrib-spoor#294/#295). */
  recordInteractions: boolean;
  /** cmi.objectives, one per section: some LMSs refuse packages that raise objective errors (adapt-contrib-spoor#316). */
  recordObjectives: boolean;
  /** Interactions recorded per session at most (SCORM 2004 guarantees 250 entries). */
  maxInteractions: number;
  /** "Some LMSs have a tendency to return false even when it worked": a false with error 0 counts as success. */
  falseWithoutErrorIsSuccess: boolean;
  /**
   * When "passed" / "failed" and the score are reported (reported-outcome.ts). 'with-completion': once the course's
   * completion rule is met (a failure: once the learner has finished), so an LMS that counts "completed or passed"
   * (Moodle, cmi5 CompletedOrPassed) never gives the tick before the course is done. 'when-judged': at once.
   */
  successReported: SuccessTiming;
  scorm12: {
    /** cmi.core.exit on finishing: "" ends the attempt; "suspend" keeps resume data (SCORM Cloud, adapt_framework#2458). */
    exitWhenFinished: '' | 'suspend';
  };
  scorm2004: {
    /** cmi.exit on finishing: "normal" ends the attempt; "suspend" stops LMSs wiping a completed course on relaunch. */
    exitWhenFinished: 'normal' | 'suspend';
    /** Commit right before Terminate; Cornerstone answers null to it during unload (adapt_framework#2222), and
     * Terminate persists everything anyway. */
    commitBeforeTerminate: boolean;
    /** Ask the LMS to close the course on exit (adl.nav.request exitAll / suspendAll) where it supports that. */
    navRequestOnExit: boolean;
  };
}


const STANDARD: LmsProfile = {
  id: 'standard',
  // A standards-following LMS plays every standard there is (the registry's list, runtime/standards/).
  standards: STANDARD_IDS,
  commit: { screenChangeMs: 500, typingMs: 0, sameScreenMs: 30_000, keepAliveMs: 10 * 60_000, backoffMs: [1000, 2000, 5000, 10_000, 30_000, 60_000], quietRetries: 2 },
  recordInteractions: true,
  recordObjectives: true,
  maxInteractions: 250,
  falseWithoutErrorIsSuccess: true,
  successReported: 'with-completion',
  scorm12: { exitWhenFinished: '' },
  scorm2004: { exitWhenFinished: 'normal', commitBeforeTerminate: false, navRequestOnExit: true },
};

export const LMS_PROFILES: Record<LmsProfileId, LmsProfile> = {
  standard: STANDARD,
  // Moodle/Totara never finished SCORM 2004 (no sequencing; "Publish 1.2 for Moodle/Totara"); xAPI/cmi5 need plugins.
  // A learner failed for good is reported "failed" here too, so the manager can tell them from one in progress (with
  // "Force new attempt ... failed", Moodle then offers a fresh attempt: the way to retake the course).
  moodle: { ...STANDARD, id: 'moodle', standards: ['scorm12', 'xapi', 'cmi5'] },
  // SCORM Cloud and LMSs built on it resume a 1.2 course only after exit "suspend".
  'scorm-cloud': { ...STANDARD, id: 'scorm-cloud', scorm12: { ...STANDARD.scorm12, exitWhenFinished: 'suspend' } },
  // NHS ESR (Oracle Learning Management): SCORM 1.2 or 2004 up to 3rd Edition, content served through the ESR SCORM
  // adapter. Its handling of optional elements is not documented, so this profile keeps to the required ones.
  esr: {
    ...STANDARD,
    id: 'esr',
    standards: ['scorm12', 'scorm2004-3rd'],
    recordObjectives: false,
  },
  // For LMSs that reject optional data-model elements (KnowBe4 and objectives, adapt-contrib-spoor#316): status,
  // score, time and resume data only.
  minimal: { ...STANDARD, id: 'minimal', recordInteractions: false, recordObjectives: false, scorm2004: { ...STANDARD.scorm2004, navRequestOnExit: false } },
};

/** The profile a package uses: the variant's, or "standard" (the build has already refused unknown ids). */
export function resolveLmsProfile(config: RuntimeConfig): LmsProfile {
  const id = config.variant.lmsProfile;
  return id !== undefined && Object.hasOwn(LMS_PROFILES, id) ? LMS_PROFILES[id] : STANDARD;
}
