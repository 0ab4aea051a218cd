// Turns ajv's error objects into one plain-English problem each: what is wrong at which pointer, and what is
// allowed there. ajv reports in schema terms ("must match pattern ^[a-z]…"); authors need words ("a slug:
// lower-case letters…"), the allowed values, and no noise from the schema's own structure.
import type { AnySchemaObject, ErrorObject } from 'ajv/dist/2020.js';
import type { CourseProblem } from './problems.ts';
import { pointerOf } from './problems.ts';
import { show } from './format.ts';
import { VALUE_FORMATS } from './value-formats.ts';

export interface SchemaErrorContext {
  file: string;
  /** The whole schema document, to resolve local "$ref"s when listing a discriminator's allowed values. */
  rootSchema: AnySchemaObject;
}

/** Message used for pattern and format failures; problems with it at one pointer are merged. */
const NOT_IN_FORM = 'is not in the required form';

export function describeSchemaErrors(errors: readonly ErrorObject[], context: SchemaErrorContext): CourseProblem[] {
  const misspelt = misspeltRequired(errors);
  const problems: CourseProblem[] = [];
  for (const error of errors) {
    const described = describeError(error, context, misspelt);
    if (described) problems.push({ file: context.file, ...described });
  }
  return mergeFormProblems(dedupe(problems));
}

type Described = Omit<CourseProblem, 'file'> | null;

/**
 * A misspelt required property shows up twice in ajv's output: as an unknown property and as a missing one.
 * Map "object pointer + unknown name" to the required name it most likely meant, so it is reported once.
 */
function misspeltRequired(errors: readonly ErrorObject[]): Map<string, string> {
  const missing = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword !== 'required') continue;
    const names = missing.get(error.instancePath) ?? [];
    names.push(String((error.params as Record<string, unknown>).missingProperty));
    missing.set(error.instancePath, names);
  }
  const misspelt = new Map<string, string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const name = String((error.params as Record<string, unknown>).additionalProperty);
    const meant = closestName(name, missing.get(error.instancePath) ?? []);
    if (meant !== undefined) misspelt.set(error.instancePath + pointerOf([name]), meant);
  }
  return misspelt;
}

function describeError(error: ErrorObject, context: SchemaErrorContext, misspelt: Map<string, string>): Described {
  const pointer = error.instancePath;
  const parent = (error.parentSchema ?? {}) as AnySchemaObject;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      const explained = [...misspelt].some(([where, meant]) => meant === name && where.slice(0, where.lastIndexOf('/')) === pointer);
      return explained ? null : { pointer, message: `missing the required property "${name}"` };
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys((parent.properties ?? {}) as object);
      const meantRequired = misspelt.get(pointer + pointerOf([name]));
      const suggestion = meantRequired ?? closestName(name, known);
      const hint = meantRequired ? ` (did you mean "${meantRequired}"? it is required)` : suggestion ? ` (did you mean "${suggestion}"?)` : '';
      return { pointer: pointer + pointerOf([name]), message: `unknown property "${name}"${hint}`, allowed: known.join(', ') };
    }
    case 'enum':
      return { pointer, message: `${show(error.data)} is not one of the allowed values`, allowed: listValues(params.allowedValues) };
    case 'const':
      return { pointer, message: `${show(error.data)} is not the allowed value`, allowed: show(params.allowedValue) };
    case 'type':
      return { pointer, message: `must be ${expectedType(params.type)}, not ${describeValue(error.data)}` };
    case 'format': {
      const known = VALUE_FORMATS[String(params.format)];
      const reason = known && typeof error.data === 'string' ? known.problem(error.data) : undefined;
      if (known && reason !== undefined) return { pointer, message: `${show(error.data)} ${reason}`, allowed: known.allowed };
      return { pointer, message: `${show(error.data)} ${NOT_IN_FORM}`, allowed: typeof parent.description === 'string' ? parent.description : `a valid ${String(params.format ?? 'value')}` };
    }
    case 'dependentRequired': {
      // e.g. "branding" without "accessibility": the missing property's own description says why it is needed.
      const missing = String(params.missingProperty);
      const property = ((parent.properties ?? {}) as Record<string, AnySchemaObject>)[missing];
      const described = property === undefined ? undefined : (property.description ?? resolveLocalRef(property, context.rootSchema).description);
      return {
        pointer,
        message: `missing the property "${missing}", which is required when "${String(params.property)}" is present`,
        ...(typeof described === 'string' ? { allowed: described } : {}),
      };
    }
    case 'pattern':
      return {
        pointer,
        message: `${show(error.data)} ${NOT_IN_FORM}`,
        allowed: typeof parent.description === 'string' ? parent.description : `a valid ${String(params.format ?? 'value')}`,
      };
    case 'minLength':
      if (params.limit === 1) return { pointer, message: 'must not be empty' };
      return { pointer, message: `is ${lengthOf(error.data)} characters long, which is too short`, allowed: `at least ${String(params.limit)} characters` };
    case 'maxLength':
      return { pointer, message: `is ${lengthOf(error.data)} characters long, which is too long`, allowed: `at most ${String(params.limit)} characters` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { pointer, message: `${show(error.data)} is out of range`, allowed: describeRange(parent) };
    case 'minItems':
      return { pointer, message: `has ${countOf(error.data)}, which is too few`, allowed: `at least ${items(params.limit)}` };
    case 'maxItems':
      return { pointer, message: `has ${countOf(error.data)}, which is too many`, allowed: `at most ${items(params.limit)}` };
    case 'uniqueItems':
      return {
        pointer: pointer + pointerOf([Number(params.i)]),
        message: `repeats item ${String(params.j)} (${show((error.data as unknown[])[Number(params.i)])})`,
        allowed: 'each value once',
      };
    case 'discriminator':
      return describeDiscriminator(error, params, parent, context);
    default:
      return { pointer, message: error.message ?? `fails the schema's "${error.keyword}" rule` };
  }
}

