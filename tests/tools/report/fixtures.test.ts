// The committed input corpus (tests/fixtures/report/README.md) is exactly what its writer makes from the course as it
// is now: a change to the course's questions shows here first. To bring the files up to date:
// `npx tsx tests/fixtures/report/write-fixtures.ts`.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_FILES } from '../../fixtures/report/write-fixtures.ts';

describe('the report fixture corpus', () => {
  it.each(FIXTURE_FILES.map(([file, write]) => [relative(process.cwd(), file), file, write] as const))('%s is what write-fixtures.ts writes', (_name, file, write) => {
    const expected = write();
    const committed = readFileSync(file);
    expect(committed.equals(Buffer.isBuffer(expected) ? expected : Buffer.from(expected, 'utf8')), `${file} is out of date: run npx tsx tests/fixtures/report/write-fixtures.ts`).toBe(true);
  });
});
