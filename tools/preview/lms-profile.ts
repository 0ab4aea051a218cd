// How strict the preview LMS is, named after the real LMS behaviour it stands for (`--lms-profile`). A course that runs
// clean against "strictest" runs clean in Moodle and under ADL's cmi5 conformance suite; "scorm-again" is the lenient
// LMS the preview used to be, for looking at packages that real LMSs would refuse.
//   scorm-again      SCORM: scorm-again's own checks (plus SCORM 1.2's 4,096 / 255 limits). xAPI and cmi5: the cmi5
//                    rules are checked and shown as warnings; nothing is refused for them.
//   moodle-strict    SCORM as Moodle 5.0 takes it: every value type-checked with the real error code (client/
//                    strict-scorm12.ts, strict-scorm2004.ts), 1.2's cmi.comments appended to, cmi.total_time added
//                    only when the SCO finishes (LMSFinish / Terminate). xAPI and cmi5 as in scorm-again.
//   catapult-strict  cmi5 as ADL's conformance suite (CATAPULT) judges it: the auth token refused after "terminated"
//                    (8.1.2.0-2), the actor compared exactly as the LMS sent it (8.1.3.0-3; it is sent without
//                    objectType, as some LMSs do), the first statement batch holding "initialized" alone (9.3.0.0-4),
//                    learner preferences read before the first statement (11.0.0.0-3), and any statement breaking a
//                    cmi5 rule refused. SCORM as in scorm-again.
//   strictest        both: what the e2e suite and `npm run conformance` use, and the default.

export const PREVIEW_LMS_PROFILES = ['strictest', 'moodle-strict', 'catapult-strict', 'scorm-again'] as const;
export type PreviewLmsProfile = (typeof PREVIEW_LMS_PROFILES)[number];
export const DEFAULT_PREVIEW_LMS_PROFILE: PreviewLmsProfile = 'strictest';

export interface Strictness {
  /** SCORM data model checks and Moodle's ways, or scorm-again's own. */
  scorm: 'moodle' | 'scorm-again';
  /** cmi5 requirements enforced (requests refused) or only reported. */
  cmi5: 'catapult' | 'report';
}

export function strictnessOf(profile: PreviewLmsProfile): Strictness {
  return {
    scorm: profile === 'strictest' || profile === 'moodle-strict' ? 'moodle' : 'scorm-again',
    cmi5: profile === 'strictest' || profile === 'catapult-strict' ? 'catapult' : 'report',
  };
}

export function isPreviewLmsProfile(value: string): value is PreviewLmsProfile {
  return (PREVIEW_LMS_PROFILES as readonly string[]).includes(value);
}
