// A strict JSON parser (RFC 8259) that says where it stopped and why. JSON.parse's messages differ between
// engine versions and often give only a character offset; course authors need a line, a column, the JSON pointer
// of the value being read, and plain words. It also reports duplicate keys, which JSON.parse silently resolves
// by keeping the last one: in hand-edited course files that is nearly always a copy-paste slip.
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

/** Deeper than this is certainly not a course file, and recursion must not overflow the stack. */
const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/y;

/** Parse `text` as JSON; throws JsonSyntaxError. A leading byte-order mark is allowed. */
export function parseJson(text: string): ParsedJson {
  const parser = new Parser(text);
  const value = parser.parseDocument();
  return { value, duplicateKeys: parser.duplicateKeys };
}

/** 1-based line and column (in UTF-16 code units) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 0x0a) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Parser {
  private index = 0;
  private readonly path: (string | number)[] = [];
  readonly duplicateKeys: DuplicateKey[] = [];

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.index = 1;
  }

  parseDocument(): unknown {
    this.skipWhitespace();
    const value = this.parseValue(0);
    this.skipWhitespace();
    if (this.index < this.text.length) this.fail(`unexpected ${this.describeHere()} after the end of the JSON value`);
    return value;
  }

  private parseValue(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`values nested more than ${MAX_DEPTH} deep`);
    const char = this.text[this.index];
    switch (char) {
      case '{':
        return this.parseObject(depth);
      case '[':
        return this.parseArray(depth);
      case '"':
        return this.parseString();
      case 't':
      case 'f':
      case 'n':
        return this.parseLiteral();
      default:
        if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.parseNumber();
        return this.fail(`expected a value (a string in double quotes, a number, true, false, null, an object or an array) but found ${this.describeHere()}`);
    }
  }

  private parseObject(depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.index++; // {
    this.skipWhitespace();
    if (this.text[this.index] === '}') {
      this.index++;
      return result;
    }
    for (;;) {
      if (this.text[this.index] !== '"') {
        const trailing = this.text[this.index] === '}' ? ' (a comma before "}" is not allowed in JSON)' : '';
        this.fail(`expected a property name in double quotes but found ${this.describeHere()}${trailing}`);
      }
      const keyOffset = this.index;
      const key = this.parseString();
      if (seen.has(key)) {
        this.duplicateKeys.push({ pointer: pointerOf([...this.path, key]), ...lineAndColumn(this.text, keyOffset) });
      }
      seen.add(key);
      this.skipWhitespace();
      if (this.text[this.index] !== ':') this.fail(`expected ":" after the property name "${key}" but found ${this.describeHere()}`);
      this.index++;
      this.skipWhitespace();
      this.path.push(key);
      // defineProperty, not assignment: a "__proto__" key must become a plain property, as with JSON.parse.
      Object.defineProperty(result, key, { value: this.parseValue(depth + 1), enumerable: true, writable: true, configurable: true });
      this.path.pop();
      this.skipWhitespace();
      const next = this.text[this.index];
      if (next === '}') {
        this.index++;
        return result;
      }
      if (next !== ',') {
        const hint = next === '"' ? 'another property (is a comma missing?)' : this.describeHere();
        this.fail(`expected "," or "}" after the value of "${key}" but found ${hint}`);
      }
      this.index++;
      this.skipWhitespace();
    }
  }

  private parseArray(depth: number): unknown[] {
    const result: unknown[] = [];
    this.index++; // [
    this.skipWhitespace();
    if (this.text[this.index] === ']') {
      this.index++;
      return result;
    }
    for (;;) {
      if (this.text[this.index] === ']') this.fail('expected a value but found "]" (a comma before "]" is not allowed in JSON)');
      this.path.push(result.length);
      result.push(this.parseValue(depth + 1));
      this.path.pop();
      this.skipWhitespace();
      const next = this.text[this.index];
      if (next === ']') {
        this.index++;
        return result;
      }
      if (next !== ',') {
        const hint = next !== undefined && '{["-0123456789tfn'.includes(next) ? 'another item (is a comma missing?)' : this.describeHere();
        this.fail(`expected "," or "]" after an array item but found ${hint}`);
      }
      this.index++;
      this.skipWhitespace();
    }
  }

  private parseString(): string {
    const start = this.index;
    this.index++; // opening quote
    for (;;) {
      const code = this.text.charCodeAt(this.index);
      if (Number.isNaN(code)) {
        this.index = start;
        this.fail('a string is never closed: it needs a closing double quote');
      }
      if (code === 0x22) break; // "
      if (code < 0x20) {
        const hint = code === 0x0a ? ' (write \\n for a line break inside a string)' : code === 0x09 ? ' (write \\t for a tab)' : '';
        this.fail(`a control character is not allowed inside a string${hint}`);
      }
      if (code === 0x5c) this.skipEscape();
      else this.index++;
    }
    this.index++; // closing quote
    // The slice is now known to be a well-formed JSON string, so the engine can decode it.
    return JSON.parse(this.text.slice(start, this.index)) as string;
  }

  private skipEscape(): void {
    const escaped = this.text[this.index + 1];
    if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) {
      this.index += 2;
      return;
    }
    if (escaped === 'u' && /^[0-9A-Fa-f]{4}$/.test(this.text.slice(this.index + 2, this.index + 6))) {
      this.index += 6;
      return;
    }
    this.fail(`"\\${escaped ?? ''}" is not a JSON escape (allowed: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
  }

  private parseNumber(): number {
    NUMBER.lastIndex = this.index;
    const match = NUMBER.exec(this.text);
    const after = match ? this.text[this.index + match[0].length] : undefined;
    if (!match || (after !== undefined && /[0-9.eE+\-]/.test(after))) {
      this.fail('not a valid JSON number (no leading zeros, "+" sign, hex or trailing dot)');
    }
    this.index += match[0].length;
    return Number(match[0]);
  }

  private parseLiteral(): boolean | null {
    WORD.lastIndex = this.index;
    const word = WORD.exec(this.text)?.[0] ?? '';
    const literals: Record<string, boolean | null> = { true: true, false: false, null: null };
    if (!(word in literals)) this.fail(`expected a value but found "${word}" (the only bare words JSON allows are true, false and null)`);
    this.index += word.length;
    return literals[word] ?? null;
  }

  private skipWhitespace(): void {
    for (;;) {
      const char = this.text[this.index];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') this.index++;
      else return;
    }
  }

  /** Words for what is at the current position, for error messages. */
  private describeHere(): string {
    const char = this.text[this.index];
    if (char === undefined) return 'the end of the file';
    if (char === '/' && (this.text[this.index + 1] === '/' || this.text[this.index + 1] === '*')) {
      return 'a comment (comments are not allowed in JSON)';
    }
    if (char === "'") return "a single quote (JSON strings and names use double quotes)";
    WORD.lastIndex = this.index;
    const word = WORD.exec(this.text)?.[0];
    if (word) return `"${word.length > 20 ? word.slice(0, 20) + '…' : word}" (names and strings need double quotes)`;
    return JSON.stringify(char);
  }

  private fail(reason: string): never {
    const { line, column } = lineAndColumn(this.text, this.index);
    throw new JsonSyntaxError(reason, this.index, line, column, pointerOf(this.path));
  }
}
