// `npm run validate -- package.zip [more.zip…] [--schemas DIR] [--json]`
// Checks any SCORM 1.2 / 2004 / cmi5 / TinCan package, ours or another tool's: the standard and edition, every broken
// rule and where, then a one-line verdict. Exit 0 = valid, 1 = invalid or unreadable, 2 = usage error.
// The zip is judged from its central directory first (zip-slip names, bombs, encryption, compression methods), then
// every entry is inflated as a stream to check its CRC-32 and size (only the descriptor is kept in memory).
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PackageReport, PackageToValidate } from '../manifests/validate.ts';
import { defineCommand } from './cli/command-line.ts';
import { EXIT } from './cli/exit-codes.ts';
import { CommandError, isMainModule, runCommand, runMain, type CommandIo } from './cli/run-command.ts';
import { STANDARD_NAME } from '../manifests/standards/index.ts';
import { fileSource } from './zip/source.ts';
import { openZipSafely } from './zip/read-safely.ts';

const DESCRIPTOR_NAMES = new Set(['imsmanifest.xml', 'cmi5.xml', 'tincan.xml']);

export const VALIDATE_COMMAND = defineCommand({
  name: 'validate',
  invocation: 'npm run validate --',
  usage: ['<package.zip> [more.zip …] [--schemas <dir>] [--json]'],
  summary:
    'Checks any SCORM 1.2, SCORM 2004 (3rd/4th), cmi5 or TinCan (xAPI) package zip, ours or another tool\'s: which\n' +
    'standard and edition it follows, the zip itself (unsafe names, bombs, encryption, every entry\'s CRC-32), the\n' +
    'descriptor against the official XSDs, and the rules the XSDs cannot express (ADL CTS, cmi5/CATAPULT, TinCan).\n' +
    'Nothing is extracted to disk.',
  options: {
    schemas: { type: 'string', value: '<dir>', help: 'folder of official schemas laid out like shared/standards (default: the ones in manifests/schemas)' },
    json: { type: 'boolean', help: 'print the reports as JSON instead of lines' },
  },
  positionals: { name: 'package', min: 1, max: Infinity },
  notes: ['Each package ends with one line: VALID or INVALID, its file and what was found.'],
});

/** Run the tool; resolves to the exit code. Never throws: every failure becomes a one-line message. */
export function runValidate(argv: readonly string[], output?: CommandIo): Promise<number> {
  return runCommand(VALIDATE_COMMAND, argv, validate, output ? { io: output } : {});
}

async function validate({ values, positionals }: { values: { schemas: string | undefined; json: boolean }; positionals: string[] }, output: CommandIo): Promise<number> {
  const schemaDir = values.schemas === undefined ? undefined : resolve(values.schemas);
  if (schemaDir !== undefined && !(existsSync(schemaDir) && statSync(schemaDir).isDirectory())) {
    throw new CommandError(`schema folder ${schemaDir} does not exist (--schemas)`);
  }
  const { SchemaSetError, validatePackages } = await import('../manifests/validate.ts');

  const loaded: { file: string; pkg: PackageToValidate | null; refused: PackageReport | null; read: ReadSummary | null }[] = [];
  for (const file of positionals) {
    const result = await loadPackage(file);
    if ('unreadable' in result) throw new CommandError(`cannot read ${file}: ${result.unreadable}`);
    loaded.push({ file, ...result });
  }

  const checked = await validatePackages(
    loaded.flatMap(({ pkg }) => (pkg ? [pkg] : [])),
    schemaDir === undefined ? {} : { schemaDir },
  ).catch((error: unknown) => {
    if (error instanceof SchemaSetError) throw new CommandError(`${error.message}${schemaDir === undefined ? '' : ' (--schemas)'}`);
    throw error;
  });
  const reports = loaded.map(({ pkg, refused }) => (pkg ? checked.shift()! : refused!));

  if (values.json) {
    output.log(JSON.stringify({ packages: loaded.map(({ file, read }, index) => ({ file, ...reports[index]!, ...(read ? { read } : {}) })) }, null, 2));
  } else {
    loaded.forEach(({ file, read }, index) => printReport(file, reports[index]!, read, output));
  }
  return reports.every((report) => report.valid) ? EXIT.ok : EXIT.badInput;
}

/** What was read of an archive: every file entry, inflated and checked, unless the archive was refused first. */
interface ReadSummary {
  entries: number;
  bytes: number;
}

type Loaded = { pkg: PackageToValidate; refused: null; read: ReadSummary } | { pkg: null; refused: PackageReport; read: ReadSummary | null } | { unreadable: string };

/** Open the zip safely, check every entry's CRC-32 and size, and keep the descriptors at the root. */
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
    if (!opened.ok) return { pkg: null, refused: refusedReport(opened.problems), read: null };
    const files = new Map<string, Uint8Array>();
    const damaged: PackageReport['problems'] = [];
    const summary: ReadSummary = { entries: 0, bytes: 0 };
    for (const entry of opened.zip.entries) {
      if (entry.isDirectory) continue;
      // Presence is all the package rules need of media, but a damaged entry is a damaged package: every entry is
      // inflated as a stream to check its CRC-32 and size; only the descriptors are kept.
      const descriptor = DESCRIPTOR_NAMES.has(entry.name);
      const read = descriptor ? await opened.zip.read(entry) : await opened.zip.verify(entry);
      if (!read.ok) {
        damaged.push(read.problem);
        continue;
      }
      summary.entries++;
      summary.bytes += entry.uncompressedSize;
      files.set(entry.name, descriptor ? read.bytes : new Uint8Array(0));
    }
    if (damaged.length > 0) return { pkg: null, refused: refusedReport(damaged), read: summary };
    return { pkg: { name: file, files }, refused: null, read: summary };
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

function printReport(file: string, report: PackageReport, read: ReadSummary | null, output: CommandIo): void {
  output.log(`${file}: ${describeStandard(report)}`);
  for (const problem of report.problems) output.log(`  [${problem.rule}] ${problem.where}: ${problem.message}`);
  output.log(
    read === null
      ? '  read: the central directory only; no entry was inflated, as the archive was refused from its listing'
      : `  read: ${read.entries} file entr${read.entries === 1 ? 'y' : 'ies'} (${formatSize(read.bytes)}), each inflated with its CRC-32 and size checked; not checked: whether the content plays in an LMS`,
  );
  const count = report.problems.length;
  output.log(
    report.valid
      ? `VALID ${file}: ${describeStandard(report)} package, no problems found`
      : `INVALID ${file}: ${count} problem${count === 1 ? '' : 's'} (${[...new Set(report.problems.map((problem) => problem.rule))].join(', ') || 'standard not recognised'})`,
  );
}

function formatSize(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${(bytes / 1000).toFixed(1)} KB`;
}

if (isMainModule(import.meta.url)) runMain(VALIDATE_COMMAND, validate);
