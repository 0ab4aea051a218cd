// Swaps a trust's own film into the course in place of the generated stand-in.
//
//   npm run swap-film -- --video <file> --captions <file.vtt> [--captions-lang en-GB]
//     [--captions-label <text>] [--chapters <file.vtt>] [--descriptions <file.vtt>] [--transcript <file.txt>]
//     [--poster-at <seconds>] [--title <text>] [--move-cue <id>=<seconds>]… [--scale-cues] [--course <dir>] [--dry-run]
//
// 1. Checks everything before touching anything, the same in a dry run and a real one: the video (ffprobe), the
//    tracks (valid WebVTT, captions spanning the film, nothing past its end), the transcript, the cue points (each
//    before the new end, after any --move-cue/--scale-cues), the accessibility audit record, and the course checker
//    on a scratch copy of the course as it will be. Every problem is listed at once.
// 2. Encodes the web rendition and the poster in a temporary folder and checks them against the plan.
// 3. Puts the new film folder, course.json and the audit record in place in one step (swap-install.ts).
// 4. Runs the course checker again on the course itself, with the rendition's exact length.
// Exit code (the one convention of every command): 0 done (or dry run passed), 1 refused or failed with the course
// unchanged (a dry run exits 1 exactly where the real run would refuse), or, rarely, swapped but the course checker
// finds a problem with the rendition's exact length (the lines say which), 2 a wrong command line.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand, parseCommandLine, UsageError, type OptionValues } from '../cli/command-line.ts';
import { isMainModule, runMain } from '../cli/run-command.ts';

import { checkAgainstSchema } from '../../build/course/schema-check.ts';
import { checkAudioDescriptionOffers } from '../../build/course/content/audio-description.ts';
import type { Course } from '../../course/model/types.ts';
import { checkCourse } from '../../build/course/load.ts';
import { formatProblems } from '../../build/course/format.ts';
import { parseJsonText } from '../../build/course/read-json.ts';
import { resolveCoursePath } from '../../build/course/media-check.ts';
import { run } from './media-tools.ts';
import {
  buildSwappedManifest, canonicalLanguageTag, captionLabel, FILM_FILES, FILM_FOLDER, recordedSource, updateCourseJson, type FilmUpdate,
} from './swap-course-data.ts';
import { FFMPEG_HINT, runWithProgress } from './swap-encode.ts';
import { installFilm } from './swap-install.ts';
import { checkRendition, pngSize, readTopLevelBoxes } from './swap-output-check.ts';
import { probeSource, type SourceVideo } from './swap-probe.ts';
import { buildEncodeArgs, buildPosterArgs, describeFrameRate, isHdr, planRendition, posterTime, RENDITION, type RenditionPlan } from './swap-rendition.ts';
import { planTracks, type TrackPlan } from './swap-track-plan.ts';
import { AUDIT_PATH, updateAuditJson } from './swap-audit.ts';
import { parseCueMoves, planCuePoints, type CueMove } from './swap-cue-points.ts';
import {
  checkTrack, chaptersFromCues, decodeText, TRANSCRIPT_COVERAGE_WARNING, transcriptCoverage, wholeFilmChaptersVtt, type TrackKind,
} from './swap-tracks.ts';
import type { VttCue } from './vtt.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_COURSE_DIR = path.join(repoRoot, 'course', 'content');
/** How far the rendition's length may stray from the source's: a frame or an audio packet, with room. */
const DURATION_TOLERANCE_SECONDS = 0.5;

