// Runs the real build (support/build-packages.ts) in a child process, into a new temp folder. Used by the global
// setup, and by an e2e file run without it.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const BUILD_SCRIPT = fileURLToPath(new URL('./build-packages.ts', import.meta.url));

/** Build every standard of the default variant into a new temp folder (a child process: Vite runs in its own Node). */
export async function buildIntoTemp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cg-e2e-packages-'));
  try {
    await run(process.execPath, ['--import', 'tsx', BUILD_SCRIPT, dir], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    const failed = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`the e2e build failed: ${failed.message}\n${failed.stderr ?? ''}\n${failed.stdout ?? ''}`);
  }
  return dir;
}
