// A variant's logo file: where it is, what it really is, and whether it suits the course header. The limits are
// for a header band about 40–56 CSS px high that must also fit a 320 px phone screen:
// - at most 100 KB: every package of the variant carries it, and a logo needs far less;
// - PNG 40 to 400 pixels high (fewer is blurry even on ordinary screens; more is waste) and at most 1000 wide;
// - any logo at most 6 times as wide as high (wider shrinks its lettering below reading size on a phone) and at
//   least half as wide as high. An SVG scales without loss, so only its shape is checked, not its size.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { VariantBranding } from '../../course/model/types.ts';
import type { CourseProblem } from './problems.ts';
import { describeFsError } from './read-json.ts';
import { hasPngSignature, readPngSize } from './png-header.ts';
import { checkSvgLogo } from './svg-logo.ts';
import { closestName } from './schema-errors.ts';

export const LOGO_LIMITS = {
  maxBytes: 100 * 1024,
  pngMinHeight: 40,
  pngMaxHeight: 400,
  pngMaxWidth: 1000,
  /** width ÷ height */
  maxAspect: 6,
  minAspect: 0.5,
} as const;

export type LogoKind = 'svg' | 'png';

const POINTER = '/branding/logo/file';

/**
 * Where a logo path (relative to the variant file) points, or why it may not be used. The folder holding the variant
 * file is the limit: the logo travels with the variant files, never from elsewhere on the machine.
 */
export function resolveLogoPath(variantFile: string, logoPath: string): { path: string } | { reason: string } {
  if (isAbsolute(logoPath) || /^[A-Za-z]:/.test(logoPath)) return { reason: 'is an absolute path; write it relative to the variant file' };
  if (logoPath.includes('\\')) return { reason: 'contains a backslash; use forward slashes' };
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(logoPath)) return { reason: 'is a URL; the package must carry the logo itself' };
  const parts = logoPath.split('/');
  if (parts.includes('..')) return { reason: 'goes up out of the variants folder ("..")' };
  if (parts.some((part) => part === '' || part === '.')) return { reason: 'has an empty or "." part' };
  const root = resolve(dirname(variantFile));
  return { path: resolve(root, logoPath) };
}

/** Problems with the logo a variant names; `kind` is what the file really holds when it is usable. */
export async function checkLogo(variantFile: string, logo: NonNullable<VariantBranding['logo']>): Promise<{ problems: CourseProblem[]; kind?: LogoKind; path?: string }> {
  const fail = (message: string, allowed?: string): { problems: CourseProblem[] } => ({
    problems: [{ file: variantFile, pointer: POINTER, message: `${JSON.stringify(logo.file)} ${message}`, ...(allowed ? { allowed } : {}) }],
  });
  const resolved = resolveLogoPath(variantFile, logo.file);
  if ('reason' in resolved) return fail(resolved.reason, 'a path inside the variants folder, relative to the variant file');

  let bytes: Uint8Array;
  try {
    const realRoot = await realpath(dirname(variantFile));
    const realFile = await realpath(resolved.path);
    const within = relative(realRoot, realFile);
    if (within === '' || within.startsWith('..' + sep) || within === '..' || isAbsolute(within)) return fail('links to a file outside the variants folder');
    const info = await stat(realFile);
    if (!info.isFile()) return fail('is not a file');
    if (info.size > LOGO_LIMITS.maxBytes) return fail(`is ${kilobytes(info.size)}, which is too big for a logo`, `at most ${kilobytes(LOGO_LIMITS.maxBytes)}`);
    bytes = new Uint8Array(await readFile(realFile));
  } catch (error) {
    const reason = describeFsError(error);
    if (reason !== 'it does not exist') return fail(`cannot be read: ${reason} (${resolved.path})`);
    return fail(`does not exist (looked for ${resolved.path})${await nearestFile(resolved.path, logo.file)}`);
  }

  const named = extname(logo.file).toLowerCase() === '.png' ? 'png' : 'svg';
  const actual: LogoKind | 'other' = hasPngSignature(bytes) ? 'png' : looksLikeSvg(bytes) ? 'svg' : 'other';
  if (actual === 'other') {
    const other = otherImageKind(bytes);
    return fail(`is named .${named} but holds ${other ? `a ${other} image` : 'neither an SVG nor a PNG image'}`, LOGO_FORMATS);
  }
  if (actual !== named) return fail(`is named .${named} but holds a${actual === 'svg' ? 'n SVG' : ' PNG'} image`, `the extension .${actual}`);

  const problems: string[] = [];
  let size: { width: number; height: number } | undefined;
  if (actual === 'png') {
    const png = readPngSize(bytes);
    if ('reason' in png) problems.push(`is not a readable PNG: it ${png.reason}`);
    else {
      size = png;
      const { pngMinHeight, pngMaxHeight, pngMaxWidth } = LOGO_LIMITS;
      if (png.height < pngMinHeight || png.height > pngMaxHeight || png.width > pngMaxWidth) {
        problems.push(`is ${png.width} × ${png.height} pixels, outside the size a header logo needs (${pngMinHeight} to ${pngMaxHeight} pixels high, at most ${pngMaxWidth} wide)`);
      }
    }
  } else {
    const svg = checkSvgLogo(new TextDecoder().decode(bytes));
    problems.push(...svg.problems);
    size = svg.size;
  }
  if (size !== undefined) {
    const aspect = size.width / size.height;
    if (aspect > LOGO_LIMITS.maxAspect || aspect < LOGO_LIMITS.minAspect) {
      problems.push(`is ${round(aspect)} times as wide as it is high, which will not fit the header (from ${LOGO_LIMITS.minAspect} to ${LOGO_LIMITS.maxAspect} times)`);
    }
  }
  return {
    problems: problems.map((message) => ({ file: variantFile, pointer: POINTER, message: `${JSON.stringify(logo.file)} ${message}` })),
    kind: actual,
    path: resolved.path,
  };
}