export const SWAP_FILM_COMMAND = defineCommand({
  name: 'swap-film',
  invocation: 'npm run swap-film --',
  usage: ['--video <file> --captions <file.vtt> [options]'],
  summary:
    "Puts a trust's own film in the course in place of the stand-in: checks the video, every track, the film's\n" +
    'questions (cue points) and the course as it would be first (nothing changes until all pass), encodes a web-ready\n' +
    'H.264 rendition and poster, puts the film folder, course.json and the accessibility audit record in place in one\n' +
    'step, then runs the course checker again. See tools/film/README.md.',
  options: {
    video: { type: 'string', value: '<file>', help: 'the film (any format ffmpeg reads: MP4, MOV, MXF, …)' },
    captions: { type: 'string', value: '<file.vtt>', help: 'its captions, WebVTT, UTF-8; must span the film' },
    'captions-lang': { type: 'string', value: '<tag>', help: 'language of the captions (default en-GB)' },
    'captions-label': { type: 'string', value: '<text>', help: "name in the player's caption menu (default: the language's own name)" },
    chapters: { type: 'string', value: '<file.vtt>', help: 'chapter titles, WebVTT (default: one chapter for the whole film)' },
    descriptions: { type: 'string', value: '<file.vtt>', help: 'audio-description text track, WebVTT (default: none)' },
    transcript: { type: 'string', value: '<file.txt>', help: 'plain-text transcript, UTF-8 (required unless kept from a swap of the same video)' },
    'poster-at': { type: 'string', value: '<seconds>', help: 'where the poster frame is taken (default 10 % into the film)' },
    title: { type: 'string', value: '<text>', help: 'new film title for course.json (default: keep the current one)' },
    'move-cue': {
      type: 'string', multiple: true, value: '<id>=<seconds>',
      help: "moves one film question (course.json film.cuePoints) to a time in the new film; repeatable",
    },
    'scale-cues': { type: 'boolean', help: "moves every film question to the same share of the way through the new film\n(--move-cue still places the cues it names)" },
    course: { type: 'string', value: '<dir>', help: 'the course folder (default: course/content/ in this repository)' },
    'dry-run': { type: 'boolean', help: 'run every check the real run makes before encoding, show the plan; change nothing' },
  },
  notes: [
    "Every check runs before encoding, in a dry run too: a cue point past the new film's end, captions or chapters\n" +
      'outside it, or a problem the course checker finds in the course as it would be, refuses the swap (exit 1,\n' +
      "nothing changed). Without --descriptions, the course's own words must not offer audio description, and\n" +
      'accessibility/audit.json gains a known issue (WCAG 1.2.5 Audio Description, not met).',
  ],
});

export interface SwapOptions {
  video: string;
  captions: string;
  captionsLang: string;
  captionsLabel: string | undefined;
  chapters: string | undefined;
  descriptions: string | undefined;
  transcript: string | undefined;
  posterAt: number | undefined;
  title: string | undefined;
  /** --move-cue: cue points to place at a time of the new film. */
  cueMoves: CueMove[];
  /** --scale-cues: every cue point to the same share of the new film. */
  scaleCues: boolean;
  courseDir: string;
  dryRun: boolean;
}

/** Reads the command line; paths are resolved against the current folder. `problem` is '' for --help. */
export function parseSwapArgs(argv: readonly string[], cwd: string = process.cwd()): { options: SwapOptions } | { problem: string } {
  try {
    const parsed = parseCommandLine(SWAP_FILM_COMMAND, argv);
    return parsed === 'help' ? { problem: '' } : { options: swapOptions(parsed.values, cwd) };
  } catch (error) {
    if (error instanceof UsageError) return { problem: error.message };
    throw error;
  }
}

