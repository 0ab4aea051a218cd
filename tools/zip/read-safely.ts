// Opening an untrusted zip: everything is judged from the central directory before a single byte is inflated, and
// inflation itself is capped by real output, because declared sizes are whatever the archive's author wrote.
// Refused: zip-slip names ("../x", "/abs", "C:\x", backslashes), symlinks, encrypted entries, duplicate names,
// too many entries, huge declared sizes, extreme compression ratios and overlapping entries (zip-bomb shapes).
import { crc32, inflateRawSync } from 'node:zlib';
import type { Problem } from '../../manifests/problem.ts';
import { unsafePathReason } from '../../manifests/paths.ts';
import { locateCentralDirectory, readCentralDirectory, ZipFormatError, type ZipEntry } from './central-directory.ts';
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

// The central directory itself is read into memory; 46 bytes of header plus a generous name per entry.
const MAX_DIRECTORY_BYTES_PER_ENTRY = 46 + 1024;

export type OpenResult = { ok: true; zip: SafeZip } | { ok: false; problems: Problem[] };
export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };

export interface SafeZip {
  /** Every entry, in central-directory order; all names are safe relative paths. */
  readonly entries: readonly ZipEntry[];
  /** Inflate one entry, capped at limits.maxInflatedBytes and at its declared size, with its CRC checked. */
  read(entry: ZipEntry): Promise<ReadResult>;
}

/** Check the archive's central directory against `limits`; refuse it (with every reason found) or open it. */
export async function openZipSafely(source: ZipSource, overrides: Partial<ZipLimits> = {}): Promise<OpenResult> {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...overrides };
  let entries: ZipEntry[];
  let directoryOffset: number;
  try {
    const location = await locateCentralDirectory(source);
    if (location.entryCount > limits.maxEntries) {
      return refuse('zip-entries', '(archive)', `declares ${location.entryCount} entries; the limit is ${limits.maxEntries}`);
    }
    if (location.size > location.entryCount * MAX_DIRECTORY_BYTES_PER_ENTRY + 22) {
      return refuse('zip-format', '(archive)', `central directory of ${location.size} bytes is implausibly large for ${location.entryCount} entries`);
    }
    ({ entries, offset: directoryOffset } = await readCentralDirectory(source, location));
  } catch (error) {
    return refuse('zip-format', '(archive)', formatError(error));
  }

  const problems = checkEntries(entries, directoryOffset, limits);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, zip: { entries, read: (entry) => readEntry(source, entry, limits) } };
}

function refuse(rule: string, where: string, message: string): OpenResult {
  return { ok: false, problems: [{ rule, where, message }] };
}

/** Every reason to refuse the archive, judged from the central directory alone. */
function checkEntries(entries: readonly ZipEntry[], directoryOffset: number, limits: ZipLimits): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const where = printable(entry.name);
    const path = entry.isDirectory ? entry.name.slice(0, -1) : entry.name;
    const reason = unsafePathReason(path);
    if (reason) problems.push({ rule: 'zip-slip', where, message: `entry name ${reason}; refusing to extract it` });
    if (entry.isSymlink) problems.push({ rule: 'zip-symlink', where, message: 'entry is a symbolic link' });
    if ((entry.flags & 0x1) !== 0) problems.push({ rule: 'zip-encrypted', where, message: 'entry is encrypted' });
    if (seen.has(entry.name)) problems.push({ rule: 'zip-duplicate', where, message: 'the archive holds two entries with this name' });
    seen.add(entry.name);
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      problems.push({ rule: 'zip-bomb', where, message: `declares ${bytes(entry.uncompressedSize)} uncompressed; the limit per entry is ${bytes(limits.maxEntryBytes)}` });
    } else if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
      const ratio = Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1));
      problems.push({
        rule: 'zip-bomb',
        where,
        message: `compression ratio ${ratio}:1 (${bytes(entry.compressedSize)} → ${bytes(entry.uncompressedSize)}) is beyond ${limits.maxRatio}:1`,
      });
    }
    total += entry.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) {
    problems.push({ rule: 'zip-size', where: '(archive)', message: `entries declare ${bytes(total)} in all; the limit is ${bytes(limits.maxTotalBytes)}` });
  }
  problems.push(...overlaps(entries, directoryOffset));
  return problems;
}

