import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PackageError, openPackage } from '../../../tools/preview/open-package.ts';
import { renameEntry } from '../zip/builders.ts';
import { CMI5_FILES, SCORM12_FILES, SCORM12_MANIFEST, workspace, zipOf, type Workspace } from './fixtures.ts';

let space: Workspace;
let tempRoot: string;

beforeEach(async () => {
  space = await workspace();
  tempRoot = join(space.folder, 'temp');
  await mkdir(tempRoot);
});
afterEach(() => space.remove());

async function refusal(bytes: Uint8Array): Promise<string> {
  const path = await space.write('package.zip', bytes);
  const error = await openPackage(path, tempRoot).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PackageError);
  // Nothing is left behind by a refused package.
  expect(await readdir(tempRoot)).toEqual([]);
  return (error as PackageError).message;
}

describe('openPackage', () => {
  it('extracts a SCORM 1.2 package into a private temp folder and finds its launch file', async () => {
    const pkg = await openPackage(await space.write('scorm12.zip', await zipOf(SCORM12_FILES)), tempRoot);
    expect(pkg).toMatchObject({ standard: 'scorm12', edition: '1.2', fileName: 'scorm12.zip', launch: { kind: 'scorm', path: 'sco/index.html' } });
    expect(pkg.folder.startsWith(tempRoot)).toBe(true);
    expect((await stat(pkg.folder)).mode & 0o777).toBe(0o700);
    expect(await readFile(pkg.files.get('sco/style.css')!, 'utf8')).toBe(SCORM12_FILES['sco/style.css']);
    expect([...pkg.files.keys()].sort()).toEqual(Object.keys(SCORM12_FILES).sort());
    await pkg.dispose();
    await pkg.dispose();
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('detects cmi5', async () => {
    const pkg = await openPackage(await space.write('cmi5.zip', await zipOf(CMI5_FILES)), tempRoot);
    expect(pkg.standard).toBe('cmi5');
    expect(pkg.launch).toMatchObject({ kind: 'cmi5', href: 'au/index.html?from=package' });
    await pkg.dispose();
  });

  it('refuses a file that is not a zip', async () => {
    expect(await refusal(new TextEncoder().encode('<html>not a zip</html>'))).toMatch(/^package\.zip is refused: \(archive\): /);
  });

  it('refuses a zip-slip entry before writing anything', async () => {
    const bytes = renameEntry(await zipOf({ ...SCORM12_FILES, 'xx/evil.txt': 'boom' }), 'xx/evil.txt', '../evil.txt');
    const message = await refusal(bytes);
    expect(message).toMatch(/\.\.\/evil\.txt: entry name climbs out/);
    expect(await readdir(space.folder)).not.toContain('evil.txt');
  });

  it('refuses a zip without a descriptor, or with the descriptor in a sub-folder', async () => {
    expect(await refusal(await zipOf({ 'index.html': '<p>hi</p>' }))).toMatch(/is not a package: no imsmanifest\.xml, cmi5\.xml or tincan\.xml at the zip root/);
    expect(await refusal(await zipOf({ 'course/imsmanifest.xml': SCORM12_MANIFEST, 'course/sco/index.html': 'x' }))).toMatch(/not at the zip root/);
  });

  it('refuses an unknown standard and a broken descriptor', async () => {
    const unknown = SCORM12_MANIFEST.replace('http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'http://example.org/not-scorm');
    expect(await refusal(await zipOf({ ...SCORM12_FILES, 'imsmanifest.xml': unknown }))).toMatch(/unknown standard: imsmanifest\.xml:\d+: the root element/);
    expect(await refusal(await zipOf({ ...SCORM12_FILES, 'imsmanifest.xml': '<manifest>' }))).toMatch(/not well-formed XML/);
  });

  it('refuses a package whose launch file is missing', async () => {
    const { 'sco/index.html': _launch, ...rest } = SCORM12_FILES;
    expect(await refusal(await zipOf(rest))).toMatch(/names "sco\/index\.html", which is not in the package/);
  });

  it('says so when the file does not exist', async () => {
    await expect(openPackage(join(space.folder, 'missing.zip'), tempRoot)).rejects.toThrow(/cannot read .*missing\.zip: no such file/);
  });
});
