// connect() opens the adapter the registry names for the package's standard, and falls back to the standalone
// adapter when that one finds no LMS, fails to launch, or the standard is unknown. Every adapter module is replaced
// by a stand-in that says which module it is, so the test sees which one connect() really loaded (the registry's
// loaders are dynamic imports, which vitest routes through the same mocks).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RuntimeConfig, StandardId } from '../../../course/model/types.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface StandIn {
  from: string;
  explained?: [string, string];
  explain(reason: string, detail: string): void;
}

/** What each stand-in adapter does on open(), by its name: answer with a tracker (default), null or a throw. */
const behaviour = new Map<string, 'tracker' | 'no-lms' | 'launch-error' | 'bug'>();

let connect: (config: RuntimeConfig, win: Window) => Promise<unknown>;
let RUNTIME_STANDARDS: Record<StandardId, { adapter: string }>;
let STANDALONE: string;

beforeAll(async () => {
  const registry = await import('../../../course/runtime/standards/index.ts');
  RUNTIME_STANDARDS = registry.RUNTIME_STANDARDS;
  STANDALONE = registry.STANDALONE_ADAPTER.adapter;
  const { LaunchError } = await import('../../../course/runtime/shared/launch-error.ts');
  const { adapterSource } = await import('../../../course/runtime/adapter-modules.ts');
  const names = new Set([...Object.values(RUNTIME_STANDARDS).map((standard) => standard.adapter), STANDALONE]);
  for (const name of names) {
    vi.doMock(join(ROOT, adapterSource(name)), () => ({
      open: async (): Promise<StandIn | null> => {
        const mode = behaviour.get(name) ?? 'tracker';
        if (mode === 'no-lms') return null;
        if (mode === 'launch-error') throw new LaunchError('link-used', 'fetch answered 400');
        if (mode === 'bug') throw new TypeError('x is undefined');
        const tracker: StandIn = { from: name, explain: (reason, detail) => (tracker.explained = [reason, detail]) };
        return tracker;
      },
    }));
  }
  ({ connect } = await import('../../../course/runtime/connect.ts'));
});

afterEach(() => {
  behaviour.clear();
  vi.restoreAllMocks();
});

const config = (standard: string) => ({ standard }) as unknown as RuntimeConfig;
const win = {} as Window;

describe('connect()', () => {
  it('opens, for each standard of the registry, the adapter module the registry names for it', async () => {
    for (const [standard, { adapter }] of Object.entries(RUNTIME_STANDARDS)) {
      expect(await connect(config(standard), win), standard).toMatchObject({ from: adapter });
    }
  });

  it('falls back to the standalone adapter, with nothing to explain, when the standard finds no LMS', async () => {
    for (const { adapter } of Object.values(RUNTIME_STANDARDS)) behaviour.set(adapter, 'no-lms');
    for (const standard of Object.keys(RUNTIME_STANDARDS)) {
      const tracker = (await connect(config(standard), win)) as StandIn;
      expect(tracker.from, standard).toBe(STANDALONE);
      expect(tracker.explained, standard).toBeUndefined();
    }
  });

  it("falls back to the standalone adapter and hands it the launch failure's code and detail", async () => {
    const [standard, { adapter }] = Object.entries(RUNTIME_STANDARDS)[0]!;
    behaviour.set(adapter, 'launch-error');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const tracker = (await connect(config(standard), win)) as StandIn;
    expect(tracker).toMatchObject({ from: STANDALONE, explained: ['link-used', 'fetch answered 400'] });
  });

  it("reports any other failure as 'other' with its message, rather than leaving a blank screen", async () => {
    const [standard, { adapter }] = Object.entries(RUNTIME_STANDARDS).at(-1)!;
    behaviour.set(adapter, 'bug');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const tracker = (await connect(config(standard), win)) as StandIn;
    expect(tracker).toMatchObject({ from: STANDALONE, explained: ['other', 'x is undefined'] });
    expect(logged).toHaveBeenCalledOnce();
  });

  it('goes standalone for a standard the registry does not know (a hand-edited config.js)', async () => {
    for (const unknown of ['scorm2004-2nd', 'toString', '__proto__']) {
      expect(await connect(config(unknown), win), unknown).toMatchObject({ from: STANDALONE });
    }
  });
});