/**
 * Entries whose data overlap another entry or the central directory. Overlapping entries let a few kilobytes expand
 * into terabytes (Fifield's "better zip bomb"); honest archives never overlap. Each entry occupies at least its
 * 30-byte local header, its name and its compressed data.
 */
function overlaps(entries: readonly ZipEntry[], directoryOffset: number): Problem[] {
  const spans = entries
    .map((entry) => ({ entry, start: entry.localHeaderOffset, end: entry.localHeaderOffset + 30 + entry.nameLength + entry.compressedSize }))
    .sort((a, b) => a.start - b.start);
  const problems: Problem[] = [];
  spans.forEach((span, index) => {
    const next = spans[index + 1];
    if ((next && span.end > next.start) || span.end > directoryOffset) {
      problems.push({ rule: 'zip-bomb', where: printable(span.entry.name), message: 'entry data overlaps another entry or the central directory' });
    }
  });
  return problems;
}

async function readEntry(source: ZipSource, entry: ZipEntry, limits: ZipLimits): Promise<ReadResult> {
  const where = printable(entry.name);
  const fail = (rule: string, message: string): ReadResult => ({ ok: false, problem: { rule, where, message } });
  if (entry.uncompressedSize > limits.maxInflatedBytes) {
    return fail('zip-size', `declares ${bytes(entry.uncompressedSize)}; at most ${bytes(limits.maxInflatedBytes)} are read from one entry`);
  }
  let data: Uint8Array;
  try {
    const header = await source.read(entry.localHeaderOffset, 30);
    const headerView = new DataView(header.buffer, header.byteOffset, 30);
    if (headerView.getUint32(0, true) !== 0x04034b50) return fail('zip-format', 'local header is missing (damaged archive)');
    const start = entry.localHeaderOffset + 30 + headerView.getUint16(26, true) + headerView.getUint16(28, true);
    data = await source.read(start, entry.compressedSize);
  } catch (error) {
    return fail('zip-format', formatError(error));
  }

  let output: Uint8Array;
  if (entry.method === 0) {
    output = data;
  } else if (entry.method === 8) {
    try {
      // The cap is the declared size: a liar that inflates beyond it stops here, not after filling memory.
      output = inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        return fail('zip-bomb', `inflates beyond its declared ${bytes(entry.uncompressedSize)}`);
      }
      return fail('zip-format', `cannot be inflated: ${formatError(error)}`);
    }
  } else {
    return fail('zip-method', `uses compression method ${entry.method}; only stored (0) and deflate (8) are supported`);
  }
  if (output.byteLength !== entry.uncompressedSize) {
    return fail('zip-format', `holds ${output.byteLength} bytes but declares ${entry.uncompressedSize} (damaged archive)`);
  }
  if (crc32(output) >>> 0 !== entry.crc32 >>> 0) return fail('zip-format', 'CRC-32 does not match (damaged archive)');
  return { ok: true, bytes: output };
}

function formatError(error: unknown): string {
  if (error instanceof ZipFormatError) return error.message;
  if (error instanceof RangeError) return `the archive is truncated or damaged (${error.message})`;
  return error instanceof Error ? error.message : String(error);
}

/** Entry names may hold control characters; show them escaped so messages stay on one line. */
export function printable(name: string): string {
  return JSON.stringify(name).slice(1, -1);
}

function bytes(count: number): string {
  if (count >= 1024 ** 3) return `${(count / 1024 ** 3).toFixed(1)} GiB`;
  if (count >= 1024 ** 2) return `${(count / 1024 ** 2).toFixed(1)} MiB`;
  if (count >= 1024) return `${(count / 1024).toFixed(1)} KiB`;
  return `${count} bytes`;
}
