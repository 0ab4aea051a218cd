// Zips for the tests: honest ones made with jszip, and dishonest ones made by patching an honest zip's bytes
// (entry names, declared sizes, offsets, flags) the way a hostile archive would.
import JSZip from 'jszip';
import { crc32 } from 'node:zlib';

export async function zipOf(
  entries: Record<string, string | Uint8Array | { data: string; unixPermissions: number }>,
  platform: 'DOS' | 'UNIX' = 'DOS',
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) {
    if (typeof content === 'object' && 'unixPermissions' in content) zip.file(name, content.data, { unixPermissions: content.unixPermissions });
    else zip.file(name, content, { createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform });
}

/** Replace an entry name everywhere it is stored (local header and central directory); same byte length only. */
export function renameEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  const a = new TextEncoder().encode(from);
  const b = new TextEncoder().encode(to);
  if (a.length !== b.length) throw new Error('renameEntry keeps the byte length');
  const out = zip.slice();
  let replaced = 0;
  for (let i = 0; i + a.length <= out.length; i++) {
    if (a.every((byte, j) => out[i + j] === byte)) {
      out.set(b, i);
      replaced++;
    }
  }
  if (replaced < 2) throw new Error(`entry ${from} not found in both headers`);
  return out;
}

type CentralField = 'flags' | 'method' | 'crc32' | 'compressedSize' | 'uncompressedSize' | 'localHeaderOffset';
const FIELD: Record<CentralField, [offset: number, bytes: 2 | 4]> = {
  flags: [8, 2],
  method: [10, 2],
  crc32: [16, 4],
  compressedSize: [20, 4],
  uncompressedSize: [24, 4],
  localHeaderOffset: [42, 4],
};

/** Offsets of every central-directory header, by entry name. */
export function centralHeaders(zip: Uint8Array): Map<string, number> {
  const data = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.byteLength - 22;
  if (data.getUint32(eocd, true) !== 0x06054b50) throw new Error('test zips carry no comment');
  const headers = new Map<string, number>();
  for (let at = data.getUint32(eocd + 16, true); data.getUint32(at, true) === 0x02014b50; ) {
    const nameLength = data.getUint16(at + 28, true);
    headers.set(new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)), at);
    at += 46 + nameLength + data.getUint16(at + 30, true) + data.getUint16(at + 32, true);
  }
  return headers;
}

export function readCentral(zip: Uint8Array, name: string, field: CentralField): number {
  const at = centralHeaders(zip).get(name)!;
  const [offset, size] = FIELD[field];
  const data = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  return size === 2 ? data.getUint16(at + offset, true) : data.getUint32(at + offset, true);
}

/** Overwrite one field of an entry's central-directory header (what the safety checks read). */
export function patchCentral(zip: Uint8Array, name: string, field: CentralField, value: number): Uint8Array {
  const out = zip.slice();
  const at = centralHeaders(out).get(name);
  if (at === undefined) throw new Error(`no entry ${name}`);
  const [offset, size] = FIELD[field];
  const data = new DataView(out.buffer, out.byteOffset, out.byteLength);
  if (size === 2) data.setUint16(at + offset, value, true);
  else data.setUint32(at + offset, value >>> 0, true);
  return out;
}

/** A one-entry, stored (uncompressed) Zip64 archive written by hand: Zip64 extra fields, Zip64 end record, locator. */
export function storedZip64(name: string, content: Uint8Array): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const crc = crc32(content) >>> 0;
  const parts: Uint8Array[] = [];
  const record = (size: number, fill: (view: DataView) => void): void => {
    const bytes = new Uint8Array(size);
    fill(new DataView(bytes.buffer));
    parts.push(bytes);
  };
  const zip64Extra = (view: DataView, at: number) => {
    view.setUint16(at, 0x0001, true);
    view.setUint16(at + 2, 16, true);
    view.setBigUint64(at + 4, BigInt(content.length), true);
    view.setBigUint64(at + 12, BigInt(content.length), true);
  };
  record(30, (v) => {
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 45, true);
    v.setUint32(14, crc, true);
    v.setUint32(18, 0xffffffff, true);
    v.setUint32(22, 0xffffffff, true);
    v.setUint16(26, nameBytes.length, true);
    v.setUint16(28, 20, true);
  });
  parts.push(nameBytes);
  record(20, (v) => zip64Extra(v, 0));
  parts.push(content);
  const centralOffset = parts.reduce((sum, part) => sum + part.length, 0);
  record(46, (v) => {
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 45, true);
    v.setUint16(6, 45, true);
    v.setUint32(16, crc, true);
    v.setUint32(20, 0xffffffff, true);
    v.setUint32(24, 0xffffffff, true);
    v.setUint16(28, nameBytes.length, true);
    v.setUint16(30, 20, true);
  });
  parts.push(nameBytes);
  record(20, (v) => zip64Extra(v, 0));
  const centralSize = 46 + nameBytes.length + 20;
  const zip64EndOffset = centralOffset + centralSize;
  record(56, (v) => {
    v.setUint32(0, 0x06064b50, true);
    v.setBigUint64(4, 44n, true);
    v.setUint16(12, 45, true);
    v.setUint16(14, 45, true);
    v.setBigUint64(24, 1n, true);
    v.setBigUint64(32, 1n, true);
    v.setBigUint64(40, BigInt(centralSize), true);
    v.setBigUint64(48, BigInt(centralOffset), true);
  });
  record(20, (v) => {
    v.setUint32(0, 0x07064b50, true);
    v.setBigUint64(8, BigInt(zip64EndOffset), true);
    v.setUint32(16, 1, true);
  });
  record(22, (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, 0xffff, true);
    v.setUint16(10, 0xffff, true);
    v.setUint32(12, 0xffffffff, true);
    v.setUint32(16, 0xffffffff, true);
  });
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
