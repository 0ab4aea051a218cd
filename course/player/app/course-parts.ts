// Fetches the course's parts (build/course-parts.ts) as screens need them: a screen waits for its own section's part
// and the resources, the pages and the summary for all of them, and the player asks one section ahead while the
// learner reads. What has come stays merged into the course for the rest of the session, so losing the connection
// costs only what was never fetched; a failed fetch is forgotten, so the screen's "Try again" fetches afresh.
import type { RuntimeConfig } from '../../types.ts';
import { mergePart } from '../logic/course-parts.ts';

export interface CoursePartLoader {
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
  const load = (path: string | null | undefined, into: object): Promise<void> => {
    if (!path) return Promise.resolve();
    let promise = fetched.get(path);
    if (!promise) {
      // The browser keeps a failed module fetch for the page's life: a retry asks for it under another URL.
      const failed = failures.get(path) ?? 0;
      promise = importPart(failed === 0 ? path : `${path}?attempt=${failed + 1}`).then(
        (module) => void mergePart(into, module.default),
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
  const section = (index: number): Promise<void> => {
    const target = course.sections[index];
    if (!target) return Promise.resolve();
    return Promise.all([load(parts?.sections[index], target), load(parts?.resources, course)]).then(() => undefined);
  };
  return {
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
