// Strict JSON (RFC 8259) for hand-edited course files, parsed by momoa. What this file adds is for course authors:
// a syntax error says where (line, column, and the JSON pointer of the value being read) and why in plain words,
// and duplicate keys, which JSON.parse silently resolves by keeping the last one, are reported with their pointer.
import { evaluate, parse, type DocumentNode, type ValueNode } from '@humanwhocodes/momoa';
import { pointerOf } from './problems.ts';

export interface DuplicateKey {
  /** Pointer of the repeated property. */
  pointer: string;
  line: number;
  column: number;
}

export interface ParsedJson {
  value: unknown;
  duplicateKeys: DuplicateKey[];
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly line: number,
    readonly column: number,
    /** Pointer of the value being read when the parser stopped ("" at the top level). */
    readonly pointer: string,
  ) {
    super(`${reason} at line ${line}, column ${column}`);
    this.name = 'JsonSyntaxError';
  }
}

/** Deeper than this is certainly not a course file; momoa recurses, so deeper input must not reach it. */
const MAX_DEPTH = 256;
const WORD_CHAR = /[\w$.+-]/;
const VALID_WORD = /^(?:-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null)$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*/;

/** Parse `text` as JSON; throws JsonSyntaxError. A leading byte-order mark is allowed. */
export function parseJson(text: string): ParsedJson {
  // A space in place of the BOM keeps every offset, line and column as in the file.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const problem = scan(source, source.length).problem;
  if (!problem) {
    try {
      const document = parse(source, { mode: 'json' });
      return { value: evaluate(document), duplicateKeys: duplicateKeysIn(source, document) };
    } catch (error) {
      if (offsetOf(error) === undefined) throw error;
      return describeFailure(source, firstErrorOffset(source));
    }
  }
  // A syntax error before the value that the scan found wrong (a raw control character, too deep nesting) comes first.
  const before = firstErrorOffset(source.slice(0, problem.at) + problem.standIn);
  if (before <= problem.at) return describeFailure(source, before);
  throw syntaxError(source, problem.at, problem.reason, problem.frames);
}

/** 1-based line and column (in UTF-16 code units) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function offsetOf(error: unknown): number | undefined {
  const offset = error instanceof Error ? (error as { offset?: unknown }).offset : undefined;
  return typeof offset === 'number' ? offset : undefined;
}

/**
 * Where momoa first finds `text` wrong; text.length when it is only cut short. momoa places errors at the end of
 * the input loosely, so a line that can never parse is appended: anything reported inside it means "too early".
 */
function firstErrorOffset(text: string): number {
  try {
    parse(text + '\n@', { mode: 'json' });
  } catch (error) {
    const offset = offsetOf(error);
    if (offset === undefined) throw error;
    return Math.min(offset, text.length);
  }
  return text.length;
}

interface Frame {
  kind: 'root' | '{' | '[';
  /** What comes next: a property name, its ":", a value, or "," / the closing bracket. */
  state: 'key' | 'colon' | 'value' | 'after';
  key: string;
  index: number;
}

interface Scan {
  frames: Frame[];
  /** Offset of a string still open where the scan stopped. */
  openString?: number;
  /** Found at `at`; source[0, at) + standIn is the text up to there with the fault mended, for momoa to check. */
  problem?: { at: number; standIn: string; reason: string; frames: Frame[] };
}

