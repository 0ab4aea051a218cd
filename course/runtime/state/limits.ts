// How much saved learner state each standard can hold, in characters (the saved form is ASCII, so also bytes).
import type { StandardId } from '../../types.ts';

export const SUSPEND_DATA_LIMITS: Record<StandardId, number> = {
  // cmi.suspend_data is CMIString4096; Moodle's default "scorm12standard" setting enforces exactly that.
  scorm12: 4096,
  // SPM of cmi.suspend_data since the 3rd edition (it was 4,000 in the 2nd).
  'scorm2004-3rd': 64000,
  'scorm2004-4th': 64000,
  // The xAPI State API sets no limit. Ours: the state is saved on page close with fetch keepalive, and browsers
  // allow 64 KiB of keepalive bodies in flight per page, which the last statements share; 56,000 leaves them 8 KiB.
  xapi: 56000,
  cmi5: 56000,
};
