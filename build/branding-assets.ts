// A variant's logo inside its packages: copied to branding/logo.svg or branding/logo.png, and the variant handed to
// the runtime config with logo.file rewritten to that package path (the player uses it as a relative URL). The
// variant loader has already checked the file (place, type, size, SVG content).
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Variant } from '../course/model/types.ts';

export const BRANDING_FOLDER = 'branding';

export interface BrandingAssets {
  /** Package path → bytes (empty without a logo). */
  files: Map<string, Uint8Array>;
  /** The variant as packages see it: logo.file is the package path. */
  variant: Variant;
}

/** `variantsDir` is the folder holding the variant file; logo paths are relative to it. */
export async function brandingAssets(variant: Variant, variantsDir: string): Promise<BrandingAssets> {
  const logo = variant.branding?.logo;
  if (logo === undefined) return { files: new Map(), variant };
  const extension = extname(logo.file).toLowerCase() === '.png' ? 'png' : 'svg';
  const packagePath = `${BRANDING_FOLDER}/logo.${extension}`;
  const bytes = new Uint8Array(await readFile(join(variantsDir, logo.file)));
  return {
    files: new Map([[packagePath, bytes]]),
    variant: { ...variant, branding: { ...variant.branding, logo: { ...logo, file: packagePath } } },
  };
}