/** An SVG file starts (after an optional byte-order mark, XML declaration, comments and space) with "<svg". */
/** What a logo may be, and how to get there from a photo format. */
export const LOGO_FORMATS = 'an SVG (best: sharp at every size) or a PNG; export the logo as SVG, or convert the image to PNG';

const PHOTO_EXTENSIONS: Readonly<Record<string, string>> = { jpg: 'JPEG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP', bmp: 'BMP', avif: 'AVIF', tif: 'TIFF', tiff: 'TIFF', heic: 'HEIC' };

/**
 * A logo named as another image format (logo.jpg): one short problem instead of the schema's whole description of
 * the field, or undefined.
 */
export function logoFormatProblem(variant: unknown, variantFile: string): CourseProblem | undefined {
  const file = (variant as { branding?: { logo?: { file?: unknown } } } | undefined)?.branding?.logo?.file;
  if (typeof file !== 'string') return undefined;
  const kind = PHOTO_EXTENSIONS[extname(file).slice(1).toLowerCase()];
  return kind ? { file: variantFile, pointer: POINTER, message: `${JSON.stringify(file)} is a ${kind} file; a logo must be SVG or PNG`, allowed: LOGO_FORMATS } : undefined;
}

/** An image format a logo may not be, told by its first bytes (or by its extension when nothing is read). */
export function otherImageKind(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'JPEG';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 12));
  if (head.startsWith('GIF8')) return 'GIF';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'WebP';
  if (head.startsWith('BM')) return 'BMP';
  if (/^\x00\x00\x00.ftypavif/.test(head)) return 'AVIF';
  return undefined;
}

/** ' (did you mean "logos/x.svg"?)' for the file in the same folder nearest in name, written as `written` is, or ''. */
async function nearestFile(path: string, written: string): Promise<string> {
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  const near = closestName(basename(path), names);
  const folder = dirname(written) === '.' ? '' : `${dirname(written)}/`;
  return near ? ` (did you mean "${folder}${near}"?)` : names.length === 0 ? ` (the folder ${dirname(path)} is empty or missing)` : '';
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const stripped = head.replace(/^\s*(<\?xml[^>]*\?>)?(\s*<!--[\s\S]*?-->)*\s*(<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>)?(\s*<!--[\s\S]*?-->)*\s*/i, '');
  return /^<(\w+:)?svg[\s>/]/.test(stripped);
}

function kilobytes(bytes: number): string {
  return `${round(bytes / 1024)} KB`;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