function swapOptions(values: OptionValues<typeof SWAP_FILM_COMMAND>, cwd: string): SwapOptions {
  const missing = (['video', 'captions'] as const).filter((name) => values[name] === undefined);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((name) => `--${name}`).join(' and ')}`);
  let posterAt: number | undefined;
  if (values['poster-at'] !== undefined) {
    posterAt = Number(values['poster-at']);
    if (values['poster-at'].trim() === '' || !Number.isFinite(posterAt)) throw new UsageError(`--poster-at must be a number of seconds, got "${values['poster-at']}"`);
  }
  for (const name of ['title', 'captions-label'] as const) {
    if (values[name] !== undefined && values[name].trim() === '') throw new UsageError(`--${name} must not be empty`);
  }
  const cueMoves = parseCueMoves(values['move-cue']);
  if (typeof cueMoves === 'string') throw new UsageError(cueMoves);
  const resolveOptional = (value: string | undefined): string | undefined => (value === undefined ? undefined : path.resolve(cwd, value));
  return {
    video: path.resolve(cwd, values.video!),
    captions: path.resolve(cwd, values.captions!),
    captionsLang: values['captions-lang'] ?? 'en-GB',
    captionsLabel: values['captions-label']?.trim(),
    chapters: resolveOptional(values.chapters),
    descriptions: resolveOptional(values.descriptions),
    transcript: resolveOptional(values.transcript),
    posterAt,
    title: values.title?.trim(),
    cueMoves,
    scaleCues: values['scale-cues'],
    courseDir: values.course === undefined ? DEFAULT_COURSE_DIR : path.resolve(cwd, values.course),
    dryRun: values['dry-run'],
  };
}

export interface SwapLog {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
  progress(percent: number): void;
}

export interface SwapResult {
  exitCode: 0 | 1;
  /** Problems the course checker found after the swap (cue points beyond the new film's end, for instance). */
  courseProblems: string[];
}

/** A track ready to go in: its text (already checked) and where it came from, for messages. */
interface ReadyTrack {
  from: string;
  text: string;
  cues: VttCue[];
}

interface CheckedSwap {
  plan: RenditionPlan;
  posterSeconds: number;
  tracks: TrackPlan;
  captions: ReadyTrack;
  chapters: ReadyTrack | undefined;
  descriptions: ReadyTrack | undefined;
  transcript: { from: string; text: string };
  lang: string;
  filmUpdate: Omit<FilmUpdate, 'durationSeconds'>;
  courseJsonPath: string;
  courseJsonText: string;
  /** The course.json edits, as planned with the source's duration (the rendition's is written). */
  courseChanges: string[];
  /** The audit record's new text (undefined: unchanged), what changes in it, and what the trust should look at. */
  audit: { path: string; text: string | undefined; changes: string[]; notes: string[] } | undefined;
  source: { file: string; bytes: number; sha256: string };
}

export async function swapFilm(options: SwapOptions, log: SwapLog): Promise<SwapResult> {
  const checked = await checkEverything(options, log);
  if (checked === undefined) {
    log.error('Nothing was changed.');
    return { exitCode: 1, courseProblems: [] };
  }
  printPlan(checked, options, log);
  if (options.dryRun) {
    log.info('Dry run: all checks passed; nothing was changed.');
    return { exitCode: 0, courseProblems: [] };
  }

  const work = await mkdtemp(path.join(tmpdir(), 'common-ground-swap-'));
  const filmDir = path.join(options.courseDir, FILM_FOLDER);
  let made: MadeFiles | undefined;
  try {
    made = await makeFilmFiles(checked, work, log);
    if (made === undefined) {
      log.error('Nothing was changed.');
      return { exitCode: 1, courseProblems: [] };
    }
    // installFilm's own errors say whether the course was left unchanged.
    const audit = checked.audit?.text === undefined ? [] : [{ path: checked.audit.path, text: checked.audit.text }];
    await installFilm({ filmDir, files: made.files, courseJson: { path: checked.courseJsonPath, text: made.courseJsonText }, otherFiles: audit });
  } catch (error) {
    log.error(error instanceof Error ? error.message : String(error));
    if (made === undefined) log.error('Nothing was changed.');
    return { exitCode: 1, courseProblems: [] };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  await printOutputs(filmDir, made, checked.audit, log);

  // The course checker has the last word: cue points past the new end are for the trust to move.
  const { problems } = await checkCourse(options.courseDir);
  if (problems.length > 0) {
    const lines = formatProblems(problems).split('\n');
    log.warn(`The film is swapped, but the course data now has ${problems.length} problem${problems.length === 1 ? '' : 's'}; edit ${checked.courseJsonPath}:`);
    for (const line of lines) log.warn(`  ${line}`);
    return { exitCode: 1, courseProblems: lines };
  }
  log.info('The course checker finds no problems. Build the packages with: npm run build');
  return { exitCode: 0, courseProblems: [] };
}

/** Step 1: every check that can run before encoding; undefined (with the errors logged) when any fails. */
async function checkEverything(options: SwapOptions, log: SwapLog): Promise<CheckedSwap | undefined> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const done = (): undefined => {
    for (const warning of warnings) log.warn(`warning: ${warning}`);
    log.error(`The film cannot be swapped yet (${errors.length} problem${errors.length === 1 ? '' : 's'}):`);
    for (const error of errors) log.error(`  - ${error}`);
    return undefined;
  };

  const toolProblem = await checkTools();
  if (toolProblem) {
    errors.push(toolProblem);
    return done();
  }

  // The course: course.json must be readable, and the swap's edit must leave its film entry valid.
  const courseJsonPath = path.join(options.courseDir, 'course.json');
  const courseJsonText = await readFile(courseJsonPath, 'utf8').catch(() => undefined);
  if (courseJsonText === undefined) {
    errors.push(`${courseJsonPath} cannot be read: --course must name the course folder (the one holding course.json)`);
    return done();
  }
  const parsed = parseJsonText(courseJsonText, courseJsonPath);
  const film = isObject(parsed.value) && isObject(parsed.value.film) ? parsed.value.film : undefined;
  if (film === undefined || parsed.problems.length > 0) {
    errors.push(`${courseJsonPath} must be valid JSON with a "film" object before the film can be swapped:\n${indented(formatProblems(parsed.problems))}`);
    return done();
  }

  // The video.
  const probed = await checkVideoFile(options.video);
  if ('problems' in probed) errors.push(...probed.problems.map((problem) => `video ${problem}`));
  const source = 'source' in probed ? probed.source : undefined;
  const durationMs = source === undefined ? undefined : Math.round(source.durationSeconds * 1000);
  if (source) warnings.push(...sourceWarnings(source, options.video));

  // Language of the captions (and of the descriptions, which are named after it).
  const lang = canonicalLanguageTag(options.captionsLang);
  if ('problem' in lang) errors.push(lang.problem);

  // Supplied tracks.
  const captions = await readTrack('captions', options.captions, durationMs, errors, warnings);
  const givenChapters = options.chapters === undefined ? undefined : await readTrack('chapters', options.chapters, durationMs, errors, warnings);
  const givenDescriptions = options.descriptions === undefined ? undefined : await readTrack('descriptions', options.descriptions, durationMs, errors, warnings);

  // What to do about tracks not supplied: keep them only if they came with this same video.
  const sha256 = source ? await sha256Of(options.video) : '';
  const filmJsonText = await readFile(path.join(options.courseDir, FILM_FOLDER, FILM_FILES.manifest), 'utf8').catch(() => undefined);
  const sameSource = source !== undefined && recordedSource(filmJsonText)?.sha256 === sha256;
  const current = {
    chapters: await existingCourseFile(options.courseDir, film.chapters),
    descriptions: await existingCourseFile(options.courseDir, film.descriptions),
    transcript: await existingCourseFile(options.courseDir, film.transcript),
  };
  const tracks = planTracks({
    given: { chapters: options.chapters, descriptions: options.descriptions, transcript: options.transcript },
    current: { chapters: current.chapters?.coursePath, descriptions: current.descriptions?.coursePath, transcript: current.transcript?.coursePath },
    sameSource,
  });
  errors.push(...tracks.errors);
  const chapters = tracks.chapters === 'kept' ? await readTrack('chapters', current.chapters!.path, durationMs, errors, warnings) : givenChapters;
  const descriptions = tracks.descriptions === 'kept' ? await readTrack('descriptions', current.descriptions!.path, durationMs, errors, warnings) : givenDescriptions;

  // The transcript: plain UTF-8 text, and (a warning only) recognisably the words of these captions.
  const transcriptFile = tracks.transcript === 'given' ? options.transcript! : tracks.transcript === 'kept' ? current.transcript!.path : undefined;
  let transcript: { from: string; text: string } | undefined;
  if (transcriptFile !== undefined) {
    const read = await readText(transcriptFile);
    if ('problem' in read) errors.push(`transcript ${transcriptFile} ${read.problem}`);
    else {
      transcript = { from: transcriptFile, text: read.text };
      if (captions) {
        const share = transcriptCoverage(captions.cues.map((cue) => cue.text), read.text);
        if (share < TRANSCRIPT_COVERAGE_WARNING) {
          warnings.push(`transcript ${transcriptFile} contains only ${Math.round(share * 100)} % of the captions' wording: is it the transcript of this film?`);
        }
      }
    }
  }

  const poster = source ? posterTime(source.durationSeconds, options.posterAt) : undefined;
  if (poster && 'problem' in poster) errors.push(poster.problem);

  // The cue points (the film's questions): each must come before the new film's end, after the trust's moves.
  const cues = cuePointsOf(film);
  const cuePlan = source && cues && typeof film.durationSeconds === 'number'
    ? planCuePoints({ cues, oldDurationSeconds: film.durationSeconds, newDurationSeconds: source.durationSeconds, moves: options.cueMoves, scale: options.scaleCues })
    : undefined;
  if (cuePlan) errors.push(...cuePlan.problems);
  else if (options.cueMoves.length > 0 || options.scaleCues) errors.push(`${courseJsonPath}: film.cuePoints must be a list of cue points with an "id" and an "at" before they can be moved`);

  // The new course.json, checked against the schema now (with the source's duration) so that a title that
  // is too long or a film over the schema's limit is refused before the encode, not after it.
  let filmUpdate: CheckedSwap['filmUpdate'] | undefined;
  let courseChanges: string[] = [];
  let newCourseJsonText: string | undefined;
  if (source && 'tag' in lang) {
    filmUpdate = {
      title: options.title,
      captions: { srclang: lang.tag, label: options.captionsLabel ?? captionLabel(lang.tag, film.captions) },
      descriptionsLang: tracks.descriptions === 'none' ? undefined : lang.tag,
      cuePointTimes: options.cueMoves.length > 0 || options.scaleCues ? cuePlan?.times : undefined,
    };
    const updated = updateCourseJson(courseJsonText, courseJsonPath, { ...filmUpdate, durationSeconds: roundMs(source.durationSeconds) });
    if ('problems' in updated) errors.push(...updated.problems);
    else {
      courseChanges = updated.changes;
      const filmProblems = checkAgainstSchema('course', JSON.parse(updated.text), courseJsonPath).filter((problem) => problem.pointer.startsWith('/film'));
      if (filmProblems.length > 0) errors.push(`the film entry of ${courseJsonPath} would not be valid:\n${indented(formatProblems(filmProblems))}`);
      else newCourseJsonText = updated.text;
    }
  }
  // Words that offer audio description the new film lacks: said now, beside any other problem (the course checker
  // below says it too, but only once everything else passes).
  if (newCourseJsonText !== undefined) {
    const offers = checkAudioDescriptionOffers(JSON.parse(newCourseJsonText) as Course).map((problem) => ({ file: courseJsonPath, ...problem }));
    if (offers.length > 0) errors.push(`the new film has no audio description, but the course's own words offer it; edit ${courseJsonPath}:\n${indented(formatProblems(offers))}`);
  }

  // The accessibility audit record, which every package's accessibility statement is written from.
  const audit = await plannedAudit(options.courseDir, tracks.descriptions !== 'none', errors, warnings);

  // The course checker, on a scratch copy of the course as the swap would leave it (the new course.json and
  // tracks; the rendition and poster, checked against their plan after encoding, stood in for): whatever it would
  // refuse after the swap is refused now, before the encode, and in a dry run too. It runs once the checks above
  // pass, so that it does not repeat them (a cue point past the end also hides its content checks).
  if (newCourseJsonText !== undefined && captions && 'tag' in lang && source && errors.length === 0) {
    const scratchProblems = await checkScratchCourse({
      courseDir: options.courseDir,
      courseJsonPath,
      courseJsonText: newCourseJsonText,
      tracks: scratchTracks(lang.tag, captions, chapters, descriptions, transcript, options.title ?? currentFilmTitle(courseJsonText), Math.round(source.durationSeconds * 1000)),
    });
    if (scratchProblems.length > 0) {
      errors.push(`the course checker, run on a copy of the course with the new film, finds ${scratchProblems.length} problem${scratchProblems.length === 1 ? '' : 's'}; edit ${courseJsonPath} (or move the cue points with --move-cue/--scale-cues):\n${indented(scratchProblems.join('\n'))}`);
    }
  }

  if (errors.length > 0 || !source || !captions || !transcript || !poster || 'problem' in poster || !filmUpdate || !('tag' in lang)) return done();
  for (const warning of warnings) log.warn(`warning: ${warning}`);
  const bytes = (await stat(options.video)).size;
  return {
    plan: planRendition(options.video, source),
    posterSeconds: poster.seconds,
    tracks,
    captions,
    chapters,
    descriptions,
    transcript,
    lang: lang.tag,
    filmUpdate,
    courseJsonPath,
    courseJsonText,
    courseChanges,
    audit,
    source: { file: path.basename(options.video), bytes, sha256 },
  };
}

