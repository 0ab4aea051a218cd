import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Tests mirror the source tree (tests/build, tests/manifests, tests/tools, tests/course/…) and fall into four projects
// by what they need, so each can run alone (npm test -- --project <name>):
//   unit         pure logic in this process: seconds each, under a minute in all
//   integration  runs something as its own process (the Vite build, a command line, xmllint's validate.sh, ffmpeg,
//                the test LRS), or real packaging, the XSD validator (xmllint-wasm) or 10 MB inputs in-process
//   browser      drives Debian's Chromium (outside the full end-to-end walks)
//   e2e          the full walks in Chromium against the preview LMS and the test LRS; only this project builds every
//                package first (its global set-up), so no other file waits for that build
const BROWSER = ['tests/**/*.browser.test.ts', 'tests/tools/preview/browser.test.ts', 'tests/tools/report/browser.test.ts'];
const INTEGRATION = [
  'tests/build/build-packages.test.ts',
  'tests/build/cli.test.ts',
  'tests/build/course/hostile-course.test.ts',
  'tests/build/first-screen.test.ts',
  'tests/manifests/generators.test.ts',
  'tests/manifests/validate-examples.test.ts',
  'tests/manifests/validate-rules.test.ts',
  'tests/manifests/validate-xsd.test.ts',
  'tests/tools/cli/help.test.ts',
  'tests/tools/cli/hostile-input.test.ts',
  'tests/tools/film/swap-film.test.ts',
  'tests/tools/preview/cli.test.ts',
  'tests/tools/preview/lrs-forwarding.test.ts',
  'tests/tools/report/real-lrs.test.ts',
  'tests/tools/validate.test.ts',
  'tests/course/runtime/real-lrs/**/*.test.ts',
];
const E2E = ['tests/e2e/**/*.test.ts'];
const ALL = ['tests/**/*.test.ts', 'tests/**/*.test.tsx'];

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two cores: the heavy suites (build, browser) must not all start at once.
    maxWorkers: 2,
    projects: [
      // Worker threads, not processes: a unit file starts in a fraction of the time (48.7 s against 57.6 s for the
      // project on this 2-core machine), and none of them needs a process of its own.
      { extends: true, test: { name: 'unit', include: ALL, exclude: [...BROWSER, ...INTEGRATION, ...E2E], pool: 'threads' } },
      { extends: true, test: { name: 'integration', include: INTEGRATION } },
      { extends: true, test: { name: 'browser', include: BROWSER } },
      // The end-to-end suite builds every package once, into a temp folder, and shares it between its files. Its walks
      // run after the other projects have finished (a later group), so two cores are theirs and not shared with
      // Vite builds and other browsers: a full walk near its time limit on a busy machine is not pushed over it.
      { extends: true, test: { name: 'e2e', include: E2E, globalSetup: ['tests/e2e/global-setup.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
