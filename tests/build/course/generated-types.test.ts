// The course model is declared once, in the JSON Schemas; course/schema/*.types.ts are generated from them by
// `npm run generate-types`, and so is course.schema.json (from its base and the screen types' pieces). These tests
// regenerate the files in memory and compare them with the committed ones (stale files fail), and hold the generator
// to the part of JSON Schema it handles.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTypes, type JsonSchema } from '../../../build/course/schema-types.ts';
import { assembleCourseSchema, type SchemaPiece } from '../../../build/course/schema-pieces.ts';
import { generatedTypeFiles, withRegistryStandards } from '../../../tools/generate-types.ts';
import { REPO } from './fixtures.ts';

describe('course/schema/*.types.ts', () => {
  it.each([...generatedTypeFiles()].map(([file, text]) => [relative(REPO, file), file, text]))(
    '%s is what npm run generate-types writes from the schema (run it and commit the result if this fails)',
    (_name, file, text) => {
      expect(readFileSync(file, 'utf8')).toBe(text);
    },
  );

  it('names the course, its screens and the variant, with each screen type as a value for the player', () => {
    const files = [...generatedTypeFiles().values()].join('\n');
    for (const name of ['Course', 'Film', 'Screen', 'WelcomeScreen', 'SummaryScreen', 'Variant', 'SupportContact']) expect(files).toMatch(new RegExp(`export (interface|type) ${name}\\b`));
    expect(files).toContain("export const SCREEN_TYPES = ['welcome', 'film', 'voices', 'scenario', 'knowledge-check', 'reflection', 'confidence', 'summary'] as const;");
  });
});

describe("variant.schema.json's standards", () => {
  const variant: JsonSchema = {
    type: 'object',
    properties: { standards: { type: 'array', items: { description: 'A standard.', enum: ['old'] } } },
  };

  it("are the registry's, in its order, with the rest of the schema as written", () => {
    const written = withRegistryStandards(variant, ['b', 'a']);
    expect(written.properties?.standards?.items).toEqual({ description: 'A standard.', enum: ['b', 'a'] });
    expect(variant.properties?.standards?.items?.enum).toEqual(['old']);
  });

  it('refuses a schema with no enum to write them into, and an empty registry', () => {
    expect(() => withRegistryStandards({ type: 'object', properties: {} }, ['a'])).toThrow('/properties/standards/items has no "enum"');
    expect(() => withRegistryStandards(variant, [])).toThrow('registry');
  });
});

