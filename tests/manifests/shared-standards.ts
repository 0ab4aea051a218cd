// Where the official schema folder is (../shared/standards beside the repository), and whether xmllint is installed.
// Tests that need either skip with a printed reason when it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toolAvailable } from '../support/tools.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const candidate = fileURLToPath(new URL('../../../shared/standards/', import.meta.url));

/** Absolute path of shared/standards, or null when this checkout has no sibling shared/ folder. */
export const SHARED_STANDARDS: string | null = existsSync(`${candidate}validate.sh`) ? candidate : null;

export const XMLLINT_AVAILABLE: boolean = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Why a test that needs these cannot run, or null; with REQUIRE_TOOLS=1 a missing one throws instead (tools.ts). */
export function skipReason(needs: { shared?: boolean; xmllint?: boolean }): string | null {
  if (needs.shared && !toolAvailable('the official schema folder', SHARED_STANDARDS !== null, `${candidate}; it sits beside the repository in CI`)) {
    return `skipped: ${candidate} is absent (the official schema folder sits beside the repository in CI)`;
  }
  if (needs.xmllint && !toolAvailable('xmllint', XMLLINT_AVAILABLE, 'apt-get install libxml2-utils')) return 'skipped: xmllint is not installed (apt-get install libxml2-utils)';
  return null;
}
