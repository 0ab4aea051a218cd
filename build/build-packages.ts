// The build, top to bottom: check the course and variants; plan every package with a stand-in for the player and
// refuse, before the Vite build, anything a later step would refuse (state budget, name clashes, the manifests'
// schemas and rules, an output folder that cannot be written); build the player once; then assemble, validate and
// zip one package per variant × standard, each written whole (temp file, then rename). Whatever the run was asked
// to build and could not is removed from the output folder, so no stale zip is left beside fresh ones.
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { STANDARD_IDS, type Course, type StandardId, type Variant } from '../course/model/types.ts';
import { applyVariant, COURSE_FILE_NAME, CourseError, loadCourse, loadVariantSelection, variantIdOf } from './course/index.ts';
import type { PlayerBuild } from './player-build.ts';
import { selectPlayerFiles } from './package-files.ts';
import { launchPage } from './launch-page.ts';
import { splitCourse, type SplitCourse } from './course-parts.ts';
import { readCourseMedia } from './course-media.ts';
import { configScript, runtimeConfig } from './runtime-config.ts';
import { checkStateBudget } from './state-budget.ts';
import { PackageZipper } from './zip.ts';
import { describePackage } from '../manifests/index.ts';
import { SchemaSetError, validatePackages, type PackageReport } from '../manifests/validate.ts';
import { ADAPTER_SOURCE, ADAPTER_SOURCES } from '../course/runtime/adapter-modules.ts';
import { AUDIT_FILE, checkAuditAgainstCourse, loadAccessibilityAudit } from './accessibility-audit.ts';
import { accessibilityStatement } from './accessibility-statement.ts';
import { brandingAssets } from './branding-assets.ts';
import { describeClash, findClashes, mergeParts, type PackagePart } from './package-contents.ts';
import { removeStaleOutputs, writeFileAtomic } from './output-files.ts';

/** The statement's file name inside each package (the player links to it) and beside the zips (for the trust's site). */
export const PACKAGE_STATEMENT = 'accessibility.html';
export const PUBLISHED_STATEMENT = 'accessibility-statement.html';
/** The launch file every package opens; the player build's own index.html. */
const LAUNCH = 'index.html';

