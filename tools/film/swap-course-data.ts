// The course data a film swap changes: the film's entry in course/content/course.json and media/film/film.json.
// course.json is hand-edited and reviewed in diffs, so it is rewritten in its own style (indent, line
// endings, final newline) with keys in their existing order, and only the film's file references, duration,
// (when asked) title and (when the trust moves them: swap-cue-points.ts) the cue points' times change.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseJsonText } from '../../build/course/read-json.ts';
import { formatProblems } from '../../build/course/format.ts';
import type { FilmManifest } from './film-manifest.ts';

/** Where the film lives in the course folder, and its file names (the same as make-film.ts writes). */
export const FILM_FOLDER = 'media/film';
export const FILM_FILES = {
  film: 'common-ground-film.mp4',
  poster: 'poster.png',
  chapters: 'chapters.vtt',
  transcript: 'transcript.txt',
  manifest: 'film.json',
  captions: (lang: string): string => `captions.${lang}.vtt`,
  descriptions: (lang: string): string => `descriptions.${lang}.vtt`,
} as const;

export interface FilmUpdate {
  /** The rendition's length, in seconds. */
  durationSeconds: number;
  /** New film title; undefined keeps the current one. */
  title: string | undefined;
  captions: { srclang: string; label: string };
  /** The language the descriptions file is named for, or undefined when the film has no descriptions track. */
  descriptionsLang: string | undefined;
  /** New `at` of every cue point, in course order; undefined leaves them all alone. */
  cuePointTimes?: readonly number[] | undefined;
}

export interface JsonStyle {
  indent: string;
  newline: '\n' | '\r\n';
  finalNewline: boolean;
}

