// Opening an untrusted zip, read by yauzl: every entry's name and declared sizes come from the central directory and
// are judged before a single byte is inflated, and inflation itself is capped by real output, because declared
// sizes are whatever the archive's author wrote. Refused: zip-slip names ("../x", "/abs", "C:\x", backslashes),
// symlinks, encrypted entries, duplicate names, too many entries, huge declared sizes, extreme compression ratios and
// overlapping entries (zip-bomb shapes).
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { fromBufferPromise, getFileNameLowLevel, openPromise, type Entry, type Options, type ZipFile } from 'yauzl';
import type { Problem } from '../../manifests/problem.ts';
import { unsafePathReason } from '../../manifests/paths.ts';
import type { ZipSource } from './source.ts';

export interface ZipLimits {
  /** Most entries an archive may declare. */
  maxEntries: number;
  /** Largest declared uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Largest sum of declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Highest uncompressed/compressed ratio for an entry larger than ratioFloorBytes. */
  maxRatio: number;
  /** Entries smaller than this are not judged on ratio (a small file of spaces compresses very well, harmlessly). */
  ratioFloorBytes: number;
  /** Most bytes one inflated entry may produce, whatever it declares. */
  maxInflatedBytes: number;
}

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = {
  maxEntries: 10_000,
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 4 * 1024 ** 3,
  // Text and code compress 3-10x, media about 1x; deflate's ceiling is ~1032x, and bombs sit near it.
  maxRatio: 100,
  ratioFloorBytes: 1024 ** 2,
  maxInflatedBytes: 16 * 1024 ** 2,
};

export interface ZipEntry {
  /** Name exactly as stored (decoded as yauzl does: UTF-8 when flagged, else CP437), never normalised. */
  name: string;
  compressedSize: number;
  /** Uncompressed size as the archive DECLARES it; inflation must not trust it. */
  uncompressedSize: number;
  isDirectory: boolean;
}

export type OpenResult = { ok: true; zip: SafeZip } | { ok: false; problems: Problem[] };
export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };

export interface SafeZip {
  /** Every entry, in central-directory order; all names are safe relative paths. */
  readonly entries: readonly ZipEntry[];
  /** Inflate one entry, capped at limits.maxInflatedBytes and at its declared size, with its CRC and size checked. */
  read(entry: ZipEntry): Promise<ReadResult>;
  /** Inflate one entry without keeping it (any size its declaration allows): its CRC and size checked. */
  verify(entry: ZipEntry): Promise<ReadResult>;
}

// Names are decoded here (with yauzl's own decoder, backslashes kept) rather than by yauzl, whose check of them
// stops the listing at the first bad one: this way every entry is judged and every reason reported.
// Sizes are judged here too (entryProblems, readEntry) rather than by yauzl, whose check stops the listing with a
// message that names no entry (an encrypted stored entry read as a "size mismatch").
const YAUZL_OPTIONS: Options = { lazyEntries: true, autoClose: false, validateEntrySizes: false, decodeStrings: false, strictFileNames: true };

interface Listed {
  entry: ZipEntry;
  raw: Entry;
}

/** Check the archive's central directory against `limits`; refuse it (with every reason found) or open it. */
export async function openZipSafely(source: ZipSource, overrides: Partial<ZipLimits> = {}): Promise<OpenResult> {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...overrides };
  let archive: ZipFile;
  try {
    archive = 'bytes' in source ? await fromBufferPromise(Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength), YAUZL_OPTIONS) : await openPromise(source.path, YAUZL_OPTIONS);
  } catch (error) {
    return refuse(archiveProblem(error));
  }
  // An error after the listing (closing the file, say) has no one waiting for it and must not crash the process.
  archive.on('error', () => {});
  if ('keepOpen' in source) source.keepOpen(archive);

  if (archive.entryCount > limits.maxEntries) {
    archive.close();
    return refuse({ rule: 'zip-entries', where: '(archive)', message: `declares ${archive.entryCount} entries; the limit is ${limits.maxEntries}` });
  }
  const listed: Listed[] = [];
  try {
    for await (const raw of archive.eachEntry()) {
      const name = getFileNameLowLevel(raw.generalPurposeBitFlag, raw.fileNameRaw, raw.extraFields, true);
      listed.push({ raw, entry: { name, compressedSize: raw.compressedSize, uncompressedSize: raw.uncompressedSize, isDirectory: name.endsWith('/') } });
    }
  } catch (error) {
    archive.close();
    return refuse(archiveProblem(error));
  }
  const seen = new Set<string>();
  const problems = listed.flatMap((item) => entryProblems(item, seen.size === seen.add(item.entry.name).size, limits));
  problems.push(...totalProblems(listed, limits), ...overlaps(listed));
  if (problems.length > 0) {
    archive.close();
    return { ok: false, problems };
  }
  const rawOf = new Map(listed.map(({ entry, raw }) => [entry, raw]));
  return {
    ok: true,
    zip: {
      entries: listed.map(({ entry }) => entry),
      read: (entry) => readEntry(archive, entry, rawOf.get(entry), limits, true),
      verify: (entry) => readEntry(archive, entry, rawOf.get(entry), limits, false),
    },
  };
}

