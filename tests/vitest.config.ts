import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Tests mirror the source tree: tests/build, tests/manifests, tests/tools, tests/course/…
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two cores: the heavy suites (build, browser) must not all start at once.
    maxWorkers: 2,
    // The end-to-end suite builds every package once, into a temp folder, and shares it between its files.
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
