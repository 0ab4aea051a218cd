// Step 1 of a build: the one Vite build of the player, read back as files plus Vite's chunk manifest.
import { build } from 'vite';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteManifest } from './package-files.ts';

export interface PlayerBuild {
  /** Every output file (path relative to the output folder, forward slashes) → bytes; the .vite folder excluded. */
  files: Map<string, Uint8Array>;
  manifest: ViteManifest;
  /** The player's Vite root relative to the repo, e.g. "course/player": manifest keys are relative to it. */
  rootFromRepo: string;
  seconds: number;
}

const configFile = fileURLToPath(new URL('./vite.config.ts', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function buildPlayer(outDir = join(REPO_ROOT, 'dist', 'player')): Promise<PlayerBuild> {
  const started = performance.now();
  await build({ configFile, build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  const seconds = (performance.now() - started) / 1000;
  const manifest = JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8')) as ViteManifest;
  const files = new Map<string, Uint8Array>();
  for (const path of await listFiles(outDir)) {
    if (path.startsWith('.vite/')) continue;
    files.set(path, new Uint8Array(await readFile(join(outDir, path))));
  }
  markEntry(manifest, new TextDecoder().decode(files.get('index.html')));
  return { files, manifest, rootFromRepo: 'course/player', seconds };
}

/**
 * The chunk index.html's module script loads is the entry. vite.config.ts groups the adapters' shared runtime into
 * that chunk, and a chunk made by a group is not marked as an entry in Vite's manifest; the page says which it is.
 */
export function markEntry(manifest: ViteManifest, html: string): void {
  if (Object.values(manifest).some((chunk) => chunk.isEntry)) return;
  const src = /<script type="module"[^>]*\bsrc="\.\/([^"]+)"/.exec(html)?.[1];
  const entry = Object.values(manifest).find((chunk) => chunk.file === src);
  if (entry) entry.isEntry = true;
}

/** All files under dir, relative, forward slashes, sorted so every later step sees one stable order. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