function refuse(problem: Problem): OpenResult {
  return { ok: false, problems: [problem] };
}

/** Why yauzl could not open or list the archive, in one line. */
function archiveProblem(error: unknown): Problem {
  const message = error instanceof Error ? error.message : String(error);
  if (/encryption/.test(message)) return { rule: 'zip-encrypted', where: '(archive)', message: `an entry is encrypted (${message})` };
  if (/signature not found/.test(message)) return { rule: 'zip-format', where: '(archive)', message: 'not a zip archive (no end-of-central-directory record)' };
  if (/multi-disk/.test(message)) return { rule: 'zip-format', where: '(archive)', message: 'split (multi-part) zip archives are not supported' };
  return { rule: 'zip-format', where: '(archive)', message: `the archive is truncated or damaged (${message})` };
}

/** Every reason to refuse one entry, judged from its central-directory record. */
function entryProblems({ entry, raw }: Listed, duplicate: boolean, limits: ZipLimits): Problem[] {
  const problems: Problem[] = [];
  const where = printable(entry.name);
  const reason = unsafePathReason(entry.isDirectory ? entry.name.slice(0, -1) : entry.name);
  if (reason) problems.push({ rule: 'zip-slip', where, message: `entry name ${reason}; refusing to extract it` });
  // A Unix symbolic link: made on Unix (host 3) with mode S_IFLNK in the high half of the external attributes.
  if (raw.versionMadeBy >> 8 === 3 && ((raw.externalFileAttributes >>> 16) & 0o170000) === 0o120000) {
    problems.push({ rule: 'zip-symlink', where, message: 'entry is a symbolic link' });
  }
  if (raw.isEncrypted()) {
    problems.push({ rule: 'zip-encrypted', where, message: 'entry is encrypted (password-protected): no LMS can read it; zip the package without a password' });
  } else if (raw.compressionMethod === 0 && raw.compressedSize !== raw.uncompressedSize) {
    problems.push({ rule: 'zip-format', where, message: `stored without compression, yet it declares ${raw.compressedSize} bytes stored and ${raw.uncompressedSize} bytes of content (damaged archive)` });
  }
  if (!entry.isDirectory && raw.compressionMethod !== 0 && raw.compressionMethod !== 8) {
    problems.push({ rule: 'zip-method', where, message: `uses compression method ${raw.compressionMethod}${METHOD_NAMES[raw.compressionMethod] ? ` (${METHOD_NAMES[raw.compressionMethod]})` : ''}; a package may use only stored (0) and deflate (8), which every LMS can unzip` });
  }
  if (duplicate) problems.push({ rule: 'zip-duplicate', where, message: 'the archive holds two entries with this name' });
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    problems.push({ rule: 'zip-bomb', where, message: `declares ${bytes(entry.uncompressedSize)} uncompressed; the limit per entry is ${bytes(limits.maxEntryBytes)}` });
  } else if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
    problems.push({
      rule: 'zip-bomb',
      where,
      message: `compression ratio ${Math.round(ratio)}:1 (${bytes(entry.compressedSize)} → ${bytes(entry.uncompressedSize)}) is beyond ${limits.maxRatio}:1`,
    });
  }
  return problems;
}

