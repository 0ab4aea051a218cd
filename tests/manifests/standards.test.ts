// The package registry (manifests/standards/): every standard of the runtime registry has its build and tool half,
// and each standard's parts agree with one another on the package its own generator writes: the detector
// recognises it as that standard and no other, its rules find nothing, and its preview launcher launches the
// package's launch file.
import { describe, expect, it } from 'vitest';
import { RUNTIME_STANDARDS } from '../../course/runtime/standards/index.ts';
import type { StandardId } from '../../course/model/types.ts';
import { detectStandard, findDescriptor } from '../../manifests/detect-standard.ts';
import { DESCRIPTOR_FILE, DESCRIPTOR_NAMES, PACKAGE_STANDARD_LIST, PACKAGE_STANDARDS, describeLaunch } from '../../manifests/standards/index.ts';
import { parseXml, type XmlElement } from '../../manifests/xml-tree.ts';
import { buildPackage, descriptorText, packageInput } from './fixtures.ts';

function generated(standard: StandardId): { files: Map<string, Uint8Array>; root: XmlElement } {
  const files = buildPackage(packageInput(standard));
  const parsed = parseXml(descriptorText(files, DESCRIPTOR_FILE[standard]));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { files, root: parsed.root };
}

describe('the package standards registry', () => {
  it('extends exactly the standards of the runtime registry', () => {
    expect(Object.keys(PACKAGE_STANDARDS).sort()).toEqual(Object.keys(RUNTIME_STANDARDS).sort());
  });

  it.each(PACKAGE_STANDARD_LIST.map((standard) => [standard.id, standard] as const))('%s: its parts agree on the package its generator writes', (id, standard) => {
    const { files, root } = generated(id);
    const paths = new Set(files.keys());
    expect(findDescriptor(paths, id)).toEqual({ found: true, path: standard.descriptor });
    expect(detectStandard(standard.descriptor, root)).toEqual({ standard: id, edition: standard.recognise(root), problems: [] });
    const others = PACKAGE_STANDARD_LIST.filter((other) => other.id !== id && other.recognise(root) !== null).map((other) => other.id);
    expect(others, 'other standards that claim the same descriptor').toEqual([]);
    expect(standard.check({ descriptor: standard.descriptor, root, paths })).toEqual([]);
    expect(describeLaunch(id, root, paths)).toMatchObject({ ok: true, launch: { path: 'index.html' } });
  });

  it('names each standard, and looks for each descriptor once, cmi5.xml before tincan.xml', () => {
    for (const standard of PACKAGE_STANDARD_LIST) expect(standard.name.trim(), standard.id).not.toBe('');
    expect(new Set(DESCRIPTOR_NAMES)).toEqual(new Set(Object.values(DESCRIPTOR_FILE)));
    expect(DESCRIPTOR_NAMES).toHaveLength(new Set(DESCRIPTOR_NAMES).size);
    expect(findDescriptor(new Set(['tincan.xml', 'cmi5.xml', 'index.html']))).toEqual({ found: true, path: 'cmi5.xml' });
  });

  it("says which roots a descriptor needs when no standard recognises the one it has", () => {
    const parsed = parseXml('<?xml version="1.0"?>\n<manifest xmlns="urn:x-other"/>');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const detection = detectStandard('imsmanifest.xml', parsed.root);
    expect(detection.standard).toBe('unknown');
    expect(detection.problems).toHaveLength(1);
    expect(detection.problems[0]).toMatchObject({ rule: 'root-element', where: 'imsmanifest.xml:2' });
    const expected = new Set(PACKAGE_STANDARD_LIST.filter((standard) => standard.descriptor === 'imsmanifest.xml').map((standard) => standard.expectedRoot));
    for (const root of expected) expect(detection.problems[0]!.message).toContain(root);
  });

  it('refuses to describe a launch for a descriptor with nothing to launch, with a message', () => {
    const parsed = parseXml('<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"/>');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(describeLaunch('cmi5', parsed.root, new Set())).toEqual({ ok: false, message: expect.stringContaining('no <au>') });
  });
});
