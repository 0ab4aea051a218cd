// What the first screen loads, read from the real player build's chunk graph (bench/chunk-graph.ts, as the payload
// benchmark reads it): for every standard, it holds the frame and the standard's adapter, but none of what only
// later screens need — the screens' string catalogue, the state codec, the course logic (rules and the marking of
// answers), the pages' loader, the film
// screen and video.js — and, of the course data, none of a later section's text or structure. The sizes are
// the benchmark's to report; this keeps the structure that makes them small from slipping unnoticed (importing
// useStrings() into a frame component once pulled the whole screens catalogue into the first chunk).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterChunkName, CODEC_CHUNK, COURSE_LOGIC_CHUNK, htmlLoads, measurePackage, type Measured } from '../../bench/chunk-graph.ts';
import { launchPage } from '../../build/launch-page.ts';
import { ADAPTER_SOURCE } from '../../course/runtime/adapter-modules.ts';
import { buildPlayer, type PlayerBuild } from '../../build/player-build.ts';
import { enGBScreens } from '../../course/player/strings/en-GB.screens.ts';
import { enGBPages } from '../../course/player/strings/en-GB.pages.ts';
import { STANDARD_IDS, type Course, type RuntimeConfig, type StandardId } from '../../course/model/types.ts';
import { buildPackages } from '../../build/build-packages.ts';
import { REPO } from './course/fixtures.ts';

/** The course's own text: strings with white space, 30 characters or more, other than titles (the shell keeps those). */
function courseTexts(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key !== 'title' && value.length >= 30 && /\s/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => courseTexts(item));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([name, item]) => courseTexts(item, name));
  return [];
}

/** The ids of what later sections and the film ask of the learner: scenario steps and choices, questions and options, prompts. */
function structureIdsOf(course: Course): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown, key = ''): void => {
    if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (['steps', 'choices', 'questions', 'options', 'prompts', 'cuePoints'].includes(key) && typeof record.id === 'string') ids.add(record.id);
      for (const [name, item] of Object.entries(record)) visit(item, name);
    }
  };
  visit(course.sections.slice(1));
  visit(course.film.cuePoints, 'cuePoints');
  // An id the first section also uses would be in config.js for that reason.
  const first = JSON.stringify(course.sections[0]);
  return [...ids].filter((id) => !first.includes(`"${id}"`));
}

/** Every plain string of the screens' catalogue long enough to be unmistakable. */
function catalogueStrings(value: unknown): string[] {
  if (typeof value === 'string') return value.length >= 30 ? [value] : [];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(catalogueStrings);
  return [];
}

let work: string;
let player: PlayerBuild;
const text = (path: string): string => new TextDecoder().decode(player.files.get(path));

