// npm run generate-types: writes the TypeScript declarations of the course model from its JSON Schemas
// (course/schema/course.schema.json → course.types.ts, variant.schema.json → variant.types.ts, and the accessibility
// audit record's audit.schema.json → audit.types.ts), with the lists the
// code needs as values (screen types, standards, LMS profiles) taken from the schemas too. course/types.ts re-exports
// them. tests/build/course/generated-types.test.ts fails while the committed files differ from what this writes.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand } from './cli/command-line.ts';
import { isMainModule, runMain } from './cli/run-command.ts';
import { generateTypes, type JsonSchema, type TypesRequest } from '../build/course/schema-types.ts';

const SCHEMA_DIR = fileURLToPath(new URL('../course/schema/', import.meta.url));

export const GENERATE_TYPES_COMMAND = defineCommand({
  name: 'generate-types',
  invocation: 'npm run generate-types --',
  usage: ['(no arguments)'],
  summary:
    'Writes course/schema/course.types.ts, variant.types.ts and audit.types.ts from the course, variant and audit\n' +
    'JSON Schemas, the one declaration of the course model. Run it after editing a schema, and commit the result.',
  options: {},
});

function readSchema(name: string): JsonSchema {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as JsonSchema;
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

/** Each generated file (absolute path) and its text. */
export function generatedTypeFiles(): Map<string, string> {
  const course = readSchema('course.schema.json');
  const variant = readSchema('variant.schema.json');
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
  return new Map(requests.map(([file, request]) => [join(SCHEMA_DIR, file), generateTypes(request)]));
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
