// Read one JSON file into a value. Every way that can fail (missing file, a folder, a syntax error, a duplicate
// key) becomes a problem rather than an exception.
import { readFile } from 'node:fs/promises';
import { JsonSyntaxError, parseJson } from './parse-json.ts';
import type { CourseProblem } from './problems.ts';

export interface ReadJson {
  /** The parsed value; undefined when the file could not be read or parsed. */
  value: unknown;
  problems: CourseProblem[];
}

export async function readJsonFile(file: string): Promise<ReadJson> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { value: undefined, problems: [{ file, pointer: '', message: `cannot read the file: ${describeFsError(error)}` }] };
  }
  return parseJsonText(text, file);
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
