// The one learner the preview LMS knows. Identifiers use the reserved ".invalid" domain (RFC 2606), so nothing the
// course reports can point at a real person or server.
export const PREVIEW_LEARNER = {
  id: 'preview-learner',
  name: 'Preview Learner',
  /** SCORM 1.2 asks for "Family, Given" in cmi.core.student_name. */
  scorm12Name: 'Learner, Preview',
  mbox: 'mailto:preview.learner@example.invalid',
  accountHomePage: 'https://preview.common-ground.invalid',
  language: 'en-GB',
} as const;

/** The cmi5 actor: an Agent with an account (cmi5 §9.2 requires one). */
export function cmi5Actor(): Record<string, unknown> {
  return { objectType: 'Agent', name: PREVIEW_LEARNER.name, account: { homePage: PREVIEW_LEARNER.accountHomePage, name: PREVIEW_LEARNER.id } };
}

/** The TinCan-launch actor, in xAPI 1.0 form (one mbox, not the 0.95 arrays of the old launch document's example). */
export function tincanActor(): Record<string, unknown> {
  return { objectType: 'Agent', name: PREVIEW_LEARNER.name, mbox: PREVIEW_LEARNER.mbox };
}

/** Base for identifiers the LMS makes up (cmi5 activityId, course id for "satisfied"). */
export const LMS_IRI_BASE = 'https://preview.common-ground.invalid/activities';
