// Each package rule, tripped on purpose: a generated (valid) package is changed in one way and must fail that rule.
import { describe, expect, it } from 'vitest';
import type { StandardId } from '../../course/model/types.ts';
import { validatePackages, type PackageReport } from '../../manifests/validate.ts';
import { DESCRIPTOR_FILE } from '../../manifests/standards/index.ts';
import { buildPackage, descriptorText, packageInput } from './fixtures.ts';

const encoder = new TextEncoder();

interface Change {
  /** Text replacements in the descriptor; each must match, so a test cannot pass by changing nothing. */
  replace?: [string | RegExp, string][];
  remove?: string[];
  add?: string[];
  /** Rewrite every path (e.g. to move the package into a folder). */
  movePaths?: (path: string) => string;
}

function changed(standard: StandardId, change: Change): Map<string, Uint8Array> {
  const files = buildPackage(packageInput(standard));
  const descriptor = DESCRIPTOR_FILE[standard];
  let text = descriptorText(files, descriptor);
  for (const [from, to] of change.replace ?? []) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`test setup: ${String(from)} not found in ${descriptor}`);
    text = next;
  }
  files.set(descriptor, encoder.encode(text));
  for (const path of change.remove ?? []) {
    if (!files.delete(path)) throw new Error(`test setup: ${path} is not in the package`);
  }
  for (const path of change.add ?? []) files.set(path, encoder.encode('extra'));
  if (change.movePaths) return new Map([...files].map(([path, bytes]) => [change.movePaths!(path), bytes]));
  return files;
}

async function check(standard: StandardId, change: Change): Promise<PackageReport> {
  const [report] = await validatePackages([{ name: 'test', files: changed(standard, change) }]);
  return report!;
}

function rules(report: PackageReport): string[] {
  return [...new Set(report.problems.map((problem) => problem.rule))].sort();
}

describe('files against the manifest', () => {
  it('a listed file missing from the package', async () => {
    const report = await check('scorm2004-4th', { remove: ['assets/player-3f9a1c.js'] });
    expect(rules(report)).toEqual(['file-present']);
    expect(report.problems[0]).toMatchObject({ where: expect.stringMatching(/^imsmanifest\.xml:\d+$/), message: expect.stringContaining('assets/player-3f9a1c.js') });
  });

  it('a file in the package that the manifest does not list', async () => {
    const report = await check('scorm12', { add: ['extra/notes.txt'] });
    expect(report.problems).toEqual([{ rule: 'file-listed', where: 'extra/notes.txt', message: expect.stringContaining('not listed') }]);
  });

  it('root control documents need not be listed (reference packages do not list them)', async () => {
    const report = await check('scorm2004-4th', { replace: [['<file href="xml.xsd"/>', '']] });
    expect(report.problems).toEqual([]);
  });

  it('the launch file missing', async () => {
    expect(rules(await check('scorm2004-3rd', { remove: ['index.html'] }))).toEqual(['file-present', 'launch-present']);
  });

  it('a control document named in xsi:schemaLocation missing from the root', async () => {
    expect(rules(await check('scorm12', { remove: ['adlcp_rootv1p2.xsd'] }))).toEqual(['control-document', 'file-present']);
  });

  it.each([
    ['climbing out with ..', '../config.js'],
    ['a backslash', 'assets\\player-3f9a1c.js'],
    ['an absolute path', '/config.js'],
    ['a remote URL', 'https://cdn.example.com/config.js'],
    ['a network-path reference', '//cdn.example.com/config.js'],
    ['%-encoded traversal', '%2e%2e/config.js'],
  ])('an href with %s', async (_, href) => {
    const report = await check('scorm2004-4th', { replace: [['<file href="config.js"/>', `<file href="${href.replace(/&/g, '&amp;')}"/>`]] });
    expect(rules(report)).toContain('href-relative');
  });

  it('xml:base is applied to hrefs, and must end with a slash', async () => {
    const moved = (base: string): Change => ({
      replace: [
        ['<file href="assets/player-3f9a1c.js"/>', ''],
        ['</resources>', `<resource identifier="R-ASSETS" type="webcontent" adlcp:scormType="asset" xml:base="${base}"><file href="player-3f9a1c.js"/></resource></resources>`],
      ],
    });
    expect((await check('scorm2004-4th', moved('assets/'))).problems).toEqual([]);
    expect(rules(await check('scorm2004-4th', moved('assets')))).toEqual(['file-listed', 'file-present', 'xml-base']);
  });

  it('a file name with a space is listed %-encoded and found', async () => {
    const files = buildPackage(packageInput('scorm12'));
    expect(descriptorText(files, 'imsmanifest.xml')).toContain('href="media/film/captions%20en.vtt"');
    expect((await check('scorm12', {})).problems).toEqual([]);
  });
});