export interface BuildOptions {
  courseDir: string;
  variantsDir: string;
  outDir: string;
  /** Build only these variant ids (all when empty). */
  variants?: string[];
  /** Build only these standards (each variant's own list when empty). */
  standards?: StandardId[];
  /** Folder of official schemas laid out like shared/standards (default: the schemas vendored in manifests/schemas). */
  schemaDir?: string;
  /** A ready player build to reuse (the benchmark builds once and packages many times). */
  player?: PlayerBuild;
  /** Called after each step, for the progress display. */
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { kind: 'checked'; variants: string[]; packages: number }
  | { kind: 'player-built'; seconds: number }
  | { kind: 'validated'; seconds: number }
  | { kind: 'package-written'; done: number; total: number; path: string };

export interface PackageResult {
  variant: string;
  standard: StandardId;
  /** Where the zip was written; null when validation refused it. */
  path: string | null;
  bytes: number;
  report: PackageReport;
}

export interface BuildResult {
  packages: PackageResult[];
  /** Each built variant's accessibility statement, written beside its zips for the trust to publish. */
  statements: string[];
  /** Files of an earlier build this run was asked to rebuild and could not, now removed. */
  removed: string[];
  /** Things worth knowing that did not stop the build (e.g. another variant file with problems, not built). */
  notes: string[];
  playerSeconds: number;
  /** Seconds from the end of the player build to the last zip written. */
  packagingSeconds: number;
}

export class BuildError extends Error {
  constructor(message: string, readonly details: string[] = []) {
    super(message);
    this.name = 'BuildError';
  }
}

/** A run that stopped on bad input: the reason, and the earlier outputs it removed because it could not rebuild them. */
export class BuildStopped extends Error {
  constructor(
    readonly reason: CourseError | BuildError,
    readonly removed: readonly string[],
  ) {
    super(reason.message, { cause: reason });
    this.name = 'BuildStopped';
  }
}

interface Target {
  variant: Variant;
  standard: StandardId;
  /** The course with the variant's overrides. */
  course: Course;
  /** Zip path relative to outDir. */
  name: string;
}

interface PlannedPackage extends Target {
  /** Files every package of its standard shares (player, media, schema files), zipped once per standard. */
  shared: Map<string, Uint8Array>;
  /** This package's own files (config.js, descriptor, logo, accessibility.html). */
  own: Map<string, Uint8Array>;
}

/** What a package is made of, apart from the player build. */
interface PackageSources {
  media: PackagePart[];
  /** Per variant: its logo and statement as package files, and the variant as packages see it (logo path rewritten). */
  variantFiles: Map<string, { variant: Variant; files: PackagePart; statement: Uint8Array }>;
}

export async function buildPackages(options: BuildOptions): Promise<BuildResult> {
  const written = new Set<string>();
  let scope = { variants: options.variants?.length ? options.variants : await variantIdsIn(options.variantsDir), standards: scopeStandards(options) };
  try {
    const result = await build(options, written, (variants) => (scope = { ...scope, variants }));
    const removed = await removeStaleOutputs({ outDir: options.outDir, ...scope, statementName: PUBLISHED_STATEMENT }, written);
    return { ...result, removed };
  } catch (error) {
    const removed = await removeStaleOutputs({ outDir: options.outDir, ...scope, statementName: PUBLISHED_STATEMENT }, written).catch(() => []);
    if (error instanceof CourseError || error instanceof BuildError) throw new BuildStopped(error, removed);
    throw error;
  }
}

async function build(options: BuildOptions, written: Set<string>, inScope: (variants: string[]) => void): Promise<Omit<BuildResult, 'removed'>> {
  const course = await loadCourse(options.courseDir);
  const loaded = await loadVariantSelection(options.variantsDir, course, options.variants ?? []);
  const variants = loaded.variants;
  inScope([...new Set([...variants.map((variant) => variant.id), ...(options.variants ?? [])])]);
  const targets: Target[] = variants.flatMap((variant) =>
    standardsFor(variant, options.standards ?? []).map((standard) => ({ variant, standard, course: applyVariant(course, variant), name: `${variant.id}/${course.id}-${standard}.zip` })),
  );
  if (targets.length === 0) throw new BuildError('nothing to build: no variant asks for the standards given', variants.map((variant) => `${variant.id}: ${variant.standards.join(', ')}`));
  const overBudget = targets.flatMap(({ variant, standard, course: applied }) => checkStateBudget(applied, variant, standard));
  if (overBudget.length > 0) throw new BuildError('the learner state would not fit in the LMS for some targets', overBudget);

  const sources = await readSources(options, course, variants);
  // The whole plan, with a stand-in for the player: every refusal the packaging could make is made now, before the
  // Vite build, in terms of the course and variant files.
  const rehearsal = planPackages(targets, sources, standInPlayer());
  await refuseInvalid(rehearsal, options.schemaDir);
  await checkWritable(options.outDir);
  options.onProgress?.({ kind: 'checked', variants: variants.map((variant) => variant.id), packages: targets.length });

  const player = options.player ?? (await (await import('./player-build.ts')).buildPlayer());
  options.onProgress?.({ kind: 'player-built', seconds: player.seconds });
  const packagingStarted = performance.now();

  const planned = planPackages(targets, sources, playerPartFor(player));
  const validationStarted = performance.now();
  const reports = await validate(planned, options.schemaDir);
  options.onProgress?.({ kind: 'validated', seconds: (performance.now() - validationStarted) / 1000 });

  const zippers = new Map<StandardId, PackageZipper>();
  const results: PackageResult[] = [];
  for (const [index, pkg] of planned.entries()) {
    const report = reports[index]!;
    if (!report.valid) {
      results.push({ variant: pkg.variant.id, standard: pkg.standard, path: null, bytes: 0, report });
      continue;
    }
    let zipper = zippers.get(pkg.standard);
    if (!zipper) zippers.set(pkg.standard, (zipper = await PackageZipper.create(pkg.shared)));
    const zip = await zipper.zip(pkg.own);
    const path = join(options.outDir, pkg.name);
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, zip);
    written.add(path);
    results.push({ variant: pkg.variant.id, standard: pkg.standard, path, bytes: zip.byteLength, report });
    options.onProgress?.({ kind: 'package-written', done: index + 1, total: planned.length, path });
  }
  const statements: string[] = [];
  for (const variant of variants) {
    if (!results.some((result) => result.variant === variant.id && result.path !== null)) continue;
    const path = join(options.outDir, variant.id, PUBLISHED_STATEMENT);
    await writeFileAtomic(path, sources.variantFiles.get(variant.id)!.statement);
    written.add(path);
    statements.push(path);
  }
  return { packages: results, statements, notes: loaded.notes, playerSeconds: player.seconds, packagingSeconds: (performance.now() - packagingStarted) / 1000 };
}