/** The course's cue points as id and time, or undefined when they are not in that shape (the schema check says why). */
function cuePointsOf(film: Record<string, unknown>): { id: string; at: number }[] | undefined {
  if (!Array.isArray(film.cuePoints)) return undefined;
  const cues = film.cuePoints.filter(isObject).flatMap((cue) => (typeof cue.id === 'string' && typeof cue.at === 'number' ? [{ id: cue.id, at: cue.at }] : []));
  return cues.length === film.cuePoints.length ? cues : undefined;
}

/** audit.json as the swap would leave it, checked against its schema; undefined (with a warning) when the course has none. */
async function plannedAudit(courseDir: string, hasDescriptions: boolean, errors: string[], warnings: string[]): Promise<CheckedSwap['audit']> {
  const auditPath = path.join(courseDir, AUDIT_PATH);
  const text = await readFile(auditPath, 'utf8').catch(() => undefined);
  if (text === undefined) {
    if (!hasDescriptions) warnings.push(`${auditPath} cannot be read, so the swap cannot record that the film has no audio description; the build needs that file: add it with a known issue for WCAG 1.2.5 Audio Description (Prerecorded)`);
    return undefined;
  }
  const updated = updateAuditJson(text, auditPath, hasDescriptions);
  if ('problems' in updated) {
    errors.push(...updated.problems);
    return undefined;
  }
  if (updated.text !== undefined) {
    const problems = checkAgainstSchema('audit', JSON.parse(updated.text), auditPath);
    if (problems.length > 0) errors.push(`${auditPath} would not be valid after the swap; fix it first:\n${indented(formatProblems(problems))}`);
  }
  return { path: auditPath, ...updated };
}

