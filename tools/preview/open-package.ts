// Opening a package for preview: the zip is judged by openZipSafely (zip-slip names, bombs, symlinks) before anything
// is inflated, then every file is written into a private temp folder (mode 0700, exclusive creates, paths checked to
// stay inside it), the descriptor tells the standard, and the launch target is found. Any failure is one line.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import type { StandardId } from '../../course/model/types.ts';
import { detectStandard, findDescriptor } from '../../manifests/detect-standard.ts';
import { decodeXmlBytes, parseXml } from '../../manifests/xml-tree.ts';
import { openZipSafely } from '../zip/read-safely.ts';
import { fileSource } from '../zip/source.ts';
import type { LaunchDescription } from '../../manifests/launch-target.ts';
import { describeLaunch } from '../../manifests/standards/index.ts';

/** Why a package cannot be previewed, in one line. */
export class PackageError extends Error {
  override name = 'PackageError';
}

export interface OpenedPackage {
  zipPath: string;
  fileName: string;
  standard: StandardId;
  edition: string;
  launch: LaunchDescription;
  /** Package path → the file's absolute path in the temp folder. */
  files: ReadonlyMap<string, string>;
  /** The descriptor's path and bytes, for the package check. */
  descriptor: { path: string; bytes: Uint8Array };
  /** The private temp folder holding the files. */
  folder: string;
  /** Remove the temp folder. Safe to call twice. */
  dispose(): Promise<void>;
}

/** A film may be large; anything beyond this per file is refused rather than held in memory while it is written. */
const MAX_FILE_BYTES = 1024 ** 3;

export async function openPackage(zipPath: string, tempRoot: string = tmpdir()): Promise<OpenedPackage> {
  let source;
  try {
    source = await fileSource(zipPath);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' || code === 'ENOTFILE' ? 'not a file' : (error as Error).message;
    throw new PackageError(`cannot read ${zipPath}: ${reason}`);
  }

  let folder: string | null = null;
  try {
    const opened = await openZipSafely(source, { maxInflatedBytes: MAX_FILE_BYTES });
    if (!opened.ok) {
      const [first, ...rest] = opened.problems;
      const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
      throw new PackageError(`${basename(zipPath)} is refused: ${first!.where}: ${first!.message}${more}`);
    }
    const entries = opened.zip.entries.filter((entry) => !entry.isDirectory);
    const paths = new Set(entries.map((entry) => entry.name));

    const search = findDescriptor(paths);
    if (!search.found) throw new PackageError(`${basename(zipPath)} is not a package: ${search.problem.message}`);
    const descriptorEntry = entries.find((entry) => entry.name === search.path)!;
    const descriptorRead = await opened.zip.read(descriptorEntry);
    if (!descriptorRead.ok) throw new PackageError(`${basename(zipPath)}: ${search.path}: ${descriptorRead.problem.message}`);
    const decoded = decodeXmlBytes(descriptorRead.bytes);
    if (!decoded.ok) throw new PackageError(`${basename(zipPath)}: ${search.path}: ${decoded.message}`);
    const parsed = parseXml(decoded.text);
    if (!parsed.ok) {
      const { line, column, message } = parsed.error;
      throw new PackageError(`${basename(zipPath)}: ${search.path}:${line}:${column}: not well-formed XML: ${message}`);
    }
    const detection = detectStandard(search.path, parsed.root);
    if (detection.standard === 'unknown') {
      const problem = detection.problems[0];
      throw new PackageError(`${basename(zipPath)}: unknown standard: ${problem ? `${problem.where}: ${problem.message}` : 'the descriptor matches no supported standard'}`);
    }
    const described = describeLaunch(detection.standard, parsed.root, paths);
    if (!described.ok) throw new PackageError(`${basename(zipPath)}: ${described.message}`);

    folder = await mkdtemp(join(tempRoot, 'cg-preview-'));
    const files = new Map<string, string>();
    for (const entry of entries) {
      const target = insideFolder(folder, entry.name);
      const read = entry === descriptorEntry ? descriptorRead : await opened.zip.read(entry);
      if (!read.ok) throw new PackageError(`${basename(zipPath)}: ${read.problem.where}: ${read.problem.message}`);
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      // "wx" creates exclusively: an existing path (a clash such as "a" and "a/b") is an error, never overwritten.
      await writeFile(target, read.bytes, { flag: 'wx', mode: 0o600 });
      files.set(entry.name, target);
    }

    const ownedFolder = folder;
    let disposed = false;
    return {
      zipPath,
      fileName: basename(zipPath),
      standard: detection.standard,
      edition: detection.edition,
      launch: described.launch,
      files,
      descriptor: { path: search.path, bytes: descriptorRead.bytes },
      folder: ownedFolder,
      dispose: async () => {
        if (disposed) return;
        disposed = true;
        await rm(ownedFolder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (folder) await rm(folder, { recursive: true, force: true });
    if (error instanceof PackageError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new PackageError(`${basename(zipPath)} holds a file and a folder with the same name`);
    throw new PackageError(`${basename(zipPath)}: ${(error as Error).message}`);
  } finally {
    await source.close();
  }
}

/** The temp path for a package path. openZipSafely has refused unsafe names already; this is the second lock. */
function insideFolder(folder: string, packagePath: string): string {
  const target = join(folder, ...packagePath.split('/'));
  const rel = relative(folder, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new PackageError(`entry "${packagePath}" would be written outside the temp folder`);
  return target;
}
