// A built package's chunk graph, read as a browser loads it: index.html's scripts, preloads and stylesheets, the
// chunks they import statically, and what a dynamic import of a named chunk fetches with its Vite preload list.
// Used by bench/payload.bench.ts (what each screen downloads) and by a test that keeps the first screen's code free
// of what only later screens need.
import { basename, posix } from 'node:path';
import { runtimeStandard, STANDALONE_ADAPTER } from '../course/runtime/standards/index.ts';

/**
 * The chunk name (Vite writes `<name>-<hash>.js`, the name being the module's file name) of a standard's tracking
 * adapter, from the registry (course/runtime/standards/); the standalone adapter's with no standard.
 */
export function adapterChunkName(standard?: string): string {
  const adapter = standard === undefined ? STANDALONE_ADAPTER.adapter : runtimeStandard(standard)?.adapter;
  if (adapter === undefined) throw new Error(`"${standard}" is no standard of the registry (course/runtime/standards/index.ts)`);
  return adapter;
}

/**
 * The core of a tracked session (course/runtime/session/durable-session.ts), fetched by dynamic import right after the
 * session opens, not before the first screen; the standard's own rest (its transport) is whatever its opening chunks
 * import dynamically, so no table per standard is kept here.
 */
const SESSION_CORE_CHUNK = 'durable-session';
export const CODEC_CHUNK = 'saved-progress'; // course/player/app/saved-progress.ts: the state codec and the resume rules
/**
 * What a resume's start-up and every screen after the welcome screen wait for beside their own chunks: the course's
 * rules, which come with its structure, and the marking of answers (build/vite.config.ts, COURSE_LOGIC).
 */
export const COURSE_LOGIC_CHUNK = 'course-logic';
// course/screen-types/film/FilmScreen.tsx and video-player.ts, and the course logic.
const FILM_CHUNKS = ['FilmScreen', 'video-player', COURSE_LOGIC_CHUNK];

export type Files = ReadonlyMap<string, Uint8Array>;

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
    for (const load of loads) this.load(load, into);
    return true;
  }

  /** What one dynamic import fetches: its chunk, its preload list, their static imports. */
  load(load: DynamicImport, into: Set<string>): void {
    this.staticClosure([load.target], into);
    for (const dep of load.deps) {
      if (dep.endsWith('.js')) this.staticClosure([dep], into);
      else into.add(dep);
    }
  }
}

export interface Measured {
  standard: string;
  /** The player's JS and CSS files the first screen of a first launch loads (index.html itself apart). */
  firstScreen: Set<string>;
  resumeStart: Set<string> | null;
  /** The first screen plus the rest of the tracked session, fetched right after it; null when the build has no such chunks. */
  sessionAfter: Set<string> | null;
  filmScreen: Set<string>;
  /** Classic scripts index.html loads: config.js, the course data. */
  config: string[];
  /**
   * The round trip in which each file of the first screen (index.html and config.js included) is requested when
   * nothing is cached: 1 for index.html, 2 for what index.html names (scripts, preloads, stylesheets), one more
   * for each import the browser meets only once a script has arrived or run.
   */
  rounds: Map<string, number>;
}

export function measurePackage(standard: string, files: Files): Measured {
  const html = files.get('index.html');
  if (!html) throw new Error('the package has no index.html');
  const loads = htmlLoads(new TextDecoder().decode(html));
  const fromRoot = (href: string): string => posix.normalize(href.replace(/^\.\//, ''));
  const graph = new ChunkGraph(files);

  const named = [...loads.moduleScripts, ...loads.modulePreloads, ...loads.stylesheets, ...loads.classicScripts].map(fromRoot);
  const firstScreen = graph.staticClosure([...loads.moduleScripts, ...loads.modulePreloads].map(fromRoot));
  for (const css of loads.stylesheets) firstScreen.add(fromRoot(css));
  const beforeAdapter = new Set(firstScreen);
  if (!graph.dynamicLoad(adapterChunkName(standard), firstScreen)) throw new Error(`no tracking adapter chunk for ${standard} in the package`);

  const rounds = new Map<string, number>([['index.html', 1]]);
  for (const path of named) rounds.set(path, 2);
  // A static import not named by index.html is requested once its importer has arrived: one round later. Rounds
  // only grow along a path, so the first visit of a breadth-first walk is the earliest.
  const queue = named.filter((path) => path.endsWith('.js')).map((path) => ({ path, round: 2 }));
  const walked = new Set<string>();
  while (queue.length > 0) {
    const { path, round } = queue.shift()!;
    if (walked.has(path)) continue;
    walked.add(path);
    if (!rounds.has(path)) rounds.set(path, round);
    for (const next of graph.linksOf(path).staticImports) queue.push({ path: next, round: (rounds.get(path) as number) + 1 });
  }
  // The adapter is imported dynamically once the entry has run, with its preload list fetched in the same go: one
  // round after the entry's own files, unless index.html names them.
  const entryRound = Math.max(2, ...[...beforeAdapter].map((path) => rounds.get(path) ?? 2));
  for (const path of firstScreen) if (!rounds.has(path)) rounds.set(path, entryRound + 1);

  const withCodec = new Set(firstScreen);
  const resumeStart = graph.dynamicLoad(CODEC_CHUNK, withCodec) && graph.dynamicLoad(COURSE_LOGIC_CHUNK, withCodec) ? withCodec : null;

  const withSession = new Set(firstScreen);
  // The standard's opening: the adapter's chunks beyond the entry's own (index.html may preload them).
  const entryOwn = graph.staticClosure(loads.moduleScripts.map(fromRoot));
  const adapterLoad = new Set<string>();
  graph.dynamicLoad(adapterChunkName(standard), adapterLoad);
  const opening = [...adapterLoad].filter((path) => path.endsWith('.js') && !entryOwn.has(path));
  const transports = opening.flatMap((path) => graph.linksOf(path).dynamicImports).filter((load) => files.has(load.target));
  for (const load of transports) graph.load(load, withSession);
  const sessionAfter = transports.length > 0 && graph.dynamicLoad(SESSION_CORE_CHUNK, withSession) ? withSession : null;

  const filmScreen = new Set(firstScreen);
  for (const name of FILM_CHUNKS) {
    if (!graph.dynamicLoad(name, filmScreen)) throw new Error(`no ${name} chunk in the package`);
  }
  return { standard, firstScreen, resumeStart, sessionAfter, filmScreen, config: loads.classicScripts.map(fromRoot), rounds };
}
