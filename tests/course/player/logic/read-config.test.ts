import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../../course/player/logic/read-config.ts';
import { fixtureConfig } from '../fixture-course.ts';
import { SCREEN_TYPES } from '../../../../course/model/types.ts';

function broken(edit: (config: Record<string, any>) => void): unknown {
  const config = structuredClone(fixtureConfig()) as Record<string, any>;
  edit(config);
  return config;
}

describe('readConfig', () => {
  it('accepts a complete config', () => {
    const config = fixtureConfig();
    expect(readConfig(config)).toEqual({ ok: true, config });
  });

  it('explains a missing config.js', () => {
    expect(readConfig(undefined)).toEqual({ ok: false, problem: expect.stringContaining('config.js') });
    expect(readConfig('text')).toMatchObject({ ok: false });
  });

  it('names the first problem it finds', () => {
    expect(readConfig(broken((c) => (c.standard = 'aicc')))).toMatchObject({ problem: expect.stringContaining('standard') });
    expect(readConfig(broken((c) => delete c.build))).toMatchObject({ problem: expect.stringContaining('build.courseVersion') });
    expect(readConfig(broken((c) => delete c.course.film))).toMatchObject({ problem: expect.stringContaining('course.film') });
    expect(readConfig(broken((c) => (c.course.sections = [])))).toMatchObject({ problem: expect.stringContaining('sections') });
    expect(readConfig(broken((c) => (c.course.sections[0].screens[0].type = 'quiz')))).toMatchObject({ problem: expect.stringContaining('"quiz"') });
    expect(readConfig(broken((c) => (c.course.sections[1].screens[0].id = 'welcome')))).toMatchObject({ problem: expect.stringContaining('share the id') });
  });

  it('knows every screen type the course schema declares, from the schema itself', () => {
    const schema = JSON.parse(readFileSync(new URL('../../../../course/schema/course.schema.json', import.meta.url), 'utf8')) as {
      $defs: Record<string, { oneOf?: { $ref: string }[]; properties?: { type?: { const?: string } } }>;
    };
    const declared = schema.$defs.screen!.oneOf!.map((branch) => schema.$defs[branch.$ref.replace('#/$defs/', '')]!.properties!.type!.const);
    expect([...SCREEN_TYPES]).toEqual(declared);
    for (const type of declared) expect(readConfig(broken((c) => (c.course.sections[0].screens[0].type = type)))).toMatchObject({ ok: true });
  });
});
