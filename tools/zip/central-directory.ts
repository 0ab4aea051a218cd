// Reads a zip's central directory (PKWARE APPNOTE 6.3: end-of-central-directory record, Zip64 records, file headers)
// without touching any file data. We read it ourselves rather than through jszip because jszip's public API exposes
// neither the declared sizes nor the raw entry names (it rewrites "../" names and lets duplicates overwrite each
// other), and it needs the whole archive in memory; the safety checks need all three.
import type { ZipSource } from './source.ts';

export interface ZipEntry {
  /** Name exactly as stored (decoded as UTF-8, or Latin-1 when it is not valid UTF-8), never normalised. */
  name: string;
  /** Length of the stored name in bytes. */
  nameLength: number;
  compressedSize: number;
  /** Uncompressed size as the archive DECLARES it; inflation must not trust it. */
  uncompressedSize: number;
  /** 0 = stored, 8 = deflate. */
  method: number;
  flags: number;
  crc32: number;
  localHeaderOffset: number;
  isDirectory: boolean;
  /** A Unix symbolic link (mode S_IFLNK in the external attributes). */
  isSymlink: boolean;
}

export interface CentralDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: file data must end before it. */
  offset: number;
}

/** The archive is not a readable zip; `message` says why in one line. */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const FILE_HEADER_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Where the central directory is and how many entries it declares, before reading any of it. */
export interface DirectoryLocation {
  entryCount: number;
  offset: number;
  size: number;
}

export async function locateCentralDirectory(source: ZipSource): Promise<DirectoryLocation> {
  if (source.size < EOCD_SIZE) throw new ZipFormatError('not a zip archive (too short to hold a central directory)');
  const tailLength = Math.min(source.size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = view(await source.read(tailStart, tailLength));

  let eocd = -1;
  for (let i = tailLength - EOCD_SIZE; i >= 0; i--) {
    // The record is the last thing in the file apart from its comment, whose length it states.
    if (tail.getUint32(i, true) === EOCD_SIGNATURE && i + EOCD_SIZE + tail.getUint16(i + 20, true) === tailLength) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new ZipFormatError('not a zip archive (no end-of-central-directory record)');
  if (tail.getUint16(eocd + 4, true) !== 0 || tail.getUint16(eocd + 6, true) !== 0) {
    throw new ZipFormatError('split (multi-part) zip archives are not supported');
  }
  let entryCount = tail.getUint16(eocd + 10, true);
  let size = tail.getUint32(eocd + 12, true);
  let offset = tail.getUint32(eocd + 16, true);
  const eocdOffset = tailStart + eocd;

  if (entryCount === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    if (eocdOffset < 20) throw new ZipFormatError('Zip64 archive without its Zip64 locator');
    const locator = view(await source.read(eocdOffset - 20, 20));
    if (locator.getUint32(0, true) !== ZIP64_LOCATOR_SIGNATURE) throw new ZipFormatError('Zip64 archive without its Zip64 locator');
    const recordOffset = safeNumber(locator.getBigUint64(8, true));
    if (recordOffset + 56 > eocdOffset) throw new ZipFormatError('Zip64 end record is out of bounds');
    const record = view(await source.read(recordOffset, 56));
    if (record.getUint32(0, true) !== ZIP64_EOCD_SIGNATURE) throw new ZipFormatError('Zip64 end record is missing');
    entryCount = safeNumber(record.getBigUint64(32, true));
    size = safeNumber(record.getBigUint64(40, true));
    offset = safeNumber(record.getBigUint64(48, true));
  }
  if (offset + size > eocdOffset) throw new ZipFormatError('the central directory lies outside the archive');
  return { entryCount, offset, size };
}

/** Parse the central directory at `location` (call only after checking its declared entry count and size). */
export async function readCentralDirectory(source: ZipSource, location: DirectoryLocation): Promise<CentralDirectory> {
  const bytes = await source.read(location.offset, location.size);
  const data = view(bytes);
  const entries: ZipEntry[] = [];
  let at = 0;
  while (entries.length < location.entryCount) {
    if (at + 46 > bytes.byteLength || data.getUint32(at, true) !== FILE_HEADER_SIGNATURE) {
      throw new ZipFormatError(`central directory is damaged (entry ${entries.length + 1} of ${location.entryCount} is unreadable)`);
    }
    const madeBy = data.getUint16(at + 4, true);
    const flags = data.getUint16(at + 8, true);
    const method = data.getUint16(at + 10, true);
    const crc32 = data.getUint32(at + 16, true);
    let compressedSize = data.getUint32(at + 20, true);
    let uncompressedSize = data.getUint32(at + 24, true);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const externalAttributes = data.getUint32(at + 38, true);
    let localHeaderOffset = data.getUint32(at + 42, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.byteLength) throw new ZipFormatError('central directory is damaged (an entry runs past its end)');
    const name = decodeName(bytes.subarray(at + 46, at + 46 + nameLength));

    // Zip64 extended information: 8-byte values, present only for the fields that overflowed, in this order.
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const zip64 = findExtraField(extra, 0x0001);
    if (zip64) {
      let field = 0;
      const next = (): number => {
        if (field + 8 > zip64.byteLength) throw new ZipFormatError(`Zip64 field of "${name}" is truncated`);
        const value = safeNumber(view(zip64).getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (uncompressedSize === 0xffffffff) uncompressedSize = next();
      if (compressedSize === 0xffffffff) compressedSize = next();
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
    }

    const unixMode = madeBy >> 8 === 3 ? externalAttributes >>> 16 : 0;
    entries.push({
      name,
      nameLength,
      compressedSize,
      uncompressedSize,
      method,
      flags,
      crc32,
      localHeaderOffset,
      isDirectory: name.endsWith('/'),
      isSymlink: (unixMode & 0o170000) === 0o120000,
    });
    at = end;
  }
  return { entries, offset: location.offset };
}

function findExtraField(extra: Uint8Array, id: number): Uint8Array | null {
  const data = view(extra);
  for (let at = 0; at + 4 <= extra.byteLength; ) {
    const fieldId = data.getUint16(at, true);
    const length = data.getUint16(at + 2, true);
    if (fieldId === id) return extra.subarray(at + 4, Math.min(at + 4 + length, extra.byteLength));
    at += 4 + length;
  }
  return null;
}

/** Entry names are UTF-8 in every current tool; older ones wrote a code page (usually CP437), shown here as Latin-1. */
function decodeName(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('a Zip64 size or offset is implausibly large');
  return Number(value);
}
