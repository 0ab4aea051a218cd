// `npx tsx bench/payload.bench.ts [packages folder] [--files]`: what a learner's browser downloads, in gzip bytes of
// JS and CSS, for the first screen and for the film screen of each built package (issue 3, item 9). It builds
// nothing: it reads the zips that `npm run build` wrote (default dist/packages/default) and follows Vite's chunk
// graph from index.html, as a browser does:
//   first screen = index.html's module script, modulepreloads and stylesheets, every chunk they import statically,
//                  and the tracking adapter the package's standard loads at start (its chunk, static imports, CSS);
//   resume start = the first screen plus the state codec, the course's structure (course/structure.js) and the
//                  course logic that reads it, which start-up also waits for when there is saved progress;
//   film screen  = the first screen plus the film screen's two chunks (the screen and video.js) with their imports.
// config.js (the course data, one per package) is a classic script counted as course data in the first screen's
// total; the film screen's goal is for its JS and CSS. Each file is compressed on its own (one response each) at gzip
// level 9, as the issue's figures for video.js were measured; 1 KB = 1,000 bytes.
import JSZip from 'jszip';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { measurePackage, type Files, type Measured } from './chunk-graph.ts';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineCommand } from '../tools/cli/command-line.ts';
import { CommandError, runMain } from '../tools/cli/run-command.ts';

const GOAL_FIRST_SCREEN = 35_000;
const GOAL_FIRST_REQUESTS = 5;
const GOAL_FILM_SCREEN = 120_000;