/** The indent, line ending and final newline a JSON file is written with (2 spaces, "\n", yes by default). */
export function detectJsonStyle(text: string): JsonStyle {
  const indent = /^[{[][ \t]*\r?\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { indent, newline: text.includes('\r\n') ? '\r\n' : '\n', finalNewline: /\n$/.test(text) };
}

export function formatJson(value: unknown, style: JsonStyle): string {
  const body = JSON.stringify(value, null, style.indent).replace(/\n/g, style.newline);
  return body + (style.finalNewline ? style.newline : '');
}

/** The film's keys in the order the course schema declares them, for placing a key the file does not have yet. */
const FILM_KEY_ORDER = ['id', 'title', 'src', 'type', 'poster', 'durationSeconds', 'captions', 'chapters', 'descriptions', 'transcript', 'cuePoints'];

/**
 * Sets and removes keys of an object, keeping the existing keys where they are and putting a new key after
 * the nearest key that comes before it in `order`.
 */
export function withKeys(object: Record<string, unknown>, set: Record<string, unknown>, remove: readonly string[], order: readonly string[]): Record<string, unknown> {
  const keys = Object.keys(object).filter((key) => !remove.includes(key));
  for (const key of Object.keys(set)) {
    if (keys.includes(key)) continue;
    const before = order.slice(0, Math.max(0, order.indexOf(key))).reverse().find((candidate) => keys.includes(candidate));
    keys.splice(before === undefined ? 0 : keys.indexOf(before) + 1, 0, key);
  }
  return Object.fromEntries(keys.map((key) => [key, key in set ? set[key] : object[key]]));
}

export interface CourseJsonUpdate {
  text: string;
  /** What changed, one line each, for the summary. */
  changes: string[];
}

/** course.json with the film swapped in, or the problems that stop it (the file is not valid JSON, no film). */
export function updateCourseJson(text: string, file: string, update: FilmUpdate): CourseJsonUpdate | { problems: string[] } {
  const read = parseJsonText(text, file);
  if (read.value === undefined || read.problems.length > 0) {
    return { problems: [`${file} must be valid JSON before the film can be swapped; fix these first:\n${formatProblems(read.problems).replace(/^/gm, '      ')}`] };
  }
  const course = read.value;
  if (!isObject(course) || !isObject(course.film)) return { problems: [`${file} has no "film" object; it does not look like the course's course.json`] };
  const film = course.film;

  const path = (name: string): string => `${FILM_FOLDER}/${name}`;
  const captionsTrack = { src: path(FILM_FILES.captions(update.captions.srclang)), srclang: update.captions.srclang, label: update.captions.label, default: true };
  const set: Record<string, unknown> = {
    ...(update.title !== undefined ? { title: update.title } : {}),
    src: path(FILM_FILES.film),
    type: 'video/mp4',
    poster: path(FILM_FILES.poster),
    durationSeconds: update.durationSeconds,
    captions: [captionsTrack],
    chapters: path(FILM_FILES.chapters),
    ...(update.descriptionsLang !== undefined ? { descriptions: path(FILM_FILES.descriptions(update.descriptionsLang)) } : {}),
    transcript: path(FILM_FILES.transcript),
  };
  const remove = update.descriptionsLang === undefined ? ['descriptions'] : [];
  const cueChanges: string[] = [];
  const times = update.cuePointTimes;
  if (times !== undefined && Array.isArray(film.cuePoints)) {
    // Each cue keeps its keys in their order; only `at` changes.
    set.cuePoints = film.cuePoints.map((cue: unknown, index) => {
      const at = times[index];
      if (!isObject(cue) || at === undefined || cue.at === at) return cue;
      cueChanges.push(`film.cuePoints[${index}].at (${describe(cue.id)}): ${describe(cue.at)} → ${at}`);
      return { ...cue, at };
    });
  }
  const newFilm = withKeys(film, set, remove, FILM_KEY_ORDER);
  const changes = [...Object.keys(set), ...remove]
    .filter((key) => key !== 'cuePoints' && JSON.stringify(film[key]) !== JSON.stringify(newFilm[key]))
    .map((key) => `film.${key}: ${describe(film[key])} → ${describe(newFilm[key])}`)
    .concat(cueChanges);
  const newCourse = withKeys(course, { film: newFilm }, [], []);
  return { text: formatJson(newCourse, detectJsonStyle(text)), changes };
}

/** The caption track's menu label: kept when the language is unchanged, else the language's own name. */
export function captionLabel(srclang: string, existingTracks: unknown): string {
  const tracks = Array.isArray(existingTracks) ? existingTracks.filter(isObject) : [];
  const same = tracks.find((track) => track.srclang === srclang && typeof track.label === 'string');
  if (same) return same.label as string;
  const language = srclang.split('-')[0]!;
  try {
    const name = new Intl.DisplayNames([srclang], { type: 'language' }).of(language);
    if (name && name !== language) return name.charAt(0).toLocaleUpperCase(srclang) + name.slice(1);
  } catch {
    // An unknown language: fall through to the tag itself.
  }
  return srclang;
}

let languageTagPattern: RegExp | undefined;

/**
 * The tag in canonical case ("en-gb" → "en-GB"), or why it cannot be used. The course schema's own pattern
 * decides what is allowed, so this check and the course checker cannot disagree.
 */
export function canonicalLanguageTag(tag: string): { tag: string } | { problem: string } {
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0]!;
  } catch {
    return { problem: `--captions-lang "${tag}" is not a language tag; use one such as en-GB, cy or pa-Guru-IN` };
  }
  languageTagPattern ??= loadLanguageTagPattern();
  if (!languageTagPattern.test(canonical)) return { problem: `--captions-lang "${tag}" is not a form the course accepts; use one such as en-GB, cy or pa-Guru-IN` };
  return { tag: canonical };
}

function loadLanguageTagPattern(): RegExp {
  const schemaFile = fileURLToPath(new URL('../../course/schema/course.schema.json', import.meta.url));
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $defs: { languageTag: { pattern: string } } };
  return new RegExp(schema.$defs.languageTag.pattern);
}

/** film.json after a swap: what make-film writes, plus which source file the rendition was made from. */
export interface SwappedFilmManifest extends FilmManifest {
  /**
   * Identifies the trust's source video, so a later swap from the same file can keep the tracks supplied
   * with it. The stand-in film's film.json has none.
   */
  source: { file: string; bytes: number; sha256: string };
}

export function buildSwappedManifest(
  durationSeconds: number,
  chapters: FilmManifest['chapters'],
  source: SwappedFilmManifest['source'],
): SwappedFilmManifest {
  // Scene boundaries are known only for the generated film; a trust's film is described by its chapters.
  return { durationSeconds, chapters, scenes: [], source };
}

/** The source recorded in an existing film.json, if any (the stand-in's has none; a damaged file counts as none). */
export function recordedSource(filmJsonText: string | undefined): SwappedFilmManifest['source'] | undefined {
  if (filmJsonText === undefined) return undefined;
  try {
    const value = JSON.parse(filmJsonText) as unknown;
    if (isObject(value) && isObject(value.source) && typeof value.source.sha256 === 'string') {
      return { file: String(value.source.file ?? ''), bytes: Number(value.source.bytes ?? 0), sha256: value.source.sha256 };
    }
  } catch {
    // Not JSON: treated as no record.
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
