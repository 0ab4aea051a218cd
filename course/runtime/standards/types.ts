// What the player needs to know about one tracking standard: how to load its adapter and how much saved state the
// LMS holds for it. Browser-safe: the build-time half of a standard (descriptor, manifest, validator, preview
// launcher) lives in manifests/standards/ and is never imported by the player.
import type { RuntimeConfig } from '../../model/types.ts';
import type { RuntimeDeps } from '../shared/runtime-deps.ts';
import type { Tracker } from '../tracker.ts';

/** What every module in adapters/ exports. */
export interface AdapterModule {
  /** A tracker for this standard, or null when no LMS / launch for it is found (the caller then goes standalone). */
  open(config: RuntimeConfig, win: Window, deps?: Partial<RuntimeDeps>): Promise<Tracker | null>;
}

export interface RuntimeStandard {
  /**
   * The adapter module's name: the file `course/runtime/adapters/<adapter>.ts`, and so the name of the chunk Vite
   * makes of it. The build picks this adapter's chunks (and no other standard's) for the package by it
   * (adapter-modules.ts). A name, not the path, so the player carries a few bytes for it.
   */
  adapter: string;
  /**
   * Loads that module. It must be `() => import('../adapters/<adapter>.ts')`: a literal lets Vite emit the adapter as a
   * chunk of its own (tests/course/runtime/standards.test.ts checks the loader loads the module the name names).
   */
  loadAdapter(): Promise<AdapterModule>;
  /** The most saved learner state the LMS keeps for this standard, in characters (the saved form is ASCII). */
  suspendDataLimit: number;
}
