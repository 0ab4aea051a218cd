// The one Vite build of the Preact player. Every package is this output plus its own config.js and descriptor.
import { createLogger, defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// index.html loads config.js (written into each package) as a classic script on purpose; Vite warns that it cannot
// bundle it. That one expected warning is dropped so real ones stand out.
const logger = createLogger('warn');
const warn = logger.warn.bind(logger);
logger.warn = (message, options) => {
  if (message.includes('<script src="./config.js">') && message.includes('can\'t be bundled')) return;
  warn(message, options);
};

/** The player's entry module (index.html's module script). */
const ENTRY = /course[\\/]player[\\/]main\.tsx$/;
/**
 * The course's logic (state/course-rules.ts: the reducer, the reports, the outcome and the marking they rest on, with
 * each screen type's rules and their registry, course/screen-types/rules.ts and what only it imports): one chunk,
 * fetched right after the first screen with the course's structure, which every later screen and a resume wait for.
 * Left to Rolldown it was seven chunks of a few hundred bytes each (issue 16).
 */
const COURSE_LOGIC = /course[\\/](player[\\/](state[\\/](course-rules|reduce|reports)|logic[\\/](knowledge|outcome|scenario|screen-completion|question-index|watched-ranges|character-budget))|screen-types[\\/](rules|screen-type-rules|question-rules|interactions|[\w-]+[\\/]rules))\.ts$/;
/**
 * The opening the xAPI and cmi5 adapters share, with the statement ids that cmi5's opening ("initialized" goes at
 * launch) and the rest of the session both make: one chunk, not one more first-screen request.
 */
const XAPI_OPENING = /course[\\/]runtime[\\/]xapi[\\/](xapi-opening|lrs-client|actor|uuid)\.ts$/;
/** Runtime modules every adapter shares, put in the entry chunk. */
const TRACKING_SHARED = /course[\\/]runtime[\\/]((?!connect\.)[\w-]+|shared[\\/](?!launch-error\.)[\w-]+|state[\\/](limits|hash))\.ts$/;

export default defineConfig({
  root: fileURLToPath(new URL('../course/player', import.meta.url)),
  // Packages are served from wherever the LMS unpacks them, so every URL in the output is relative.
  base: './',
  // config.js is written per package, not bundled; an empty public dir keeps stray files out of the zips.
  publicDir: false,
  logLevel: 'warn',
  customLogger: logger,
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/player', import.meta.url)),
    emptyOutDir: true,
    // The package step reads the chunk graph from here to leave other standards' adapters out of each zip.
    manifest: true,
    // NHS PCs run evergreen Edge or Chrome (Windows 10/11); ES2022 (Chrome/Edge 94+, Safari 16.4+, Firefox 93+) keeps
    // class fields native instead of rewritten into helper calls, which the first screen's byte budget needs.
    target: 'es2022',
    // A polyfill would add bytes to the first screen for browsers we do not target.
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What every tracking adapter shares (status channel, runtime deps, safety copy, reported outcome, LMS
            // profiles, limits, hash…) goes into the entry chunk: every first screen needs it, and left to Rolldown's
            // automatic splitting it was half a dozen chunks, some of a hundred bytes, each one more request (issue 16).
            // A group holding the entry module becomes the entry chunk; the adapters then import it from there.
            { name: 'index', test: (id: string) => TRACKING_SHARED.test(id) || ENTRY.test(id) },
            { name: 'course-logic', test: (id: string) => COURSE_LOGIC.test(id) },
            { name: 'xapi-opening', test: (id: string) => XAPI_OPENING.test(id) },
          ],
        },
      },
    },
  },
  server: { fs: { allow: [repoRoot] } },
});
