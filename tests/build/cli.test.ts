// The build as a user runs it: `npm run build` end to end, into temporary folders.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { STANDARD_IDS, type StandardId } from '../../course/model/types.ts';
import { validatePackages } from '../../manifests/validate.ts';
import { DESCRIPTOR_FILE, PACKAGE_STANDARDS } from '../../manifests/standards/index.ts';
import { adapterChunkName } from '../../bench/chunk-graph.ts';
import { validateShKinds } from '../manifests/shared-standards.ts';
import { isScorm } from '../../manifests/standards/index.ts';
import { toolAvailable } from '../support/tools.ts';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../..', import.meta.url));
const sharedStandards = join(repo, '..', 'shared', 'standards');
const hasShared = toolAvailable('the official schema folder', existsSync(join(sharedStandards, 'validate.sh')), `${sharedStandards}; it sits beside the repository in CI`);
const hasXmllint = toolAvailable('xmllint', await run('xmllint', ['--version']).then(() => true, () => false), 'apt-get install libxml2-utils');

interface CliResult { code: number; stdout: string; stderr: string }
async function build(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(repo, 'build', 'cli.ts'), ...args], { cwd: repo, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const zipName = (standard: StandardId): string => `default/common-ground-${standard}.zip`;

describe('npm run build', () => {
  let work: string;
  let first: CliResult;
  const zips = new Map<StandardId, Uint8Array>();

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'cg-build-'));
    first = await build(['--out', join(work, 'a'), ...(hasShared ? ['--schemas', sharedStandards] : [])]);
    if (first.code !== 0) throw new Error(`build failed (${first.code}):\n${first.stderr}\n${first.stdout}`);
    for (const standard of STANDARD_IDS) zips.set(standard, new Uint8Array(await readFile(join(work, 'a', zipName(standard)))));
  });

  it('writes one zip per standard for the default variant and prints the summary table', () => {
    expect([...zips.keys()]).toEqual([...STANDARD_IDS]);
    for (const standard of STANDARD_IDS) expect(first.stdout).toMatch(new RegExp(`default/${standard}\\s.*valid`));
  });

  it('gives byte-identical zips when built again', async () => {
    const again = await build(['--out', join(work, 'b')]);
    expect(again.code).toBe(0);
    for (const standard of STANDARD_IDS) {
      const second = await readFile(join(work, 'b', zipName(standard)));
      expect(Buffer.from(zips.get(standard)!).equals(second), `${standard} differs between builds`).toBe(true);
    }
  });

  it('produces packages our validator accepts, with the right standard and descriptor', async () => {
    const packages = await Promise.all(STANDARD_IDS.map(async (standard) => {
      const zip = await JSZip.loadAsync(zips.get(standard)!);
      const files = new Map<string, Uint8Array>();
      for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('uint8array'));
      return { name: standard, files };
    }));
    const reports = await validatePackages(packages, hasShared ? { schemaDir: sharedStandards } : {});
    reports.forEach((report, index) => {
      const standard = STANDARD_IDS[index]!;
      expect(report.problems, standard).toEqual([]);
      expect(report.valid).toBe(true);
      expect(report.standard).toBe(standard);
      expect(packages[index]!.files.has(DESCRIPTOR_FILE[standard])).toBe(true);
    });
  });

  it.skipIf(!hasShared || !hasXmllint)('passes the official validate.sh for every standard that has a schema', async () => {
    for (const [standard, kind] of validateShKinds(PACKAGE_STANDARDS)) {
      const zip = await JSZip.loadAsync(zips.get(standard as StandardId)!);
      const file = join(work, `${standard}-${DESCRIPTOR_FILE[standard as StandardId]}`);
      await writeFile(file, await zip.file(DESCRIPTOR_FILE[standard as StandardId])!.async('uint8array'));
      const result = await run('sh', [join(sharedStandards, 'validate.sh'), kind, file]).then(() => 0, (error: { code: number; stderr: string }) => `${error.code}: ${error.stderr}`);
      expect(result, `${standard} validate.sh`).toBe(0);
    }
  });

  it('carries only what each standard needs: no xAPI client in SCORM zips, no SCORM runtime in xAPI zips', async () => {
    const allAdapterChunks = new Set([...STANDARD_IDS.map((standard) => adapterChunkName(standard)), adapterChunkName()]);
    for (const standard of STANDARD_IDS) {
      const zip = await JSZip.loadAsync(zips.get(standard)!);
      const scripts = Object.values(zip.files).filter((entry) => entry.name.endsWith('.js'));
      const code = (await Promise.all(scripts.map((entry) => entry.async('string')))).join('\n');
      const adapterChunks = scripts
        .map((entry) => /^assets\/(.+)-[\w-]{8}\.js$/.exec(entry.name)?.[1])
        .filter((name): name is string => name !== undefined && allAdapterChunks.has(name))
        .sort();
      expect(adapterChunks, standard).toEqual([adapterChunkName(standard), adapterChunkName()].sort());
      const isXapi = !isScorm(standard);
      expect(code.includes('X-Experience-API-Version'), `${standard}: xAPI client`).toBe(isXapi);
      expect(code.includes('LMSInitialize') || code.includes('API_1484_11'), `${standard}: SCORM runtime`).toBe(!isXapi);
      // The course uses @xapi/xapi for its types only: a value import would bring its bundled axios along.
      expect(code.includes('AxiosError'), `${standard}: @xapi/xapi's axios`).toBe(false);
      // The player never imports the build's half of the standards registry (manifests/standards/, Node-only).
      for (const descriptor of new Set(Object.values(DESCRIPTOR_FILE))) expect(code.includes(descriptor), `${standard}: ${descriptor} in the player`).toBe(false);
      // Nor the screen types' build tier (course/screen-types/*/build.ts, Node-only): here, a scenario check's words.
      expect(code.includes('the scenario can never end'), `${standard}: the screen types' build checks in the player`).toBe(false);
    }
  });

  it('writes each package its own runtime config and stores the film uncompressed', async () => {
    for (const standard of STANDARD_IDS) {
      const zip = await JSZip.loadAsync(zips.get(standard)!);
      const config = await zip.file('config.js')!.async('string');
      expect(config).toContain(`"standard":"${standard}"`);
      const film = zip.files['media/film/common-ground-film.mp4'] as unknown as { _data: { compression: { magic: string } } };
      expect(film._data.compression.magic).toBe('\x00\x00');
    }
  });
});