const METHOD_NAMES: Readonly<Record<number, string>> = { 9: 'Deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 98: 'PPMd', 99: 'AES encryption' };

function totalProblems(listed: readonly Listed[], limits: ZipLimits): Problem[] {
  const total = listed.reduce((sum, { entry }) => sum + entry.uncompressedSize, 0);
  if (total <= limits.maxTotalBytes) return [];
  return [{ rule: 'zip-size', where: '(archive)', message: `entries declare ${bytes(total)} in all; the limit is ${bytes(limits.maxTotalBytes)}` }];
}

/**
 * Entries whose data overlap another entry's. Overlapping entries let a few kilobytes expand into terabytes
 * (Fifield's "better zip bomb"); honest archives never overlap, and yauzl does not look. Each entry occupies at least
 * its 30-byte local header, its name and its compressed data.
 */
function overlaps(listed: readonly Listed[]): Problem[] {
  const spans = listed
    .map(({ entry, raw }) => ({ entry, start: raw.relativeOffsetOfLocalHeader, end: raw.relativeOffsetOfLocalHeader + 30 + raw.fileNameLength + raw.compressedSize }))
    .sort((a, b) => a.start - b.start);
  return spans
    .filter((span, index) => index + 1 < spans.length && span.end > spans[index + 1]!.start)
    .map((span) => ({ rule: 'zip-bomb', where: printable(span.entry.name), message: 'entry data overlaps another entry' }));
}

async function readEntry(archive: ZipFile, entry: ZipEntry, raw: Entry | undefined, limits: ZipLimits, keep: boolean): Promise<ReadResult> {
  const where = printable(entry.name);
  const fail = (rule: string, message: string): ReadResult => ({ ok: false, problem: { rule, where, message } });
  if (!raw) return fail('zip-format', 'is not an entry of this archive');
  if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) {
    return fail('zip-method', `uses compression method ${raw.compressionMethod}; only stored (0) and deflate (8) are supported`);
  }
  if (keep && entry.uncompressedSize > limits.maxInflatedBytes) {
    return fail('zip-size', `declares ${bytes(entry.uncompressedSize)}; at most ${bytes(limits.maxInflatedBytes)} are read from one entry`);
  }
  let read: { bytes: Uint8Array | null; total: number; crc: number } | null;
  try {
    read = await readCapped(await archive.openReadStreamPromise(raw), entry.uncompressedSize, keep);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/local file header/.test(message)) return fail('zip-format', 'local header is missing (damaged archive)');
    if (/invalid|incorrect|unexpected end|header check/i.test(message)) return fail('zip-format', `its compressed data is damaged (${message})`);
    return fail('zip-format', `cannot be read: ${message}`);
  }
  if (read === null) return fail('zip-bomb', `inflates beyond its declared ${bytes(entry.uncompressedSize)}`);
  if (read.total < entry.uncompressedSize) return fail('zip-format', `holds ${read.total} bytes, fewer than the ${entry.uncompressedSize} it declares (damaged archive)`);
  if (read.crc >>> 0 !== raw.crc32 >>> 0) return fail('zip-format', 'CRC-32 does not match its contents (damaged archive)');
  return { ok: true, bytes: read.bytes ?? new Uint8Array(0) };
}

/**
 * The stream's CRC-32 and length (and its bytes when `keep`), or null as soon as there are more than `cap` bytes
 * (leaving the loop destroys the stream).
 */
async function readCapped(stream: Readable, cap: number, keep: boolean): Promise<{ bytes: Uint8Array | null; total: number; crc: number } | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let crc = 0;
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > cap) return null;
    crc = crc32(chunk, crc);
    if (keep) chunks.push(chunk);
  }
  if (!keep) return { bytes: null, total, crc };
  const output = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    output.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes: output, total, crc };
}

/** Entry names may hold control characters; show them escaped so messages stay on one line. */
function printable(name: string): string {
  return JSON.stringify(name).slice(1, -1);
}

function bytes(count: number): string {
  if (count >= 1024 ** 3) return `${(count / 1024 ** 3).toFixed(1)} GiB`;
  if (count >= 1024 ** 2) return `${(count / 1024 ** 2).toFixed(1)} MiB`;
  if (count >= 1024) return `${(count / 1024).toFixed(1)} KiB`;
  return `${count} bytes`;
}
