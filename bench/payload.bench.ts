// `npx tsx bench/payload.bench.ts [packages folder] [--files]`: what a learner's browser downloads, in gzip bytes of
// JS and CSS, for the first screen and for the film screen of each built package (issue 3, item 9). It builds
// nothing: it reads the zips that `npm run build` wrote (default dist/packages/default) and follows Vite's chunk
// graph from index.html, as a browser does:
//   first screen = index.html's module script, modulepreloads and stylesheets, every chunk they import statically,
//                  and the tracking adapter the package's standard loads at start (its chunk, static imports, CSS);
//   resume start = the first screen plus the state codec, which start-up also waits for when there is saved progress;
//   film screen  = the first screen plus the film screen's two chunks (the screen and video.js) with their imports.
// config.js (the course data, one per package) is a classic script measured on its own: it is not the player's
// code and does not count towards the goals. Each file is compressed on its own (one response each) at gzip
// level 9, as the figures for video.js were measured; 1 KB = 1,000 bytes.
import JSZip from 'jszip';
import { readFile, readdir } from 'node:fs/promises';
import { basename, join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const GOAL_FIRST_SCREEN = 35_000;
const GOAL_FILM_SCREEN = 120_000;

/** Chunk names (Vite writes `<name>-<hash>.js`) of the dynamic imports that count, by the module they come from. */
const ADAPTER_CHUNK: Record<string, string> = {
  scorm12: 'scorm12', // course/runtime/adapters/scorm12.ts
  'scorm2004-3rd': 'scorm2004',
  'scorm2004-4th': 'scorm2004',
  xapi: 'xapi',
  cmi5: 'cmi5',
};
const CODEC_CHUNK = 'saved-progress'; // course/player/app/saved-progress.ts: the state codec and the resume rules
const FILM_CHUNKS = ['FilmScreen', 'video-player']; // course/player/film/FilmScreen.tsx and video-player.ts

type Files = ReadonlyMap<string, Uint8Array>;

interface DynamicImport {
  /** Path of the imported chunk inside the package. */
  target: string;
  /** What Vite preloads with it (its static imports and CSS), package paths; empty when it preloads nothing. */
  deps: string[];
}

interface ChunkLinks {
  staticImports: string[];
  dynamicImports: DynamicImport[];
}

/** The tags in index.html that load something, with their attributes. */
export function htmlLoads(html: string): { moduleScripts: string[]; classicScripts: string[]; modulePreloads: string[]; stylesheets: string[] } {
  const found = { moduleScripts: [] as string[], classicScripts: [] as string[], modulePreloads: [] as string[], stylesheets: [] as string[] };
  for (const tag of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attributes = new Map<string, string>();
    for (const attribute of (tag[2] ?? '').matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attributes.set((attribute[1] as string).toLowerCase(), attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
    }
    if ((tag[1] as string).toLowerCase() === 'script') {
      const src = attributes.get('src');
      if (src) (attributes.get('type') === 'module' ? found.moduleScripts : found.classicScripts).push(src);
    } else {
      const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attributes.get('href');
      if (!href) continue;
      if (rel.includes('modulepreload')) found.modulePreloads.push(href);
      else if (rel.includes('stylesheet')) found.stylesheets.push(href);
    }
  }
  return found;
}

/**
 * A built chunk's imports. Static ones are the `import … from "./x.js"` / `import "./x.js"` / `export … from`
 * statements at statement starts; dynamic ones are `import("./x.js")`, each with the file list Vite's preload
 * helper fetches alongside it (`__vite__mapDeps([i, …])`, indices into the chunk's `m.f=[…]` table).
 */
export function chunkLinks(code: string, chunkPath: string): ChunkLinks {
  const here = posix.dirname(chunkPath);
  const resolveFrom = (specifier: string): string => posix.normalize(posix.join(here, specifier));
  const staticImports = [
    ...code.matchAll(/(?:^|[;}\n])\s*(?:import|export)\s*(?:(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s+[\w$]+|\*)?\s*from\s*)?(["'`])(\.{1,2}\/[^"'`]+)\1/g),
  ].map((match) => resolveFrom(match[2] as string));

  const table = /__vite__mapDeps\s*=[\s\S]*?m\.f\s*=\s*(\[[^\]]*\])/.exec(code);
  const depTable: string[] = table ? (JSON.parse((table[1] as string).replace(/`/g, '"')) as string[]).map(resolveFrom) : [];
  const dynamicImports: DynamicImport[] = [];
  const sites = [...code.matchAll(/import\(\s*(["'`])(\.{1,2}\/[^"'`]+)\1\s*\)/g)];
  sites.forEach((site, i) => {
    const start = (site.index ?? 0) + site[0].length;
    // The deps list follows its import() within the same preload call, before the next import() starts.
    const end = Math.min(sites[i + 1]?.index ?? code.length, start + 400);
    const call = /__vite__mapDeps\(\s*\[([\d,\s]*)\]\s*\)/.exec(code.slice(start, end));
    const deps = call
      ? (call[1] as string)
          .split(',')
          .filter((n) => n.trim() !== '')
          .map((n) => depTable[Number(n)])
          .filter((path): path is string => path !== undefined)
      : [];
    dynamicImports.push({ target: resolveFrom(site[2] as string), deps });
  });
  return { staticImports, dynamicImports };
}

/** Reads a package's chunk graph lazily and answers what a set of starting points loads. */
class ChunkGraph {
  private readonly links = new Map<string, ChunkLinks>();

  constructor(private readonly files: Files) {}

  linksOf(path: string): ChunkLinks {
    let links = this.links.get(path);
    if (!links) {
      const bytes = this.files.get(path);
      links = bytes && path.endsWith('.js') ? chunkLinks(new TextDecoder().decode(bytes), path) : { staticImports: [], dynamicImports: [] };
      this.links.set(path, links);
    }
    return links;
  }

  /** The files plus every chunk they import statically, transitively. */
  staticClosure(paths: Iterable<string>, into = new Set<string>()): Set<string> {
    const queue = [...paths];
    while (queue.length > 0) {
      const path = queue.pop() as string;
      if (into.has(path)) continue;
      if (!this.files.has(path)) throw new Error(`the package has no ${path}, which the player loads`);
      into.add(path);
      queue.push(...this.linksOf(path).staticImports);
    }
    return into;
  }

  /** Every dynamic import, from any chunk in the package, of a chunk with this name. */
  dynamicImportsOf(name: string): DynamicImport[] {
    const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[\\w-]{8}\\.js$`);
    const out: DynamicImport[] = [];
    for (const path of this.files.keys()) {
      for (const load of this.linksOf(path).dynamicImports) if (pattern.test(basename(load.target))) out.push(load);
    }
    return out;
  }

  /** What loading the chunk called `name` by dynamic import fetches: the chunk, its preload list, their imports. */
  dynamicLoad(name: string, into: Set<string>): boolean {
    const loads = this.dynamicImportsOf(name).filter((load) => this.files.has(load.target));
    if (loads.length === 0) return false;
    for (const load of loads) {
      this.staticClosure([load.target], into);
      for (const dep of load.deps) {
        if (dep.endsWith('.js')) this.staticClosure([dep], into);
        else into.add(dep);
      }
    }
    return true;
  }
}

interface Measured {
  standard: string;
  firstScreen: Set<string>;
  resumeStart: Set<string> | null;
  filmScreen: Set<string>;
  config: string[];
}

function measurePackage(standard: string, files: Files): Measured {
  const html = files.get('index.html');
  if (!html) throw new Error('the package has no index.html');
  const loads = htmlLoads(new TextDecoder().decode(html));
  const fromRoot = (href: string): string => posix.normalize(href.replace(/^\.\//, ''));
  const graph = new ChunkGraph(files);

  const firstScreen = graph.staticClosure([...loads.moduleScripts, ...loads.modulePreloads].map(fromRoot));
  for (const css of loads.stylesheets) firstScreen.add(fromRoot(css));
  const adapter = ADAPTER_CHUNK[standard];
  if (!adapter || !graph.dynamicLoad(adapter, firstScreen)) throw new Error(`no tracking adapter chunk for ${standard} in the package`);

  const withCodec = new Set(firstScreen);
  const resumeStart = graph.dynamicLoad(CODEC_CHUNK, withCodec) ? withCodec : null;

  const filmScreen = new Set(firstScreen);
  for (const name of FILM_CHUNKS) {
    if (!graph.dynamicLoad(name, filmScreen)) throw new Error(`no ${name} chunk in the package`);
  }
  return { standard, firstScreen, resumeStart, filmScreen, config: loads.classicScripts.map(fromRoot) };
}

function gzipBytes(files: Files, paths: Iterable<string>, only: (path: string) => boolean = (path) => /\.(js|css)$/.test(path)): number {
  let total = 0;
  for (const path of paths) if (only(path)) total += gzipSync(files.get(path) as Uint8Array, { level: 9 }).length;
  return total;
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(2)} KB`;
const verdict = (bytes: number, goal: number): string => (bytes <= goal ? 'met' : `over by ${kb(bytes - goal)}`);

async function main(argv: string[]): Promise<number> {
  const listFiles = argv.includes('--files');
  const folder = resolve(argv.find((arg) => !arg.startsWith('--')) ?? fileURLToPath(new URL('../dist/packages/default', import.meta.url)));
  let zips: string[];
  try {
    zips = (await readdir(folder)).filter((name) => name.endsWith('.zip')).sort();
  } catch {
    console.error(`payload: no folder ${folder}; build the packages first (npm run build -- --variant default)`);
    return 1;
  }
  if (zips.length === 0) {
    console.error(`payload: no zips in ${folder}; build the packages first (npm run build -- --variant default)`);
    return 1;
  }

  console.log(`Payload of the player per package (gzip level 9, each file on its own; 1 KB = 1,000 bytes), from ${folder}`);
  console.log(`Goals (issue 3): first screen ≤ ${kb(GOAL_FIRST_SCREEN)} of JS+CSS; film screen ≤ ${kb(GOAL_FILM_SCREEN)} in total.\n`);
  const rows: string[][] = [['package', 'first screen', 'goal', 'resume start', 'film screen', 'goal', 'config.js']];
  const details: string[] = [];
  for (const zipName of zips) {
    const standard = /-(scorm12|scorm2004-3rd|scorm2004-4th|xapi|cmi5)\.zip$/.exec(zipName)?.[1];
    if (!standard) continue;
    const zip = await JSZip.loadAsync(await readFile(join(folder, zipName)));
    const files = new Map<string, Uint8Array>();
    for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('uint8array'));
    const measured = measurePackage(standard, files);
    const first = gzipBytes(files, measured.firstScreen);
    const film = gzipBytes(files, measured.filmScreen);
    const resume = measured.resumeStart ? gzipBytes(files, measured.resumeStart) : first;
    const config = gzipBytes(files, measured.config, () => true);
    rows.push([zipName.replace(/\.zip$/, ''), kb(first), verdict(first, GOAL_FIRST_SCREEN), kb(resume), kb(film), verdict(film, GOAL_FILM_SCREEN), kb(config)]);
    if (listFiles) {
      details.push(`\n${zipName}`);
      const list = (title: string, paths: Set<string>, already: Set<string> = new Set()): void => {
        details.push(`  ${title}:`);
        for (const path of [...paths].filter((p) => !already.has(p)).sort()) {
          details.push(`    ${kb(gzipBytes(files, [path], () => true)).padStart(9)}  ${path}`);
        }
      };
      list('first screen', measured.firstScreen);
      if (measured.resumeStart) list('added for a resume', measured.resumeStart, measured.firstScreen);
      list('added for the film screen', measured.filmScreen, measured.firstScreen);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd());
  if (details.length > 0) console.log(details.join('\n'));
  console.log(
    '\nfirst screen: what the welcome screen of a first launch needs. resume start: with saved progress, start-up also ' +
      'decodes it first. film screen: the first screen plus the film chunks. config.js: the course data, not counted in the goals.',
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