describe('npm run build -- --variant: the two example trust variants', () => {
  const EXAMPLES: Record<string, StandardId[]> = { 'example-acute-trust': ['scorm12'], 'example-mental-health-trust': ['scorm12', 'scorm2004-3rd'] };
  let out: string;
  let result: CliResult;

  beforeAll(async () => {
    out = join(await mkdtemp(join(tmpdir(), 'cg-examples-')), 'out');
    result = await build(['--variant', 'example-acute-trust', '--variant', 'example-mental-health-trust', '--out', out, ...(hasShared ? ['--schemas', sharedStandards] : [])]);
    if (result.code !== 0) throw new Error(`build failed (${result.code}):\n${result.stderr}\n${result.stdout}`);
  });

  async function filesOf(path: string): Promise<Map<string, Uint8Array>> {
    const zip = await JSZip.loadAsync(await readFile(path));
    const files = new Map<string, Uint8Array>();
    for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('uint8array'));
    return files;
  }

  it('builds only the variants asked for, each in its own standards', async () => {
    expect(existsSync(join(out, 'default'))).toBe(false);
    for (const [variant, standards] of Object.entries(EXAMPLES)) {
      for (const standard of standards) expect(existsSync(join(out, variant, `common-ground-${standard}.zip`)), `${variant} ${standard}`).toBe(true);
      for (const standard of STANDARD_IDS.filter((id) => !standards.includes(id))) expect(existsSync(join(out, variant, `common-ground-${standard}.zip`))).toBe(false);
    }
  });

  it('gives packages that validate, carrying the logo and the statement, both listed in the manifest', async () => {
    const packages = await Promise.all(Object.entries(EXAMPLES).flatMap(([variant, standards]) =>
      standards.map(async (standard) => ({ name: `${variant}/${standard}`, files: await filesOf(join(out, variant, `common-ground-${standard}.zip`)), standard })),
    ));
    const reports = await validatePackages(packages, hasShared ? { schemaDir: sharedStandards } : {});
    reports.forEach((report, index) => expect(report.problems, packages[index]!.name).toEqual([]));
    for (const { name, files } of packages) {
      expect(files.has('branding/logo.svg'), name).toBe(true);
      expect(files.has('accessibility.html'), name).toBe(true);
      const manifest = new TextDecoder().decode(files.get('imsmanifest.xml'));
      expect(manifest, name).toContain('<file href="branding/logo.svg"/>');
      expect(manifest, name).toContain('<file href="accessibility.html"/>');
    }
  });

  it.skipIf(!hasShared || !hasXmllint)('passes the official validate.sh with the new files listed', async () => {
    const files = await filesOf(join(out, 'example-mental-health-trust', 'common-ground-scorm2004-3rd.zip'));
    const manifest = join(out, 'mh-imsmanifest.xml');
    await writeFile(manifest, files.get('imsmanifest.xml')!);
    const outcome = await run('sh', [join(sharedStandards, 'validate.sh'), 'scorm2004-3', manifest]).then(() => 0, (error: { code: number; stderr: string }) => `${error.code}: ${error.stderr}`);
    expect(outcome).toBe(0);
  });

  it('points the runtime config at the packaged logo and carries the variant settings', async () => {
    const files = await filesOf(join(out, 'example-acute-trust', 'common-ground-scorm12.zip'));
    const config = new TextDecoder().decode(files.get('config.js'));
    const json = JSON.parse(config.slice(config.indexOf('{'), config.lastIndexOf('}') + 1)) as { variant: Record<string, unknown>; course: { completion: { passMark: number } } };
    expect(json.variant).toMatchObject({ lmsProfile: 'moodle', reflections: 'private', branding: { logo: { file: 'branding/logo.svg' }, colours: { header: '#003087', accent: '#005EB8' } } });
    expect(json.course.completion.passMark).toBe(70);
    expect(Buffer.from(files.get('branding/logo.svg')!).equals(await readFile(join(repo, 'course/content/variants/logos/northmoor-valley.svg')))).toBe(true);
    const mentalHealth = new TextDecoder().decode((await filesOf(join(out, 'example-mental-health-trust', 'common-ground-scorm12.zip'))).get('config.js'));
    expect(mentalHealth).toContain('"reflections":"shared"');
    expect(mentalHealth).toContain('"lmsProfile":"esr"');
  });

  it('writes the accessibility statement beside the zips, the same page as in each package', async () => {
    for (const [variant, standards] of Object.entries(EXAMPLES)) {
      const published = await readFile(join(out, variant, 'accessibility-statement.html'));
      for (const standard of standards) {
        const inPackage = (await filesOf(join(out, variant, `common-ground-${standard}.zip`))).get('accessibility.html')!;
        expect(Buffer.from(inPackage).equals(published), `${variant}/${standard}`).toBe(true);
      }
    }
    const acute = await readFile(join(out, 'example-acute-trust', 'accessibility-statement.html'), 'utf8');
    expect(acute).toContain('mailto:learning.access@northmoor-valley.example.org');
    expect(acute).toContain('Northmoor Valley NHS Foundation Trust (fictional)');
    expect(acute).toContain('within 10 working days');
    expect(result.stdout).toMatch(/3 package\(s\)/);
  });
});