/** Follow the structure of source[0, end) to know what was being read there. */
function scan(source: string, end: number): Scan {
  const frames: Frame[] = [{ kind: 'root', state: 'value', key: '', index: 0 }];
  const text = source.slice(0, end);
  for (const { at, token, closed } of tokens(text)) {
    const top = frames[frames.length - 1]!;
    if (token.startsWith('"') && !closed) {
      const stop = at + token.length;
      // Stopped by a raw control character, or else by the end of the text (possibly just after a backslash).
      if (!(text.charCodeAt(stop) < 0x20)) return { frames, openString: at };
      const hint = text[stop] === '\n' ? ' (write \\n for a line break inside a string)' : text[stop] === '\t' ? ' (write \\t for a tab)' : '';
      return { frames, problem: { at: stop, standIn: '"', reason: `a control character is not allowed inside a string${hint}`, frames } };
    }
    if (token === '{' || token === '[') {
      if (frames.length > MAX_DEPTH) return { frames, problem: { at, standIn: '0', reason: `values nested more than ${MAX_DEPTH} deep`, frames } };
      frames.push({ kind: token, state: token === '{' ? 'key' : 'value', key: '', index: 0 });
    } else if (token === '}' || token === ']') {
      if (frames.length > 1) frames.pop();
      frames[frames.length - 1]!.state = 'after';
    } else if (token === ':') {
      top.state = 'value';
    } else if (token === ',') {
      top.state = top.kind === '{' ? 'key' : 'value';
      if (top.kind === '[') top.index++;
    } else if (top.kind === '{' && top.state === 'key') {
      top.key = keyText(token);
      top.state = 'colon';
    } else {
      top.state = 'after'; // a complete string, number or word
    }
  }
  return { frames };
}

interface Token {
  at: number;
  token: string;
  /** For a string: whether its closing quote was found. */
  closed: boolean;
}

/**
 * Lexical pieces for locating context only (momoa decides validity): a string, a punctuator, or any other run. A
 * string stops early at a raw control character, which momoa would let through. A loop rather than a regular
 * expression: a regex over a 10 MB string exhausts V8's backtracking stack ("Maximum call stack size exceeded").
 */
function* tokens(text: string): Generator<Token> {
  const end = text.length;
  let at = 0;
  while (at < end) {
    const code = text.charCodeAt(at);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || /\s/.test(text[at]!)) {
      at++;
    } else if (code === 0x22) {
      let index = at + 1;
      let closed = false;
      for (; index < end; index++) {
        const inner = text.charCodeAt(index);
        if (inner === 0x22) {
          closed = true;
          index++;
          break;
        }
        if (inner < 0x20) break;
        if (inner === 0x5c) index++; // the escaped character, whatever it is
      }
      const stop = Math.min(index, end);
      yield { at, token: text.slice(at, stop), closed };
      at = stop;
    } else if (PUNCTUATORS.has(text[at]!)) {
      yield { at, token: text[at]!, closed: false };
      at++;
    } else {
      let index = at + 1;
      while (index < end && !PUNCTUATORS.has(text[index]!) && text[index] !== '"' && !/\s/.test(text[index]!)) index++;
      yield { at, token: text.slice(at, index), closed: false };
      at = index;
    }
  }
}

const PUNCTUATORS = new Set(['{', '}', '[', ']', ':', ',']);

/** A property name as written; the raw text when it cannot be decoded (momoa will report why). */
function keyText(token: string): string {
  try {
    return JSON.parse(token) as string;
  } catch {
    return token;
  }
}

/** Pointer of the value being read: every container's current member, except an array closed where a value was due. */
function pointerAt(frames: readonly Frame[], found: string | undefined): string {
  const path: (string | number)[] = [];
  frames.forEach((frame, depth) => {
    if (frame.state !== 'value' || frame.kind === 'root') return;
    if (frame.kind === '{') path.push(frame.key);
    else if (!(found === ']' && depth === frames.length - 1)) path.push(frame.index);
  });
  return pointerOf(path);
}

function syntaxError(source: string, at: number, reason: string, frames: readonly Frame[]): JsonSyntaxError {
  const { line, column } = lineAndColumn(source, at);
  return new JsonSyntaxError(reason, at, line, column, pointerAt(frames, source[at]));
}

