import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STANDARD_IDS, type StandardId } from '../../course/model/types.ts';
import { describePackage, packageIdentifiers } from '../../manifests/index.ts';
import { controlDocuments, vendoredSchemaFolder } from '../../manifests/control-documents.ts';
import { masteryScoreFor, moveOnFor } from '../../manifests/cmi5.ts';
import { NS } from '../../manifests/namespaces.ts';
import { validatePackages } from '../../manifests/validate.ts';
import { attributeValue, childrenNamed, descendants, isNcName, parseXml, type XmlElement } from '../../manifests/xml-tree.ts';
import { buildPackage, descriptorText, packageInput, PLAYER_FILES, testCourse, testVariant } from './fixtures.ts';
import { SHARED_STANDARDS, skipReason, validateShKinds } from './shared-standards.ts';
import { DESCRIPTOR_FILE, PACKAGE_STANDARDS, SCORM_EDITIONS } from '../../manifests/standards/index.ts';


function root(standard: StandardId, input = packageInput(standard)): XmlElement {
  const parsed = parseXml(descriptorText(buildPackage(input), DESCRIPTOR_FILE[standard]));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.root;
}

function all(element: XmlElement, ns: string, local: string): XmlElement[] {
  return descendants(element).filter((child) => child.ns === ns && child.local === local);
}

describe('every generated package passes our validator', () => {
  it.each(STANDARD_IDS)('%s with the default schemas', async (standard) => {
    const [report] = await validatePackages([{ name: standard, files: buildPackage(packageInput(standard)), standard }]);
    expect(report).toMatchObject({ standard, valid: true, problems: [] });
  });

  const noShared = skipReason({ shared: true });
  if (noShared) console.log(`generators vs shared/standards schemas: ${noShared}`);
  it.skipIf(noShared !== null)('every standard with schemaDir = shared/standards', async () => {
    const reports = await validatePackages(
      STANDARD_IDS.map((standard) => ({ name: standard, files: buildPackage(packageInput(standard)), standard })),
      { schemaDir: SHARED_STANDARDS! },
    );
    expect(reports.map((report) => [report.standard, report.problems])).toEqual(STANDARD_IDS.map((standard) => [standard, []]));
  });
});

