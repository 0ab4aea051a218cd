// What the player needs to know about one tracking standard: how to load its adapter and how much saved state the
// LMS holds for it. Browser-safe: the build-time half of a standard (descriptor, manifest, validator, preview
// launcher) lives in manifests/standards/ and is never imported by the player.
import type { RuntimeConfig } from '../../types.ts';
import type { RuntimeDeps } from '../shared/runtime-deps.ts';
import type { Tracker } from '../tracker.ts';

/** What every module in adapters/ exports. */
export interface AdapterModule {
  /** A tracker for this standard, or null when no LMS / launch for it is found (the caller then goes standalone). */
  open(config: RuntimeConfig, win: Window, deps?: Partial<RuntimeDeps>): Promise<Tracker | null>;
}

export interface RuntimeStandard {
  /**
   * The adapter module as a repository path. The build matches it against Vite's manifest to put this adapter's
   * chunks (and no other standard's) into the package; bench/chunk-graph.ts finds the chunk by its file name.
   */
  adapterSource: string;
  /**
   * Loads that module. It must be `() => import('<literal path>')` of the same file: a literal lets Vite emit the
   * adapter as a chunk of its own (tests/course/runtime/standards.test.ts checks both name one module).
   */
  loadAdapter(): Promise<AdapterModule>;
  /** The most saved learner state the LMS keeps for this standard, in characters (the saved form is ASCII). */
  suspendDataLimit: number;
}
