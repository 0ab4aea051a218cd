// After "Finish the course": the LMS has seen the session end (SCORM: the SCO finished; cmi5: "terminated" with the
// session closed; TinCan: the course's "terminated" stored). Shared by the e2e walks and `npm run conformance`.
import type { StandardId } from '../../../course/model/types.ts';
import type { PreviewLms } from './lms.ts';
import { until } from './until.ts';

export async function sessionEnded(standard: StandardId, lms: PreviewLms, timeoutMs = 15_000): Promise<void> {
  if (standard.startsWith('scorm')) await until(() => lms.snapshot(), (s) => !s.attempt.running, 'the SCO to finish its session', timeoutMs);
  else if (standard === 'cmi5') await until(() => lms.snapshot(), (s) => s.xapi?.sessionState === 'terminated', 'the AU to terminate its session', timeoutMs);
  else await until(async () => lms.log.statements('course').some((s) => String((s.verb as { id?: string }).id).endsWith('/terminated')), (ended) => ended, 'the course to send "terminated"', timeoutMs);
  await lms.log.sync();
}
