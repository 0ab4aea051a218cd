// Debian's Chromium, driven by playwright-core (never a downloaded browser). The flags keep a headless run on a closed
// network quiet: no GPU, no QUIC, and none of Chromium's own background connections (component updates, sync…).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { toolAvailable } from './tools.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether the browser the suite needs is installed (CI's .ci/run installs it with apt; REQUIRE_TOOLS=1 makes it a must). */
export const hasChromium = toolAvailable('Chromium', existsSync(CHROMIUM_PATH), `${CHROMIUM_PATH}; apt-get install chromium`);

/** One browser per test file; every scenario gets a fresh context (its own storage), so profiles never leak. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