/** The track files of the film folder after the swap, by name (the chapters made as the real run makes them). */
function scratchTracks(
  lang: string, captions: ReadyTrack, chapters: ReadyTrack | undefined, descriptions: ReadyTrack | undefined,
  transcript: { text: string } | undefined, title: string, durationMs: number,
): Map<string, string> {
  const files = new Map<string, string>([[FILM_FILES.captions(lang), captions.text]]);
  files.set(FILM_FILES.chapters, chapters ? chapters.text : wholeFilmChaptersVtt(title, durationMs));
  if (descriptions) files.set(FILM_FILES.descriptions(lang), descriptions.text);
  if (transcript) files.set(FILM_FILES.transcript, transcript.text);
  return files;
}

/**
 * Runs the course checker on a copy of the course with the new course.json and film tracks, returning its lines
 * with the real course.json named. The rendition and the poster do not exist yet: one-byte stand-ins take their
 * place (the media check only needs a file there; the rendition is checked against its plan after encoding).
 */
async function checkScratchCourse(request: { courseDir: string; courseJsonPath: string; courseJsonText: string; tracks: ReadonlyMap<string, string> }): Promise<string[]> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'common-ground-swap-check-'));
  try {
    const filmDir = path.resolve(request.courseDir, FILM_FOLDER);
    // The old film is never copied (it may be a gigabyte); the player's and runtime's sources are not course data.
    const skipped = new Set([filmDir, path.join(request.courseDir, 'player'), path.join(request.courseDir, 'runtime'), path.join(request.courseDir, 'node_modules')].map((dir) => path.resolve(dir)));
    await cp(request.courseDir, scratch, { recursive: true, filter: (from) => !skipped.has(path.resolve(from)) });
    const scratchFilm = path.join(scratch, FILM_FOLDER);
    await mkdir(scratchFilm, { recursive: true });
    for (const [name, text] of request.tracks) await writeFile(path.join(scratchFilm, name), text);
    for (const name of [FILM_FILES.film, FILM_FILES.poster]) await writeFile(path.join(scratchFilm, name), 'x');
    await writeFile(path.join(scratch, 'course.json'), request.courseJsonText);
    const { problems } = await checkCourse(scratch);
    return formatProblems(problems.map((problem) => ({ ...problem, file: request.courseJsonPath }))).split('\n').filter((line) => line !== '');
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** ffmpeg and ffprobe must run, and this ffmpeg must have the x264 encoder (some builds leave it out). */
async function checkTools(): Promise<string | undefined> {
  const missing: string[] = [];
  for (const program of ['ffmpeg', 'ffprobe']) {
    try {
      await run(program, ['-version']);
    } catch {
      missing.push(program);
    }
  }
  if (missing.length > 0) return `${missing.join(' and ')} not found: ${FFMPEG_HINT}`;
  const { stdout } = await run('ffmpeg', ['-hide_banner', '-encoders']);
  if (!/^\s*V\S*\s+libx264\s/m.test(stdout)) return `this ffmpeg has no H.264 encoder (libx264); install a build that includes it: ${FFMPEG_HINT}`;
  return undefined;
}

async function checkVideoFile(file: string): Promise<{ source: SourceVideo } | { problems: string[] }> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return { problems: [`${file} does not exist; check the --video path`] };
  if (!info.isFile()) return { problems: [`${file} is not a file; --video must name the film file`] };
  return probeSource(file);
}

