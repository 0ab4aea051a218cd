// npm run generate-types: writes the TypeScript declarations of the course model from its JSON Schemas
// (course/schema/course.schema.json → course.types.ts, variant.schema.json → variant.types.ts, and the accessibility
// audit record's audit.schema.json → audit.types.ts), with the lists the
// code needs as values (screen types, standards, LMS profiles) taken from the schemas too. course/model/types.ts re-exports
// them. The standards are the one exception to "the schema is the source": they are the keys of the registry
// (course/runtime/standards/index.ts), and this command first writes them into variant.schema.json's enum, so adding
// a standard is its modules and a registry line, then this command. The course schema is itself written here: it is
// assembled from course.base.schema.json and each screen type's piece (course/screen-types/<type>/schema.json), in
// the order of the build registry (course/screen-types/build.ts), so a screen type's part of the schema lives with the
// type. tests/build/course/generated-types.test.ts fails while the committed files (course.schema.json and the
// variant schema's enum included) differ from what this writes.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand } from './cli/command-line.ts';
import { isMainModule, runMain } from './cli/run-command.ts';
import { generateTypes, type JsonSchema, type TypesRequest } from '../build/course/schema-types.ts';
import { assembleCourseSchema, type SchemaPiece } from '../build/course/schema-pieces.ts';
import { RUNTIME_STANDARDS } from '../course/runtime/standards/index.ts';
import { SCREEN_TYPE_BUILDS } from '../course/screen-types/build.ts';

const SCHEMA_DIR = fileURLToPath(new URL('../course/schema/', import.meta.url));

export const GENERATE_TYPES_COMMAND = defineCommand({
  name: 'generate-types',
  invocation: 'npm run generate-types --',
  usage: ['(no arguments)'],
  summary:
    'Writes course/schema/course.types.ts, variant.types.ts and audit.types.ts from the course, variant and audit\n' +
    'JSON Schemas, the one declaration of the course model, after writing the standards of the registry\n' +
    '(course/runtime/standards/index.ts) into variant.schema.json and course.schema.json from course.base.schema.json\n' +
    'and the screen types\' pieces (course/screen-types/<type>/schema.json). Run it after editing a schema, a piece or\n' +
    'a registry, and commit the result.',
  options: {},
});

function readSchema(name: string): JsonSchema {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as JsonSchema;
}

/** The course schema from its base and the screen types' pieces, in the build registry's order. */
export function courseSchema(): JsonSchema {
  const pieces = Object.entries(SCREEN_TYPE_BUILDS).map(([type, build]): [string, SchemaPiece] => [type, JSON.parse(readFileSync(build.schema, 'utf8')) as SchemaPiece]);
  return assembleCourseSchema(readSchema('course.base.schema.json'), pieces);
}

/** The schema text as the repository keeps it: two-space JSON with a final newline. */
function schemaText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * The variant schema with its list of standards replaced by the registry's, in the registry's order. Only the enum
 * is touched; the item's description and the array's other rules stay as written.
 */
export function withRegistryStandards(variant: JsonSchema, standards: readonly string[]): JsonSchema {
  const items = variant.properties?.standards?.items;
  if (!items || !Array.isArray(items.enum)) throw new Error('variant.schema.json: /properties/standards/items has no "enum" to write the standards into');
  if (standards.length === 0) throw new Error('the standards registry (course/runtime/standards/index.ts) is empty');
  const updated = structuredClone(variant);
  updated.properties!.standards!.items!.enum = [...standards];
  return updated;
}

/** The enum of a schema node, which must be a list of strings. */
function stringEnum(node: JsonSchema | undefined, where: string): string[] {
  const values = node?.enum;
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) throw new Error(`${where} is not a list of strings`);
  return values;
}

/** The `type` constant of each screen the schema's screen union names, in its order. */
function screenTypes(schema: JsonSchema): string[] {
  const defs = schema.$defs ?? {};
  return (defs.screen?.oneOf ?? []).map((branch) => {
    const name = /^#\/\$defs\/(.+)$/.exec(branch.$ref ?? '')?.[1];
    const type = name === undefined ? undefined : defs[name]?.properties?.type?.const;
    if (typeof type !== 'string') throw new Error(`course.schema.json: screen branch ${JSON.stringify(branch)} has no "type" const`);
    return type;
  });
}

/** Each generated file (absolute path) and its text: the schemas first (the types are made from them). */
export function generatedTypeFiles(): Map<string, string> {
  const course = courseSchema();
  const variant = withRegistryStandards(readSchema('variant.schema.json'), Object.keys(RUNTIME_STANDARDS));
  const requests: [string, TypesRequest][] = [
    ['course.types.ts', {
      schema: course, rootName: 'Course', schemaPath: 'course/schema/course.schema.json',
      constants: [{ name: 'SCREEN_TYPES', doc: 'Every screen type, in the order of the schema\'s screen union.', values: screenTypes(course) }],
    }],
    ['variant.types.ts', {
      schema: variant, rootName: 'Variant', schemaPath: 'course/schema/variant.schema.json',
      constants: [
        { name: 'STANDARD_IDS', doc: 'The tracking standards the build can package for.', values: stringEnum(variant.properties?.standards?.items, 'variant.schema.json /properties/standards/items') },
        { name: 'LMS_PROFILE_IDS', doc: 'The LMS quirk profiles (course/runtime/lms-profiles.ts holds their settings).', values: stringEnum(variant.properties?.lmsProfile, 'variant.schema.json /properties/lmsProfile') },
      ],
    }],
    ['audit.types.ts', { schema: readSchema('audit.schema.json'), rootName: 'AccessibilityAudit', schemaPath: 'course/schema/audit.schema.json' }],
  ];
  return new Map([
    [join(SCHEMA_DIR, 'course.schema.json'), schemaText(course)],
    [join(SCHEMA_DIR, 'variant.schema.json'), schemaText(variant)],
    ...requests.map(([file, request]): [string, string] => [join(SCHEMA_DIR, file), generateTypes(request)]),
  ]);
}

if (isMainModule(import.meta.url)) {
  runMain(GENERATE_TYPES_COMMAND, async () => {
    for (const [file, text] of generatedTypeFiles()) {
      await writeFile(file, text);
      console.log(`generate-types: wrote ${file}`);
    }
    return 0;
  });
}
