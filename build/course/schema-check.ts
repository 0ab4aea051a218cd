// Checks a parsed course or variant against its JSON Schema in course/schema/ with ajv (draft 2020-12).
// The schemas are compiled once per process; their errors are turned into plain-English problems by
// schema-errors.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type AnySchemaObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { CourseProblem } from './problems.ts';
import { describeSchemaErrors } from './schema-errors.ts';
import { VALUE_FORMATS } from './value-formats.ts';

export type SchemaName = 'course' | 'variant' | 'audit';

/** The folder holding course.schema.json and variant.schema.json. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../course/schema/', import.meta.url));

interface CompiledSchema {
  root: AnySchemaObject;
  validate: ValidateFunction;
}

const compiled = new Map<SchemaName, CompiledSchema>();

/** Problems with `value` as a course or variant file; empty when it matches the schema. */
export function checkAgainstSchema(schemaName: SchemaName, value: unknown, file: string): CourseProblem[] {
  const { root, validate } = compiledSchema(schemaName);
  if (validate(value)) return [];
  return describeSchemaErrors(validate.errors ?? [], { file, rootSchema: root });
}

function compiledSchema(schemaName: SchemaName): CompiledSchema {
  let entry = compiled.get(schemaName);
  if (!entry) {
    const root = JSON.parse(readFileSync(`${SCHEMA_DIR}${schemaName}.schema.json`, 'utf8')) as AnySchemaObject;
    entry = { root, validate: createAjv().compile(root) };
    compiled.set(schemaName, entry);
  }
  return entry;
}

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true, // report every problem in one pass, not just the first
    discriminator: true, // the screen union: check only the branch its "type" names
    verbose: true, // errors carry the schema and data, for allowed lists and pattern descriptions
    strict: true,
    allowUnionTypes: true, // "next": string or null
  });
  addFormats(ajv, ['uri-reference']);
  ajv.addFormat('iri', { type: 'string', validate: isAbsoluteIri });
  for (const [name, format] of Object.entries(VALUE_FORMATS)) ajv.addFormat(name, { type: 'string', validate: (value) => format.problem(value) === undefined });
  return ajv;
}

/** An absolute IRI (RFC 3987): a scheme, a colon, then characters allowed in an IRI; a URL parser must accept it. */
export function isAbsoluteIri(value: string): boolean {
  // Excludes spaces, controls and the characters RFC 3987 forbids anywhere in an IRI.
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`\u0000-\u001f\u007f]+$/u.test(value)) return false;
  // "https:///courses/x" is an IRI with an empty host: an LRS may take it, but it names no site the trust controls.
  if (/^https?:/i.test(value) && !/^https?:\/\/[^/\\?#]/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
