// Vitest global setup for the end-to-end suite: one real build of every standard before any e2e file runs, shared
// through `inject('e2ePackagesDir')`, and removed afterwards. Without Chromium the suite is skipped, so no build.
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { hasChromium } from '../support/chromium.ts';
import { buildIntoTemp } from './support/build-into-temp.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!hasChromium) return async () => {};
  const dir = await buildIntoTemp();
  project.provide('e2ePackagesDir', dir);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
