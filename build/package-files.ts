// Which files of the player build each standard's package carries: the whole build minus the chunks that only
// other standards' tracking adapters reach (no xAPI client in a SCORM zip, no SCORM code in a cmi5 zip).
import { posix } from 'node:path';

/** Vite's build manifest (build.manifest: true): source path relative to the Vite root → chunk. */
export type ViteManifest = Record<string, ViteChunk>;

export interface ViteChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

/**
 * The output files a package needs.
 * @param allFiles every file of the player build
 * @param manifest Vite's manifest; its keys are relative to the Vite root
 * @param rootFromRepo the Vite root relative to the repo ("course/player")
 * @param adapterSources every adapter module (repo-relative source paths) of any standard
 * @param neededAdapters the adapter modules this standard needs
 */
export function selectPlayerFiles(
  allFiles: readonly string[],
  manifest: ViteManifest,
  rootFromRepo: string,
  adapterSources: readonly string[],
  neededAdapters: readonly string[],
): string[] {
  const toRepo = (key: string): string => posix.normalize(posix.join(rootFromRepo, key));
  const skipped = new Set(adapterSources.filter((source) => !neededAdapters.includes(source)));
  for (const source of neededAdapters) {
    if (!Object.keys(manifest).some((key) => toRepo(key) === source)) {
      throw new Error(`the player build has no chunk for tracking adapter ${source}: is it loaded by dynamic import in its course/runtime/standards/ module?`);
    }
  }

  const reached = new Set<string>();
  const visit = (key: string): void => {
    if (reached.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`Vite manifest names a chunk it does not describe: ${key}`);
    reached.add(key);
    for (const next of chunk.imports ?? []) visit(next);
    for (const next of chunk.dynamicImports ?? []) if (!skipped.has(toRepo(next))) visit(next);
  };
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length === 0) throw new Error('Vite manifest has no entry chunk');
  entries.forEach(visit);

  // Files that belong to some chunk are kept only when a kept chunk owns them; files no chunk owns (index.html,
  // anything Vite copies as is) are always kept.
  const owned = new Set<string>();
  const kept = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    const files = [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])];
    for (const file of files) {
      owned.add(file);
      if (reached.has(key)) kept.add(file);
    }
  }
  return allFiles.filter((file) => !owned.has(file) || kept.has(file));
}
