// The build tier of the screen types (course/screen-types/<type>/build.ts, registry build.ts): every type has its
// module and its schema piece, in the schema union's order, and the tier stays Node-only (nothing else under course/,
// where the player lives, imports it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCREEN_TYPES } from '../../../course/model/types.ts';
import { SCREEN_TYPE_BUILDS } from '../../../course/screen-types/build.ts';
import { REPO } from '../../build/course/fixtures.ts';

const COURSE = join(REPO, 'course');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

/** The build tier's own files: the registry, the shared declarations and each type's build.ts. */
const isBuildTier = (file: string): boolean => /^screen-types\/(build|screen-type-build)\.ts$|^screen-types\/[^/]+\/build\.ts$/.test(relative(COURSE, file));

describe('the screen types\' build tier', () => {
  it('registers every screen type, in the order of the schema\'s screen union, each with its schema piece beside it', () => {
    expect(Object.keys(SCREEN_TYPE_BUILDS)).toEqual([...SCREEN_TYPES]);
    for (const [type, build] of Object.entries(SCREEN_TYPE_BUILDS)) {
      expect(fileURLToPath(build.schema)).toBe(join(COURSE, 'screen-types', type, 'schema.json'));
      expect(existsSync(build.schema), `${type}/schema.json`).toBe(true);
    }
  });

  it('is imported by nothing else under course/ (the player and the runtime must not carry Node-only checks)', () => {
    const importers = sourceFiles(COURSE)
      .filter((file) => !isBuildTier(file))
      .filter((file) => /from\s+'[^']*(\/build|screen-type-build)\.ts'|import\(\s*'[^']*(\/build|screen-type-build)\.ts'/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(REPO, file));
    expect(importers).toEqual([]);
  });
});
