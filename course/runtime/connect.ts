// The one function the player calls: a Tracker for the package's standard, or the standalone tracker when no LMS
// or launch is found. Adapters are loaded only here, by dynamic import from a literal map, so Vite emits one chunk
// per adapter and each package carries only its own standard's code (see adapter-modules.ts).
import type { RuntimeConfig, StandardId } from '../types.ts';
import type { AdapterModule } from './adapter-modules.ts';
import type { LaunchFailure, Tracker } from './tracker.ts';
import { LaunchError } from './shared/launch-error.ts';

const ADAPTERS: Record<StandardId, () => Promise<AdapterModule>> = {
  scorm12: () => import('./adapters/scorm12.ts'),
  'scorm2004-3rd': () => import('./adapters/scorm2004.ts'),
  'scorm2004-4th': () => import('./adapters/scorm2004.ts'),
  xapi: () => import('./adapters/xapi.ts'),
  cmi5: () => import('./adapters/cmi5.ts'),
};

export async function connect(config: RuntimeConfig, win: Window = window): Promise<Tracker> {
  const load = ADAPTERS[config.standard];
  let tracker: Tracker | null = null;
  let failure: { reason: LaunchFailure; detail: string } | null = null;
  try {
    tracker = load ? await (await load()).open(config, win) : null;
  } catch (error) {
    // A broken launch (a used-up cmi5 token, an LRS that cannot be reached) must not leave a blank screen: carry on
    // in this browser and say why.
    console.error('[common-ground] could not connect to the learning system', error);
    failure = error instanceof LaunchError ? { reason: error.reason, detail: error.detail } : { reason: 'other', detail: error instanceof Error ? error.message : String(error) };
  }
  if (tracker) return tracker;
  const standalone = await import('./adapters/standalone.ts');
  const fallback = await standalone.open(config, win);
  if (failure) fallback.explain(failure.reason, failure.detail);
  return fallback;
}
