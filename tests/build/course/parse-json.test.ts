// The strict JSON parser: agrees with JSON.parse on valid input, and says where and why on invalid input.
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJson } from '../../../build/course/index.ts';

function syntaxError(text: string): JsonSyntaxError {
  try {
    parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
}

describe('parseJson', () => {
  it.each([
    '{}',
    '[]',
    '0',
    '-0.5e+10',
    '"a\\u00e9\\n\\"b\\/"',
    '{"a":[1,2,{"b":null}],"c":true,"d":false}',
    ' \n\t{ "x" : "y" } \r\n',
    '"\ud83d\ude00 emoji"',
  ])('reads %j exactly as JSON.parse does', (text) => {
    expect(parseJson(text).value).toEqual(JSON.parse(text));
  });

  it('accepts a leading byte-order mark', () => {
    expect(parseJson('\ufeff{"a":1}').value).toEqual({ a: 1 });
  });

  it('keeps "__proto__" as an ordinary property', () => {
    const value = parseJson('{"__proto__": {"polluted": true}}').value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports duplicate keys with their pointer and position', () => {
    const { value, duplicateKeys } = parseJson('{"a": {"b": 1,\n "b": 2}}');
    expect(value).toEqual({ a: { b: 2 } });
    expect(duplicateKeys).toEqual([{ pointer: '/a/b', line: 2, column: 2 }]);
  });

  it.each([
    ['{"a": 1,}', 1, 9, '', /a comma before "}" is not allowed/],
    ['[1, 2,]', 1, 7, '', /a comma before "]" is not allowed/],
    ['{"a": [1 2]}', 1, 10, '/a', /after an array item but found another item \(is a comma missing\?\)/],
    ['{\n  "a": tru\n}', 2, 8, '/a', /found "tru"/],
    ["{'a': 1}", 1, 2, '', /single quote/],
    ['{"a": 1} // note', 1, 10, '', /comments are not allowed/],
    ['{"a": "line\nbreak"}', 1, 12, '/a', /write \\n for a line break/],
    ['{"a": "never closed', 1, 7, '/a', /never closed/],
    ['{"a": 01}', 1, 7, '/a', /not a valid JSON number/],
    ['{"a": "\\x41"}', 1, 8, '/a', /not a JSON escape/],
    ['{"a": {"b": [', 1, 14, '/a/b/0', /found the end of the file/],
    ['', 1, 1, '', /expected a value/],
    ['{"a~b/c": }', 1, 11, '/a~0b~1c', /expected a value/],
    ['{"a": [1,', 1, 10, '/a/1', /found the end of the file/],
    ['["a\tb"]', 1, 4, '/0', /write \\t for a tab/],
    ['[1 "x\n"]', 1, 4, '', /another item \(is a comma missing\?\)/],
  ])('%j fails at line %i, column %i, pointer %j', (text, line, column, pointer, reason) => {
    const error = syntaxError(text);
    expect({ line: error.line, column: error.column, pointer: error.pointer }).toEqual({ line, column, pointer });
    expect(error.reason).toMatch(reason);
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(syntaxError('['.repeat(10_000)).reason).toMatch(/nested more than/);
    expect(syntaxError('['.repeat(300) + ']'.repeat(300)).reason).toMatch(/nested more than/);
  });
});
