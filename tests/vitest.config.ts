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
  },
});
