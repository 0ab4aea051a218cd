// A Chromium of the test's own, with a profile folder the test chooses, that can be killed as a crash or a power cut
// would kill it: SIGKILL to the browser process (no unload, no flush, nothing more runs). Found by its id: the
// process this test started, a direct child of this Node process, whose command line names the profile folder.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium.ts';

export interface OwnBrowser {
  context: BrowserContext;
  profile: string;
  /** SIGKILL the browser process, then wait for Playwright to see it gone. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

export async function newProfile(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'cg-e2e-profile-'));
}

export async function removeProfile(profile: string): Promise<void> {
  await rm(profile, { recursive: true, force: true });
}

export async function openOwnBrowser(profile: string): Promise<OwnBrowser> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 900 } });
  const pid = browserPid(profile);
  return {
    context,
    profile,
    kill: async () => {
      const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
      process.kill(pid, 'SIGKILL');
      await closed;
    },
    close: () => context.close().catch(() => undefined),
  };
}

/** The browser process this Node process started for `profile`. */
function browserPid(profile: string): number {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      const parent = Number(/^PPid:\s*(\d+)$/m.exec(readFileSync(`/proc/${name}/status`, 'utf8'))?.[1]);
      if (parent === process.pid && cmdline.some((arg) => arg === `--user-data-dir=${profile}`)) return Number(name);
    } catch {
      // The process ended while being read.
    }
  }
  throw new Error(`no browser process of this test holds the profile ${profile}`);
}