describe('identifiers and references', () => {
  it('a duplicated identifier', async () => {
    const report = await check('scorm2004-4th', { replace: [[/<item identifier="[^"]+"/, '<item identifier="RES-common-ground-v1-default"']] });
    expect(rules(report)).toEqual(['identifier-unique', 'xsd']);
  });

  it('organizations/@default naming nothing', async () => {
    expect(rules(await check('scorm12', { replace: [[/default="[^"]+"/, 'default="ORG-NOPE"']] }))).toEqual(['organizations-default']);
  });

  it('an identifierref on an item that has children, and a leaf without one', async () => {
    const report = await check('scorm2004-4th', {
      replace: [[/(<item identifier="ITEM-[^"]+" identifierref="[^"]+">\s*<title>[^<]*<\/title>)/, '$1<item identifier="CHILD"><title>Child</title></item>']],
    });
    expect(report.problems.map((problem) => problem.rule)).toEqual(['identifierref-leaf', 'identifierref-leaf']);
  });

  it('organizations without a default: allowed by IMS CP 1.1.2 (SCORM 1.2), required in 2004', async () => {
    const change: Change = { replace: [[/ default="[^"]+"/, '']] };
    expect((await check('scorm12', change)).problems).toEqual([]);
    expect(rules(await check('scorm2004-3rd', change))).toEqual(['organizations-default']);
  });

  it('a launched resource without href', async () => {
    expect(rules(await check('scorm2004-3rd', { replace: [[/ href="index.html" adlcp/, ' adlcp']] }))).toEqual(['launch-href']);
  });

  it('a dangling dependency', async () => {
    const report = await check('scorm12', { replace: [['</resource>', '<dependency identifierref="RES-NONE"/></resource>']] });
    expect(rules(report)).toEqual(['identifierref']);
  });
});

describe('SCORM attributes and metadata', () => {
  it('2004 resource with 1.2 spelling of scormType', async () => {
    const report = await check('scorm2004-4th', { replace: [['adlcp:scormType="sco"', 'adlcp:scormtype="sco"']] });
    expect(report.problems.find((problem) => problem.rule === 'scormtype')?.message).toMatch(/found adlcp:scormtype.*spells it scormType/);
  });

  it('an SCO-only element on an item that launches an asset', async () => {
    const report = await check('scorm12', {
      replace: [
        ['adlcp:scormtype="sco"', 'adlcp:scormtype="asset"'],
        [/(<item [^>]*>\s*<title>[^<]*<\/title>)/, '$1<adlcp:masteryscore>80</adlcp:masteryscore>'],
      ],
    });
    expect(rules(report)).toEqual(['sco-only']);
  });

  it('2004 attributes in the wrong place', async () => {
    const report = await check('scorm2004-4th', {
      replace: [
        [/<item identifier=/, '<item adlseq:objectivesGlobalToSystem="false" identifier='],
        ['type="webcontent"', 'type="webcontent" adlcp:persistState="true"'],
      ],
    });
    expect(report.problems.filter((problem) => problem.rule === 'attribute-location')).toHaveLength(2);
  });

  it('a 4th Edition completionThreshold with both a value and attributes', async () => {
    const report = await check('scorm2004-4th', {
      replace: [[/(<item [^>]*>\s*<title>[^<]*<\/title>)/, '$1<adlcp:completionThreshold minProgressMeasure="0.5">0.5</adlcp:completionThreshold>']],
    });
    expect(rules(report)).toEqual(['completion-threshold']);
  });

  it('metadata/schema other than "ADL SCORM"', async () => {
    expect(rules(await check('scorm12', { replace: [['<schema>ADL SCORM</schema>', '<schema>SCORM</schema>']] }))).toEqual(['metadata']);
  });

  it('a schemaversion that does not match the namespace', async () => {
    const report = await check('scorm12', { replace: [['<schemaversion>1.2</schemaversion>', '<schemaversion>2004 4th Edition</schemaversion>']] });
    expect(report).toMatchObject({ standard: 'scorm12', valid: false });
    expect(rules(report)).toEqual(['schemaversion']);
  });

  it('SCORM 2004 2nd Edition ("CAM 1.3") is reported as an unsupported edition', async () => {
    const report = await check('scorm2004-4th', { replace: [['<schemaversion>2004 4th Edition</schemaversion>', '<schemaversion>CAM 1.3</schemaversion>']] });
    expect(report).toMatchObject({ standard: 'unknown', edition: '2004 2nd Edition (CAM 1.3)', valid: false });
    expect(rules(report)).toEqual(['edition-unsupported']);
  });

  it('a 2004 manifest that states no edition', async () => {
    const report = await check('scorm2004-4th', { replace: [[/<metadata>[\s\S]*<\/metadata>/, '']] });
    expect(report).toMatchObject({ standard: 'unknown', valid: false });
    expect(rules(report)).toEqual(['schemaversion']);
  });
});

describe('the descriptor itself', () => {
  it('in a sub-folder instead of the root', async () => {
    const report = await check('scorm12', { movePaths: (path) => `course/${path}` });
    expect(report.problems).toEqual([{ rule: 'descriptor-at-root', where: 'course/imsmanifest.xml', message: expect.stringContaining('not at the zip root') }]);
  });

  it('with the wrong letter case', async () => {
    const report = await check('scorm12', { movePaths: (path) => (path === 'imsmanifest.xml' ? 'IMSManifest.xml' : path) });
    expect(rules(report)).toEqual(['descriptor-name']);
  });

  it('missing altogether', async () => {
    expect(rules(await check('cmi5', { remove: ['cmi5.xml'] }))).toEqual(['descriptor-missing']);
  });

  it('not well-formed, with a line and column', async () => {
    const report = await check('xapi', { replace: [['</activities>', '</activity>']] });
    expect(report.problems).toEqual([{ rule: 'well-formed', where: expect.stringMatching(/^tincan\.xml:\d+:\d+$/), message: expect.stringContaining('does not close') }]);
  });

  it('not valid UTF-8', async () => {
    const files = buildPackage(packageInput('cmi5'));
    files.set('cmi5.xml', new Uint8Array([...encoder.encode('<?xml version="1.0"?><a>'), 0xc3, 0x28, ...encoder.encode('</a>')]));
    const [report] = await validatePackages([{ name: 'x', files }]);
    expect(rules(report!)).toEqual(['encoding']);
  });

  it('an unsafe entry name in the package', async () => {
    expect(rules(await check('xapi', { add: ['media\\..\\..\\evil.txt'] }))).toEqual(['entry-name']);
  });

  it('a package of another standard than the caller expected', async () => {
    const [scorm, edition] = await validatePackages([
      { name: 'x', files: buildPackage(packageInput('scorm12')), standard: 'cmi5' },
      { name: 'y', files: buildPackage(packageInput('scorm2004-3rd')), standard: 'scorm2004-4th' },
    ]);
    expect(scorm!.problems).toEqual([{ rule: 'descriptor-missing', where: '(zip root)', message: 'no cmi5.xml at the zip root' }]);
    expect(rules(edition!)).toEqual(['standard-mismatch']);
  });
});

describe('cmi5.xml rules', () => {
  it('a relative course id', async () => {
    expect(rules(await check('cmi5', { replace: [[/<course id="[^"]+"/, '<course id="courses/common-ground"']] }))).toEqual(['iri-absolute']);
  });

  it('a duplicated AU id', async () => {
    const report = await check('cmi5', { replace: [[/(<au [\s\S]*<\/au>)/, '$1$1']] });
    expect(rules(report)).toEqual(['id-unique']);
  });

  it('an absolute AU url', async () => {
    expect(rules(await check('cmi5', { replace: [['<url>index.html</url>', '<url>https://cdn.example.com/index.html</url>']] }))).toEqual(['href-relative']);
  });

  it('an AU url naming no file', async () => {
    expect(rules(await check('cmi5', { replace: [['<url>index.html</url>', '<url>start.html?x=1</url>']] }))).toEqual(['launch-present']);
  });

  it('a masteryScore above 1', async () => {
    expect(rules(await check('cmi5', { replace: [['masteryScore="0.8"', 'masteryScore="1.5"']] }))).toEqual(['mastery-score', 'xsd']);
  });
});

describe('tincan.xml rules', () => {
  it('the wrong root namespace', async () => {
    const report = await check('xapi', { replace: [['xmlns="http://projecttincan.com/tincan.xsd"', 'xmlns="http://example.com/tincan"']] });
    expect(report).toMatchObject({ standard: 'unknown', valid: false });
    expect(rules(report)).toEqual(['root-element']);
  });

  it('two launchable activities', async () => {
    const report = await check('xapi', {
      replace: [[/(<activity [\s\S]*<\/activity>)/, '$1<activity id="https://example.com/other"><launch lang="en">index.html</launch></activity>']],
    });
    expect(rules(report)).toEqual(['launch-count']);
  });

  it('a relative activity id and a missing launch file', async () => {
    const report = await check('xapi', { replace: [[/<activity id="[^"]+"/, '<activity id="course"']], remove: ['index.html'] });
    expect(rules(report)).toEqual(['iri-absolute', 'launch-present']);
  });

  it('no activities', async () => {
    expect(rules(await check('xapi', { replace: [[/<activities>[\s\S]*<\/activities>/, '<activities/>']] }))).toEqual(['launch-count', 'tincan-structure']);
  });
});
