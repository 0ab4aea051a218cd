import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../manifests/problem.ts';
import { openZipSafely, type ZipLimits } from '../../../tools/zip/read-safely.ts';
import { bufferSource, fileSource } from '../../../tools/zip/source.ts';
import { patchCentral, readCentral, renameEntry, storedZip64, zipOf } from './builders.ts';

async function refusal(zip: Uint8Array, limits: Partial<ZipLimits> = {}): Promise<Problem[]> {
  const result = await openZipSafely(bufferSource(zip), limits);
  if (result.ok) throw new Error('expected the archive to be refused');
  return result.problems;
}

async function opened(zip: Uint8Array, limits: Partial<ZipLimits> = {}) {
  const result = await openZipSafely(bufferSource(zip), limits);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.zip;
}

const work = mkdtempSync(join(tmpdir(), 'cg-zip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const manifest = `<?xml version="1.0"?>\n<manifest>${'<file href="x"/>'.repeat(200)}</manifest>`;

describe('openZipSafely', () => {
  it('opens an honest zip and reads an entry exactly', async () => {
    const zip = await opened(await zipOf({ 'imsmanifest.xml': manifest, 'assets/a.js': 'let a = 1;' }));
    expect(zip.entries.map((entry) => entry.name)).toEqual(['imsmanifest.xml', 'assets/a.js']);
    const read = await zip.read(zip.entries[0]!);
    expect(read.ok && new TextDecoder().decode(read.bytes)).toBe(manifest);
  });

  it.each([
    ['../evil.txt', '../evil.txt'],
    ['ok/../../evil.txt', 'ok/../../evil.txt'],
    ['backslash traversal', '..\\..\\evil.txt'],
    ['a Windows drive path', 'C:\\evil.txt'],
  ])('refuses a zip-slip name: %s', async (_, name) => {
    const problems = await refusal(await zipOf({ 'imsmanifest.xml': manifest, [name]: 'evil' }));
    expect(problems).toContainEqual({ rule: 'zip-slip', where: JSON.stringify(name).slice(1, -1), message: expect.stringContaining('refusing') });
  });

  it('refuses an absolute entry name', async () => {
    const zip = renameEntry(await zipOf({ 'imsmanifest.xml': manifest, 'Xetc/passwd': 'x' }), 'Xetc/passwd', '/etc/passwd');
    expect((await refusal(zip)).map((problem) => [problem.rule, problem.where])).toEqual([['zip-slip', '/etc/passwd']]);
  });

  it('refuses too many entries before reading the directory', async () => {
    const entries = Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`f${index}.txt`, 'x']));
    expect(await refusal(await zipOf(entries), { maxEntries: 10 })).toEqual([
      { rule: 'zip-entries', where: '(archive)', message: 'declares 12 entries; the limit is 10' },
    ]);
  });

  it('refuses an entry that declares a huge size', async () => {
    const zip = patchCentral(await zipOf({ 'imsmanifest.xml': manifest, 'big.bin': 'small really' }), 'big.bin', 'uncompressedSize', 0xfffffff0);
    expect((await refusal(zip)).map((problem) => problem.rule)).toContain('zip-bomb');
  });

  it('refuses an extreme compression ratio (50 MB of zeros)', async () => {
    const problems = await refusal(await zipOf({ 'imsmanifest.xml': manifest, 'zeros.bin': new Uint8Array(50 * 1024 * 1024) }));
    expect(problems).toEqual([{ rule: 'zip-bomb', where: 'zeros.bin', message: expect.stringMatching(/compression ratio \d+:1/) }]);
  });

  it('refuses a total declared size over the cap', async () => {
    const zip = await zipOf({ 'a.bin': new Uint8Array(3000).fill(7), 'b.bin': new Uint8Array(3000).fill(9) });
    expect((await refusal(zip, { maxTotalBytes: 5000 })).map((problem) => problem.rule)).toEqual(['zip-size']);
  });

  it('refuses duplicate names, symlinks, encrypted entries and overlapping entries', async () => {
    const duplicate = renameEntry(await zipOf({ 'a.txt': 'one', 'b.txt': 'two' }), 'b.txt', 'a.txt');
    expect((await refusal(duplicate)).map((problem) => problem.rule)).toEqual(['zip-duplicate']);

    const symlink = await zipOf({ 'index.html': 'x', link: { data: '/etc/passwd', unixPermissions: 0o120777 } }, 'UNIX');
    expect((await refusal(symlink)).map((problem) => [problem.rule, problem.where])).toEqual([['zip-symlink', 'link']]);

    const encrypted = patchCentral(await zipOf({ 'a.txt': 'one' }), 'a.txt', 'flags', 0x1);
    expect((await refusal(encrypted)).map((problem) => problem.rule)).toEqual(['zip-encrypted']);

    const honest = await zipOf({ 'a.txt': 'one'.repeat(100), 'b.txt': 'two'.repeat(100) });
    const overlapping = patchCentral(honest, 'b.txt', 'localHeaderOffset', readCentral(honest, 'a.txt', 'localHeaderOffset'));
    expect((await refusal(overlapping)).map((problem) => problem.rule)).toContain('zip-bomb');
  });

  it('reports every reason found, not only the first', async () => {
    const zip = renameEntry(
      await zipOf({ 'zz/one.txt': 'x', 'a.txt': 'one', 'b.txt': 'two', link: { data: '/etc/passwd', unixPermissions: 0o120777 } }, 'UNIX'),
      'b.txt',
      'a.txt',
    );
    const slipped = renameEntry(zip, 'zz/one.txt', '../one.txt');
    expect((await refusal(slipped)).map((problem) => [problem.rule, problem.where])).toEqual([
      ['zip-slip', '../one.txt'],
      ['zip-duplicate', 'a.txt'],
      ['zip-symlink', 'link'],
    ]);
  });

  it.each([
    ['a text file', new TextEncoder().encode('this is not a zip at all, just text')],
    ['an empty file', new Uint8Array(0)],
  ])('gives one clear line for %s', async (_, bytes) => {
    expect(await refusal(bytes)).toEqual([{ rule: 'zip-format', where: '(archive)', message: expect.stringMatching(/^not a zip archive/) }]);
  });

  it('reports a truncated archive as damaged', async () => {
    const zip = await zipOf({ 'a.txt': 'one', 'b.txt': 'two' });
    const problems = await refusal(zip.subarray(0, zip.length - 30));
    expect(problems.map((problem) => problem.rule)).toEqual(['zip-format']);
  });

  it('reads a Zip64 archive', async () => {
    const zip = await opened(storedZip64('imsmanifest.xml', new TextEncoder().encode(manifest)));
    expect(zip.entries[0]).toMatchObject({ name: 'imsmanifest.xml', uncompressedSize: manifest.length, compressedSize: manifest.length });
    const read = await zip.read(zip.entries[0]!);
    expect(read.ok && new TextDecoder().decode(read.bytes)).toBe(manifest);
  });

  it('reads through a file handle the same way', async () => {
    const path = join(work, 'p.zip');
    writeFileSync(path, await zipOf({ 'imsmanifest.xml': manifest }));
    const source = await fileSource(path);
    try {
      const result = await openZipSafely(source);
      expect(result.ok).toBe(true);
      const read = result.ok ? await result.zip.read(result.zip.entries[0]!) : null;
      expect(read?.ok && new TextDecoder().decode(read.bytes)).toBe(manifest);
    } finally {
      await source.close();
    }
  });
});

