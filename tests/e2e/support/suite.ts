// What every end-to-end file shares: one Chromium and the packages of the one build, opened before its tests and
// closed after them. Fields are set in beforeAll, so read them inside tests and hooks, not at collection time.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { hasChromium, launchChromium } from '../../support/chromium.ts';
import { builtPackages, type BuiltPackages } from './packages.ts';

/** A whole walk with axe-core on every step takes one to two minutes alone; on a shared, loaded machine, more. */
export const WALK_TIMEOUT_MS = 300_000;

export interface E2eSuite {
  browser: Browser;
  packages: BuiltPackages;
}

export function browserAndPackages(): E2eSuite {
  const suite = {} as E2eSuite;
  beforeAll(async () => {
    if (!hasChromium) return;
    suite.packages = await builtPackages();
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.packages?.dispose();
  });
  return suite;
}