/** Facts about the source that change the result in ways the trust should know about. */
function sourceWarnings(source: SourceVideo, file: string): string[] {
  const warnings: string[] = [];
  if (source.audio === undefined) warnings.push(`video ${file} has no sound track; the rendition will be silent`);
  if (isHdr(source.video)) {
    warnings.push(`video ${file} is HDR (${source.video.colorTransfer}); the web rendition is standard range and will look flat. Export a Rec. 709 (SDR) master if you can`);
  }
  return warnings;
}

/** Reads and checks one WebVTT track, adding its problems (named by file) to the lists. */
async function readTrack(kind: TrackKind, file: string, durationMs: number | undefined, errors: string[], warnings: string[]): Promise<ReadyTrack | undefined> {
  const read = await readText(file);
  if ('problem' in read) {
    errors.push(`${kind} ${file} ${read.problem}`);
    return undefined;
  }
  const checked = checkTrack(kind, read.text, durationMs);
  errors.push(...checked.errors.map((problem) => `${kind} ${file}: ${problem}`));
  warnings.push(...checked.warnings.map((warning) => `${kind} ${file}: ${warning}`));
  return checked.errors.length > 0 ? undefined : { from: file, text: read.text, cues: checked.cues };
}

async function readText(file: string): Promise<{ text: string } | { problem: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'does not exist; check the path' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(error)})` };
  }
  return decodeText(bytes);
}

/** A file the current course.json names, when it is a real file inside the course folder. */
async function existingCourseFile(courseDir: string, coursePath: unknown): Promise<{ coursePath: string; path: string } | undefined> {
  if (typeof coursePath !== 'string') return undefined;
  const resolved = resolveCoursePath(courseDir, coursePath);
  if ('reason' in resolved) return undefined;
  const info = await stat(resolved.path).catch(() => undefined);
  return info?.isFile() ? { coursePath, path: resolved.path } : undefined;
}

function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

function printPlan(checked: CheckedSwap, options: SwapOptions, log: SwapLog): void {
  const { plan, tracks } = checked;
  const { video, audio } = plan.sourceVideo;
  const origin = (choice: string, from: string | undefined): string => (choice === 'given' || choice === 'kept' ? `${choice}: ${from}` : choice);
  log.info(`Source: ${options.video}`);
  log.info(
    `  ${video.codec} ${video.width}x${video.height}` +
      (video.displayWidth !== video.width || video.displayHeight !== video.height ? ` (shown ${video.displayWidth}x${video.displayHeight})` : '') +
      ` at ${describeFrameRate(video.frameRate)} fps, ${plan.sourceVideo.durationSeconds.toFixed(2)} s; ` +
      (audio ? `${audio.codec} ${audio.channels} ch` : 'no sound'),
  );
  log.info(
    `Rendition: H.264 ${RENDITION.profile}@${RENDITION.level} yuv420p ${plan.size.width}x${plan.size.height}` +
      (plan.frameRate ? ` at ${describeFrameRate(plan.frameRate)} fps` : '') +
      `, CRF ${RENDITION.crf} capped at ${RENDITION.maxRateKbps} kbit/s` +
      (plan.audio ? `; AAC ${plan.audio.channels} ch ${plan.audio.bitrateKbps} kbit/s` : '; no sound') +
      '; faststart; metadata removed',
  );
  log.info(`Poster: frame at ${checked.posterSeconds} s, ${plan.size.width}x${plan.size.height} PNG`);
  log.info(`Captions (${checked.lang}): ${checked.captions.from}, ${checked.captions.cues.length} cue${checked.captions.cues.length === 1 ? '' : 's'}`);
  log.info(`Chapters: ${origin(tracks.chapters, checked.chapters?.from)}`);
  log.info(`Descriptions: ${origin(tracks.descriptions, checked.descriptions?.from)}`);
  log.info(`Transcript: ${origin(tracks.transcript ?? 'none', checked.transcript.from)}`);
  log.info(`Course: ${options.courseDir}`);
  if (checked.courseChanges.length > 0) log.info(`Course data changes (with the source's duration; the rendition's exact one is written):`);
  for (const change of checked.courseChanges) log.info(`  course.json ${change}`);
  for (const change of checked.audit?.changes ?? []) log.info(`  ${change}`);
  for (const note of tracks.notes) log.info(`Note: ${note}`);
  for (const note of checked.audit?.notes ?? []) log.info(`Note: ${note}`);
}

interface MadeFiles {
  /** Name in the film folder → finished file in the work folder or the trust's own file. */
  files: Map<string, string>;
  courseJsonText: string;
  durationSeconds: number;
  changes: string[];
}

/** Step 2: encode, make the poster, check both, and write every other file into the work folder. */
async function makeFilmFiles(checked: CheckedSwap, work: string, log: SwapLog): Promise<MadeFiles | undefined> {
  const { plan } = checked;
  const filmFile = path.join(work, FILM_FILES.film);
  const posterFile = path.join(work, FILM_FILES.poster);
  log.info('Encoding the rendition…');
  await runWithProgress(buildEncodeArgs(plan, filmFile), plan.sourceVideo.durationSeconds, (percent) => log.progress(percent));
  await run('ffmpeg', buildPosterArgs(plan, checked.posterSeconds, posterFile));

  const problems: string[] = [];
  const probed = await probeSource(filmFile);
  if ('problems' in probed) problems.push(...probed.problems);
  else problems.push(...checkRendition(probed.source, plan, await readTopLevelBoxes(filmFile), DURATION_TOLERANCE_SECONDS).map((problem) => `the rendition ${problem}`));
  const poster = pngSize(await readFile(posterFile).catch(() => Buffer.alloc(0)));
  if (!poster) problems.push(`no poster frame could be taken at ${checked.posterSeconds} s; choose another --poster-at`);
  else if (poster.width !== plan.size.width || poster.height !== plan.size.height) problems.push(`the poster is ${poster.width}x${poster.height}, planned ${plan.size.width}x${plan.size.height}`);
  if (problems.length > 0 || 'problems' in probed) {
    log.error(`The encoded film is not as planned:\n  - ${problems.join('\n  - ')}`);
    return undefined;
  }

  // The tracks were checked against the source; the rendition's length is the one learners get.
  const durationSeconds = roundMs(probed.source.durationSeconds);
  const durationMs = Math.round(durationSeconds * 1000);
  const lateProblems: string[] = [];
  for (const [kind, track] of [['captions', checked.captions], ['chapters', checked.chapters], ['descriptions', checked.descriptions]] as const) {
    if (track) lateProblems.push(...checkTrack(kind, track.text, durationMs).errors.map((problem) => `${kind} ${track.from}: ${problem}`));
  }
  if (lateProblems.length > 0) {
    log.error(`Against the encoded film (${durationSeconds} s):\n  - ${lateProblems.join('\n  - ')}`);
    return undefined;
  }

  // Every text file is written from what was checked, so a later edit of the trust's copy cannot slip in unchecked.
  const files = new Map<string, string>([
    [FILM_FILES.film, filmFile],
    [FILM_FILES.poster, posterFile],
    [FILM_FILES.captions(checked.lang), await writeWorkFile(work, FILM_FILES.captions(checked.lang), checked.captions.text)],
    [FILM_FILES.transcript, await writeWorkFile(work, FILM_FILES.transcript, checked.transcript.text)],
  ]);
  let chapterCues: VttCue[];
  if (checked.chapters) {
    files.set(FILM_FILES.chapters, await writeWorkFile(work, FILM_FILES.chapters, checked.chapters.text));
    chapterCues = checked.chapters.cues;
  } else {
    const vtt = wholeFilmChaptersVtt(checked.filmUpdate.title ?? currentFilmTitle(checked.courseJsonText), durationMs);
    files.set(FILM_FILES.chapters, await writeWorkFile(work, FILM_FILES.chapters, vtt));
    chapterCues = checkTrack('chapters', vtt, durationMs).cues;
  }
  if (checked.descriptions) {
    const name = FILM_FILES.descriptions(checked.lang);
    files.set(name, await writeWorkFile(work, name, checked.descriptions.text));
  }
  const manifest = buildSwappedManifest(durationSeconds, chaptersFromCues(chapterCues), checked.source);
  files.set(FILM_FILES.manifest, await writeWorkFile(work, FILM_FILES.manifest, JSON.stringify(manifest, null, 2) + '\n'));

  const updated = updateCourseJson(checked.courseJsonText, checked.courseJsonPath, { ...checked.filmUpdate, durationSeconds });
  if ('problems' in updated) {
    log.error(updated.problems.join('\n'));
    return undefined;
  }
  return { files, courseJsonText: updated.text, durationSeconds, changes: updated.changes };
}

async function writeWorkFile(work: string, name: string, text: string): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, text);
  return file;
}

function currentFilmTitle(courseJsonText: string): string {
  const value = JSON.parse(courseJsonText) as { film: { title?: unknown } };
  return typeof value.film.title === 'string' ? value.film.title : 'Film';
}

async function printOutputs(filmDir: string, made: MadeFiles, audit: CheckedSwap['audit'], log: SwapLog): Promise<void> {
  log.info(`Film swapped into ${filmDir}:`);
  for (const name of [...made.files.keys()].sort()) {
    const { size } = await stat(path.join(filmDir, name));
    log.info(`  ${name.padEnd(28)} ${(size / 1024).toFixed(1).padStart(10)} KB`);
  }
  const filmBytes = (await stat(path.join(filmDir, FILM_FILES.film))).size;
  log.info(`Duration ${made.durationSeconds} s; average ${Math.round((filmBytes * 8) / made.durationSeconds / 1000)} kbit/s`);
  if (made.changes.length > 0) {
    log.info('course.json:');
    for (const change of made.changes) log.info(`  ${change}`);
  }
  if (audit && audit.changes.length > 0) {
    log.info(`${AUDIT_PATH} (the accessibility statement is written from it):`);
    for (const change of audit.changes) log.info(`  ${change.replace(`${AUDIT_PATH} `, '')}`);
  }
}

function indented(lines: string): string {
  return lines.replace(/^/gm, '      ');
}

function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Console output; progress overwrites one line on a terminal and prints every 10 % otherwise (CI logs). */
function consoleLog(): SwapLog {
  let lastPrinted = -1;
  return {
    info: (line) => console.log(line),
    warn: (line) => console.warn(line),
    error: (line) => console.error(line),
    progress: (percent) => {
      if (process.stdout.isTTY) {
        process.stdout.write(`\r  ${String(percent).padStart(3)} %${percent === 100 ? '\n' : ''}`);
      } else if (percent === 100 || percent >= lastPrinted + 10) {
        lastPrinted = percent;
        console.log(`  ${percent} %`);
      }
    },
  };
}

if (isMainModule(import.meta.url)) {
  runMain(SWAP_FILM_COMMAND, async ({ values }) => (await swapFilm(swapOptions(values, process.cwd()), consoleLog())).exitCode);
}
