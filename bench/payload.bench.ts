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
import { join, resolve } from 'node:path';
import { measurePackage, type Files } from './chunk-graph.ts';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineCommand } from '../tools/cli/command-line.ts';
import { CommandError, runMain } from '../tools/cli/run-command.ts';

const GOAL_FIRST_SCREEN = 35_000;
const GOAL_FILM_SCREEN = 120_000;

function gzipBytes(files: Files, paths: Iterable<string>, only: (path: string) => boolean = (path) => /\.(js|css)$/.test(path)): number {
  let total = 0;
  for (const path of paths) if (only(path)) total += gzipSync(files.get(path) as Uint8Array, { level: 9 }).length;
  return total;
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(2)} KB`;
const verdict = (bytes: number, goal: number): string => (bytes <= goal ? 'met' : `over by ${kb(bytes - goal)}`);

export const BENCH_PAYLOAD_COMMAND = defineCommand({
  name: 'bench:payload',
  invocation: 'npm run bench:payload --',
  usage: ['[<folder of built zips>] [--files]'],
  summary:
    'The gzip bytes of JS and CSS each built package loads for its first screen and for its film screen, against the\n' +
    'goals (≤ 35 KB, ≤ 120 KB). Reads the zips in <folder> (default dist/packages/default: run npm run build first).',
  options: { files: { type: 'boolean', help: 'list every file counted' } },
  positionals: { name: 'folder', max: 1 },
});

async function main({ values, positionals }: { values: { files: boolean }; positionals: string[] }): Promise<number> {
  const listFiles = values.files;
  const folder = resolve(positionals[0] ?? fileURLToPath(new URL('../dist/packages/default', import.meta.url)));
  let zips: string[];
  try {
    zips = (await readdir(folder)).filter((name) => name.endsWith('.zip')).sort();
  } catch {
    throw new CommandError(`no folder ${folder}; build the packages first (npm run build -- --variant default)`);
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

runMain(BENCH_PAYLOAD_COMMAND, main);
