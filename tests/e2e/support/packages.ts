// The packages under test come from the real build: the player's Vite build and the package step, exactly as
// `npm run build` runs them, but with the player's build folder in a temp folder too, so a test run never rewrites
// dist/ (or races another build writing it). The global setup builds once for every e2e file; a file run on its own
// (without the setup wired in) builds for itself.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { mergePart } from '../../../course/player/logic/course-parts.ts';
import JSZip from 'jszip';
import { inject } from 'vitest';
import type { RuntimeConfig, StandardId } from '../../../course/model/types.ts';
import { buildIntoTemp } from './build-into-temp.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding default/common-ground-<standard>.zip, built by tests/e2e/global-setup.ts. */
    e2ePackagesDir: string;
  }
}

export interface BuiltPackages {
  dir: string;
  zipOf(standard: StandardId): string;
  /** Remove the folder, when this file built it itself. */
  dispose(): Promise<void>;
}

/** The packages the global setup built, or a build of this file's own when the setup did not run. */
export async function builtPackages(): Promise<BuiltPackages> {
  const provided = inject('e2ePackagesDir');
  const dir = provided ?? (await buildIntoTemp());
  return {
    dir,
    zipOf: (standard) => join(dir, 'packages', 'default', `common-ground-${standard}.zip`),
    dispose: async () => {
      if (!provided) await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The RuntimeConfig a package carries: its config.js (the course's shell, as the build wrote it, variant applied) with
 * the course parts beside it merged in, so a test sees the whole course as the learner does once every part has come.
 */
export async function packageConfig(zipPath: string): Promise<RuntimeConfig> {
  const zip = await JSZip.loadAsync(await readFile(zipPath));
  const script = await zip.file('config.js')?.async('string');
  if (!script) throw new Error(`${zipPath} has no config.js`);
  const json = /window\.COMMON_GROUND = (.*);\s*$/s.exec(script)?.[1];
  if (!json) throw new Error(`${zipPath}: config.js is not in the form the build writes`);
  const config = JSON.parse(json) as RuntimeConfig;
  const part = async (path: string): Promise<unknown> => {
    const text = await zip.file(path)?.async('string');
    const body = text === undefined ? undefined : /^export default (.*);\s*$/s.exec(text)?.[1];
    if (body === undefined) throw new Error(`${zipPath}: ${path} is missing or not in the form the build writes`);
    return JSON.parse(body);
  };
  if (config.parts) {
    // The structure first, as the player merges it: its lists hold blanks where the parts hold text.
    mergePart(config.course, await part(config.parts.structure));
    for (const [index, path] of config.parts.sections.entries()) if (path) mergePart(config.course.sections[index], await part(path));
    mergePart(config.course, await part(config.parts.resources));
  }
  return config;
}