describe('reading an entry does not trust its declared size', () => {
  it('stops inflating at the declared size (an archive that lies about it)', async () => {
    const honest = await zipOf({ 'imsmanifest.xml': manifest });
    const zip = await opened(patchCentral(honest, 'imsmanifest.xml', 'uncompressedSize', 100));
    expect(await zip.read(zip.entries[0]!)).toEqual({ ok: false, problem: { rule: 'zip-bomb', where: 'imsmanifest.xml', message: expect.stringContaining('beyond its declared') } });
  });

  it('refuses to inflate an entry larger than the read cap', async () => {
    const zip = await opened(await zipOf({ 'imsmanifest.xml': manifest }), { maxInflatedBytes: 1000 });
    const read = await zip.read(zip.entries[0]!);
    expect(read.ok ? 'read' : read.problem.rule).toBe('zip-size');
  });

  it('notices an entry that holds less than it declares', async () => {
    const honest = await zipOf({ 'imsmanifest.xml': manifest });
    const zip = await opened(patchCentral(honest, 'imsmanifest.xml', 'uncompressedSize', manifest.length + 100));
    expect(await zip.read(zip.entries[0]!)).toEqual({ ok: false, problem: { rule: 'zip-format', where: 'imsmanifest.xml', message: expect.stringContaining('fewer than the') } });
  });

  it('refuses a compression method other than stored and deflate from the listing, naming it', async () => {
    const result = await openZipSafely(bufferSource(patchCentral(await zipOf({ 'imsmanifest.xml': manifest }), 'imsmanifest.xml', 'method', 12)));
    expect(result).toMatchObject({ ok: false, problems: [{ rule: 'zip-method', where: 'imsmanifest.xml', message: expect.stringContaining('method 12 (bzip2)') }] });
  });

  it('notices a corrupt entry by its CRC', async () => {
    const honest = await zipOf({ 'imsmanifest.xml': manifest });
    const zip = await opened(patchCentral(honest, 'imsmanifest.xml', 'crc32', readCentral(honest, 'imsmanifest.xml', 'crc32') ^ 0xff));
    const read = await zip.read(zip.entries[0]!);
    expect(read.ok ? 'read' : read.problem).toMatchObject({ rule: 'zip-format', message: expect.stringContaining('CRC') });
  });
});
