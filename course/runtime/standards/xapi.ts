// xAPI with the TinCan launch (tincan.xml), as the player sees it.
import type { RuntimeStandard } from './types.ts';

export const xapi: RuntimeStandard = {
  adapter: 'xapi',
  loadAdapter: () => import('../adapters/xapi.ts'),
  // The xAPI State API sets no limit. Ours: the state is saved on page close with fetch keepalive, and browsers allow
  // 64 KiB of keepalive bodies in flight per page, which the last statements share; 56,000 leaves them 8 KiB.
  suspendDataLimit: 56000,
};
