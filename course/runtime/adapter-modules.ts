// The adapter modules each standard's package needs. connect.ts loads them with dynamic imports, so Vite emits one
// chunk per adapter; the build matches these paths against Vite's manifest to put only the right chunks in each zip.
// Every package carries the standalone adapter: it takes over when the course is opened outside an LMS.
import type { RuntimeConfig, StandardId } from '../types.ts';
import type { Tracker } from './tracker.ts';
import type { RuntimeDeps } from './shared/runtime-deps.ts';

/** What every module in adapters/ exports. */
export interface AdapterModule {
  /** A tracker for this standard, or null when no LMS / launch for it is found (the caller then goes standalone). */
  open(config: RuntimeConfig, win: Window, deps?: Partial<RuntimeDeps>): Promise<Tracker | null>;
}

const STANDALONE = 'course/runtime/adapters/standalone.ts';

export const ADAPTER_SOURCES: Record<StandardId, string[]> = {
  scorm12: ['course/runtime/adapters/scorm12.ts', STANDALONE],
  'scorm2004-3rd': ['course/runtime/adapters/scorm2004.ts', STANDALONE],
  'scorm2004-4th': ['course/runtime/adapters/scorm2004.ts', STANDALONE],
  xapi: ['course/runtime/adapters/xapi.ts', STANDALONE],
  cmi5: ['course/runtime/adapters/cmi5.ts', STANDALONE],
};
