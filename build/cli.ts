// `npm run build [-- --variant <id>] [--standard <id>] [--schemas <dir>] [--out <dir>]`
import { parseArgs } from 'node:util';
import { join, relative, resolve } from 'node:path';
import { STANDARD_IDS, type StandardId } from '../course/types.ts';
import { BuildError, buildPackages } from './build-packages.ts';
import { CourseError, formatProblems } from './course/index.ts';
import { REPO_ROOT } from './player-build.ts';
import { progressPrinter, summaryTable } from './console-report.ts';

const USAGE = `usage: npm run build -- [--variant <id>]… [--standard <${STANDARD_IDS.join('|')}>]… [--schemas <dir>] [--out <dir>] [--course <dir>]
  --variant   build only this variant (repeatable; default: every file in <course>/variants/)
  --standard  build only this standard (repeatable; default: each variant's own list)
  --schemas   folder of official schemas laid out like shared/standards (default: the schemas the project ships)
  --out       where the zips go (default: dist/packages)
  --course    the course folder (default: course/)`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        variant: { type: 'string', multiple: true },
        standard: { type: 'string', multiple: true },
        schemas: { type: 'string' },
        out: { type: 'string' },
        course: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`build: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const unknown = (args.standard ?? []).filter((id) => !(STANDARD_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) {
    console.error(`build: unknown standard ${unknown.join(', ')} (allowed: ${STANDARD_IDS.join(', ')})`);
    return 2;
  }

  const outDir = resolve(args.out ?? join(REPO_ROOT, 'dist', 'packages'));
  const courseDir = resolve(args.course ?? join(REPO_ROOT, 'course'));
  const progress = progressPrinter();
  try {
    const result = await buildPackages({
      courseDir,
      variantsDir: join(courseDir, 'variants'),
      outDir,
      variants: args.variant ?? [],
      standards: (args.standard ?? []) as StandardId[],
      schemaDir: args.schemas,
      onProgress: progress.onProgress,
    });
    console.log(summaryTable(result));
    const invalid = result.packages.filter((pkg) => !pkg.report.valid);
    for (const pkg of invalid) {
      console.error(`\n${pkg.variant}/${pkg.standard} was not written: its package breaks these rules:`);
      for (const problem of pkg.report.problems) console.error(`  [${problem.rule}] ${problem.where}: ${problem.message}`);
    }
    if (invalid.length > 0) return 1;
    console.log(`${result.packages.length} package(s) in ${relative(process.cwd(), outDir) || '.'}`);
    return 0;
  } catch (error) {
    progress.stop();
    if (error instanceof CourseError) {
      console.error(`build: the course data has ${error.problems.length} problem(s):\n${formatProblems(error.problems)}`);
      return 1;
    }
    if (error instanceof BuildError) {
      console.error([`build: ${error.message}`, ...error.details.map((line) => `  ${line}`)].join('\n'));
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
