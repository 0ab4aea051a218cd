// The course schema is kept in pieces so that a screen type's part of it lives with the type: the base
// (course/schema/course.base.schema.json) holds the course and every definition several types share, and each type's
// piece (course/screen-types/<type>/schema.json) holds its screen and the definitions only it uses. This joins them
// into the one schema ajv checks and the types are made from (course/schema/course.schema.json, written by
// `npm run generate-types`). Pure; the pieces come in the order of the build registry, which is the screen union's.
import type { JsonSchema } from './schema-types.ts';

/** One screen type's piece: "$ref" names its screen's definition; "$defs" holds it and what only it uses. */
export interface SchemaPiece {
  $comment?: string;
  $ref: string;
  $defs: Record<string, JsonSchema>;
}

const PIECE_KEYS = new Set(['$comment', '$ref', '$defs']);

/** Every local reference a schema node makes, at any depth. */
function localRefs(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => localRefs(item, found));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value);
      else localRefs(value, found);
    }
  }
  return found;
}

const defName = (ref: string): string | undefined => /^#\/\$defs\/(.+)$/.exec(ref)?.[1];

/**
 * The course schema: the base without its "$comment" (which speaks of the base file), with "screen" given a "oneOf"
 * of one branch per piece, and the pieces' definitions placed after "screen", piece by piece. Throws when a piece is
 * malformed, names a definition twice, uses another piece's definitions (shared ones belong in the base), or its
 * screen's "type" is not the type it is registered under.
 */
export function assembleCourseSchema(base: JsonSchema, pieces: readonly (readonly [type: string, piece: SchemaPiece])[]): JsonSchema {
  const baseDefs = base.$defs ?? {};
  const screen = baseDefs.screen;
  if (!screen) throw new Error('course.base.schema.json: no "screen" definition for the screen types to join');
  if (screen.oneOf !== undefined) throw new Error('course.base.schema.json: "screen" already has a "oneOf"; the screen types\' pieces make it');
  const pieceDefs: Record<string, JsonSchema> = {};
  const branches: JsonSchema[] = [];
  for (const [type, piece] of pieces) {
    const where = `course/screen-types/${type}/schema.json`;
    const stray = Object.keys(piece).filter((key) => !PIECE_KEYS.has(key));
    if (stray.length > 0) throw new Error(`${where}: a piece holds only "$comment", "$ref" and "$defs", not ${stray.map((key) => `"${key}"`).join(', ')}`);
    const own = piece.$defs ?? {};
    const name = defName(piece.$ref ?? '');
    if (name === undefined || !(name in own)) throw new Error(`${where}: "$ref" must name one of the piece's own definitions`);
    if (own[name]?.properties?.type?.const !== type) throw new Error(`${where}: the screen "${name}" must have "type": { "const": "${type}" }`);
    for (const [defined, schema] of Object.entries(own)) {
      if (defined in baseDefs || defined in pieceDefs) throw new Error(`${where}: the definition "${defined}" is already made by the base or another piece`);
      pieceDefs[defined] = schema;
    }
    for (const ref of localRefs(own)) {
      const target = defName(ref);
      if (target === undefined || !(target in own || target in baseDefs)) {
        throw new Error(`${where}: "${ref}" names neither a definition of this piece nor one of the base (a definition several types use belongs in the base)`);
      }
    }
    branches.push({ $ref: piece.$ref });
  }
  const course = { ...base };
  delete course.$comment;
  const $defs: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(baseDefs)) {
    $defs[name] = name === 'screen' ? { ...schema, oneOf: branches } : schema;
    if (name === 'screen') Object.assign($defs, pieceDefs);
  }
  return { ...course, $defs };
}
