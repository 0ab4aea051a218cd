// The programs and folders some tests need beyond npm ci (Chromium, xmllint, ffmpeg, the official schema folder).
// On a developer's machine a test whose tool is missing is skipped, and says why; with REQUIRE_TOOLS=1 (set by
// .ci/run) a missing tool fails the run instead, so CI can never pass by skipping what it was meant to test.
import { spawnSync } from 'node:child_process';

export const TOOLS_REQUIRED = process.env.REQUIRE_TOOLS === '1';

/**
 * Whether `tool` is there. When it is not: with REQUIRE_TOOLS=1 this throws (the test file fails, naming the tool
 * and how to install it); otherwise it prints the reason once and returns false, for describe.skipIf / it.skipIf.
 */
export function toolAvailable(tool: string, present: boolean, install: string): boolean {
  if (present) return true;
  const reason = `${tool} is missing (${install})`;
  if (TOOLS_REQUIRED) throw new Error(`${reason}, and REQUIRE_TOOLS=1 says every test must run`);
  console.warn(`skipped: ${reason}`);
  return false;
}

/** Whether `program` runs (`program <versionFlag>` exits 0). */
export function runs(program: string, versionFlag = '-version'): boolean {
  return spawnSync(program, [versionFlag], { stdio: 'ignore' }).status === 0;
}
