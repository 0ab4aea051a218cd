// The JSON Schemas must describe exactly the shapes of course/types.ts. This reads the TypeScript interfaces with
// the compiler's parser and compares each one's property names, and which are optional, with its schema object.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SCHEMA_DIR } from '../../../build/course/index.ts';
import { REPO } from './fixtures.ts';

interface Shape {
  properties: string[];
  required: string[];
}

/** Every interface in types.ts as its properties (inherited ones included) and its required ones. */
function interfaceShapes(): Map<string, Shape> {
  const source = ts.createSourceFile('types.ts', readFileSync(join(REPO, 'course/types.ts'), 'utf8'), ts.ScriptTarget.Latest);
  const declarations = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) declarations.set(node.name.text, node);
  });
  const shapeOf = (name: string): Shape => {
    const declaration = declarations.get(name);
    if (!declaration) throw new Error(`no interface ${name}`);
    const inherited = (declaration.heritageClauses ?? []).flatMap((clause) => clause.types.map((type) => shapeOf(type.expression.getText(source))));
    const own = declaration.members.filter(ts.isPropertySignature).map((member) => ({ name: member.name.getText(source).replace(/^'|'$/g, ''), optional: member.questionToken !== undefined }));
    return {
      properties: [...inherited.flatMap((shape) => shape.properties), ...own.map((member) => member.name)].sort(),
      required: [...inherited.flatMap((shape) => shape.required), ...own.filter((member) => !member.optional).map((member) => member.name)].sort(),
    };
  };
  return new Map([...declarations.keys()].map((name) => [name, shapeOf(name)]));
}

interface SchemaObject {
  properties?: Record<string, unknown>;
  required?: string[];
  additionalProperties?: unknown;
  $defs?: Record<string, SchemaObject>;
}

function schemaShape(schema: SchemaObject | undefined): Shape & { closed: boolean } {
  return { properties: Object.keys(schema?.properties ?? {}).sort(), required: [...(schema?.required ?? [])].sort(), closed: schema?.additionalProperties === false };
}

const courseSchema = JSON.parse(readFileSync(join(SCHEMA_DIR, 'course.schema.json'), 'utf8')) as SchemaObject;
const variantSchema = JSON.parse(readFileSync(join(SCHEMA_DIR, 'variant.schema.json'), 'utf8')) as SchemaObject;
const defs = courseSchema.$defs ?? {};

const PAIRS: [string, SchemaObject | undefined][] = [
  ['Course', courseSchema],
  ['CompletionRules', defs.completionRules],
  ['CourseLimits', defs.courseLimits],
  ['Film', defs.film],
  ['TextTrack', defs.textTrack],
  ['FilmCuePoint', defs.filmCuePoint],
  ['ConfidenceScale', defs.confidenceScale],
  ['Section', defs.section],
  ['WelcomeScreen', defs.welcomeScreen],
  ['FilmScreen', defs.filmScreen],
  ['ScenarioScreen', defs.scenarioScreen],
  ['ScenarioStep', defs.scenarioStep],
  ['ScenarioChoice', defs.scenarioChoice],
  ['KnowledgeCheckScreen', defs.knowledgeCheckScreen],
  ['Question', defs.question],
  ['QuestionOption', defs.questionOption],
  ['ReflectionScreen', defs.reflectionScreen],
  ['ReflectionPrompt', defs.reflectionPrompt],
  ['VoicesScreen', defs.voicesScreen],
  ['Voice', defs.voice],
  ['LearningOutcome', defs.learningOutcome],
  ['Source', defs.source],
  ['GlossaryEntry', defs.glossaryEntry],
  ['NationalSupport', defs.nationalSupport],
  ['SupervisionGuide', defs.supervisionGuide],
  ['SessionPlan', defs.sessionPlan],
  ['ConfidenceItem', ((defs.confidenceScale?.properties?.items as { items?: SchemaObject } | undefined)?.items)],
  ['ConfidenceScreen', defs.confidenceScreen],
  ['SummaryScreen', defs.summaryScreen],
  ['Variant', variantSchema],
  ['VariantBranding', variantSchema.$defs?.branding],
  ['SupportContact', variantSchema.$defs?.supportContact],
  ['AccessibilityContact', variantSchema.$defs?.accessibilityContact],
];

describe('the schemas match course/types.ts', () => {
  const shapes = interfaceShapes();

  it.each(PAIRS)('%s', (name, schema) => {
    const expected = shapes.get(name);
    expect(schema, `no schema object for ${name}`).toBeDefined();
    expect(schemaShape(schema)).toEqual({ ...expected, closed: true });
  });

  it('every object schema is closed (additionalProperties: false)', () => {
    const open: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) node.forEach((child, index) => walk(child, `${path}/${index}`));
      if (typeof node !== 'object' || node === null) return;
      const schema = node as SchemaObject & { type?: unknown };
      if ((schema.type === 'object' || schema.properties) && schema.additionalProperties !== false && !path.endsWith('/$defs/screen')) open.push(path);
      for (const [key, child] of Object.entries(node)) if (key !== 'properties' || typeof child === 'object') walk(child, `${path}/${key}`);
    };
    walk(courseSchema, 'course');
    walk(variantSchema, 'variant');
    // The screen union is closed by each of its branches, which the discriminator picks from.
    expect(open).toEqual([]);
  });

  it('covers every screen type of the Screen union', () => {
    const screenUnion = readFileSync(join(REPO, 'course/types.ts'), 'utf8').match(/export type Screen =([^;]+);/)?.[1] ?? '';
    const members = screenUnion.split('|').map((part) => part.trim()).filter(Boolean);
    expect(members.length).toBe(8);
    for (const member of members) expect(PAIRS.map(([name]) => name)).toContain(member);
  });
});
