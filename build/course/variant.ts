// Variant files (course/variants/*.json): read, schema-check, check against the course, and gather a folder's
// worth. Problems from every file are collected before anything is thrown, so one run shows them all.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Course, Variant } from '../../course/types.ts';
import { CourseError, type CourseProblem } from './problems.ts';
import { describeFsError, readJsonFile } from './read-json.ts';
import { checkAgainstSchema } from './schema-check.ts';

interface VariantCheck {
  variant: Variant | undefined;
  problems: CourseProblem[];
}

/** Read + check one variant file against the schema and the course (e.g. overrides allowed); throws CourseError. */
export async function loadVariant(file: string, course: Course): Promise<Variant> {
  const { variant, problems } = await checkVariantFile(file, course);
  if (problems.length > 0 || variant === undefined) throw new CourseError(problems);
  return variant;
}

/** All variant files in a folder (course/variants/*.json), sorted by id; duplicate ids are an error. */
export async function loadVariants(dir: string, course: Course): Promise<Variant[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new CourseError([{ file: dir, pointer: '', message: `cannot read the variants folder: ${describeFsError(error)}` }]);
  }
  if (names.length === 0) {
    throw new CourseError([{ file: dir, pointer: '', message: 'the folder holds no variant files', allowed: 'one or more <id>.json files, e.g. default.json' }]);
  }

  const checks = await Promise.all(names.map(async (name) => ({ file: join(dir, name), ...(await checkVariantFile(join(dir, name), course)) })));
  const problems = checks.flatMap((check) => check.problems);
  const fileById = new Map<string, string>();
  for (const { file, variant } of checks) {
    if (variant === undefined) continue;
    const other = fileById.get(variant.id);
    if (other === undefined) fileById.set(variant.id, file);
    else problems.push({ file, pointer: '/id', message: `duplicate variant id "${variant.id}": ${other} already uses it`, allowed: 'an id no other variant file uses' });
  }
  if (problems.length > 0) throw new CourseError(problems);
  return checks.map((check) => check.variant as Variant).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function checkVariantFile(file: string, course: Course): Promise<VariantCheck> {
  const read = await readJsonFile(file);
  if (read.value === undefined) return { variant: undefined, problems: read.problems };
  const schemaProblems = checkAgainstSchema('variant', read.value, file);
  if (schemaProblems.length > 0) return { variant: undefined, problems: [...read.problems, ...schemaProblems] };
  const variant = read.value as Variant;
  return { variant, problems: [...read.problems, ...crossCheckVariant(variant, course, file)] };
}

/**
 * What the schema cannot see because it needs the course: an override that the course's own rules would
 * silently ignore is a mistake worth stopping the build for, since the trust believes it is in force.
 */
export function crossCheckVariant(variant: Variant, course: Course, file: string): CourseProblem[] {
  const problems: CourseProblem[] = [];
  const overrides = variant.completion ?? {};
  if (overrides.passMark !== undefined && course.completion.rule === 'all-sections') {
    problems.push({
      file,
      pointer: '/completion/passMark',
      message: `the course's completion rule is "all-sections", which ignores the pass mark, so this override would have no effect`,
      allowed: 'no passMark override while the course\'s rule is "all-sections"',
    });
  }
  return problems;
}
