// The adapter modules each standard's package needs, derived from the registry (standards/): its own adapter and
// the standalone one, which takes over when the course is opened outside an LMS. The build matches these paths
// against Vite's manifest to put only the right chunks in each zip.
import type { StandardId } from '../types.ts';
import { perStandard, STANDALONE_ADAPTER } from './standards/index.ts';

export type { AdapterModule } from './standards/types.ts';

export const ADAPTER_SOURCES: Readonly<Record<StandardId, readonly string[]>> = perStandard(({ adapterSource }) => [adapterSource, STANDALONE_ADAPTER.source]);