function describeFailure(source: string, reportedAt: number): never {
  let at = reportedAt;
  let context = scan(source, at);
  if (context.openString !== undefined) {
    // A string where no value may stand is the first error, whatever is wrong inside it.
    const misplaced = firstErrorOffset(source.slice(0, context.openString) + '""');
    if (misplaced <= context.openString) return describeFailure(source, misplaced);
    if (at >= source.length) throw syntaxError(source, context.openString, 'a string is never closed: it needs a closing double quote', context.frames);
    const slash = source.lastIndexOf('\\', at);
    throw syntaxError(source, slash, `"\\${source[slash + 1] ?? ''}" is not a JSON escape (allowed: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`, context.frames);
  }
  // An error inside or just after a malformed number or word belongs to the whole word.
  let start = at;
  while (start > 0 && WORD_CHAR.test(source[start - 1]!)) start--;
  let stop = start;
  while (stop < source.length && WORD_CHAR.test(source[stop]!)) stop++;
  if (start < at && !VALID_WORD.test(source.slice(start, stop))) context = scan(source, (at = start));
  throw syntaxError(source, at, reasonAt(source, at, context.frames[context.frames.length - 1]!), context.frames);
}

function reasonAt(source: string, at: number, frame: Frame): string {
  const char = source[at];
  const found = describeAt(source, at);
  switch (frame.state) {
    case 'key':
      return `expected a property name in double quotes but found ${found}${char === '}' ? ' (a comma before "}" is not allowed in JSON)' : ''}`;
    case 'colon':
      return `expected ":" after the property name "${frame.key}" but found ${found}`;
    case 'after':
      if (frame.kind === '{') return `expected "," or "}" after the value of "${frame.key}" but found ${char === '"' ? 'another property (is a comma missing?)' : found}`;
      if (frame.kind === '[') {
        const another = char !== undefined && '{["-0123456789tfn'.includes(char);
        return `expected "," or "]" after an array item but found ${another ? 'another item (is a comma missing?)' : found}`;
      }
      return `unexpected ${found} after the end of the JSON value`;
    case 'value': {
      if (char === ']' && frame.kind === '[') return 'expected a value but found "]" (a comma before "]" is not allowed in JSON)';
      if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return 'not a valid JSON number (no leading zeros, "+" sign, hex or trailing dot)';
      const word = IDENTIFIER.exec(source.slice(at, at + 64))?.[0];
      if (word) return `expected a value but found "${word}" (the only bare words JSON allows are true, false and null)`;
      return `expected a value (a string in double quotes, a number, true, false, null, an object or an array) but found ${found}`;
    }
  }
}

/** Words for what is at `at`, for error messages. */
function describeAt(source: string, at: number): string {
  const char = source[at];
  if (char === undefined) return 'the end of the file';
  if (char === '/' && (source[at + 1] === '/' || source[at + 1] === '*')) return 'a comment (comments are not allowed in JSON)';
  if (char === "'") return 'a single quote (JSON strings and names use double quotes)';
  const word = IDENTIFIER.exec(source.slice(at, at + 64))?.[0];
  if (word) return `"${word.length > 20 ? word.slice(0, 20) + '…' : word}" (names and strings need double quotes)`;
  return JSON.stringify(char);
}

/** Properties that repeat a name in the same object (the parsed value keeps the last, as JSON.parse does). */
function duplicateKeysIn(source: string, document: DocumentNode): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  const visit = (node: ValueNode, path: (string | number)[]): void => {
    if (node.type === 'Array') node.elements.forEach((element, index) => visit(element.value, [...path, index]));
    if (node.type !== 'Object') return;
    const seen = new Set<string>();
    for (const { name, value } of node.members) {
      const key = name.type === 'String' ? name.value : name.name;
      if (seen.has(key)) duplicates.push({ pointer: pointerOf([...path, key]), ...lineAndColumn(source, name.loc.start.offset) });
      seen.add(key);
      visit(value, [...path, key]);
    }
  };
  visit(document.body, []);
  return duplicates;
}
