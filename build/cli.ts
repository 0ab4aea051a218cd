// `npm run build [-- --variant <id>] [--standard <id>] [--schemas <dir>] [--out <dir>] [--course <dir>]`
// The heavy parts (Vite, the validators) are imported only once the command line is known to be good, so --help
// and a mistyped option answer at once.
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STANDARD_IDS, type StandardId } from '../course/model/types.ts';
import { defineCommand, UsageError } from '../tools/cli/command-line.ts';
import { EXIT } from '../tools/cli/exit-codes.ts';
import { CommandError, runMain } from '../tools/cli/run-command.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export const BUILD_COMMAND = defineCommand({
  name: 'build',
  invocation: 'npm run build --',
  usage: ['[--variant <id>]… [--standard <id>]… [--schemas <dir>] [--out <dir>] [--course <dir>]'],
  summary:
    'Checks the course and its variants, builds the player once with Vite, then assembles, validates and zips one\npackage per variant × standard into <out>/<variant>/.',
  options: {
    variant: { type: 'string', multiple: true, value: '<id>', help: 'build only this variant (repeatable; default: every file in <course>/variants/)' },
    standard: { type: 'string', multiple: true, value: '<id>', help: `build only this standard (repeatable; default: each variant's own list)\none of: ${STANDARD_IDS.join(', ')}` },
    schemas: { type: 'string', value: '<dir>', help: 'folder of official schemas laid out like shared/standards (default: the ones in manifests/schemas)' },
    out: { type: 'string', value: '<dir>', help: 'where the zips go (default: dist/packages)' },
    course: { type: 'string', value: '<dir>', help: 'the course folder (default: course/content/)' },
  },
  notes: [
    'A package that could not be rebuilt (its variant or its validation failed) is removed from <out>, so an older\nzip is never left beside fresh ones; the run lists what it removed.',
  ],
});

runMain(BUILD_COMMAND, async ({ values }, io) => {
  const unknown = values.standard.filter((id) => !(STANDARD_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) throw new UsageError(`unknown standard ${unknown.join(', ')} (allowed: ${STANDARD_IDS.join(', ')})`);

  const { BuildError, BuildStopped, buildPackages } = await import('./build-packages.ts');
  const { formatProblems } = await import('./course/index.ts');
  const { progressPrinter, summaryTable } = await import('./console-report.ts');
  const outDir = resolve(values.out ?? join(REPO_ROOT, 'dist', 'packages'));
  const courseDir = resolve(values.course ?? join(REPO_ROOT, 'course', 'content'));
  const progress = progressPrinter();
  const shown = (path: string): string => relative(process.cwd(), path) || '.';
  let result;
  try {
    result = await buildPackages({
      courseDir,
      variantsDir: join(courseDir, 'variants'),
      outDir,
      variants: values.variant,
      standards: values.standard as StandardId[],
      ...(values.schemas === undefined ? {} : { schemaDir: resolve(values.schemas) }),
      onProgress: progress.onProgress,
    });
  } catch (error) {
    progress.stop();
    if (!(error instanceof BuildStopped)) throw error;
    const { reason } = error;
    const lines =
      reason instanceof BuildError
        ? [reason.message, ...reason.details.map((line) => `  ${line}`)]
        : [`the course data has ${reason.problems.length} problem(s):`, ...formatProblems(reason.problems).split('\n').map((line) => `  ${line}`)];
    throw new CommandError([...lines, ...removedLines(error.removed, shown)]);
  }
  for (const note of result.notes) io.error(`build: note: ${note}`);
  io.log(summaryTable(result));
  const invalid = result.packages.filter((pkg) => !pkg.report.valid);
  for (const pkg of invalid) {
    io.error(`build: ${pkg.variant}/${pkg.standard} was not written: its package breaks these rules:`);
    for (const problem of pkg.report.problems) io.error(`  [${problem.rule}] ${problem.where}: ${problem.message}`);
  }
  for (const line of removedLines(result.removed, shown)) io.error(`build: ${line}`);
  if (invalid.length > 0) return EXIT.badInput;
  io.log(`${result.packages.length} package(s) in ${shown(outDir)}`);
  return EXIT.ok;
});

/** One line for what was removed, folder by folder: "…: dist/packages/default (5 zips and the statement), …". */
function removedLines(removed: readonly string[], shown: (path: string) => string): string[] {
  if (removed.length === 0) return [];
  const byFolder = new Map<string, string[]>();
  for (const path of removed) byFolder.set(dirname(path), [...(byFolder.get(dirname(path)) ?? []), basename(path)]);
  const folders = [...byFolder].map(([folder, names]) => {
    const zips = names.filter((name) => name.endsWith('.zip'));
    const parts = [...(zips.length > 0 ? [zips.length === 1 ? zips[0]! : `${zips.length} zips`] : []), ...names.filter((name) => !name.endsWith('.zip'))];
    return `${shown(folder)} (${parts.join(' and ')})`;
  });
  return [`removed what an earlier build left there, as this run could not rebuild it: ${folders.join('; ')}`];
}
