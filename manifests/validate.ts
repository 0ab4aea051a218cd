// Package validation: which standard, is the descriptor well-formed and schema-valid, and does the package follow the
// rules the schemas cannot express (ADL CTS, CATAPULT, TinCan launch). The XSD step is batched: all descriptors of
// one schema set go to xmllint-wasm in one call, because each call costs a worker start and a schema compile.
import type { StandardId } from '../course/model/types.ts';
import { detectStandard, findDescriptor } from './detect-standard.ts';
import { unsafePathReason } from './paths.ts';
import type { Problem } from './problem.ts';
import { loadSchemaSet, type SchemaSetSpec } from './schema-sets.ts';
import { PACKAGE_STANDARDS, STANDARD_NAME } from './standards/index.ts';
import { validateWithSchemaSet } from './validate-xsd.ts';
import { decodeXmlBytes, parseXml } from './xml-tree.ts';

export type { Problem } from './problem.ts';
export { SchemaSetError } from './validate-xsd.ts';

export interface PackageReport {
  standard: StandardId | 'unknown';
  /** Edition as the package states it (e.g. "2004 4th Edition"); '' when it could not be told. */
  edition: string;
  valid: boolean;
  problems: Problem[];
}

export interface ValidateOptions {
  /** A folder laid out like shared/standards (scorm12/, scorm2004-3rd/, scorm2004-4th/, cmi5/CourseStructure.xsd).
   *  Default: the official schema sets vendored in manifests/schemas/. */
  schemaDir?: string;
}

export interface PackageToValidate {
  /** Name for messages (e.g. the zip's path). */
  name: string;
  /**
   * Every file of the package: path → bytes. Only the descriptor's bytes are read; the other entries only need to
   * exist (so a caller reading a zip may pass empty arrays for media it does not want to inflate).
   */
  files: ReadonlyMap<string, Uint8Array>;
  /** The standard the package is meant to follow, when the caller knows it: a different detected one is a problem. */
  standard?: StandardId;
}

interface XsdJob {
  set: SchemaSetSpec;
  descriptor: string;
  bytes: Uint8Array;
  problems: Problem[];
}

/**
 * Validate many in-memory packages (path → bytes), batching XSD validation per schema set. Rejects (rather than
 * reporting packages invalid) when a schema set cannot be loaded or compiled, since that is a setup error.
 */
export async function validatePackages(pkgs: readonly PackageToValidate[], options: ValidateOptions = {}): Promise<PackageReport[]> {
  const inspected = pkgs.map(inspectPackage);

  const jobsBySet = new Map<SchemaSetSpec, XsdJob[]>();
  for (const { job } of inspected) {
    if (!job) continue;
    const jobs = jobsBySet.get(job.set);
    if (jobs) jobs.push(job);
    else jobsBySet.set(job.set, [job]);
  }
  // Schema sets run side by side: each xmllint-wasm call is its own worker thread.
  await Promise.all(
    [...jobsBySet].map(async ([spec, jobs]) => {
      const set = loadSchemaSet(spec, options.schemaDir);
      const results = await validateWithSchemaSet(set, jobs.map((job) => job.bytes));
      results.forEach((result, index) => {
        const job = jobs[index]!;
        if (result.valid) return;
        for (const { line, message } of result.messages) {
          job.problems.push({ rule: 'xsd', where: line === null ? job.descriptor : `${job.descriptor}:${line}`, message });
        }
      });
    }),
  );

  return inspected.map(({ report, job, ruleProblems }) => {
    const problems = [...report.problems, ...(job?.problems ?? []), ...ruleProblems];
    return { ...report, problems, valid: report.standard !== 'unknown' && problems.length === 0 };
  });
}

interface Inspection {
  report: PackageReport;
  job: XsdJob | null;
  ruleProblems: Problem[];
}

/** Everything but the XSD step, which the caller batches. */
function inspectPackage(pkg: PackageToValidate): Inspection {
  const paths = new Set([...pkg.files.keys()].filter((path) => !path.endsWith('/')));
  const problems: Problem[] = [];
  const done = (standard: StandardId | 'unknown' = 'unknown', edition = ''): Inspection => ({
    report: { standard, edition, valid: false, problems },
    job: null,
    ruleProblems: [],
  });

  for (const path of [...paths].sort()) {
    const reason = unsafePathReason(path);
    if (reason) problems.push({ rule: 'entry-name', where: path, message: `file name ${reason}` });
  }

  const search = findDescriptor(paths, pkg.standard);
  if (!search.found) {
    problems.push(search.problem);
    return done();
  }
  const descriptor = search.path;
  const decoded = decodeXmlBytes(pkg.files.get(descriptor)!);
  if (!decoded.ok) {
    problems.push({ rule: 'encoding', where: descriptor, message: decoded.message });
    return done();
  }
  const parsed = parseXml(decoded.text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    problems.push({ rule: 'well-formed', where: `${descriptor}:${line}:${column}`, message: `not well-formed XML: ${message}` });
    return done();
  }

  const detection = detectStandard(descriptor, parsed.root);
  problems.push(...detection.problems);
  const { standard, edition } = detection;
  if (standard === 'unknown') return done(standard, edition);
  if (pkg.standard && pkg.standard !== standard) {
    problems.push({
      rule: 'standard-mismatch',
      where: descriptor,
      message: `the package was meant to be ${STANDARD_NAME[pkg.standard]} but its ${descriptor} is ${STANDARD_NAME[standard]}`,
    });
  }

  const { check, schemaSet } = PACKAGE_STANDARDS[standard];
  const ruleProblems = check({ descriptor, root: parsed.root, paths });
  // A format without a schema (tincan.xml) is checked by its rules alone.
  const job: XsdJob | null = schemaSet === null ? null : { set: schemaSet, descriptor, bytes: pkg.files.get(descriptor)!, problems: [] };
  return { report: { standard, edition, valid: false, problems }, job, ruleProblems };
}
