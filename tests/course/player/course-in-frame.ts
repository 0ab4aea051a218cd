// The real course (player build, course media, a config.js per variant) inside an LMS page of a given size, for the
// player's browser tests that need a frame: Moodle's 650 × 666 player, an 800 × 600 or 1024 × 768 frame, a wide
// one. The LMS page carries scorm-again's SCORM 1.2 API, so the course runs as it does in an LMS, and a `resume`
// is the suspend_data the LMS holds from an earlier session.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Page } from 'playwright-core';
import type { RuntimeConfig } from '../../../course/model/types.ts';
import type { PlayerBuild } from '../../../build/player-build.ts';
import type { FileLookup } from '../../support/static-server.ts';
import { fixedFrameSize } from '../../../tools/preview/client/frame-sizes.ts';

const COURSE_DIR = fileURLToPath(new URL('../../../course/content/', import.meta.url));

/**
 * Frame sizes LMSs give a course: Moodle's player with its table of contents, and common fixed frames, as the preview
 * LMS offers them (tools/preview/client/frame-sizes.ts); and a wide one, roomier than any LMS frame.
 */
export const FRAMES = {
  moodle: fixedFrameSize('moodle'),
  small: fixedFrameSize('small'),
  medium: fixedFrameSize('medium'),
  wide: { width: 1200, height: 900 },
} as const;

export interface FrameSize {
  width: number;
  height: number;
}

const hostPage = (variant: string, size: FrameSize, resume: string | null): string => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>LMS</title>
<script src="/scorm12.min.js"></script>
<script>window.API = new Scorm12API({ lmsCommitUrl: false, logLevel: 5 });
window.API.loadFromFlattenedJSON(${JSON.stringify({
  'cmi.core.student_id': 'sam',
  'cmi.core.student_name': 'Patel, Sam',
  ...(resume === null ? {} : { 'cmi.suspend_data': resume, 'cmi.core.entry': 'resume' }),
}).replace(/</g, '\\u003c')});</script></head>
<body style="margin:0"><iframe id="course" title="Course" src="/${variant}/index.html" style="display:block;border:0;width:${size.width}px;height:${size.height}px"></iframe></body></html>`;

/**
 * What the test server holds: `host.html?variant=…&width=…&height=…[&resume=…]` is the LMS page; `<variant>/…` is the
 * package for that variant (its config.js, the course's media, the player, and `extra` files such as a logo).
 */
export async function courseInFrameFiles(player: PlayerBuild, configs: Record<string, RuntimeConfig>, extra: Record<string, string | Uint8Array> = {}): Promise<FileLookup> {
  // scorm-again's browser build (its package exports do not list the dist folder, so it is read by path).
  const scormAgain = await readFile(fileURLToPath(new URL('../../../node_modules/scorm-again/dist/scorm12.min.js', import.meta.url)));
  return (path, url) => {
    if (path === 'scorm12.min.js') return scormAgain;
    if (path === 'host.html') {
      const variant = url.searchParams.get('variant') ?? '';
      const size = { width: Number(url.searchParams.get('width')), height: Number(url.searchParams.get('height')) };
      return Object.hasOwn(configs, variant) ? hostPage(variant, size, url.searchParams.get('resume')) : undefined;
    }
    const [variant = '', ...rest] = path.split('/');
    if (!Object.hasOwn(configs, variant)) return undefined;
    const inPackage = rest.join('/');
    if (inPackage === 'config.js') return `window.COMMON_GROUND = ${JSON.stringify(configs[variant])};`;
    if (Object.hasOwn(extra, inPackage)) return extra[inPackage];
    if (inPackage.startsWith('media/') && normalize(inPackage).startsWith('media/')) {
      try {
        return readFileSync(join(COURSE_DIR, inPackage));
      } catch {
        return undefined;
      }
    }
    return player.files.get(inPackage);
  };
}

export interface CourseInFrame {
  page: Page;
  frame: Frame;
  /** Uncaught errors in the page or the frame. */
  errors: string[];
}

/** Opens the LMS page with the course in a frame of `size` (the window a little larger) and waits for its heading. */
export async function openInFrame(
  browser: Browser,
  origin: string,
  options: { variant: string; size: FrameSize; resume?: string | null; fixedRandom?: boolean },
): Promise<CourseInFrame> {
  const { size } = options;
  const page = await browser.newPage({ viewport: { width: size.width + 40, height: size.height + 40 } });
  // The same "random" numbers on every run (the learner's seed: which questions are asked, in which order), for a
  // test whose record must not change between runs.
  if (options.fixedRandom) {
    await page.addInitScript(() => {
      let next = 12345;
      crypto.getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
        const values = array as unknown as { length: number; [i: number]: number };
        for (let i = 0; i < values.length; i++) values[i] = next = (Math.imul(next, 1103515245) + 12345) >>> 0;
        return array;
      };
    });
  }
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const query = new URLSearchParams({ variant: options.variant, width: String(size.width), height: String(size.height) });
  if (options.resume) query.set('resume', options.resume);
  await page.goto(`${origin}/host.html?${query}`);
  const frame = page.frame({ url: /index\.html$/ });
  if (!frame) throw new Error('the course frame did not load');
  await frame.locator('#view-heading').waitFor();
  return { page, frame, errors };
}
