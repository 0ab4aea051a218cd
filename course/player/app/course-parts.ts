// Fetches the course's parts (build/course-parts.ts) as they are needed. The structure (what the state codec, the
// outcome and the marking read) is asked for right after the first screen, with the codec; a screen waits for its own
// section's part and the resources, the pages and the summary for all of them, and the player asks one section ahead
// while the learner reads. The structure is merged before any other part, whatever order they arrive in: its lists
// hold blanks where the parts hold text. What has come stays merged into the course for the rest of the session, so
// losing the connection costs only what was never fetched; a failed fetch is forgotten, so "Try again" fetches afresh.
import type { RuntimeConfig } from '../../model/types.ts';
import { mergePart } from '../logic/course-parts.ts';
import { provideCourseRules } from '../state/rules.ts';

export interface CoursePartLoader {
  /** Whether the course's structure is in place, with the rules that read it (state/rules.ts). */
  hasStructure(): boolean;
  /** Resolves once the structure is in place, and the rules with it. */
  structure(): Promise<void>;
  /** Resolves once the section (index in course order) and the resources are whole. */
  section(index: number): Promise<void>;
  /** Resolves once the whole course is. */
  all(): Promise<void>;
  /** Starts fetching a section's part (and the resources) without waiting; a failure is left to the screen that needs it. */
  prefetch(index: number): void;
}

type ImportPart = (url: string) => Promise<{ default: unknown }>;

// The page's own location: parts sit beside index.html, and import() would otherwise resolve from the chunk's folder.
const importFromPage: ImportPart = (path) => import(/* @vite-ignore */ new URL(path, document.baseURI).href) as Promise<{ default: unknown }>;

export function coursePartLoader(config: RuntimeConfig, importPart: ImportPart = importFromPage): CoursePartLoader {
  const { course, parts } = config;
  const fetched = new Map<string, Promise<void>>();
  const failures = new Map<string, number>();
  let structured = false;
  const load = (path: string | null | undefined, into: object, after: () => Promise<void>): Promise<void> => {
    if (!path) return Promise.resolve();
    let promise = fetched.get(path);
    if (!promise) {
      // The browser keeps a failed module fetch for the page's life: a retry asks for it under another URL.
      const failed = failures.get(path) ?? 0;
      promise = Promise.all([importPart(failed === 0 ? path : `${path}?attempt=${failed + 1}`), after()]).then(
        ([module]) => void mergePart(into, module.default),
        (error: unknown) => {
          fetched.delete(path);
          failures.set(path, failed + 1);
          throw error;
        },
      );
      fetched.set(path, promise);
    }
    return promise;
  };
  // The course's rules (state/rules.ts) read the structure, so they come with it (with a whole course too).
  const rules = (): Promise<void> => import('../state/course-rules.ts').then((m) => provideCourseRules(m.courseRules));
  const structure = (): Promise<void> =>
    Promise.all([load(parts?.structure, course, () => Promise.resolve()), rules()]).then(() => {
      structured = true;
    });
  const section = (index: number): Promise<void> => {
    const target = course.sections[index];
    if (!target) return Promise.resolve();
    // The structure (and the logic that reads it) too, for a whole course as well: every screen after the welcome
    // screen dispatches to that logic.
    return Promise.all([load(parts?.sections[index], target, structure), load(parts?.resources, course, structure), structure()]).then(() => undefined);
  };
  return {
    hasStructure: () => structured,
    structure,
    section,
    all: () => Promise.all(course.sections.map((_, index) => section(index))).then(() => undefined),
    prefetch: (index) => void section(index).catch(() => undefined),
  };
}

const loaders = new WeakMap<RuntimeConfig, CoursePartLoader>();

/** The one loader of a config (the player's screens share it). */
export function coursePartsOf(config: RuntimeConfig): CoursePartLoader {
  let loader = loaders.get(config);
  if (!loader) loaders.set(config, (loader = coursePartLoader(config)));
  return loader;
}
