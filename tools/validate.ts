// `npm run validate -- package.zip [more.zip…] [--schemas DIR] [--json]`
// Checks any SCORM 1.2 / 2004 / cmi5 / TinCan package, ours or another tool's: the standard and edition, every broken
// rule and where, then a one-line verdict. Exit 0 = valid, 1 = invalid, 2 = usage or setup error.
// The zip is judged from its central directory first (zip-slip names, bombs) and only the descriptor is inflated.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { validatePackages, type PackageReport, type PackageToValidate } from '../manifests/validate.ts';
import { STANDARD_NAME } from '../manifests/standards.ts';
import { fileSource } from './zip/source.ts';
import { openZipSafely } from './zip/read-safely.ts';

const USAGE = 'usage: npm run validate -- <package.zip> [more.zip …] [--schemas DIR] [--json]';
const DESCRIPTOR_NAMES = new Set(['imsmanifest.xml', 'cmi5.xml', 'tincan.xml']);

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** Exit codes. */
const VALID = 0;
const INVALID = 1;
const USAGE_ERROR = 2;

/** Run the tool; resolves to the exit code. Never throws: every failure becomes a one-line message. */
export async function runValidate(argv: readonly string[], output: Output = console): Promise<number> {
  let args: { values: { schemas?: string; json?: boolean; help?: boolean }; positionals: string[] };
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { schemas: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    output.error(`validate: ${(error as Error).message}`);
    output.error(USAGE);
    return USAGE_ERROR;
  }
  if (args.values.help) {
    output.log(USAGE);
    return VALID;
  }
  if (args.positionals.length === 0) {
    output.error('validate: no package given');
    output.error(USAGE);
    return USAGE_ERROR;
  }
  const schemaDir = args.values.schemas === undefined ? undefined : resolve(args.values.schemas);
  if (schemaDir !== undefined && !(existsSync(schemaDir) && statSync(schemaDir).isDirectory())) {
    output.error(`validate: schema folder ${schemaDir} does not exist`);
    return USAGE_ERROR;
  }

  const loaded: { file: string; pkg: PackageToValidate | null; refused: PackageReport | null }[] = [];
  for (const file of args.positionals) {
    const result = await loadPackage(file);
    if ('unreadable' in result) {
      output.error(`validate: cannot read ${file}: ${result.unreadable}`);
      return USAGE_ERROR;
    }
    loaded.push({ file, ...result });
  }

  let reports: PackageReport[];
  try {
    const checked = await validatePackages(
      loaded.flatMap(({ pkg }) => (pkg ? [pkg] : [])),
      schemaDir === undefined ? {} : { schemaDir },
    );
    reports = loaded.map(({ pkg, refused }) => (pkg ? checked.shift()! : refused!));
  } catch (error) {
    output.error(`validate: ${error instanceof Error ? error.message : String(error)}`);
    return USAGE_ERROR;
  }

  if (args.values.json) {
    output.log(JSON.stringify({ packages: loaded.map(({ file }, index) => ({ file, ...reports[index]! })) }, null, 2));
  } else {
    loaded.forEach(({ file }, index) => printReport(file, reports[index]!, output));
  }
  return reports.every((report) => report.valid) ? VALID : INVALID;
}

type Loaded = { pkg: PackageToValidate; refused: null } | { pkg: null; refused: PackageReport } | { unreadable: string };

/** Open the zip safely and collect its file list, inflating only the descriptors at the root. */
async function loadPackage(file: string): Promise<Loaded> {
  let source;
  try {
    source = await fileSource(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { unreadable: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' || code === 'ENOTFILE' ? 'not a file' : (error as Error).message };
  }
  try {
    const opened = await openZipSafely(source);
    if (!opened.ok) return { pkg: null, refused: refusedReport(opened.problems) };
    const files = new Map<string, Uint8Array>();
    for (const entry of opened.zip.entries) {
      if (entry.isDirectory) continue;
      if (!DESCRIPTOR_NAMES.has(entry.name)) {
        files.set(entry.name, new Uint8Array(0)); // presence is all the rules need; media are never inflated
        continue;
      }
      const read = await opened.zip.read(entry);
      if (!read.ok) return { pkg: null, refused: refusedReport([read.problem]) };
      files.set(entry.name, read.bytes);
    }
    return { pkg: { name: file, files }, refused: null };
  } finally {
    await source.close();
  }
}

function refusedReport(problems: PackageReport['problems']): PackageReport {
  return { standard: 'unknown', edition: '', valid: false, problems };
}

function describeStandard(report: PackageReport): string {
  if (report.standard === 'unknown') return report.edition ? `unknown standard (${report.edition})` : 'unknown standard';
  const name = STANDARD_NAME[report.standard];
  return report.edition && !name.endsWith(report.edition) ? `${name} (${report.edition})` : name;
}

function printReport(file: string, report: PackageReport, output: Output): void {
  output.log(`${file}: ${describeStandard(report)}`);
  for (const problem of report.problems) output.log(`  [${problem.rule}] ${problem.where}: ${problem.message}`);
  const count = report.problems.length;
  output.log(
    report.valid
      ? `VALID ${file}: ${describeStandard(report)} package, no problems found`
      : `INVALID ${file}: ${count} problem${count === 1 ? '' : 's'} (${[...new Set(report.problems.map((problem) => problem.rule))].join(', ') || 'standard not recognised'})`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runValidate(process.argv.slice(2));
}
