// What kind of text an export file holds, decided from its first bytes before anything is parsed: a workbook, a PDF or
// any other binary file is refused with one line saying what was expected (never a parser's error code), and the text
// is decoded as the LMS wrote it. Moodle's and Totara's "Excel-compatible" activity completion download is UTF-16LE
// with a byte-order mark; spreadsheets save "CSV" as Windows-1252 unless told UTF-8; everything else is UTF-8.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { InputError } from '../errors.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface TextFile {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomBytes: number;
  /** The first line, decoded (for the delimiter guess). */
  firstLine: string;
}

const SNIFF_BYTES = 64 * 1024;

/** Binary formats people download by mistake, by their first bytes. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive (an Excel .xlsx or OpenDocument .ods workbook is one)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old-style Excel (.xls) workbook' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program' },
];

/** Looks at the start of `file`; throws an InputError naming the file when it is not text an export can be. */
export async function inspectTextFile(file: string, expected: string): Promise<TextFile> {
  let head: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (error as Error).message)}`);
  }
  if (head.length === 0) throw new InputError(`${file} is empty: expected ${expected}`);
  const signature = SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b));
  if (signature) throw new InputError(`${file} is ${signature.what}, not a text export: expected ${expected}`);

  let encoding: TextEncoding;
  let bomBytes = 0;
  if (head[0] === 0xff && head[1] === 0xfe) [encoding, bomBytes] = ['utf-16le', 2];
  else if (head[0] === 0xfe && head[1] === 0xff) [encoding, bomBytes] = ['utf-16be', 2];
  else {
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) bomBytes = 3;
    // Text has no NUL bytes (UTF-16 without a byte-order mark is not something LMSs write) and few control characters.
    const controls = head.filter((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d).length;
    if (head.includes(0) || controls > head.length / 100) throw new InputError(`${file} is not a text file (it holds binary data): expected ${expected}`);
    encoding = validUtf8(head) ? 'utf-8' : 'windows-1252';
  }
  const text = decoderFor(encoding).decode(head.subarray(bomBytes));
  if (encoding !== 'windows-1252' && encoding !== 'utf-8' && /[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) {
    throw new InputError(`${file} is not a text file (it holds binary data): expected ${expected}`);
  }
  return { encoding, bomBytes, firstLine: text.split(/\r?\n/, 1)[0] ?? '' };
}

/** The file's text as a stream of strings, decoded as inspectTextFile found it. */
export function textStream(file: string, info: Pick<TextFile, 'encoding' | 'bomBytes'>): Readable {
  const bytes = createReadStream(file, { start: info.bomBytes, highWaterMark: 256 * 1024 });
  if (info.encoding === 'utf-8') return bytes.setEncoding('utf8');
  if (info.encoding === 'utf-16le') return bytes.setEncoding('utf16le');
  const decoder = decoderFor(info.encoding);
  return Readable.from(
    (async function* () {
      for await (const chunk of bytes) yield decoder.decode(chunk as Buffer, { stream: true });
      const rest = decoder.decode();
      if (rest) yield rest;
    })(),
  );
}

/** Node's TextDecoder reads "windows-1252" as ISO-8859-1, so 0x80–0x9F (€, curly quotes, dashes) are mapped here. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decoderFor(encoding: TextEncoding): { decode(bytes?: Uint8Array, options?: { stream?: boolean }): string } {
  if (encoding !== 'windows-1252') return new TextDecoder(encoding);
  return {
    decode: (bytes = new Uint8Array()) => {
      let text = '';
      for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
      return text;
    },
  };
}

/** Whether `bytes` are valid UTF-8, allowing a sequence cut short at the end of the sample. */
function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimPartial(bytes));
    return true;
  } catch {
    return false;
  }
}

function trimPartial(bytes: Uint8Array): Uint8Array {
  // Drop a multi-byte sequence the 64 KB sample cut in two.
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) !== 0x80) return (b & 0xc0) === 0xc0 ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}
