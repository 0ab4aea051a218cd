import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { STANDARD_IDS } from '../../course/model/types.ts';
import { loadSchemaSet, type SchemaSetSpec } from '../../manifests/schema-sets.ts';
import { PACKAGE_STANDARDS } from '../../manifests/standards/index.ts';
import { SchemaSetError, validatePackages } from '../../manifests/validate.ts';
import { parseOutput, validateWithSchemaSet } from '../../manifests/validate-xsd.ts';
import { buildPackage, packageInput, testVariant } from './fixtures.ts';
import { SHARED_STANDARDS, skipReason } from './shared-standards.ts';

// Count xmllint-wasm calls (each is a worker start plus a schema compile) while still running the real validator.
const calls = vi.hoisted(() => ({ count: 0 }));
vi.mock('xmllint-wasm', async (importOriginal) => {
  const real = await importOriginal<typeof import('xmllint-wasm')>();
  return {
    ...real,
    validateXML: (options: Parameters<typeof real.validateXML>[0]) => {
      calls.count++;
      return real.validateXML(options);
    },
  };
});
beforeEach(() => {
  calls.count = 0;
});

const encoder = new TextEncoder();

describe('batched XSD validation', () => {
  it('validates 200 packages with one xmllint call per schema set, and reports the time per descriptor', async () => {
    const pkgs = Array.from({ length: 200 }, (_, index) => {
      const standard = STANDARD_IDS[index % STANDARD_IDS.length]!;
      return { name: `p${index}`, files: buildPackage(packageInput(standard, undefined, testVariant({ id: `trust-${index}` }))), standard };
    });
    const started = performance.now();
    const reports = await validatePackages(pkgs);
    const elapsed = performance.now() - started;
    expect(reports.filter((report) => !report.valid)).toEqual([]);
    expect(calls.count).toBe(4); // scorm12, 2004 3rd, 2004 4th, cmi5; tincan.xml has no schema
    console.log(`validatePackages: 200 packages in ${elapsed.toFixed(0)} ms = ${(elapsed / 200).toFixed(2)} ms per descriptor (${calls.count} xmllint calls)`);
  });

  it('attributes each XSD error to its own package', async () => {
    const pkgs = Array.from({ length: 30 }, (_, index) => ({ name: `p${index}`, files: buildPackage(packageInput('scorm2004-4th')) }));
    const broken = pkgs[17]!.files;
    broken.set('imsmanifest.xml', encoder.encode(new TextDecoder().decode(broken.get('imsmanifest.xml')).replace('type="webcontent"', 'type="webcontent" isvisible="maybe"')));
    const reports = await validatePackages(pkgs);
    expect(reports.map((report) => report.valid)).toEqual(pkgs.map((_, index) => index !== 17));
    expect(reports[17]!.problems).toEqual([{ rule: 'xsd', where: expect.stringMatching(/^imsmanifest\.xml:\d+$/), message: expect.stringContaining("'isvisible'") }]);
    expect(calls.count).toBe(1);
  });

  it('splits very large batches into several calls', async () => {
    const set = loadSchemaSet(PACKAGE_STANDARDS.cmi5.schemaSet as SchemaSetSpec);
    const document = buildPackage(packageInput('cmi5')).get('cmi5.xml')!;
    const results = await validateWithSchemaSet(set, Array.from({ length: 260 }, () => document));
    expect(results.every((result) => result.valid)).toBe(true);
    expect(calls.count).toBe(2);
  });

  it('keeps per-document verdicts when one document is not well-formed (xmllint exit 1)', async () => {
    const set = loadSchemaSet(PACKAGE_STANDARDS.cmi5.schemaSet as SchemaSetSpec);
    const good = buildPackage(packageInput('cmi5')).get('cmi5.xml')!;
    const results = await validateWithSchemaSet(set, [good, encoder.encode('<courseStructure><oops></courseStructure>'), good]);
    expect(results.map((result) => result.valid)).toEqual([true, false, true]);
    expect(results[1]!.messages[0]).toMatchObject({ line: 1, message: expect.stringContaining('parser error') });
  });
});

describe('parseOutput', () => {
  it('splits xmllint output per document and tidies namespaces', () => {
    const output = [
      'driver.xsd:1: namespace warning : something about a schema file',
      'doc-0.xml validates',
      "doc-1.xml:42: element resource: Schemas validity error : Element '{http://www.imsglobal.org/xsd/imscp_v1p1}resource', attribute '{http://www.adlnet.org/xsd/adlcp_v1p3}scormType': bad.",
      'doc-1.xml fails to validate',
      'doc-2.xml:3: parser error : Opening and ending tag mismatch: a line 1 and b',
      '</b>',
      '   ^',
      '',
    ].join('\n');
    expect(parseOutput(output, 4)).toEqual([
      { valid: true, messages: [] },
      { valid: false, messages: [{ line: 42, message: "Element 'resource', attribute 'adlcp:scormType': bad." }] },
      { valid: false, messages: [{ line: 3, message: 'parser error : Opening and ending tag mismatch: a line 1 and b' }] },
      { valid: false, messages: [{ line: null, message: 'xmllint rejected the document without a message' }] },
    ]);
  });
});

describe('schema sets', () => {
  const work = mkdtempSync(join(tmpdir(), 'cg-schemas-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const reason = skipReason({ shared: true });
  it.skipIf(reason !== null)('shared/standards 4th Edition: the absolute xml.xsd import is rewritten, never fetched, and LOM is imported', () => {
    const set = loadSchemaSet(PACKAGE_STANDARDS['scorm2004-4th'].schemaSet as SchemaSetSpec, SHARED_STANDARDS!);
    const imscp = set.files.find((file) => file.fileName === 'scorm2004-4th/imscp_v1p1.xsd')!;
    expect(imscp.contents).toMatch(/schemaLocation\s*=\s*"xml\.xsd"/);
    expect(set.files.some((file) => /schemaLocation\s*=\s*"https?:\/\/www\.w3\.org\/2001\/xml\.xsd"/.test(file.contents))).toBe(false);
    expect(set.driver.contents).toContain('schemaLocation="scorm2004-4th/lom.xsd"');
  });

  it('a schemaDir without the expected folders rejects validation as a setup error', async () => {
    await expect(validatePackages([{ name: 'x', files: buildPackage(packageInput('cmi5')) }], { schemaDir: join(work, 'missing') })).rejects.toThrow(/does not exist/);
  });

  it('a schema that does not compile rejects validation with SchemaSetError', async () => {
    mkdirSync(join(work, 'broken', 'cmi5'), { recursive: true });
    writeFileSync(
      join(work, 'broken', 'cmi5', 'CourseStructure.xsd'),
      '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"><xs:element name="courseStructure" type="nope"/></xs:schema>',
    );
    const attempt = validatePackages([{ name: 'x', files: buildPackage(packageInput('cmi5')) }], { schemaDir: join(work, 'broken') });
    await expect(attempt).rejects.toBeInstanceOf(SchemaSetError);
    await expect(attempt).rejects.toThrow(/failed to compile/);
  });
});