/** Each standard's package of the default variant, as the build writes it with this player: path → bytes. */
const packages = new Map<StandardId, Map<string, Uint8Array>>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cg-first-screen-'));
  player = await buildPlayer(join(work, 'player'));
  const result = await buildPackages({ courseDir: join(REPO, 'course', 'content'), variantsDir: join(REPO, 'course', 'content', 'variants'), outDir: join(work, 'out'), variants: ['default'], player });
  for (const built of result.packages) {
    const zip = await JSZip.loadAsync(await readFile(built.path!));
    const files = new Map<string, Uint8Array>();
    for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('uint8array'));
    packages.set(built.standard, files);
  }
}, 240_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the first screen of the built player', () => {
  const screenStrings = [...catalogueStrings(enGBScreens), ...catalogueStrings(enGBPages)];

  it.each(STANDARD_IDS)('%s: the frame and its adapter, without what later screens need', (standard) => {
    const measured: Measured = measurePackage(standard, player.files);
    const names = [...measured.firstScreen].map((path) => basename(path));
    expect(names.some((name) => name.startsWith('index') && name.endsWith('.js')), 'the entry chunk').toBe(true);
    expect(names.filter((name) => name.startsWith(`${CODEC_CHUNK}-`)), 'the state codec').toEqual([]);
    expect(names.filter((name) => /^(FilmScreen|video-player)-/.test(name)), 'the film screen and video.js').toEqual([]);
    // A first screen only navigates: the marking of answers, and the pages' loader, come later.
    expect(names.filter((name) => name.startsWith(`${COURSE_LOGIC_CHUNK}-`) || name.startsWith('PrintViewLoader-')), 'the course logic and the pages loader').toEqual([]);
    expect([...measured.filmScreen].map((path) => basename(path)).some((name) => name.startsWith(`${COURSE_LOGIC_CHUNK}-`)), 'the film screen brings the course logic').toBe(true);
    const code = [...measured.firstScreen].filter((path) => path.endsWith('.js')).map((path) => new TextDecoder().decode(player.files.get(path)));
    expect(screenStrings.length).toBeGreaterThan(20);
    expect(screenStrings.filter((text) => code.some((chunk) => chunk.includes(JSON.stringify(text).slice(1, -1)))), 'screen strings in the first screen').toEqual([]);
    // The film screen does load them: the check above looks in the right place.
    const film = [...measured.filmScreen].filter((path) => !measured.firstScreen.has(path)).map((path) => basename(path));
    expect(film.some((name) => name.startsWith('video-player-'))).toBe(true);
    // The pseudo-locale's transform is a chunk of the build, loaded by no English screen (only when asked for).
    expect([...player.files.keys()].some((path) => basename(path).startsWith('pseudo-locale-')), 'the pseudo-locale chunk').toBe(true);
    expect([...measured.filmScreen].filter((path) => basename(path).startsWith('pseudo-locale-')), 'the pseudo-locale chunk loaded').toEqual([]);
  });

  it.each(STANDARD_IDS)("%s package: the first screen's files hold no text of a later section, which its own part holds", (standard) => {
    const files = packages.get(standard)!;
    const config = JSON.parse(/window\.COMMON_GROUND = (.*);\s*$/s.exec(new TextDecoder().decode(files.get('config.js')))![1]!) as RuntimeConfig;
    const measured = measurePackage(standard, files);
    // Everything the first screen transfers: the launch page, config.js and the player's files.
    const firstFiles = [...measured.rounds.keys()];
    expect(firstFiles).toContain('config.js');
    expect(firstFiles.filter((path) => path.startsWith('course/')), 'course parts before the first screen').toEqual([]);
    const first = firstFiles.map((path) => new TextDecoder().decode(files.get(path)));
    const inFirst = (text: string): boolean => first.some((content) => content.includes(JSON.stringify(text).slice(1, -1)));
    const course = JSON.parse(readFileSync(join(REPO, 'course', 'content', 'course.json'), 'utf8')) as Course;
    expect(config.parts?.sections).toHaveLength(course.sections.length);
    for (const [index, section] of course.sections.entries()) {
      const own = courseTexts(section);
      expect(own.length, `texts of ${section.id}`).toBeGreaterThan(0);
      if (index === 0) {
        // The welcome screen's section comes whole: the check above finds text where it is.
        expect(own.filter((text) => !inFirst(text))).toEqual([]);
        continue;
      }
      expect(own.filter(inFirst), `${section.id}'s text in the first screen`).toEqual([]);
      const part = new TextDecoder().decode(files.get(config.parts!.sections[index]!));
      expect(own.filter((text) => !part.includes(JSON.stringify(text).slice(1, -1))), `${section.id}'s text missing from its part`).toEqual([]);
    }
    const resources = courseTexts([course.glossary, course.sources, course.supervisionGuide]);
    expect(resources.filter(inFirst), 'glossary, sources and guide in the first screen').toEqual([]);
    // Nor the later sections' structure (steps, choices, questions, options, prompts) or the film's questions: those
    // come with course/structure.js, right after the first screen.
    const structureIds = structureIdsOf(course);
    expect(structureIds.length).toBeGreaterThan(50);
    const configText = new TextDecoder().decode(files.get('config.js'));
    expect(structureIds.filter((id) => configText.includes(`"${id}"`)), 'structure ids in config.js').toEqual([]);
    const structure = new TextDecoder().decode(files.get(config.parts!.structure));
    expect(structureIds.filter((id) => !structure.includes(`"${id}"`)), 'structure ids missing from course/structure.js').toEqual([]);
  });

  it.each(STANDARD_IDS)('%s: its launch page names every file the first screen needs, so all arrive in one round after it', (standard) => {
    const plain = measurePackage(standard, player.files);
    // The player build's own index.html: the adapter's chunks wait for the entry to run.
    expect(Math.max(...plain.rounds.values())).toBe(3);
    const page = launchPage({ html: text('index.html'), files: player.files, manifest: player.manifest, rootFromRepo: player.rootFromRepo, adapterSource: ADAPTER_SOURCE[standard] });
    const files = new Map(player.files).set('index.html', new TextEncoder().encode(page));
    const measured = measurePackage(standard, files);
    expect([...measured.rounds].filter(([, round]) => round > 2), 'files requested later than the first round after index.html').toEqual([]);
    const js = (paths: Set<string>): string[] => [...paths].filter((path) => path.endsWith('.js')).sort();
    expect(js(measured.firstScreen)).toEqual(js(plain.firstScreen));
    // The entry CSS is in the page itself, whole; no stylesheet request.
    const css = [...plain.firstScreen].filter((path) => path.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    for (const path of css) expect(page).toContain(text(path).trim());
    expect([...measured.firstScreen].filter((path) => path.endsWith('.css'))).toEqual([]);
    // Nor is it fetched again later: no lazy import's preload list names it (Vite lists the CSS the entry imports in
    // every one of them, which is why index.html links it instead).
    const later = [...player.files.keys()].filter((path) => path.endsWith('.js')).map((path) => text(path));
    for (const path of css) expect(later.filter((code) => code.includes(basename(path))), `${path} in a preload list`).toEqual([]);
    // Other standards' adapters are not preloaded.
    const preloaded = htmlLoads(page).modulePreloads.map((href) => basename(href));
    const adapterChunk = (name: string): RegExp => new RegExp(`^${name}-[\\w-]{8}\\.js$`);
    const own = adapterChunkName(standard);
    expect(preloaded.some((name) => adapterChunk(own).test(name))).toBe(true);
    for (const other of new Set(STANDARD_IDS.map((id) => adapterChunkName(id)).filter((name) => name !== own))) {
      expect(preloaded.filter((name) => adapterChunk(other).test(name))).toEqual([]);
    }
  });
});
