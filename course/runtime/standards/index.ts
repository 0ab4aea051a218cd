// The runtime registry: one line per tracking standard. Its keys are the standards there are: `npm run
// generate-types` writes them into variant.schema.json's enum (and so STANDARD_IDS and the StandardId type), and
// manifests/standards/index.ts extends each entry with what the build and the tools need.
import type { StandardId } from '../../model/types.ts';
import { cmi5 } from './cmi5.ts';
import { scorm12 } from './scorm12.ts';
import { scorm2004Fourth, scorm2004Third } from './scorm2004.ts';
import type { RuntimeStandard } from './types.ts';
import { xapi } from './xapi.ts';

export type { AdapterModule, RuntimeStandard } from './types.ts';

/** In this order in the schema's enum, `npm run build`'s default list and its summary table. */
export const RUNTIME_STANDARDS: Readonly<Record<StandardId, RuntimeStandard>> = {
  scorm12,
  'scorm2004-3rd': scorm2004Third,
  'scorm2004-4th': scorm2004Fourth,
  xapi,
  cmi5,
};

/** The adapter every package carries besides its own: it takes over when the course is opened outside an LMS. */
export const STANDALONE_ADAPTER = {
  adapter: 'standalone',
  // Typed by its module: the standalone tracker also explains why the LMS could not be used.
  load: () => import('../adapters/standalone.ts'),
} as const;

/** The runtime part of `standard`, or undefined for an id that is no standard (a hand-edited config.js). */
export function runtimeStandard(standard: string): RuntimeStandard | undefined {
  return Object.hasOwn(RUNTIME_STANDARDS, standard) ? RUNTIME_STANDARDS[standard as StandardId] : undefined;
}

/** One value per standard, computed from its runtime part: the tables other code reads derive from the registry. */
export function perStandard<T>(valueOf: (standard: RuntimeStandard, id: StandardId) => T): Record<StandardId, T> {
  const table: Partial<Record<StandardId, T>> = {};
  for (const [id, standard] of Object.entries(RUNTIME_STANDARDS) as [StandardId, RuntimeStandard][]) table[id] = valueOf(standard, id);
  return table as Record<StandardId, T>;
}