function gzipBytes(files: Files, paths: Iterable<string>, only: (path: string) => boolean = () => true): number {
  let total = 0;
  for (const path of paths) if (only(path)) total += gzipSync(files.get(path) as Uint8Array, { level: 9 }).length;
  return total;
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(2)} KB`;
const verdict = (bytes: number, goal: number): string => (bytes <= goal ? 'met' : `over by ${kb(bytes - goal)}`);

/** What one screen transfers, by kind: index.html (with what it holds inline), player JS, CSS files, course data. */
interface Transfer {
  page: number;
  /** Of the page: its inline <style> elements, gzipped on their own (a part of `page`, not added to the total). */
  inlineCss: number;
  js: number;
  css: number;
  course: number;
  total: number;
  requests: number;
}

/** The course's structure part config.js names (build/course-parts.ts), fetched with the state codec; none in a whole-course config. */
function structurePart(files: Files): string[] {
  const config = files.get('config.js');
  const path = config ? /"structure":"([^"]+)"/.exec(new TextDecoder().decode(config))?.[1] : undefined;
  return path && files.has(path) ? [path] : [];
}

function transfer(files: Files, measured: Measured, player: Set<string>, courseData: string[] = measured.config): Transfer {
  const html = new TextDecoder().decode(files.get('index.html'));
  const inline = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] as string).join('');
  const page = gzipBytes(files, ['index.html']);
  const js = gzipBytes(files, player, (path) => path.endsWith('.js'));
  const css = gzipBytes(files, player, (path) => path.endsWith('.css'));
  const course = gzipBytes(files, courseData);
  return {
    page,
    inlineCss: inline === '' ? 0 : gzipSync(inline, { level: 9 }).length,
    js,
    css,
    course,
    total: page + js + css + course,
    requests: 1 + player.size + courseData.length,
  };
}

export const BENCH_PAYLOAD_COMMAND = defineCommand({
  name: 'bench:payload',
  invocation: 'npm run bench:payload --',
  usage: ['[<folder of built zips>] [--files]'],
  summary:
    'The gzip bytes each built package transfers for its first screen (index.html, player JS and CSS, course data),\n' +
    'its requests and round trips, and its film screen, against the goals (≤ 35 KB and ≤ 5 requests, all named by\n' +
    'index.html; ≤ 120 KB). Reads the zips in <folder> (default dist/packages/default: run npm run build first).',
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

  console.log(`What each package transfers (gzip level 9, each file on its own; 1 KB = 1,000 bytes), from ${folder}`);
  console.log(
    `Goals (issue 16): first screen ≤ ${kb(GOAL_FIRST_SCREEN)} in all (index.html, player JS and CSS, course data), in ≤ ${GOAL_FIRST_REQUESTS} ` +
      `requests all named by index.html (2 round trips); film screen ≤ ${kb(GOAL_FILM_SCREEN)} of JS+CSS (issue 3).\n`,
  );
  const rows: string[][] = [['package', 'first screen', 'goal', 'page (inline CSS)', 'JS', 'CSS', 'course', 'requests', 'rounds', 'then session', 'resume start', 'rounds', 'film screen', 'goal']];
  const details: string[] = [];
  for (const zipName of zips) {
    const standard = /-(scorm12|scorm2004-3rd|scorm2004-4th|xapi|cmi5)\.zip$/.exec(zipName)?.[1];
    if (!standard) continue;
    const zip = await JSZip.loadAsync(await readFile(join(folder, zipName)));
    const files = new Map<string, Uint8Array>();
    for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('uint8array'));
    const measured = measurePackage(standard, files);
    const first = transfer(files, measured, measured.firstScreen);
    const resume = transfer(files, measured, measured.resumeStart ?? measured.firstScreen, [...measured.config, ...(measured.resumeStart ? structurePart(files) : [])]);
    const filmCode = gzipBytes(files, measured.filmScreen, (path) => /\.(js|css)$/.test(path)) + first.inlineCss;
    const firstRounds = Math.max(...measured.rounds.values());
    // The codec is fetched once start-up has heard from the LMS that there is saved progress: a round after the
    // adapter's, itself waiting on the entry script.
    const resumeRounds = measured.resumeStart ? firstRounds + 1 : firstRounds;
    const late = [...measured.rounds].filter(([, round]) => round > 2).map(([path]) => path);
    const requestsVerdict = first.requests <= GOAL_FIRST_REQUESTS && late.length === 0 ? 'met' : 'not met';
    rows.push([
      zipName.replace(/\.zip$/, ''),
      kb(first.total),
      verdict(first.total, GOAL_FIRST_SCREEN),
      `${kb(first.page)} (${kb(first.inlineCss)})`,
      kb(first.js),
      kb(first.css),
      kb(first.course),
      `${first.requests} (${requestsVerdict})`,
      String(firstRounds),
      measured.sessionAfter ? `+${kb(gzipBytes(files, [...measured.sessionAfter].filter((path) => !measured.firstScreen.has(path))))}` : '-',
      kb(resume.total),
      String(resumeRounds),
      kb(filmCode),
      verdict(filmCode, GOAL_FILM_SCREEN),
    ]);
    if (listFiles) {
      details.push(`\n${zipName}`);
      const list = (title: string, paths: Iterable<string>, already: Set<string> = new Set()): void => {
        details.push(`  ${title}:`);
        for (const path of [...paths].filter((p) => !already.has(p)).sort()) {
          const round = measured.rounds.get(path);
          details.push(`    ${kb(gzipBytes(files, [path])).padStart(9)}  ${round === undefined ? '' : `round ${round}  `}${path}`);
        }
      };
      list('first screen', ['index.html', ...measured.config, ...measured.firstScreen]);
      if (measured.sessionAfter) list('loaded right after it (the rest of the tracked session)', measured.sessionAfter, measured.firstScreen);
      if (measured.resumeStart) list('added for a resume', [...measured.resumeStart, ...structurePart(files)], measured.firstScreen);
      list('added for the film screen', measured.filmScreen, measured.firstScreen);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd());
  if (details.length > 0) console.log(details.join('\n'));
  console.log(
    '\nfirst screen: all a first launch transfers before its welcome screen is interactive: index.html (the entry CSS is ' +
      'inline in it), the player\'s JS and CSS files, the course data. requests: files fetched for it (the goal also ' +
      'wants each named by index.html, none waiting on a script). rounds: round trips on its critical path, index.html ' +
      'the first. then session: the rest of the tracked session (its core and transport), fetched as soon as the session ' +
      'opens, not waited for by the first screen. resume start: with saved progress, start-up also fetches and runs the ' +
      'state codec, with the course\'s structure (course/structure.js) it lays the saved state out by and the course logic ' +
      'that reads it. film screen: JS+CSS ' +
      'of the first screen and the film screen.',
  );
  return 0;
}

runMain(BENCH_PAYLOAD_COMMAND, main);