/** Everything read from disk for the packages, read before the Vite build so an unreadable file stops the run early. */
async function readSources(options: BuildOptions, course: Course, variants: readonly Variant[]): Promise<PackageSources> {
  const audit = await loadAccessibilityAudit(options.courseDir);
  const auditProblems = checkAuditAgainstCourse(audit, course, join(options.courseDir, AUDIT_FILE));
  if (auditProblems.length > 0) throw new CourseError(auditProblems);
  const variantFiles: PackageSources['variantFiles'] = new Map();
  for (const variant of variants) {
    const branding = await brandingAssets(variant, options.variantsDir);
    const statement = encode(accessibilityStatement({ course: applyVariant(course, variant), variant, audit }));
    const files = new Map([...branding.files, [PACKAGE_STATEMENT, statement]]);
    variantFiles.set(variant.id, { variant: branding.variant, files: { origin: `the files the build makes for variant "${variant.id}" (its logo and ${PACKAGE_STATEMENT})`, files }, statement });
  }
  const media = await readCourseMedia(options.courseDir, course, join(options.courseDir, COURSE_FILE_NAME));
  return { media, variantFiles };
}

/** The player's files for one standard, as a package part. */
type PlayerFor = (standard: StandardId) => PackagePart;

function playerPartFor(player: PlayerBuild): PlayerFor {
  const playerPaths = [...player.files.keys()];
  const allAdapters = [...new Set(Object.values(ADAPTER_SOURCES).flat())];
  return memo((standard: StandardId) => {
    const paths = selectPlayerFiles(playerPaths, player.manifest, player.rootFromRepo, allAdapters, ADAPTER_SOURCES[standard]);
    const files = new Map(paths.map((path) => [path, player.files.get(path)!]));
    // The standard's own launch page: its adapter's chunks preloaded, the entry CSS inline (launch-page.ts).
    const html = player.files.get(LAUNCH);
    if (html) {
      const page = launchPage({ html: new TextDecoder().decode(html), files: player.files, manifest: player.manifest, rootFromRepo: player.rootFromRepo, adapterSource: ADAPTER_SOURCE[standard] });
      files.set(LAUNCH, encode(page));
    }
    return { origin: 'the player build', files };
  });
}

/** Before the Vite build the player's file names are not known; its launch page and one chunk stand in for them. */
function standInPlayer(): PlayerFor {
  const part: PackagePart = { origin: 'the player build', files: new Map([[LAUNCH, new Uint8Array(0)], ['assets/player.js', new Uint8Array(0)]]) };
  return () => part;
}

/**
 * Each target's files: shared (player, media, the standard's schema files) and own (config.js, descriptor, variant
 * files). Throws BuildError naming the sources of any two files that would land on one path.
 */
function planPackages(targets: readonly Target[], sources: PackageSources, playerFor: PlayerFor): PlannedPackage[] {
  const sharedByStandard = new Map<StandardId, Map<string, Uint8Array>>();
  // One split per course object: every standard of a variant shares its course.
  const splitOnce = memo(splitChecked);
  return targets.map((target) => {
    const { variant, standard, course } = target;
    const packaged = sources.variantFiles.get(variant.id)!;
    // config.js carries the course's shell; the rest of the course is in parts the player fetches as it goes.
    const split = splitOnce(course);
    const config: PackagePart = {
      origin: 'the build (config.js and course parts)',
      files: new Map([
        ['config.js', encode(configScript({ ...runtimeConfig(standard, split.shell, packaged.variant), parts: split.parts }))],
        ...[...split.files].map(([path, text]): [string, Uint8Array] => [path, encode(text)]),
      ]),
    };
    const parts = [playerFor(standard), ...sources.media, config, packaged.files];
    refuseClashes(parts, target);
    const files = mergeParts(parts);
    const [descriptor, ...controlDocuments] = describeOrRefuse(target, packaged.variant, [...files.keys()].sort());
    const generated: PackagePart = {
      origin: `the build (${[descriptor, ...controlDocuments].map((document) => document.path).slice(0, 3).join(', ')}${controlDocuments.length > 2 ? ', …' : ''})`,
      files: new Map([descriptor, ...controlDocuments].map(({ path, contents }) => [path, bytesOf(contents)])),
    };
    refuseClashes([...parts, generated], target);

    const own = new Map([...config.files, ...packaged.files.files, [descriptor.path, bytesOf(descriptor.contents)]]);
    let shared = sharedByStandard.get(standard);
    if (!shared) {
      shared = new Map([...playerFor(standard).files, ...sources.media.flatMap((part) => [...part.files]), ...controlDocuments.map(({ path, contents }): [string, Uint8Array] => [path, bytesOf(contents)])]);
      sharedByStandard.set(standard, shared);
    }
    return { ...target, shared, own };
  });
}

