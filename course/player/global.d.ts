import type { RuntimeConfig } from '../model/types.ts';

declare global {
  interface Window {
    /** Set by config.js, which the build writes into each package (see README.md). Untrusted until read-config checks it. */
    COMMON_GROUND?: RuntimeConfig | unknown;
  }
}
