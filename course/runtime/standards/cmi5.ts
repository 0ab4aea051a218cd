// cmi5, as the player sees it.
import type { RuntimeStandard } from './types.ts';
import { xapi } from './xapi.ts';

export const cmi5: RuntimeStandard = {
  adapter: 'cmi5',
  loadAdapter: () => import('../adapters/cmi5.ts'),
  // Saved through the State API with keepalive, like the TinCan launch: the same reason for the same limit.
  suspendDataLimit: xapi.suspendDataLimit,
};
