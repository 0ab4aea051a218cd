// The adapter modules each standard's package needs, derived from the registry (standards/): its own adapter and
// the standalone one, which takes over when the course is opened outside an LMS. The build matches these paths
// against Vite's manifest to put only the right chunks in each zip. Build-side: the player does not import this.
import type { StandardId } from '../model/types.ts';
import { perStandard, STANDALONE_ADAPTER } from './standards/index.ts';

export type { AdapterModule } from './standards/types.ts';

/** The repository path of the adapter module a registry entry names. */
export function adapterSource(adapter: string): string {
  return `course/runtime/adapters/${adapter}.ts`;
}

/** Each standard's own adapter module. */
export const ADAPTER_SOURCE: Readonly<Record<StandardId, string>> = perStandard(({ adapter }) => adapterSource(adapter));

/** Each standard's adapter modules: its own, then the standalone one. */
export const ADAPTER_SOURCES: Readonly<Record<StandardId, readonly string[]>> = perStandard(({ adapter }) => [adapterSource(adapter), adapterSource(STANDALONE_ADAPTER.adapter)]);
