// The logo in the package: copied under branding/, and the runtime config pointing at that copy.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Variant } from '../../course/model/types.ts';
import { brandingAssets } from '../../build/branding-assets.ts';
import { REPO, removeTempDirs, tempDir } from './course/fixtures.ts';
import { pngLogo } from './course/logo-fixtures.ts';

const VARIANTS = join(REPO, 'course/content/variants');
afterAll(removeTempDirs);

describe('brandingAssets', () => {
  it('copies an SVG logo to branding/logo.svg and rewrites the variant’s path, leaving the input alone', async () => {
    const variant = JSON.parse(await readFile(join(VARIANTS, 'example-acute-trust.json'), 'utf8')) as Variant;
    const before = structuredClone(variant);
    const { files, variant: packaged } = await brandingAssets(variant, VARIANTS);
    expect([...files.keys()]).toEqual(['branding/logo.svg']);
    expect(Buffer.from(files.get('branding/logo.svg')!).equals(await readFile(join(VARIANTS, 'logos/northmoor-valley.svg')))).toBe(true);
    expect(packaged.branding).toEqual({ ...before.branding, logo: { file: 'branding/logo.svg', alt: before.branding!.logo!.alt } });
    expect(variant).toEqual(before);
  });

  it('keeps a PNG a PNG, whatever the case of its extension', async () => {
    const dir = await tempDir();
    const png = pngLogo(120, 40);
    await mkdir(join(dir, 'logos'));
    await writeFile(join(dir, 'logos/x.PNG'), png);
    const variant = { id: 'v', displayName: 'V', organisation: 'O', standards: ['scorm12'], reflections: 'private', branding: { logo: { file: 'logos/x.PNG', alt: 'X' } } } as Variant;
    const { files, variant: packaged } = await brandingAssets(variant, dir);
    expect([...files]).toEqual([['branding/logo.png', png]]);
    expect(packaged.branding?.logo?.file).toBe('branding/logo.png');
  });

  it('adds nothing for a variant without a logo', async () => {
    const variant = JSON.parse(await readFile(join(VARIANTS, 'default.json'), 'utf8')) as Variant;
    const { files, variant: packaged } = await brandingAssets(variant, VARIANTS);
    expect(files.size).toBe(0);
    expect(packaged).toBe(variant);
  });
});