describe('generateTypes', () => {
  const schema: JsonSchema = {
    description: 'A thing.',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'kind', 'parts'],
    properties: {
      id: { $ref: '#/$defs/slug', description: 'Its id.' },
      kind: { enum: ['a', 'b'] },
      next: { type: ['string', 'null'] },
      parts: { type: 'array', items: { $ref: '#/$defs/part' } },
      size: { type: 'object', additionalProperties: false, required: ['w'], properties: { w: { type: 'integer', minimum: 0 }, h: { type: 'number' } } },
      shape: { $ref: '#/$defs/shape' },
    },
    $defs: {
      slug: { type: 'string', pattern: '^[a-z]+$' },
      part: { type: 'object', additionalProperties: false, properties: { type: { const: 'part' } } },
      other: { type: 'object', additionalProperties: false, properties: { type: { const: 'other' } } },
      shape: { oneOf: [{ $ref: '#/$defs/part' }, { $ref: '#/$defs/other' }] },
    },
  };

  it('writes objects, plain values in place, enums, nullable values, arrays, unions and doc comments', () => {
    const text = generateTypes({ schema, rootName: 'Thing', schemaPath: 'x.schema.json', constants: [{ name: 'KINDS', doc: 'The kinds.', values: ['a', 'b'] }] });
    expect(text).toBe(
      [
        '// Generated from x.schema.json by `npm run generate-types` (build/course/schema-types.ts). Do not edit:',
        '// change the schema and run the command again (a test fails while this file is stale).',
        '',
        '/** A thing. */',
        'export interface Thing {',
        '  /** Its id. */',
        '  id: string;',
        "  kind: 'a' | 'b';",
        '  next?: string | null;',
        '  parts: Part[];',
        '  size?: {',
        '    w: number;',
        '    h?: number;',
        '  };',
        '  shape?: Shape;',
        '}',
        '',
        'export interface Part {',
        "  type?: 'part';",
        '}',
        '',
        'export interface Other {',
        "  type?: 'other';",
        '}',
        '',
        'export type Shape =',
        '  | Part',
        '  | Other;',
        '',
        '/** The kinds. */',
        "export const KINDS = ['a', 'b'] as const;",
        '',
      ].join('\n'),
    );
  });

  it('changes when the schema does, so a stale file is caught', () => {
    const before = generateTypes({ schema, rootName: 'Thing', schemaPath: 'x' });
    const added = structuredClone(schema);
    added.properties!.colour = { type: 'string', description: 'New.' };
    expect(generateTypes({ schema: added, rootName: 'Thing', schemaPath: 'x' })).not.toBe(before);
  });

  it('refuses what it cannot type faithfully: an unknown keyword, an open object, a remote reference', () => {
    const withKeyword = (extra: JsonSchema) => ({ ...schema, properties: { ...schema.properties, extra } });
    expect(() => generateTypes({ schema: withKeyword({ anyOf: [{ type: 'string' }] }), rootName: 'T', schemaPath: 'x' })).toThrow('the keyword "anyOf" is not handled');
    expect(() => generateTypes({ schema: withKeyword({ type: 'object', properties: {} }), rootName: 'T', schemaPath: 'x' })).toThrow('objects must be closed');
    expect(() => generateTypes({ schema: withKeyword({ $ref: 'other.json#/x' }), rootName: 'T', schemaPath: 'x' })).toThrow('unsupported $ref');
  });
});

describe('assembleCourseSchema (course.schema.json from the base and the screen types\' pieces)', () => {
  const base: JsonSchema = {
    $comment: 'About the base file.',
    type: 'object',
    $defs: { slug: { type: 'string' }, screen: { description: 'A screen.', type: 'object' }, after: { type: 'string' } },
  };
  const piece = (type: string, name: string, extra: Record<string, JsonSchema> = {}): SchemaPiece => ({
    $ref: `#/$defs/${name}`,
    $defs: { [name]: { type: 'object', properties: { type: { const: type }, id: { $ref: '#/$defs/slug' } } }, ...extra },
  });

  it("joins the pieces after the screen union, in the registry's order, with one branch each, and drops the base's $comment", () => {
    const joined = assembleCourseSchema(base, [['b', piece('b', 'bScreen', { bPart: { type: 'string' } })], ['a', piece('a', 'aScreen')]]);
    expect(Object.keys(joined)).toEqual(['type', '$defs']);
    expect(Object.keys(joined.$defs!)).toEqual(['slug', 'screen', 'bScreen', 'bPart', 'aScreen', 'after']);
    expect(joined.$defs!.screen).toEqual({ description: 'A screen.', type: 'object', oneOf: [{ $ref: '#/$defs/bScreen' }, { $ref: '#/$defs/aScreen' }] });
    expect(base.$defs!.screen!.oneOf).toBeUndefined();
  });

  it('refuses a screen of another type, a definition made twice, and a piece that uses another piece\'s definitions', () => {
    expect(() => assembleCourseSchema(base, [['a', piece('b', 'aScreen')]])).toThrow('course/screen-types/a/schema.json: the screen "aScreen" must have "type": { "const": "a" }');
    expect(() => assembleCourseSchema(base, [['a', piece('a', 'aScreen', { slug: { type: 'string' } })]])).toThrow('the definition "slug" is already made');
    const borrowing = piece('b', 'bScreen', { bPart: { $ref: '#/$defs/aScreen' } });
    expect(() => assembleCourseSchema(base, [['a', piece('a', 'aScreen')], ['b', borrowing]])).toThrow('"#/$defs/aScreen" names neither a definition of this piece nor one of the base');
    expect(() => assembleCourseSchema(base, [['a', { ...piece('a', 'aScreen'), title: 'x' } as SchemaPiece]])).toThrow('not "title"');
  });
});
