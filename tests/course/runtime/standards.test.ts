// The runtime registry (course/runtime/standards/): each standard's loader really loads the adapter module it names
// (the build picks chunks by that name), and the tables the runtime reads follow the registry.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ADAPTER_SOURCE, ADAPTER_SOURCES, adapterSource } from '../../../course/runtime/adapter-modules.ts';
import { perStandard, RUNTIME_STANDARDS, runtimeStandard, STANDALONE_ADAPTER } from '../../../course/runtime/standards/index.ts';
import { SUSPEND_DATA_LIMITS } from '../../../course/runtime/state/limits.ts';
import { STANDARD_IDS } from '../../../course/model/types.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('the runtime standards registry', () => {
  it.each(Object.entries(RUNTIME_STANDARDS))("%s: its loader loads the adapter module it names, an adapter with open()", async (_id, standard) => {
    const loaded = await standard.loadAdapter();
    expect(loaded).toBe(await import(join(ROOT, adapterSource(standard.adapter))));
    expect(typeof loaded.open).toBe('function');
  });

  it('the standalone loader loads the standalone adapter it names', async () => {
    const loaded = await STANDALONE_ADAPTER.load();
    expect(loaded).toBe(await import(join(ROOT, adapterSource(STANDALONE_ADAPTER.adapter))));
    expect(typeof loaded.open).toBe('function');
  });

  it("lists exactly the schema's standards, in the schema's order (npm run generate-types writes them there)", () => {
    expect(Object.keys(RUNTIME_STANDARDS)).toEqual([...STANDARD_IDS]);
  });

  it('gives each package its own adapter and the standalone one, and each standard its state limit', () => {
    for (const [id, standard] of Object.entries(RUNTIME_STANDARDS)) {
      const own = `course/runtime/adapters/${standard.adapter}.ts`;
      expect(ADAPTER_SOURCE[id as keyof typeof ADAPTER_SOURCE]).toBe(own);
      expect(ADAPTER_SOURCES[id as keyof typeof ADAPTER_SOURCES]).toEqual([own, 'course/runtime/adapters/standalone.ts']);
      expect(SUSPEND_DATA_LIMITS[id as keyof typeof SUSPEND_DATA_LIMITS]).toBe(standard.suspendDataLimit);
      expect(Number.isInteger(standard.suspendDataLimit) && standard.suspendDataLimit > 0, id).toBe(true);
    }
  });

  it('perStandard computes one value per standard, keyed by id, in registry order', () => {
    expect(Object.entries(perStandard((_standard, id) => id.length))).toEqual(STANDARD_IDS.map((id) => [id, id.length]));
  });

  it('finds a standard by id, and nothing for an id that is no standard (inherited names included)', () => {
    expect(runtimeStandard('scorm12')).toBe(RUNTIME_STANDARDS.scorm12);
    for (const unknown of ['scorm', 'toString', '__proto__', '']) expect(runtimeStandard(unknown), unknown).toBeUndefined();
  });
});
