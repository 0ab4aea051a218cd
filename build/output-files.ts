// What the build leaves in its output folder. Each file is written whole or not at all (a temp file beside it, then
// a rename, which is atomic on one file system), and after a run nothing older than the run stays among the outputs
// it was asked to make: a package it could not rebuild is removed, so a trust never uploads a stale zip thinking it
// is fresh.
import { readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { StandardId } from '../course/model/types.ts';

/** Temp files are hidden and carry this suffix; a run removes any left by a run that was killed. */
const PARTIAL_SUFFIX = '.partial';

/** Write `bytes` to `path` so that `path` holds either its old contents or all of the new ones, never a part. */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}${PARTIAL_SUFFIX}`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export interface OutputScope {
  outDir: string;
  /** Variant ids (folder names under outDir) the run was asked to build. */
  variants: readonly string[];
  /** Standards the run was asked to build; a package of any other standard is left alone. */
  standards: readonly StandardId[];
  /** The statement's file name beside the zips. */
  statementName: string;
}

/**
 * Remove, in each variant folder of the scope, every zip of a standard in scope that this run did not write, any
 * temp file, and the statement once no zip is left beside it. Resolves to the removed paths (sorted).
 */
export async function removeStaleOutputs(scope: OutputScope, written: ReadonlySet<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const variant of new Set(scope.variants)) {
    const folder = join(scope.outDir, variant);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue; // nothing was ever written for it
    }
    const remaining = new Set(names);
    for (const name of names) {
      const path = join(folder, name);
      const partial = name.startsWith('.') && name.endsWith(PARTIAL_SUFFIX);
      const stalePackage = scope.standards.some((standard) => name.endsWith(`-${standard}.zip`)) && !written.has(path);
      if (!partial && !stalePackage) continue;
      await unlink(path).catch(() => undefined);
      remaining.delete(name);
      if (stalePackage) removed.push(path);
    }
    const statement = join(folder, scope.statementName);
    if (remaining.has(scope.statementName) && ![...remaining].some((name) => name.endsWith('.zip')) && !written.has(statement)) {
      await unlink(statement).catch(() => undefined);
      removed.push(statement);
    }
  }
  return removed.sort();
}
