// Deterministic zips: the same files give byte-identical archives (fixed dates and permissions, sorted entries),
// media that is already compressed is stored, text is deflated.
import JSZip from 'jszip';

/** Formats whose bytes are already compressed: deflating them again costs time and gains nothing. */
const STORED_EXTENSIONS = new Set(['mp4', 'm4v', 'webm', 'm4a', 'mp3', 'aac', 'ogg', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'woff', 'woff2', 'zip', 'gz', 'br', 'pdf']);

export function isStored(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot >= 0 && STORED_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}

/**
 * Every entry's timestamp. SOURCE_DATE_EPOCH (the reproducible-builds convention) wins when set; otherwise a fixed
 * date, so a rebuild of the same course gives the same bytes.
 */
export function entryDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  // DOS dates start in 1980; anything earlier (or not a number) falls back to the fixed date.
  if (Number.isFinite(epoch) && epoch >= 315_532_800) return new Date(epoch * 1000);
  return new Date(Date.UTC(2026, 0, 1));
}

export async function zipFiles(files: ReadonlyMap<string, Uint8Array>, date = entryDate()): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const path of [...files.keys()].sort()) {
    zip.file(path, files.get(path)!, {
      date,
      binary: true,
      createFolders: false,
      unixPermissions: 0o644,
      compression: isStored(path) ? 'STORE' : 'DEFLATE',
      compressionOptions: { level: 9 },
    });
  }
  return zip.generateAsync({ type: 'uint8array', platform: 'UNIX', streamFiles: false });
}

/**
 * Zips many packages that share most of their files (the player build, media, schema files). Deflating the same
 * half-megabyte of text for each of 1,000 packages is most of a build's time, so the shared text is deflated once
 * into a template and each package reuses those compressed bytes; only each package's own files, and the stored
 * media, are added anew. Calls must not overlap: each one edits the template.
 *
 * How the reuse works, since jszip does not document it: an entry read by JSZip.loadAsync keeps its compressed bytes
 * as a CompressedObject, and generateAsync copies those bytes as they are when the entry's compression method is
 * the one asked for (ZipObject._compressWorker in jszip 3.10: `this._data instanceof CompressedObject &&
 * this._data.compression.magic === compression.magic`), instead of inflating and deflating again. Nothing else
 * depends on it: were a jszip release to drop it, packages would stay correct and byte-identical, only slower.
 * tests/build/zip.test.ts counts those copies, so such a release fails a test instead of quietly slowing the build.
 */
export class PackageZipper {
  private added: string[] = [];

  private constructor(
    private readonly template: JSZip,
    private readonly sharedText: ReadonlySet<string>,
    private readonly sharedStored: ReadonlyMap<string, Uint8Array>,
    private readonly date: Date,
  ) {}

  static async create(shared: ReadonlyMap<string, Uint8Array>, date = entryDate()): Promise<PackageZipper> {
    const text = new Map([...shared].filter(([path]) => !isStored(path)));
    const stored = new Map([...shared].filter(([path]) => isStored(path)));
    const template = await JSZip.loadAsync(await zipFiles(text, date));
    return new PackageZipper(template, new Set(text.keys()), stored, date);
  }

  /** The package: the shared files plus its own, which must not reuse a shared file's path. */
  async zip(own: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
    const clash = [...own.keys()].find((path) => this.sharedText.has(path) || this.sharedStored.has(path));
    if (clash) throw new Error(`package file ${clash} would replace a file every package shares`);
    // Whatever the previous package added goes first, so every zip has the same entry order: template entries
    // (sorted), then this package's own and stored files (sorted), whatever was zipped before.
    for (const path of this.added) this.template.remove(path);
    const extra = new Map([...this.sharedStored, ...own]);
    this.added = [...extra.keys()].sort();
    for (const path of this.added) {
      this.template.file(path, extra.get(path)!, {
        date: this.date,
        binary: true,
        createFolders: false,
        unixPermissions: 0o644,
        compression: isStored(path) ? 'STORE' : 'DEFLATE',
        compressionOptions: { level: 9 },
      });
    }
    return this.template.generateAsync({ type: 'uint8array', platform: 'UNIX', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  }
}
