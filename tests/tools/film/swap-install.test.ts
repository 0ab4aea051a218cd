// installFilm on throwaway folders: no ffmpeg needed, and never the real course/.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFilm, isPerFilmFile } from '../../../tools/film/swap-install.ts';

let root: string;
let courseDir: string;
let filmDir: string;
let work: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'swap-install-'));
  courseDir = join(root, 'course');
  filmDir = join(courseDir, 'media', 'film');
  work = join(root, 'work');
  mkdirSync(filmDir, { recursive: true, mode: 0o755 });
  mkdirSync(work);
  for (const [name, text] of Object.entries({
    'common-ground-film.mp4': 'old film',
    'poster.png': 'old poster',
    'captions.en-GB.vtt': 'old captions',
    'captions.cy.vtt': 'old Welsh captions',
    'descriptions.en-GB.vtt': 'old descriptions',
    'chapters.vtt': 'old chapters',
    'transcript.txt': 'old transcript',
    'film.json': 'old manifest',
    'README.md': 'notes kept by the trust',
  })) {
    writeFileSync(join(filmDir, name), text);
  }
  writeFileSync(join(courseDir, 'course.json'), 'old course\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

function newFiles(names: readonly string[]): Map<string, string> {
  return new Map(
    names.map((name) => {
      const file = join(work, name);
      writeFileSync(file, `new ${name}`);
      return [name, file];
    }),
  );
}

const contents = (dir: string): Record<string, string> => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

describe('isPerFilmFile', () => {
  it('knows the files that belong to one film', () => {
    for (const name of ['common-ground-film.mp4', 'poster.png', 'chapters.vtt', 'transcript.txt', 'film.json', 'captions.en-GB.vtt', 'descriptions.pa-Guru-IN.vtt']) {
      expect(isPerFilmFile(name)).toBe(true);
    }
    for (const name of ['README.md', 'captions.vtt', 'logo.png', 'captions.en GB.vtt']) expect(isPerFilmFile(name)).toBe(false);
  });
});

describe('installFilm', () => {
  it('replaces the film folder and course.json together, carrying over files that are not per-film', async () => {
    const files = newFiles(['common-ground-film.mp4', 'poster.png', 'captions.en-GB.vtt', 'chapters.vtt', 'transcript.txt', 'film.json']);
    await installFilm({ filmDir, files, courseJson: { path: join(courseDir, 'course.json'), text: 'new course\n' } });
    expect(contents(filmDir)).toEqual({
      'README.md': 'notes kept by the trust',
      'captions.en-GB.vtt': 'new captions.en-GB.vtt',
      'chapters.vtt': 'new chapters.vtt',
      'common-ground-film.mp4': 'new common-ground-film.mp4',
      'film.json': 'new film.json',
      'poster.png': 'new poster.png',
      'transcript.txt': 'new transcript.txt',
    });
    expect(readFileSync(join(courseDir, 'course.json'), 'utf8')).toBe('new course\n');
    // No staging, backup or temporary course.json is left behind, and the folder is as readable as before.
    expect(readdirSync(join(courseDir, 'media'))).toEqual(['film']);
    expect(readdirSync(courseDir).sort()).toEqual(['course.json', 'media']);
    expect(statSync(filmDir).mode & 0o777).toBe(0o755);
  });

  it('creates the film folder when the course has none yet', async () => {
    rmSync(join(courseDir, 'media'), { recursive: true });
    await installFilm({ filmDir, files: newFiles(['poster.png']), courseJson: { path: join(courseDir, 'course.json'), text: 'new course\n' } });
    expect(contents(filmDir)).toEqual({ 'poster.png': 'new poster.png' });
  });

  it('leaves the course untouched when a new file cannot be copied', async () => {
    const before = contents(filmDir);
    const files = newFiles(['poster.png']);
    files.set('common-ground-film.mp4', join(work, 'never-made.mp4'));
    await expect(installFilm({ filmDir, files, courseJson: { path: join(courseDir, 'course.json'), text: 'new course\n' } })).rejects.toThrow(
      /could not prepare the new film folder; the course is unchanged: .*never-made\.mp4/,
    );
    expect(contents(filmDir)).toEqual(before);
    expect(readFileSync(join(courseDir, 'course.json'), 'utf8')).toBe('old course\n');
    expect(readdirSync(join(courseDir, 'media'))).toEqual(['film']);
    expect(readdirSync(courseDir).sort()).toEqual(['course.json', 'media']);
  });

  it('puts the old film folder back when course.json cannot be replaced', async () => {
    const before = contents(filmDir);
    // A folder (with something in it) where course.json should go: the final rename fails.
    const blocked = join(root, 'blocked');
    mkdirSync(join(blocked, 'inside'), { recursive: true });
    await expect(installFilm({ filmDir, files: newFiles(['poster.png']), courseJson: { path: blocked, text: 'new course\n' } })).rejects.toThrow(
      /could not put the new film in place; the course is unchanged/,
    );
    expect(contents(filmDir)).toEqual(before);
    expect(readdirSync(join(courseDir, 'media'))).toEqual(['film']);
    expect(readdirSync(root).sort()).toEqual(['blocked', 'course', 'work']);
  });

  it('replaces the other course files (the audit record) in the same step, leaving no copies behind', async () => {
    mkdirSync(join(courseDir, 'accessibility'));
    writeFileSync(join(courseDir, 'accessibility', 'audit.json'), 'old audit\n');
    await installFilm({
      filmDir, files: newFiles(['poster.png']), courseJson: { path: join(courseDir, 'course.json'), text: 'new course\n' },
      otherFiles: [{ path: join(courseDir, 'accessibility', 'audit.json'), text: 'new audit\n' }],
    });
    expect(readFileSync(join(courseDir, 'course.json'), 'utf8')).toBe('new course\n');
    expect(contents(join(courseDir, 'accessibility'))).toEqual({ 'audit.json': 'new audit\n' });
    expect(readdirSync(courseDir).sort()).toEqual(['accessibility', 'course.json', 'media']);
  });

  it('puts course.json and the film folder back when a later course file cannot be replaced', async () => {
    const before = contents(filmDir);
    const blocked = join(courseDir, 'accessibility', 'audit.json');
    mkdirSync(join(blocked, 'inside'), { recursive: true });
    await expect(installFilm({
      filmDir, files: newFiles(['poster.png']), courseJson: { path: join(courseDir, 'course.json'), text: 'new course\n' },
      otherFiles: [{ path: blocked, text: 'new audit\n' }],
    })).rejects.toThrow(/could not put the new film in place; the course is unchanged/);
    expect(contents(filmDir)).toEqual(before);
    expect(readFileSync(join(courseDir, 'course.json'), 'utf8')).toBe('old course\n');
    expect(readdirSync(courseDir).sort()).toEqual(['accessibility', 'course.json', 'media']);
    expect(readdirSync(join(courseDir, 'accessibility'))).toEqual(['audit.json']);
  });
});
