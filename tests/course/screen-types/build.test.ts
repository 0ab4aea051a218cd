// The build tier of the screen types (course/screen-types/<type>/build.ts, registry build.ts): every type has its
// module and its schema piece, in the schema union's order. That the tier stays Node-only is checked on what the
// build emits (tests/build/cli.test.ts: no package's code carries a check's words), not by reading source.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCREEN_TYPES } from '../../../course/model/types.ts';
import { SCREEN_TYPE_BUILDS } from '../../../course/screen-types/build.ts';
import { REPO } from '../../build/course/fixtures.ts';

const COURSE = join(REPO, 'course');

describe('the screen types\' build tier', () => {
  it('registers every screen type, in the order of the schema\'s screen union, each with its schema piece beside it', () => {
    expect(Object.keys(SCREEN_TYPE_BUILDS)).toEqual([...SCREEN_TYPES]);
    for (const [type, build] of Object.entries(SCREEN_TYPE_BUILDS)) {
      expect(fileURLToPath(build.schema)).toBe(join(COURSE, 'screen-types', type, 'schema.json'));
      expect(existsSync(build.schema), `${type}/schema.json`).toBe(true);
    }
  });
});
