// Each standard's own index.html (issue 16): the packager knows the standard, so its launch page names the tracking
// adapter's chunks with <link rel="modulepreload"> and they arrive in the first round of requests, beside the entry
// chunk, instead of a round later when the entry has run and imported them. The entry stylesheet is written into the
// page as a <style> element: one request fewer on the critical path, for the same bytes.
import { posix } from 'node:path';
import type { ViteManifest } from './package-files.ts';

export interface LaunchPageInput {
  /** The player build's own index.html. */
  html: string;
  /** Every file of the player build (path → bytes), for the stylesheet's text. */
  files: ReadonlyMap<string, Uint8Array>;
  manifest: ViteManifest;
  /** The Vite root relative to the repo ("course/player"): manifest keys are relative to it. */
  rootFromRepo: string;
  /** The adapter module the standard opens first (repo-relative source path), e.g. course/runtime/adapters/scorm12.ts. */
  adapterSource: string;
}

/** The chunk files (package paths) the adapter's dynamic import fetches: its chunk and every chunk it imports statically. */
export function adapterChunkFiles(manifest: ViteManifest, rootFromRepo: string, adapterSource: string): string[] {
  const toRepo = (key: string): string => posix.normalize(posix.join(rootFromRepo, key));
  const start = Object.keys(manifest).find((key) => toRepo(key) === adapterSource);
  if (!start) throw new Error(`the player build has no chunk for tracking adapter ${adapterSource}`);
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`Vite manifest names a chunk it does not describe: ${key}`);
    // The entry chunk is index.html's own module script: already requested.
    if (chunk.isEntry) return;
    files.push(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(start);
  return files;
}

/** The launch page for one standard. Pure: the same inputs give the same bytes. */
export function launchPage(input: LaunchPageInput): string {
  const { html, files, manifest, rootFromRepo, adapterSource } = input;
  let page = html;

  // The stylesheets index.html links (Vite's entry CSS), each replaced by its text in a <style> element.
  page = page.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (tag) => {
    const href = /\bhref="\.\/([^"]+)"/.exec(tag)?.[1];
    const bytes = href === undefined ? undefined : files.get(href);
    if (!bytes) throw new Error(`index.html links a stylesheet the player build does not have: ${tag}`);
    const css = new TextDecoder().decode(bytes);
    // Inline CSS ends at the first "</style"; our own CSS never holds it, and a build that did must not break the page.
    if (/<\/style/i.test(css)) throw new Error(`${href} holds "</style", so it cannot be written into index.html`);
    if (/url\(/i.test(css)) throw new Error(`${href} refers to a file by url(): inlined into index.html, that path would be read from the wrong folder`);
    return `<style>${css.trim()}</style>`;
  });

  const preloads = adapterChunkFiles(manifest, rootFromRepo, adapterSource)
    .map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`)
    .join('\n    ');
  const entry = /<script type="module"[^>]*><\/script>/.exec(page);
  if (!entry) throw new Error('index.html has no module script');
  if (preloads !== '') page = page.replace(entry[0], `${entry[0]}\n    ${preloads}`);
  return page;
}
