// Checks that every file the course names (film, poster, caption/description/chapter tracks, transcript) is a
// real, non-empty file inside the course's media folder, no larger than its kind needs, that the text tracks are
// UTF-8 and that the WebVTT tracks at least begin like WebVTT. Media stay in media/ so that no course file can ever
// take the place of the player's own files or of those the build writes (index.html, assets/…, config.js, the
// manifest and its schema files) in a package.
// The schema already rejects "..", absolute paths and URLs; resolveCoursePath checks again on the real file
// system (symbolic links included), because this is what decides which files go into every package.
import { isUtf8 } from 'node:buffer';
import { open, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Course } from '../../course/model/types.ts';
import type { CourseProblem } from './problems.ts';
import { describeFsError } from './read-json.ts';

type MediaKind = 'video' | 'image' | 'webvtt' | 'text';

/** The folder (inside the course folder, and inside each package) that holds every file the course names. */
export const MEDIA_FOLDER = 'media';

/**
 * Largest file of each kind, in bytes. A film rendition at the 2 Mbit/s swap-film aims for is 15 MB a minute, so an
 * hour's film fits; a caption track for two hours of speech is under 200 KB and a 1280×720 poster under 2 MB. Larger
 * files are nearly always the wrong file (an uncompressed master, a caption file of another film, a photo).
 */
export const MEDIA_LIMITS: Readonly<Record<MediaKind, { bytes: number; why: string }>> = {
  video: { bytes: 1_000_000_000, why: 'LMSs refuse larger uploads and a ward connection cannot stream it; encode it with npm run swap-film' },
  image: { bytes: 5_000_000, why: 'a poster frame needs no more' },
  webvtt: { bytes: 2_000_000, why: 'a caption, chapter or description track for hours of film is far smaller; is it the right file?' },
  text: { bytes: 2_000_000, why: 'a transcript for hours of film is far smaller; is it the right file?' },
};

interface MediaReference {
  pointer: string;
  path: string;
  kind: MediaKind;
}

/** Every file the course refers to, with the pointer of the reference. */
export function mediaReferences(course: Course): MediaReference[] {
  const { film } = course;
  const references: (MediaReference | undefined)[] = [
    { pointer: '/film/src', path: film.src, kind: 'video' },
    film.poster === undefined ? undefined : { pointer: '/film/poster', path: film.poster, kind: 'image' },
    ...film.captions.map((track, index): MediaReference => ({ pointer: `/film/captions/${index}/src`, path: track.src, kind: 'webvtt' })),
    { pointer: '/film/chapters', path: film.chapters, kind: 'webvtt' },
    film.descriptions === undefined ? undefined : { pointer: '/film/descriptions', path: film.descriptions, kind: 'webvtt' },
    { pointer: '/film/transcript', path: film.transcript, kind: 'text' },
  ];
  return references.filter((reference): reference is MediaReference => reference !== undefined);
}

/**
 * The absolute path of a course path, or why it is not acceptable: it must be relative, use forward slashes,
 * have no empty, "." or ".." parts, no URL scheme, and stay inside courseDir.
 */
export function resolveCoursePath(courseDir: string, coursePath: string): { path: string } | { reason: string } {
  if (coursePath === '') return { reason: 'is empty' };
  if (isAbsolute(coursePath) || /^[A-Za-z]:/.test(coursePath) || coursePath.startsWith('/')) {
    return { reason: 'is an absolute path; write it relative to the course folder' };
  }
  if (coursePath.includes('\\')) return { reason: 'contains a backslash; use forward slashes' };
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(coursePath)) return { reason: 'is a URL; the package must carry its own files' };
  const parts = coursePath.split('/');
  if (parts.some((part) => part === '..')) return { reason: 'goes up out of the course folder ("..")' };
  if (parts.some((part) => part === '' || part === '.')) return { reason: 'has an empty or "." part' };
  const root = resolve(courseDir);
  const path = resolve(root, coursePath);
  if (!isInside(root, path)) return { reason: 'resolves outside the course folder' };
  return { path };
}

export async function checkCourseMedia(course: Course, courseDir: string, file: string): Promise<CourseProblem[]> {
  const realRoot = await realpath(courseDir).catch(() => resolve(courseDir));
  const results = await Promise.all(mediaReferences(course).map((reference) => checkReference(reference, courseDir, realRoot)));
  return results.flatMap((result) => (result === undefined ? [] : [{ file, pointer: result.pointer, message: result.message }]));
}

async function checkReference(reference: MediaReference, courseDir: string, realRoot: string): Promise<{ pointer: string; message: string } | undefined> {
  const { pointer, path: coursePath } = reference;
  const fail = (what: string): { pointer: string; message: string } => ({ pointer, message: `file "${coursePath}" ${what}` });
  const resolved = resolveCoursePath(courseDir, coursePath);
  if ('reason' in resolved) return fail(resolved.reason);
  if (!coursePath.startsWith(`${MEDIA_FOLDER}/`)) {
    return fail(`is not in the course's ${MEDIA_FOLDER}/ folder: every file the course names must be there (e.g. "${MEDIA_FOLDER}/film/${coursePath.split('/').pop()}"), so it can never take the place of the player's own files or the ones the build writes`);
  }
  try {
    const info = await stat(resolved.path);
    if (!info.isFile()) return fail(`is not a file (looked at ${resolved.path})`);
    if (info.size === 0) return fail(`is empty (${resolved.path})`);
    const limit = MEDIA_LIMITS[reference.kind];
    if (info.size > limit.bytes) return fail(`is ${megabytes(info.size)}; a ${KIND_NAMES[reference.kind]} may be at most ${megabytes(limit.bytes)} (${limit.why})`);
    if (!isInside(realRoot, await realpath(resolved.path))) return fail('links to a file outside the course folder');
    if ((reference.kind === 'webvtt' || reference.kind === 'text') && !isUtf8(await readFile(resolved.path))) {
      return fail('is not UTF-8 text: save it as UTF-8 (WebVTT allows no other encoding)');
    }
    if (reference.kind === 'webvtt' && !(await startsLikeWebVtt(resolved.path))) {
      return fail('is not a WebVTT file: its first line must be "WEBVTT"');
    }
  } catch (error) {
    const reason = describeFsError(error);
    return fail(reason === 'it does not exist' ? `does not exist (looked for ${resolved.path})` : `cannot be read: ${reason} (${resolved.path})`);
  }
  return undefined;
}

/** WebVTT files open with "WEBVTT" (after an optional byte-order mark), then a space, tab or line break, or end. */
async function startsLikeWebVtt(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(10), 0, 10, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    return /^WEBVTT(?:[ \t\r\n]|$)/.test(head);
  } finally {
    await handle.close();
  }
}

const KIND_NAMES: Readonly<Record<MediaKind, string>> = { video: 'film', image: 'poster image', webvtt: 'WebVTT track', text: 'transcript' };

function megabytes(bytes: number): string {
  return bytes >= 1_000_000_000 ? `${(bytes / 1_000_000_000).toFixed(bytes % 1_000_000_000 === 0 ? 0 : 2)} GB` : `${(bytes / 1_000_000).toFixed(bytes % 1_000_000 === 0 ? 0 : 1)} MB`;
}

function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot !== '' && !fromRoot.startsWith(`..${sep}`) && fromRoot !== '..' && !isAbsolute(fromRoot);
}
