// The build, top to bottom: check the course and variants, check each target's state budget, build the player once,
// then assemble, validate and zip one package per variant × standard.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Course, StandardId, Variant } from '../course/types.ts';
import { applyVariant, loadCourse, loadVariants } from './course/index.ts';
import { buildPlayer, type PlayerBuild } from './player-build.ts';
import { selectPlayerFiles } from './package-files.ts';
import { readCourseMedia } from './course-media.ts';
import { configScript, runtimeConfig } from './runtime-config.ts';
import { checkStateBudget } from './state-budget.ts';
import { PackageZipper } from './zip.ts';
import { describePackage } from '../manifests/index.ts';
import { validatePackages, type PackageReport } from '../manifests/validate.ts';
import { ADAPTER_SOURCES } from '../course/runtime/adapter-modules.ts';
import { loadAccessibilityAudit } from './accessibility-audit.ts';
import { accessibilityStatement } from './accessibility-statement.ts';
import { brandingAssets } from './branding-assets.ts';

/** The statement's file name inside each package (the player links to it) and beside the zips (for the trust's site). */
export const PACKAGE_STATEMENT = 'accessibility.html';
export const PUBLISHED_STATEMENT = 'accessibility-statement.html';

export interface BuildOptions {
  courseDir: string;
  variantsDir: string;
  outDir: string;
  /** Build only these variant ids (all when empty). */
  variants?: string[];
  /** Build only these standards (each variant's own list when empty). */
  standards?: StandardId[];
  /** Folder of official schemas laid out like shared/standards (default: the schemas shipped with the project). */
  schemaDir?: string;
  /** A ready player build to reuse (the benchmark builds once and packages many times). */
  player?: PlayerBuild;
  /** Called after each step, for the progress display. */
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { kind: 'checked'; variants: number; packages: number }
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

interface PlannedPackage {
  variant: Variant;
  course: Course;
  standard: StandardId;
  name: string;
  /** The package's own files (config.js, its descriptor, branding, accessibility.html); the rest is shared by its standard. */
  own: Map<string, Uint8Array>;
}

export async function buildPackages(options: BuildOptions): Promise<BuildResult> {
  const course = await loadCourse(options.courseDir);
  const variants = pickVariants(await loadVariants(options.variantsDir, course), options.variants ?? []);
  const targets = variants.flatMap((variant) =>
    standardsFor(variant, options.standards ?? []).map((standard) => ({ variant, standard, course: applyVariant(course, variant) })),
  );
  const overBudget = targets.flatMap(({ variant, standard, course: applied }) => checkStateBudget(applied, variant, standard));
  if (overBudget.length > 0) throw new BuildError('the learner state would not fit in the LMS for some targets', overBudget);
  const audit = await loadAccessibilityAudit(options.courseDir);
  // Per variant, the files every one of its packages carries: its logo and its accessibility statement.
  const variantFiles = new Map<string, { variant: Variant; files: Map<string, Uint8Array>; statement: Uint8Array }>();
  for (const variant of variants) {
    const branding = await brandingAssets(variant, options.variantsDir);
    const statement = encode(accessibilityStatement({ course: applyVariant(course, variant), variant, audit }));
    variantFiles.set(variant.id, { variant: branding.variant, files: new Map([...branding.files, [PACKAGE_STATEMENT, statement]]), statement });
  }
  options.onProgress?.({ kind: 'checked', variants: variants.length, packages: targets.length });

  const player = options.player ?? (await buildPlayer());
  options.onProgress?.({ kind: 'player-built', seconds: player.seconds });
  const packagingStarted = performance.now();

  const media = await readCourseMedia(options.courseDir, course);
  const playerPaths = [...player.files.keys()];
  const allAdapters = [...new Set(Object.values(ADAPTER_SOURCES).flat())];
  const playerFilesFor = memo((standard: StandardId) =>
    selectPlayerFiles(playerPaths, player.manifest, player.rootFromRepo, allAdapters, ADAPTER_SOURCES[standard]),
  );

  // Each package is the files every package of its standard shares (player build, media, schema files) plus its
  // own config.js and descriptor; the shared part is zipped once per standard (see PackageZipper).
  const shared = new Map<StandardId, Map<string, Uint8Array>>();
  const planned: PlannedPackage[] = targets.map(({ variant, standard, course: applied }) => {
    const common = new Map<string, Uint8Array>();
    for (const path of playerFilesFor(standard)) common.set(path, player.files.get(path)!);
    for (const [path, bytes] of media) common.set(path, bytes);
    const packaged = variantFiles.get(variant.id)!;
    const own = new Map<string, Uint8Array>([['config.js', encode(configScript(runtimeConfig(standard, applied, packaged.variant)))], ...packaged.files]);
    const [descriptor, ...controlDocuments] = describePackage({ standard, course: applied, variant: packaged.variant, launch: 'index.html', files: [...common.keys(), ...own.keys()].sort() });
    own.set(descriptor!.path, bytesOf(descriptor!.contents));
    for (const { path, contents } of controlDocuments) common.set(path, bytesOf(contents));
    if (!shared.has(standard)) shared.set(standard, common);
    return { variant, course: applied, standard, name: `${variant.id}/${course.id}-${standard}.zip`, own };
  });

  const validationStarted = performance.now();
  const reports = await validatePackages(
    planned.map(({ name, own, standard }) => ({ name, files: new Map([...shared.get(standard)!, ...own]), standard })),
    { schemaDir: options.schemaDir },
  );
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
    if (!zipper) zippers.set(pkg.standard, (zipper = await PackageZipper.create(shared.get(pkg.standard)!)));
    const zip = await zipper.zip(pkg.own);
    const path = join(options.outDir, pkg.name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, zip);
    results.push({ variant: pkg.variant.id, standard: pkg.standard, path, bytes: zip.byteLength, report });
    options.onProgress?.({ kind: 'package-written', done: index + 1, total: planned.length, path });
  }
  const statements: string[] = [];
  for (const variant of variants) {
    if (!results.some((result) => result.variant === variant.id && result.path !== null)) continue;
    const path = join(options.outDir, variant.id, PUBLISHED_STATEMENT);
    await writeFile(path, variantFiles.get(variant.id)!.statement);
    statements.push(path);
  }
  return { packages: results, statements, playerSeconds: player.seconds, packagingSeconds: (performance.now() - packagingStarted) / 1000 };
}

function pickVariants(all: Variant[], wanted: string[]): Variant[] {
  if (wanted.length === 0) return all;
  const unknown = wanted.filter((id) => !all.some((variant) => variant.id === id));
  if (unknown.length > 0) {
    throw new BuildError(`no variant named ${unknown.join(', ')}`, [`variants found: ${all.map((variant) => variant.id).join(', ')}`]);
  }
  return all.filter((variant) => wanted.includes(variant.id));
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