function splitChecked(course: Course): SplitCourse {
  try {
    return splitCourse(course);
  } catch (error) {
    throw new BuildError('the course could not be split into the parts the player loads', [error instanceof Error ? error.message : String(error)]);
  }
}

function refuseClashes(parts: readonly PackagePart[], target: Target): void {
  const clashes = findClashes(parts);
  if (clashes.length > 0) throw new BuildError(`the ${target.variant.id}/${target.standard} package would have two files at one place`, clashes.map(describeClash));
}

function describeOrRefuse(target: Target, variant: Variant, files: string[]): [{ path: string; contents: string | Uint8Array }, ...{ path: string; contents: string | Uint8Array }[]] {
  try {
    const [descriptor, ...rest] = describePackage({ standard: target.standard, course: target.course, variant, launch: LAUNCH, files });
    return [descriptor!, ...rest];
  } catch (error) {
    // The generators refuse what would make a broken descriptor; the checks before them should have caught it first.
    throw new BuildError(`the ${target.variant.id}/${target.standard} descriptor could not be made from the course data`, [error instanceof Error ? error.message : String(error)]);
  }
}

/** validatePackages, with a schema folder that cannot be used reported as the run's input, not as a bug. */
async function validate(planned: readonly PlannedPackage[], schemaDir: string | undefined): Promise<PackageReport[]> {
  try {
    return await validatePackages(
      planned.map(({ name, shared, own, standard }) => ({ name, files: new Map([...shared, ...own]), standard })),
      { schemaDir },
    );
  } catch (error) {
    if (error instanceof SchemaSetError) throw new BuildError(`${schemaDir === undefined ? 'the vendored schemas' : '--schemas'}: ${error.message}`);
    throw error;
  }
}

/** Validate the rehearsal's descriptors; any refusal stops the run before the Vite build. */
async function refuseInvalid(rehearsal: readonly PlannedPackage[], schemaDir: string | undefined): Promise<void> {
  const reports = await validate(rehearsal, schemaDir);
  const refused = reports.flatMap((report, index) =>
    report.valid ? [] : report.problems.map((problem) => `${rehearsal[index]!.variant.id}/${rehearsal[index]!.standard}: [${problem.rule}] ${problem.where}: ${problem.message}`),
  );
  if (refused.length > 0) throw new BuildError('the course and variant data would make packages the validator refuses (nothing was built)', refused);
}

/** The output folder must take files, before a minute is spent on the Vite build. */
async function checkWritable(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFileAtomic(join(outDir, '.write-check'), '');
  await unlink(join(outDir, '.write-check'));
}

/** The ids of the variant files in a folder (for clearing outputs when the files cannot all be checked). */
async function variantIdsIn(dir: string): Promise<string[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json'));
  return Promise.all(
    names.map(async (name) => {
      const value = await readFile(join(dir, name), 'utf8').then((text) => JSON.parse(text) as unknown).catch(() => undefined);
      return variantIdOf(value, name);
    }),
  );
}

function scopeStandards(options: BuildOptions): StandardId[] {
  return options.standards?.length ? options.standards : [...STANDARD_IDS];
}

function standardsFor(variant: Variant, wanted: StandardId[]): StandardId[] {
  return wanted.length === 0 ? variant.standards : variant.standards.filter((standard) => wanted.includes(standard));
}

function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}

const encoder = new TextEncoder();
function encode(text: string): Uint8Array {
  return encoder.encode(text);
}

function bytesOf(contents: string | Uint8Array): Uint8Array {
  return typeof contents === 'string' ? encode(contents) : contents;
}
