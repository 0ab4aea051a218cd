// TypeScript declarations made from the course's JSON Schemas, so the course model is declared once: the schemas
// (course/schema/*.schema.json) are the source, ajv checks data against them, and `npm run generate-types` writes
// these declarations into course/schema/*.types.ts for the code. A test regenerates them in memory and fails when the
// committed files are stale.
//
// The schemas use a small part of JSON Schema, and this handles exactly that part (anything else is refused, so a new
// keyword cannot be silently dropped from the types): "type" (one or a list), "enum", "const", "properties" with
// "required" and "additionalProperties": false, "items", "oneOf" of references, and local references "#/$defs/<name>".
// Each object or union in $defs becomes a named, exported declaration (welcomeScreen → WelcomeScreen); a definition
// that is a plain value (a slug, a percentage) is written in place as its type. Descriptions become doc comments.
// Validation-only keywords (pattern, lengths, bounds, formats) do not change the type.

export interface JsonSchema {
  $schema?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  [keyword: string]: unknown;
}

/** Keywords that only narrow values a type already allows, or are annotations: they do not change the TypeScript type. */
const VALUE_ONLY = new Set([
  '$schema', 'title', 'description', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'minItems', 'maxItems', 'uniqueItems', 'dependentRequired', 'discriminator', 'examples', 'default',
]);
const HANDLED = new Set(['$ref', '$defs', 'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'oneOf']);

export interface GeneratedConstant {
  name: string;
  doc: string;
  values: readonly string[];
}

export interface TypesRequest {
  schema: JsonSchema;
  /** Name of the declaration for the schema's root object, e.g. "Course". */
  rootName: string;
  /** Where the schema lives, for the header, e.g. "course/schema/course.schema.json". */
  schemaPath: string;
  /** String lists the code needs as values (screen types, standards), derived from the schema by the caller. */
  constants?: readonly GeneratedConstant[];
}

/** "welcomeScreen" → "WelcomeScreen". */
export function declarationName(defName: string): string {
  return defName.charAt(0).toUpperCase() + defName.slice(1);
}

/** Whether a definition gets a declaration of its own: objects and unions do; plain values are written in place. */
function isNamed(schema: JsonSchema): boolean {
  return schema.properties !== undefined || schema.oneOf !== undefined;
}

function refName(ref: string): string {
  const match = /^#\/\$defs\/([A-Za-z0-9_]+)$/.exec(ref);
  if (!match) throw new Error(`unsupported $ref "${ref}": only "#/$defs/<name>" is handled`);
  return match[1]!;
}

function docComment(text: string | undefined, indent: string): string[] {
  if (!text) return [];
  const safe = text.replace(/\*\//g, '*\\/');
  const lines = safe.split('\n');
  return lines.length === 1 ? [`${indent}/** ${safe} */`] : [`${indent}/**`, ...lines.map((line) => `${indent} * ${line}`.trimEnd()), `${indent} */`];
}

const literal = (value: unknown): string => {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  throw new Error(`unsupported enum or const value ${JSON.stringify(value)}`);
};

const PROPERTY_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The declarations for one schema, as the text of a TypeScript module. */
export function generateTypes(request: TypesRequest): string {
  const { schema, rootName } = request;
  const defs = schema.$defs ?? {};

  const typeOf = (node: JsonSchema, where: string, indent: string): string => {
    for (const keyword of Object.keys(node)) {
      if (!HANDLED.has(keyword) && !VALUE_ONLY.has(keyword)) throw new Error(`${where}: the keyword "${keyword}" is not handled by the type generator`);
    }
    if (node.$ref !== undefined) {
      const name = refName(node.$ref);
      const target = defs[name];
      if (!target) throw new Error(`${where}: $ref "${node.$ref}" names no definition`);
      // Siblings of $ref here only restate or narrow the value (a shorter maxLength): the target decides the type.
      return isNamed(target) ? declarationName(name) : typeOf(target, `#/$defs/${name}`, indent);
    }
    if (node.const !== undefined) return literal(node.const);
    if (node.enum !== undefined) return node.enum.map(literal).join(' | ');
    if (node.oneOf !== undefined) return node.oneOf.map((branch, index) => typeOf(branch, `${where}/oneOf/${index}`, indent)).join(' | ');
    const types = node.type === undefined ? (node.properties ? ['object'] : []) : Array.isArray(node.type) ? node.type : [node.type];
    if (types.length === 0) throw new Error(`${where}: no type, enum, const or $ref`);
    return types.map((type) => primitive(type, node, where, indent)).join(' | ');
  };

  const primitive = (type: string, node: JsonSchema, where: string, indent: string): string => {
    switch (type) {
      case 'string':
        return 'string';
      case 'number':
      case 'integer':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'array': {
        if (!node.items) throw new Error(`${where}: an array needs "items"`);
        const item = typeOf(node.items, `${where}/items`, indent);
        return /[|\s]/.test(item) && !item.startsWith('{') ? `(${item})[]` : `${item}[]`;
      }
      case 'object':
        return objectLiteral(node, where, indent);
      default:
        throw new Error(`${where}: unsupported type "${type}"`);
    }
  };

  const objectLiteral = (node: JsonSchema, where: string, indent: string): string => {
    if (node.additionalProperties !== false) throw new Error(`${where}: objects must be closed ("additionalProperties": false) to be typed`);
    const required = new Set(node.required ?? []);
    const inner = `${indent}  `;
    const lines = Object.entries(node.properties ?? {}).flatMap(([key, property]) => {
      const name = PROPERTY_NAME.test(key) ? key : `'${key}'`;
      return [...docComment(property.description, inner), `${inner}${name}${required.has(key) ? '' : '?'}: ${typeOf(property, `${where}/properties/${key}`, inner)};`];
    });
    for (const key of required) if (!(key in (node.properties ?? {}))) throw new Error(`${where}: "${key}" is required but not among the properties`);
    return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`;
  };

  const declaration = (name: string, node: JsonSchema, where: string): string[] => {
    const doc = docComment(node.description, '');
    if (node.oneOf !== undefined) return [...doc, `export type ${name} =\n${node.oneOf.map((branch, index) => `  | ${typeOf(branch, `${where}/oneOf/${index}`, '')}`).join('\n')};`];
    return [...doc, `export interface ${name} ${objectLiteral(node, where, '')}`];
  };

  const blocks: string[][] = [declaration(rootName, schema, '#')];
  for (const [name, def] of Object.entries(defs)) if (isNamed(def)) blocks.push(declaration(declarationName(name), def, `#/$defs/${name}`));
  for (const constant of request.constants ?? []) {
    blocks.push([...docComment(constant.doc, ''), `export const ${constant.name} = [${constant.values.map(literal).join(', ')}] as const;`]);
  }
  const header = [
    `// Generated from ${request.schemaPath} by \`npm run generate-types\` (build/course/schema-types.ts). Do not edit:`,
    '// change the schema and run the command again (a test fails while this file is stale).',
  ];
  return `${[header.join('\n'), ...blocks.map((block) => block.join('\n'))].join('\n\n')}\n`;
}
