// SCORM 2004 3rd and 4th Edition, as the player sees them: one adapter (the editions differ in the package, not at
// run time), so both packages carry the same chunk.
import type { RuntimeStandard } from './types.ts';

const scorm2004: RuntimeStandard = {
  adapter: 'scorm2004',
  loadAdapter: () => import('../adapters/scorm2004.ts'),
  // SPM of cmi.suspend_data since the 3rd edition (it was 4,000 in the 2nd).
  suspendDataLimit: 64000,
};

export const scorm2004Third: RuntimeStandard = scorm2004;
export const scorm2004Fourth: RuntimeStandard = scorm2004;