describe('npm run build with bad input', () => {
  it('refuses a broken course file with one line per problem and no stack trace', async () => {
    const work = await mkdtemp(join(tmpdir(), 'cg-bad-course-'));
    const courseDir = join(work, 'course');
    await cp(join(repo, 'course', 'content'), courseDir, { recursive: true, filter: (path) => !path.includes('node_modules') });
    const course = JSON.parse(await readFile(join(courseDir, 'course.json'), 'utf8'));
    course.completion.passMark = 180;
    course.sections[0].screens[0].type = 'splash';
    await writeFile(join(courseDir, 'course.json'), JSON.stringify(course, null, 2));
    const result = await build(['--course', courseDir, '--out', join(work, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/course\.json: \/completion\/passMark: .*100/);
    expect(result.stderr).toMatch(/course\.json: \/sections\/0\/screens\/0\/type: .*welcome/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('names the variants it has when asked for one it does not', async () => {
    const result = await build(['--variant', 'no-such-trust', '--out', join(tmpdir(), 'cg-never')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/variants: \/: no variant file has the id "no-such-trust" \(allowed: "default", "example-acute-trust", "example-mental-health-trust"\)/);
  });

  it('refuses an unknown standard as a usage error', async () => {
    const result = await build(['--standard', 'aicc']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`unknown standard aicc (allowed: ${STANDARD_IDS.join(', ')})`);
  });

  // With --variant, other broken files would only be noted (issue 15.11; tests/build/build-packages.test.ts): this
  // builds the whole folder, so each broken file stops the run.
  it('refuses broken trust variants before building anything, one line per field', async () => {
    const work = await mkdtemp(join(tmpdir(), 'cg-bad-trust-'));
    const courseDir = join(work, 'course');
    await cp(join(repo, 'course', 'content'), courseDir, { recursive: true });
    const variants = join(courseDir, 'variants');
    const acute = JSON.parse(await readFile(join(variants, 'example-acute-trust.json'), 'utf8'));
    // Schema-level: a malformed phone number and e-mail address.
    await writeFile(join(variants, 'bad-contacts.json'), JSON.stringify({ ...acute, id: 'bad-contacts', contacts: [{ role: 'staff-support', name: 'Line', phone: '0113 496' }, { role: 'other', name: 'Mail', email: 'help@trust' }] }));
    // Beyond the schema: a logo with a script, a low-contrast header, a standard ESR does not take.
    await writeFile(join(variants, 'logos', 'scripted.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 80"><script>alert(1)</script></svg>');
    await writeFile(join(variants, 'bad-branding.json'), JSON.stringify({
      ...acute, id: 'bad-branding', lmsProfile: 'esr', standards: ['scorm2004-4th'],
      branding: { logo: { file: 'logos/scripted.svg', alt: 'Trust' }, colours: { header: '#00A9CE', accent: '#005EB8' } },
    }));
    const result = await build(['--course', courseDir, '--out', join(work, 'out')]);
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n').map((text) => text.trimStart());
    const line = (file: string, pointer: string): string | undefined => lines.find((text) => text.startsWith(`${join(variants, file)}: ${pointer}: `));
    expect(line('bad-contacts.json', '/contacts/0/phone')).toMatch(/"0113 496" is not a UK phone number: after the first 0 it has 6 digits, and a UK number has 10 .*allowed: a UK number/);
    expect(line('bad-contacts.json', '/contacts/1/email')).toMatch(/"help@trust" has a domain without a dot/);
    expect(line('bad-branding.json', '/branding/logo/file')).toMatch(/<script> element, which runs code/);
    expect(line('bad-branding.json', '/branding/colours/header')).toMatch(/contrast of 2\.77:1 with white.*needs at least 4\.50:1/);
    expect(line('bad-branding.json', '/standards/0')).toMatch(/"esr" does not list "scorm2004-4th"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('refuses a variant file that asks for a standard the project does not know', async () => {
    const work = await mkdtemp(join(tmpdir(), 'cg-bad-variant-'));
    const courseDir = join(work, 'course');
    await cp(join(repo, 'course', 'content'), courseDir, { recursive: true });
    await mkdir(join(courseDir, 'variants'), { recursive: true });
    await writeFile(join(courseDir, 'variants', 'broken.json'), JSON.stringify({ id: 'broken', displayName: 'Broken', organisation: 'Example', standards: ['scorm12', 'aicc'], reflections: 'private' }));
    const result = await build(['--course', courseDir, '--out', join(work, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.json: \/standards\/1: /);
  });
});
