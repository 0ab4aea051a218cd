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

/**
 * The kind shared/standards/validate.sh takes for each schema set (by its folder, as the standards' modules name it
 * in manifests/standards/): the official cross-check of every descriptor that has a schema.
 */
export const VALIDATE_SH_KIND: Readonly<Record<string, string>> = { scorm12: 'scorm12', 'scorm2004-3rd': 'scorm2004-3', 'scorm2004-4th': 'scorm2004-4', cmi5: 'cmi5' };

/** Each standard with a schema set and the validate.sh kind of that set; a set validate.sh has no kind for throws. */
export function validateShKinds(standards: Readonly<Record<string, { schemaSet: { folder: string } | null }>>): [standard: string, kind: string][] {
  return Object.entries(standards).flatMap(([standard, { schemaSet }]) => {
    if (schemaSet === null) return [];
    const kind = VALIDATE_SH_KIND[schemaSet.folder];
    if (kind === undefined) throw new Error(`shared/standards/validate.sh has no kind for the schema set "${schemaSet.folder}" of ${standard}: add it to tests/manifests/shared-standards.ts`);
    return [[standard, kind]];
  });
}

/** Why a test that needs these cannot run, or null; with REQUIRE_TOOLS=1 a missing one throws instead (tools.ts). */
export function skipReason(needs: { shared?: boolean; xmllint?: boolean }): string | null {
  if (needs.shared && !toolAvailable('the official schema folder', SHARED_STANDARDS !== null, `${candidate}; it sits beside the repository in CI`)) {
    return `skipped: ${candidate} is absent (the official schema folder sits beside the repository in CI)`;
  }
  if (needs.xmllint && !toolAvailable('xmllint', XMLLINT_AVAILABLE, 'apt-get install libxml2-utils')) return 'skipped: xmllint is not installed (apt-get install libxml2-utils)';
  return null;
}
