import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import JSZip from 'jszip';
import { PackageZipper, entryDate, isStored, zipFiles } from '../../build/zip.ts';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const files = (): Map<string, Uint8Array> =>
  new Map([
    ['media/film.mp4', new Uint8Array(4096).map((_, i) => (i * 7919) % 251)],
    ['index.html', text('<!doctype html><title>x</title>'.repeat(50))],
    ['assets/app.js', text('console.log("hello");\n'.repeat(200))],
  ]);

describe('zipFiles', () => {
  it('gives byte-identical archives for the same files, whatever order they were added in', async () => {
    const reversed = new Map([...files()].reverse());
    const [a, b] = await Promise.all([zipFiles(files()), zipFiles(reversed)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('stores media and deflates text, with sorted entries and a fixed date', async () => {
    const zip = await JSZip.loadAsync(await zipFiles(files()));
    expect(Object.keys(zip.files)).toEqual(['assets/app.js', 'index.html', 'media/film.mp4']);
    const raw = zip.files as unknown as Record<string, { _data: { compression: { magic: string }; compressedSize: number; uncompressedSize: number }; date: Date }>;
    expect(raw['media/film.mp4']!._data.compression.magic).toBe('\x00\x00');
    expect(raw['assets/app.js']!._data.compression.magic).toBe('\x08\x00');
    expect(raw['assets/app.js']!._data.compressedSize).toBeLessThan(raw['assets/app.js']!._data.uncompressedSize / 10);
    expect(raw['index.html']!.date.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(await zip.file('assets/app.js')!.async('string')).toBe('console.log("hello");\n'.repeat(200));
  });

  it('classifies compressed formats by extension, case-insensitively', () => {
    expect(['a.MP4', 'b.png', 'c.woff2', 'd.jpeg'].every(isStored)).toBe(true);
    expect(['a.js', 'b.css', 'c.vtt', 'imsmanifest.xml', 'noext'].some(isStored)).toBe(false);
  });

  it('honours SOURCE_DATE_EPOCH and ignores nonsense', () => {
    expect(entryDate({ SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(entryDate({ SOURCE_DATE_EPOCH: 'soon' }).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(entryDate({ SOURCE_DATE_EPOCH: '0' }).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('PackageZipper', () => {
  const own = (variant: string): Map<string, Uint8Array> =>
    new Map([['config.js', text(`window.COMMON_GROUND = {"variant":"${variant}"};`)], ['imsmanifest.xml', text(`<manifest identifier="${variant}"/>`)]]);

  it('gives each package the shared files plus its own, with their contents intact', async () => {
    const zipper = await PackageZipper.create(files());
    const zip = await JSZip.loadAsync(await zipper.zip(own('trust-a')));
    expect(Object.keys(zip.files).sort()).toEqual(['assets/app.js', 'config.js', 'imsmanifest.xml', 'index.html', 'media/film.mp4']);
    expect(await zip.file('config.js')!.async('string')).toContain('trust-a');
    expect(await zip.file('assets/app.js')!.async('string')).toBe('console.log("hello");\n'.repeat(200));
    expect(Buffer.from(await zip.file('media/film.mp4')!.async('uint8array')).equals(Buffer.from(files().get('media/film.mp4')!))).toBe(true);
    const raw = zip.files as unknown as Record<string, { _data: { compression: { magic: string } } }>;
    expect(raw['media/film.mp4']!._data.compression.magic).toBe('\x00\x00');
    expect(raw['assets/app.js']!._data.compression.magic).toBe('\x08\x00');
  });

  it('gives the same bytes for a package whatever was zipped before it', async () => {
    const busy = await PackageZipper.create(files());
    await busy.zip(own('trust-a'));
    await busy.zip(new Map([...own('trust-c'), ['logo.png', new Uint8Array([1, 2, 3])]]));
    const afterOthers = await busy.zip(own('trust-b'));
    const fresh = await (await PackageZipper.create(files())).zip(own('trust-b'));
    expect(Buffer.from(afterOthers).equals(Buffer.from(fresh))).toBe(true);
    expect(Object.keys((await JSZip.loadAsync(afterOthers)).files)).not.toContain('logo.png');
  });

  it('reuses the shared text\'s compressed bytes rather than deflating them again for each package (see build/zip.ts)', async () => {
    const require = createRequire(import.meta.url);
    const compressedObject = (require('jszip/lib/compressedObject.js') as { prototype: { getCompressedWorker: () => unknown } }).prototype;
    const zipper = await PackageZipper.create(files());
    const copied = vi.spyOn(compressedObject, 'getCompressedWorker');
    try {
      await zipper.zip(own('trust-a'));
      await zipper.zip(own('trust-b'));
      // Two packages × the two shared text files (index.html, assets/app.js): each copied, never deflated anew.
      expect(copied).toHaveBeenCalledTimes(4);
    } finally {
      copied.mockRestore();
    }
  });

  it('refuses a package file that would replace a shared one', async () => {
    const zipper = await PackageZipper.create(files());
    await expect(zipper.zip(new Map([['index.html', text('mine')]]))).rejects.toThrow(/index\.html would replace a file every package shares/);
  });
});
