// The one function the player calls: a Tracker for the package's standard, or the standalone tracker when no LMS
// or launch is found. Each standard's adapter is loaded through the registry (standards/), whose loaders are dynamic
// imports of literal paths, so Vite emits one chunk per adapter and each package carries only its own standard's code.
import type { RuntimeConfig } from '../model/types.ts';
import type { LaunchFailure, Tracker } from './tracker.ts';
import { LaunchError } from './shared/launch-error.ts';
import { runtimeStandard, STANDALONE_ADAPTER } from './standards/index.ts';

export async function connect(config: RuntimeConfig, win: Window = window): Promise<Tracker> {
  const standard = runtimeStandard(config.standard);
  let tracker: Tracker | null = null;
  let failure: { reason: LaunchFailure; detail: string } | null = null;
  try {
    tracker = standard ? await (await standard.loadAdapter()).open(config, win) : null;
  } catch (error) {
    // A broken launch (a used-up cmi5 token, an LRS that cannot be reached) must not leave a blank screen: carry on
    // in this browser and say why.
    console.error('[common-ground] could not connect to the learning system', error);
    failure = error instanceof LaunchError ? { reason: error.reason, detail: error.detail } : { reason: 'other', detail: error instanceof Error ? error.message : String(error) };
  }
  if (tracker) return tracker;
  const standalone = await STANDALONE_ADAPTER.load();
  const fallback = await standalone.open(config, win);
  if (failure) fallback.explain(failure.reason, failure.detail);
  return fallback;
}
