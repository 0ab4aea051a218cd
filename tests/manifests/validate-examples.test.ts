// Every example in shared/standards/examples gets the verdict the standards folder documents for it, with both the
// default schema sets and shared/standards itself as schemaDir.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePackages, type PackageReport } from '../../manifests/validate.ts';
import { SHARED_STANDARDS, skipReason } from './shared-standards.ts';

const reason = skipReason({ shared: true });
if (reason) console.log(`shared/standards examples: ${reason}`);

/** The example wrapped in a package holding every file it names (hrefs, AU url, launch, schemaLocation documents). */
function examplePackage(example: string): { name: string; files: Map<string, Uint8Array> } {
  const bytes = readFileSync(join(SHARED_STANDARDS!, 'examples', example));
  const text = bytes.toString('utf8');
  const descriptor = example.includes('cmi5') ? 'cmi5.xml' : example.includes('tincan') ? 'tincan.xml' : 'imsmanifest.xml';
  const files = new Map<string, Uint8Array>([[descriptor, bytes]]);
  const content = new TextEncoder().encode('content');
  for (const match of text.matchAll(/\shref="([^"]+)"/g)) files.set(match[1]!, content);
  for (const match of text.matchAll(/<(?:url|launch)\b[^>]*>([^<]+)</g)) files.set(match[1]!.trim(), content);
  const hints = /schemaLocation="([^"]+)"/.exec(text)?.[1]?.trim().split(/\s+/) ?? [];
  hints.filter((_, index) => index % 2 === 1).forEach((location) => files.set(location, content));
  return { name: example, files };
}

const VALID: [string, PackageReport['standard'], string][] = [
  ['scorm12-imsmanifest.xml', 'scorm12', '1.2'],
  ['scorm2004-3rd-imsmanifest.xml', 'scorm2004-3rd', '2004 3rd Edition'],
  ['scorm2004-4th-imsmanifest.xml', 'scorm2004-4th', '2004 4th Edition'],
  ['cmi5.xml', 'cmi5', 'cmi5 CourseStructure v1'],
  ['tincan.xml', 'xapi', 'TinCan launch (tincan.xml)'],
];

// The rules each invalid example must trip (the standards README lists what is wrong with each).
const INVALID: [string, string[]][] = [
  ['invalid/scorm12-bad-scormtype-duplicate-id.xml', ['xsd', 'scormtype', 'identifier-unique', 'identifierref']],
  ['invalid/scorm2004-4th-bad-scormtype-default.xml', ['xsd', 'scormtype', 'organizations-default']],
  ['invalid/scorm2004-4th-dangling-identifierref.xml', ['identifierref']],
  ['invalid/not-well-formed.xml', ['well-formed']],
  ['invalid/cmi5-bad-moveon-masteryscore-no-url.xml', ['xsd', 'mastery-score', 'au-url']],
];

describe.skipIf(reason !== null).each([
  ['default schemas', undefined],
  ['shared/standards schemas', SHARED_STANDARDS ?? undefined],
])('shared/standards examples with %s', (_, schemaDir) => {
  it('valid examples are valid, with their standard and edition', async () => {
    const reports = await validatePackages(VALID.map(([example]) => examplePackage(example)), { schemaDir });
    expect(reports.map((report) => [report.standard, report.edition, report.valid, report.problems])).toEqual(
      VALID.map(([, standard, edition]) => [standard, edition, true, []]),
    );
  });

  it('invalid examples are invalid, for the documented reasons', async () => {
    const reports = await validatePackages(INVALID.map(([example]) => examplePackage(example)), { schemaDir });
    reports.forEach((report, index) => {
      const [example, rules] = INVALID[index]!;
      expect(report.valid, example).toBe(false);
      expect([...new Set(report.problems.map((problem) => problem.rule))].sort(), example).toEqual([...rules].sort());
    });
  });

  it('an edition mismatch is caught when the caller states the standard', async () => {
    const [report] = await validatePackages([{ ...examplePackage('scorm2004-4th-imsmanifest.xml'), standard: 'scorm2004-3rd' }], { schemaDir });
    expect(report!.problems.map((problem) => problem.rule)).toEqual(['standard-mismatch']);
  });
});
