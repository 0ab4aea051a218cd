// Puts a finished swap into the course in as few steps as possible, so a failure (a full disk, a file held
// open) never leaves half a new film beside half the old one. The new film folder is assembled next to the
// old one (same file system, so renames are atomic), then: old folder aside, new folder in, course.json (and the
// other course files the swap rewrites, such as the accessibility audit record) replaced, each old file kept aside
// until the end; any failure during those renames puts the old ones back.
import { chmod, copyFile, cp, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FILM_FILES } from './swap-course-data.ts';

/** Files of the film folder that belong to one film, so are never carried over to the next one. */
export function isPerFilmFile(name: string): boolean {
  return (
    ([FILM_FILES.film, FILM_FILES.poster, FILM_FILES.chapters, FILM_FILES.transcript, FILM_FILES.manifest] as string[]).includes(name) ||
    /^(?:captions|descriptions)\.[A-Za-z0-9-]+\.vtt$/.test(name)
  );
}

export interface InstallRequest {
  /** The film folder to replace (absolute), e.g. <course>/media/film. */
  filmDir: string;
  /** The new film's files: name in the film folder → finished file to copy from. */
  files: ReadonlyMap<string, string>;
  /** course.json and its new text, written in the same step. */
  courseJson: { path: string; text: string };
  /** Other course files the swap rewrites (accessibility/audit.json), replaced in the same step. */
  otherFiles?: readonly { path: string; text: string }[];
}

export async function installFilm(request: InstallRequest): Promise<void> {
  const { filmDir, files, courseJson } = request;
  const parent = dirname(filmDir);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, '.film-swap-new-'));
  const suffix = basename(staging).slice('.film-swap-new-'.length);
  const previous = join(parent, `.film-swap-old-${suffix}`);
  // Each rewritten file: its new text beside it, and a copy of the old one until the swap is done.
  const texts = [courseJson, ...(request.otherFiles ?? [])].map((file) => ({
    ...file,
    temp: join(dirname(file.path), `.${basename(file.path)}.swap-${suffix}`),
    old: join(dirname(file.path), `.${basename(file.path)}.swap-old-${suffix}`),
  }));
  const removeTemps = async (): Promise<void> => {
    for (const file of texts) await rm(file.temp, { force: true });
  };

  // 1. Assemble: anything of the old folder that is not per-film (a README, say) comes across, then the new files.
  try {
    // mkdtemp makes a private (0700) folder; the film folder must stay as readable as before (a web server may serve it).
    await chmod(staging, ((await stat(filmDir).catch(() => undefined)) ?? (await stat(parent))).mode & 0o7777);
    const hadFilmDir = await exists(filmDir);
    for (const name of hadFilmDir ? await readdir(filmDir) : []) {
      if (!files.has(name) && !isPerFilmFile(name)) await cp(join(filmDir, name), join(staging, name), { recursive: true });
    }
    for (const [name, from] of files) await copyFile(from, join(staging, name));
    for (const file of texts) {
      await writeFile(file.temp, file.text);
      // A copy of the old text, for putting back: the new one then replaces the file in one rename.
      if ((await stat(file.path).catch(() => undefined))?.isFile()) await copyFile(file.path, file.old);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await removeTemps();
    for (const file of texts) await rm(file.old, { force: true });
    throw new Error(`could not prepare the new film folder; the course is unchanged: ${message(error)}`);
  }

  // 2. Commit, undoing on failure.
  // Each step done, with how to undo it, so a failure can be walked back in reverse order.
  const undo: (() => Promise<void>)[] = [];
  try {
    if (await exists(filmDir)) {
      await rename(filmDir, previous);
      undo.push(() => rename(previous, filmDir));
    }
    await rename(staging, filmDir);
    undo.push(() => rename(filmDir, staging));
    for (const file of texts) {
      const hadOld = await exists(file.old);
      await rename(file.temp, file.path);
      undo.push(() => (hadOld ? rename(file.old, file.path) : rm(file.path, { force: true })));
    }
  } catch (error) {
    try {
      for (const step of undo.reverse()) await step();
    } catch (undoError) {
      throw new Error(
        `could not finish the swap (${message(error)}) nor undo it (${message(undoError)}). ` +
          `The old film folder is ${previous}, the new one ${staging}; the old course files are ${texts.map((file) => file.old).join(', ')} ` +
          `and the new ones ${texts.map((file) => file.temp).join(', ')}; move them back by hand.`,
      );
    }
    await rm(staging, { recursive: true, force: true });
    await removeTemps();
    for (const file of texts) await rm(file.old, { force: true });
    throw new Error(`could not put the new film in place; the course is unchanged: ${message(error)}`);
  }

  // 3. The old film and files are no longer needed. Failing to delete them is not a failed swap.
  try {
    await rm(previous, { recursive: true, force: true });
    for (const file of texts) await rm(file.old, { force: true });
  } catch (error) {
    console.warn(`The swap is done, but the old film folder ${previous} could not be deleted (${message(error)}); delete it by hand.`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
