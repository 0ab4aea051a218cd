// The validate command on real zip files: packages from our generators, and deliberately broken ones built with jszip.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_IDS, type StandardId } from '../../course/model/types.ts';
import { runValidate } from '../../tools/validate.ts';
import { buildPackage, descriptorText, packageInput } from '../manifests/fixtures.ts';
import { REPO_ROOT, SHARED_STANDARDS, skipReason } from '../manifests/shared-standards.ts';
import { patchCentral, readCentral, renameEntry, zipOf } from './zip/builders.ts';

const work = mkdtempSync(join(tmpdir(), 'cg-validate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runValidate(argv, { log: (line) => out.push(line), error: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function writeZip(name: string, files: ReadonlyMap<string, Uint8Array> | Record<string, string | Uint8Array>): Promise<string> {
  const path = join(work, name);
  writeFileSync(path, await zipOf(files instanceof Map ? Object.fromEntries(files) : (files as Record<string, string | Uint8Array>)));
  return path;
}

function ourPackage(standard: StandardId): Map<string, Uint8Array> {
  return buildPackage(packageInput(standard));
}

describe('valid packages', () => {
  it.each(STANDARD_IDS)('%s exits 0 and says so', async (standard) => {
    const path = await writeZip(`${standard}.zip`, ourPackage(standard));
    const { code, out } = await run(path);
    expect(code).toBe(0);
    expect(out.split('\n').at(-1)).toMatch(new RegExp(`^VALID ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  });

  it('several packages in one run, as JSON', async () => {
    const a = await writeZip('a.zip', ourPackage('scorm12'));
    const b = await writeZip('b.zip', ourPackage('cmi5'));
    const { code, out } = await run(a, b, '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { packages: { file: string; standard: string; edition: string; valid: boolean }[] };
    expect(parsed.packages.map(({ file, standard, valid }) => [file, standard, valid])).toEqual([
      [a, 'scorm12', true],
      [b, 'cmi5', true],
    ]);
  });

  const reason = skipReason({ shared: true });
  it.skipIf(reason !== null)('with --schemas pointing at shared/standards', async () => {
    const path = await writeZip('4th.zip', ourPackage('scorm2004-4th'));
    expect((await run(path, '--schemas', SHARED_STANDARDS!)).code).toBe(0);
  });
});

describe('broken packages exit 1 and name the broken rule', () => {
  let bomb: string;
  beforeAll(async () => {
    bomb = await writeZip('bomb.zip', { ...Object.fromEntries(ourPackage('scorm12')), 'media/zeros.bin': new Uint8Array(50 * 1024 * 1024) });
  });

  const cases: [string, () => Promise<string>, string][] = [
    ['zip-slip ../evil.txt', () => writeZip('slip.zip', { ...Object.fromEntries(ourPackage('scorm12')), '../evil.txt': 'evil' }), 'zip-slip'],
    [
      'an absolute entry path',
      async () => {
        const path = join(work, 'absolute.zip');
        writeFileSync(path, renameEntry(await zipOf({ ...Object.fromEntries(ourPackage('cmi5')), Xtmp_evil: 'evil' }), 'Xtmp_evil', '/tmp_evil'));
        return path;
      },
      'zip-slip',
    ],
    ['a bomb (50 MB of zeros)', async () => bomb, 'zip-bomb'],
    [
      'a file that is not a zip',
      async () => {
        const path = join(work, 'not-a-zip.zip');
        writeFileSync(path, 'PK? no, just text pretending to be a zip');
        return path;
      },
      'zip-format',
    ],
    ['a zip without any descriptor', () => writeZip('no-descriptor.zip', { 'index.html': '<!doctype html>', 'app.js': '' }), 'descriptor-missing'],
    [
      'a manifest listing a missing file',
      () => {
        const files = ourPackage('scorm2004-4th');
        files.delete('config.js');
        return writeZip('missing-file.zip', files);
      },
      'file-present',
    ],
    [
      'a file present but not listed',
      () => writeZip('unlisted.zip', { ...Object.fromEntries(ourPackage('scorm2004-3rd')), 'notes/todo.txt': 'remember' }),
      'file-listed',
    ],
    [
      'a media entry whose CRC-32 does not match (issue 17.5: was VALID)',
      async () => {
        const path = join(work, 'bad-crc.zip');
        const honest = await zipOf(Object.fromEntries(ourPackage('scorm12')));
        writeFileSync(path, patchCentral(honest, 'config.js', 'crc32', readCentral(honest, 'config.js', 'crc32') ^ 0x5a5a));
        return path;
      },
      'zip-format',
    ],
    [
      'an encrypted entry (issue 17.5: was "size mismatch … 20371 != 20371")',
      async () => {
        const path = join(work, 'encrypted.zip');
        const honest = await zipOf(Object.fromEntries(ourPackage('scorm12')));
        writeFileSync(path, patchCentral(honest, 'config.js', 'flags', readCentral(honest, 'config.js', 'flags') | 1));
        return path;
      },
      'zip-encrypted',
    ],
    [
      'a manifest with an external DOCTYPE (issue 17.5: was VALID)',
      () => {
        const files = ourPackage('scorm12');
        const xml = descriptorText(files, 'imsmanifest.xml').replace(/^(<\?xml[^>]*\?>\s*)?/, (declaration) => `${declaration}<!DOCTYPE manifest SYSTEM "file:///etc/passwd">\n`);
        files.set('imsmanifest.xml', new TextEncoder().encode(xml));
        return writeZip('doctype.zip', files);
      },
      'well-formed',
    ],
    [
      'an XSD error',
      () => {
        const files = ourPackage('scorm12');
        files.set('imsmanifest.xml', new TextEncoder().encode(descriptorText(files, 'imsmanifest.xml').replace('isvisible="true"', 'isvisible="sometimes"')));
        return writeZip('xsd.zip', files);
      },
      'xsd',
    ],
  ];

  it('names the encrypted entry and says it is password-protected', async () => {
    const honest = await zipOf(Object.fromEntries(ourPackage('scorm12')));
    const path = join(work, 'encrypted-named.zip');
    writeFileSync(path, patchCentral(honest, 'config.js', 'flags', 1));
    const { out } = await run(path);
    expect(out).toContain('[zip-encrypted] config.js: entry is encrypted (password-protected)');
    expect(out).not.toMatch(/size mismatch/);
  });

  it('says what it read: every entry of a good package, or only the listing of a refused one', async () => {
    const good = await writeZip('read-good.zip', ourPackage('cmi5'));
    expect((await run(good)).out).toMatch(/read: \d+ file entries \([\d.]+ KB\), each inflated with its CRC-32 and size checked/);
    const slip = await writeZip('read-slip.zip', { ...Object.fromEntries(ourPackage('cmi5')), '../x': 'x' });
    expect((await run(slip)).out).toContain('read: the central directory only; no entry was inflated');
  });

  it.each(cases)('%s', async (_, make, rule) => {
    const path = await make();
    const { code, out, err } = await run(path);
    expect(code).toBe(1);
    expect(out).toContain(`[${rule}]`);
    const verdict = out.split('\n').at(-1)!;
    expect(verdict).toMatch(/^INVALID /);
    expect(verdict).toContain(rule);
    expect(`${out}\n${err}`).not.toMatch(/\n\s+at /); // never a stack trace
  });
});

describe('a wrong command line exits 2 with one clear line', () => {
  it.each([
    ['no package', [], /^validate: no package given; see npm run validate -- --help$/],
    ['an unknown option', ['--frobnicate'], /^validate: unknown option --frobnicate; see npm run validate -- --help$/],
    ['a misspelt option', ['--jsno', 'x.zip'], /^validate: unknown option --jsno \(did you mean --json\?\)/],
    ['an option without its value', ['x.zip', '--schemas'], /^validate: --schemas needs a value/],
  ])('%s', async (_, argv, message) => {
    const { code, err } = await run(...(argv as string[]));
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('input that cannot be read exits 1 with one clear line (as every command does)', () => {
  it.each([
    ['a missing file', [join(work, 'nope.zip')], /^validate: cannot read .*nope\.zip: no such file$/],
    ['a directory', [work], /^validate: cannot read .*: not a file$/],
    ['a missing schema folder', ['x.zip', '--schemas', join(work, 'no-schemas')], /^validate: schema folder .* does not exist \(--schemas\)$/],
  ])('%s', async (_, argv, message) => {
    const { code, err } = await run(...(argv as string[]));
    expect(code).toBe(1);
    expect(err).toMatch(message);
  });

  it('a schema folder that lacks the needed schemas', async () => {
    mkdirSync(join(work, 'empty-schemas'), { recursive: true });
    const path = await writeZip('for-schemas.zip', ourPackage('cmi5'));
    const { code, err } = await run(path, '--schemas', join(work, 'empty-schemas'));
    expect(code).toBe(1);
    expect(err).toMatch(/^validate: schema folder .*cmi5 does not exist \(--schemas\)$/);
  });
});

describe('as a process', () => {
  const exec = promisify(execFile);
  it('sets the exit code (0 valid, 1 invalid)', async () => {
    const valid = await writeZip('process-valid.zip', ourPackage('xapi'));
    const invalid = await writeZip('process-invalid.zip', { 'index.html': 'x' });
    const tool = join(REPO_ROOT, 'tools', 'validate.ts');
    const ok = await exec(process.execPath, ['--import', 'tsx', tool, valid], { cwd: REPO_ROOT });
    expect(ok.stdout).toMatch(/^VALID /m);
    const failed = await exec(process.execPath, ['--import', 'tsx', tool, invalid], { cwd: REPO_ROOT }).catch((error: { code: number; stdout: string }) => error);
    expect(failed).toMatchObject({ code: 1, stdout: expect.stringMatching(/^INVALID .*descriptor-missing/m) });
  });
});
