// SCORM 1.2, as the player sees it.
import type { RuntimeStandard } from './types.ts';

export const scorm12: RuntimeStandard = {
  adapter: 'scorm12',
  loadAdapter: () => import('../adapters/scorm12.ts'),
  // cmi.suspend_data is CMIString4096; Moodle's default "scorm12standard" setting enforces exactly that.
  suspendDataLimit: 4096,
};