describe('generated descriptors pass the official validate.sh', () => {
  const reason = skipReason({ shared: true, xmllint: true });
  if (reason) console.log(`validate.sh cross-check: ${reason}`);
  const work = mkdtempSync(join(tmpdir(), 'cg-manifests-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const kinds = validateShKinds(PACKAGE_STANDARDS) as [StandardId, string][];
  it.skipIf(reason !== null).each(kinds)('%s (validate.sh %s)', (standard, kind) => {
    const file = join(work, `${standard}-${DESCRIPTOR_FILE[standard]}`);
    writeFileSync(file, descriptorText(buildPackage(packageInput(standard)), DESCRIPTOR_FILE[standard]));
    // execFileSync throws on a non-zero exit, with validate.sh's stderr in the message.
    execFileSync('sh', [join(SHARED_STANDARDS!, 'validate.sh'), kind, file], { stdio: 'pipe' });
  });
});

describe('identifiers', () => {
  it('are identical across two generations of the same course version and variant', () => {
    for (const standard of STANDARD_IDS) {
      expect(describePackage(packageInput(standard))).toEqual(describePackage(packageInput(standard)));
    }
  });

  it('stay the same across minor and patch versions and change with the major version', () => {
    const base = packageIdentifiers(testCourse({ version: '1.4.2' }), testVariant());
    expect(packageIdentifiers(testCourse({ version: '1.9.0-beta.1' }), testVariant())).toEqual(base);
    const next = packageIdentifiers(testCourse({ version: '2.0.0' }), testVariant());
    for (const key of Object.keys(base) as (keyof typeof base)[]) expect(next[key]).not.toBe(base[key]);
  });

  it('differ between variants, in every SCORM manifest and in the xAPI ids', () => {
    for (const standard of SCORM_EDITIONS) {
      const ids = (variantId: string) => {
        const manifest = root(standard, packageInput(standard, testCourse(), testVariant({ id: variantId })));
        return [manifest, ...descendants(manifest)].flatMap((element) => attributeValue(element, 'identifier') ?? []);
      };
      const a = ids('default');
      const b = ids('trust-a');
      expect(a).toHaveLength(4);
      expect(new Set(a).size).toBe(4);
      for (const id of a) expect(isNcName(id)).toBe(true);
      expect(a.filter((id) => b.includes(id))).toEqual([]);
    }
    const a = packageIdentifiers(testCourse(), testVariant({ id: 'default' }));
    const b = packageIdentifiers(testCourse(), testVariant({ id: 'trust-a' }));
    expect(a.courseIri).not.toBe(b.courseIri);
    expect(a.auIri).not.toBe(b.auIri);
  });

  it('are absolute IRIs beneath course.iri, without a doubled slash', () => {
    const ids = packageIdentifiers(testCourse({ iri: 'https://example.nhs.uk/courses/cg/' }), testVariant({ id: 'trust-a' }));
    expect(ids.courseIri).toBe('https://example.nhs.uk/courses/cg/v1/trust-a');
    expect(ids.auIri).toBe('https://example.nhs.uk/courses/cg/v1/trust-a/au/main');
  });
});

describe('text is escaped', () => {
  const title = 'Stigma <script>alert("x")</script> & "quotes" \'too\'';
  const name = 'Trust <A> & "B"';
  const input = (standard: StandardId) => packageInput(standard, testCourse({ title, description: `About ${title}` }), testVariant({ displayName: name }));

  it.each(STANDARD_IDS)('%s: titles survive a round trip and the package stays valid', async (standard) => {
    const text = descriptorText(buildPackage(input(standard)), DESCRIPTOR_FILE[standard]);
    expect(text).not.toContain('<script>');
    const parsed = parseXml(text);
    expect(parsed.ok).toBe(true);
    const texts = parsed.ok ? descendants(parsed.root).map((element) => element.text) : [];
    expect(texts).toContain(name);
    if (standard !== 'xapi') expect(texts).toContain(title);
    const [report] = await validatePackages([{ name: standard, files: buildPackage(input(standard)) }]);
    expect(report!.problems).toEqual([]);
  });
});

describe('SCORM manifests', () => {
  it.each(SCORM_EDITIONS)('%s lists every file and every control document, launch first', (standard) => {
    const descriptors = describePackage(packageInput(standard));
    const folder = PACKAGE_STANDARDS[standard].scorm!.schemaFolder;
    const controls = controlDocuments(folder);
    expect(descriptors.slice(1).map((descriptor) => descriptor.path)).toEqual(controls.map((document) => document.path));
    for (const { path, contents } of descriptors.slice(1)) {
      expect(contents).toEqual(new Uint8Array(readFileSync(join(vendoredSchemaFolder(folder), path))));
    }
    const cp = PACKAGE_STANDARDS[standard].scorm!.cpNamespace;
    const files = all(root(standard), cp, 'file').map((file) => attributeValue(file, 'href'));
    expect(files[0]).toBe('index.html');
    const expected = [...PLAYER_FILES, ...controls.map((document) => document.path)].map((path) => path.replace(' ', '%20'));
    expect([...files].sort()).toEqual([...expected].sort());
  });

  it('reads the control documents once per process', () => {
    expect(controlDocuments('scorm2004-4th')).toBe(controlDocuments('scorm2004-4th'));
  });

  it('SCORM 1.2 uses lower-case scormtype and no mastery score', () => {
    const manifest = root('scorm12');
    const [resource] = all(manifest, NS.imscp12, 'resource');
    expect(attributeValue(resource!, 'scormtype', NS.adlcp12)).toBe('sco');
    expect(descendants(manifest).filter((element) => element.ns === NS.adlcp12)).toEqual([]);
    expect(childrenNamed(childrenNamed(manifest, NS.imscp12, 'metadata')[0]!, NS.imscp12, 'schemaversion')[0]!.text).toBe('1.2');
  });

  it.each([
    ['scorm2004-3rd', '2004 3rd Edition'],
    ['scorm2004-4th', '2004 4th Edition'],
  ] as const)('%s states "%s" and leaves navigation to the LMS', (standard, schemaversion) => {
    const manifest = root(standard);
    expect(all(manifest, NS.imscp, 'schemaversion')[0]!.text).toBe(schemaversion);
    expect(attributeValue(all(manifest, NS.imscp, 'resource')[0]!, 'scormType', NS.adlcp)).toBe('sco');
    expect(descendants(manifest).filter((element) => element.ns === NS.adlnav)).toEqual([]);
    expect(all(manifest, NS.adlcp, 'completionThreshold')).toEqual([]);
    for (const control of all(manifest, NS.imsss, 'controlMode')) {
      expect(attributeValue(control, 'choice')).not.toBe('false');
      expect(attributeValue(control, 'flow')).not.toBe('false');
      expect(attributeValue(control, 'choiceExit')).not.toBe('false');
    }
  });
});

describe('cmi5.xml', () => {
  it('maps the completion rule to moveOn and the pass mark to a 0..1 masteryScore', () => {
    expect(moveOnFor('all-sections')).toBe('Completed');
    expect(moveOnFor('all-sections-and-pass')).toBe('CompletedAndPassed');
    expect(masteryScoreFor(80)).toBe('0.8');
    expect(masteryScoreFor(35)).toBe('0.35');
    expect(masteryScoreFor(66.67)).toBe('0.6667');
    expect(masteryScoreFor(100)).toBe('1');
    expect(() => masteryScoreFor(120)).toThrow(/percentage/);
  });

  it('writes masteryScore only when passing is part of the rule', () => {
    const passing = all(root('cmi5', packageInput('cmi5', testCourse({ completion: { ...testCourse().completion, passMark: 75 } }))), NS.cmi5, 'au')[0]!;
    expect(attributeValue(passing, 'moveOn')).toBe('CompletedAndPassed');
    expect(attributeValue(passing, 'masteryScore')).toBe('0.75');
    expect(attributeValue(passing, 'launchMethod')).toBe('AnyWindow');
    const course = testCourse({ completion: { ...testCourse().completion, rule: 'all-sections' } });
    const visiting = all(root('cmi5', packageInput('cmi5', course)), NS.cmi5, 'au')[0]!;
    expect(attributeValue(visiting, 'moveOn')).toBe('Completed');
    expect(attributeValue(visiting, 'masteryScore')).toBeUndefined();
    expect(childrenNamed(visiting, NS.cmi5, 'url')[0]!.text).toBe('index.html');
  });
});

describe('tincan.xml', () => {
  it('has one course activity with the launch file', () => {
    const activities = all(root('xapi'), NS.tincan, 'activity');
    expect(activities).toHaveLength(1);
    expect(attributeValue(activities[0]!, 'type')).toBe('http://adlnet.gov/expapi/activities/course');
    expect(attributeValue(activities[0]!, 'id')).toBe(packageIdentifiers(testCourse(), testVariant()).courseIri);
    expect(childrenNamed(activities[0]!, NS.tincan, 'launch')[0]!.text).toBe('index.html');
  });
});

describe('describePackage refuses input that would make a broken package', () => {
  it.each([
    ['a launch file that is not packaged', { launch: 'start.html' }, /launch file "start.html"/],
    ['a path that climbs out', { files: [...PLAYER_FILES, '../secret.txt'] }, /climbs out/],
    ['a backslash path', { files: [...PLAYER_FILES, 'assets\\x.js'] }, /backslash/],
    ['an absolute path', { files: [...PLAYER_FILES, '/etc/passwd'] }, /absolute/],
    ['a duplicate', { files: [...PLAYER_FILES, 'config.js'] }, /listed twice/],
    ['a content file named like the descriptor', { files: [...PLAYER_FILES, 'imsmanifest.xml'] }, /overwritten/],
    ['a content file named like a control document', { files: [...PLAYER_FILES, 'imscp_v1p1.xsd'] }, /overwritten/],
  ])('%s', (_, change, message) => {
    expect(() => describePackage({ ...packageInput('scorm2004-4th'), ...change })).toThrow(message);
  });

  it('a course version that is not semver', () => {
    expect(() => describePackage(packageInput('cmi5', testCourse({ version: 'latest' })))).toThrow(/semantic version/);
  });
});
