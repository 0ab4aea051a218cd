// Read one JSON file into a value. Every way that can fail (missing file, a folder, a syntax error, a duplicate
// key) becomes a problem rather than an exception.
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { JsonSyntaxError, parseJson } from './parse-json.ts';
import type { CourseProblem } from './problems.ts';

export interface ReadJson {
  /** The parsed value; undefined when the file could not be read or parsed. */
  value: unknown;
  problems: CourseProblem[];
}

export async function readJsonFile(file: string): Promise<ReadJson> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { value: undefined, problems: [{ file, pointer: '', message: `cannot read the file: ${describeFsError(error)}` }] };
  }
  // Decoding as Node does would turn bytes that are not UTF-8 into U+FFFD without a word; say where they are instead.
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt !== -1) {
    const line = countLines(bytes, invalidAt);
    const lineStart = bytes.lastIndexOf(0x0a, invalidAt - 1) + 1;
    const column = bytes.subarray(lineStart, invalidAt).toString('utf8').length + 1;
    return {
      value: undefined,
      problems: [{
        file,
        pointer: '',
        message: `is not valid UTF-8 at line ${line}, column ${column} (byte ${invalidAt}: 0x${bytes[invalidAt]!.toString(16).padStart(2, '0').toUpperCase()}); it was probably saved in another encoding such as Windows-1252`,
        allowed: 'a file saved as UTF-8',
        line,
        column,
      }],
    };
  }
  return parseJsonText(bytes.toString('utf8'), file);
}

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  for (let at = 0; at < bytes.length; ) {
    const lead = bytes[at]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || at + length > bytes.length) return at;
    // The second byte's range depends on the lead (no overlong forms, no surrogates, nothing past U+10FFFF).
    const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    for (let index = 1; index < length; index++) {
      const byte = bytes[at + index]!;
      if (index === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return at;
    }
    at += length;
  }
  return -1;
}

function countLines(bytes: Uint8Array, end: number): number {
  let lines = 1;
  for (let index = 0; index < end; index++) if (bytes[index] === 0x0a) lines++;
  return lines;
}

/** Parse already-read text; `file` only names it in problems. */
export function parseJsonText(text: string, file: string): ReadJson {
  try {
    const { value, duplicateKeys } = parseJson(text);
    const problems = duplicateKeys.map(({ pointer, line, column }): CourseProblem => ({
      file,
      pointer,
      message: `property "${lastSegment(pointer)}" appears twice in the same object at line ${line}, column ${column}; only the last one would count`,
      allowed: 'each property once per object',
      line,
      column,
    }));
    return { value, problems };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { reason, line, column, pointer } = error;
    return {
      value: undefined,
      problems: [{ file, pointer, message: `invalid JSON at line ${line}, column ${column}: ${reason}`, line, column }],
    };
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

function lastSegment(pointer: string): string {
  return pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
}