/** The screen union: the "type" field picks the branch, and ajv checks only that branch; here the tag itself is wrong. */
function describeDiscriminator(error: ErrorObject, params: Record<string, unknown>, parent: AnySchemaObject, context: SchemaErrorContext): Described {
  const tagName = String(params.tag);
  const tagValue = params.tagValue;
  // A missing tag is already reported by "required"; one report is enough.
  if (tagValue === undefined) return null;
  // A tag that is not a string fails the union's own "type": "string" too, which says so.
  if (typeof tagValue !== 'string') return null;
  const allowed = discriminatorValues(parent, tagName, context.rootSchema);
  return { pointer: error.instancePath + pointerOf([tagName]), message: `${show(tagValue)} is not a known screen type`, allowed: listValues(allowed) };
}

function discriminatorValues(schema: AnySchemaObject, tagName: string, root: AnySchemaObject): unknown[] {
  const branches = Array.isArray(schema.oneOf) ? (schema.oneOf as AnySchemaObject[]) : [];
  return branches.flatMap((branch) => {
    const resolved = resolveLocalRef(branch, root);
    const tag = (resolved.properties as Record<string, AnySchemaObject> | undefined)?.[tagName];
    if (tag === undefined) return [];
    return tag.const !== undefined ? [tag.const] : Array.isArray(tag.enum) ? tag.enum : [];
  });
}

function resolveLocalRef(schema: AnySchemaObject, root: AnySchemaObject): AnySchemaObject {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let node: unknown = root;
  for (const segment of ref.slice(2).split('/')) {
    node = (node as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return (node ?? {}) as AnySchemaObject;
}

/** ajv reports a value that fails two patterns (say, a course path and ".vtt") twice: say it once. */
function mergeFormProblems(problems: CourseProblem[]): CourseProblem[] {
  const merged: CourseProblem[] = [];
  const byPointer = new Map<string, CourseProblem>();
  for (const problem of problems) {
    const isForm = problem.message.endsWith(NOT_IN_FORM);
    const earlier = isForm ? byPointer.get(problem.pointer) : undefined;
    if (earlier) {
      const descriptions = new Set([...(earlier.allowed ?? '').split('; and '), problem.allowed ?? '']);
      earlier.allowed = [...descriptions].filter(Boolean).join('; and ');
      continue;
    }
    if (isForm) byPointer.set(problem.pointer, problem);
    merged.push(problem);
  }
  return merged;
}

function dedupe(problems: CourseProblem[]): CourseProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.pointer}\u0000${problem.message}\u0000${problem.allowed ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeRange(schema: AnySchemaObject): string {
  const kind = schema.type === 'integer' ? 'a whole number' : 'a number';
  const bound = (word: string, value: unknown): string | undefined => (typeof value === 'number' ? `${word} ${value}` : undefined);
  const lower = bound('at least', schema.minimum) ?? bound('greater than', schema.exclusiveMinimum);
  const upper = bound('at most', schema.maximum) ?? bound('less than', schema.exclusiveMaximum);
  if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number') return `${kind} from ${schema.minimum} to ${schema.maximum}`;
  return `${kind} ${[lower, upper].filter(Boolean).join(' and ')}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
  null: 'null',
};

function expectedType(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((name) => TYPE_WORDS[String(name)] ?? String(name)).join(' or ');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${show(value)}`;
    case 'number':
      return Number.isInteger(value) ? `the number ${value}` : `the number ${value} (not whole)`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function listValues(values: unknown): string {
  return Array.isArray(values) ? values.map((value) => show(value)).join(', ') : show(values);
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

function countOf(value: unknown): string {
  return items(Array.isArray(value) ? value.length : 0);
}

function items(count: unknown): string {
  return `${String(count)} item${count === 1 ? '' : 's'}`;
}

/** The known name nearest to a misspelt one (edit distance at most 2), for "did you mean". */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
