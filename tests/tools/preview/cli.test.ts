// The command line: arguments, one-line refusals of bad packages (exit 1), and a real process that prints its address
// and stops cleanly on SIGINT / SIGTERM (exit 0, temp folders gone).
import { spawn } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPreview } from '../../../tools/preview/cli.ts';
import { renameEntry } from '../zip/builders.ts';
import { SCORM12_FILES, SCORM12_MANIFEST, workspace, zipOf, type Workspace } from './fixtures.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let space: Workspace;
beforeAll(async () => {
  space = await workspace();
});
afterAll(() => space.remove());

function collector() {
  const lines = { log: [] as string[], error: [] as string[] };
  return { lines, output: { log: (line: string) => lines.log.push(line), error: (line: string) => lines.error.push(line) } };
}

describe('runPreview', () => {
  it('shows usage for --help and refuses bad arguments', async () => {
    const help = collector();
    expect(await runPreview(['--help'], help.output)).toBe(0);
    expect(help.lines.log[0]).toMatch(/^usage: npm run preview/);
    for (const argv of [['--port', 'eighty'], ['--port', '70000'], ['a.zip', 'b.zip'], ['--colour']]) {
      const bad = collector();
      expect(await runPreview(argv, bad.output)).toBe(2);
      expect(bad.lines.error).toHaveLength(1);
      expect(bad.lines.error[0]).toMatch(/^preview: .*; see npm run preview -- --help$/);
    }
  });

  it.each([
    ['not a zip', () => Promise.resolve(new TextEncoder().encode('just text, no archive')), /^preview: bad\.zip is refused: \(archive\): /],
    ['zip-slip', async () => renameEntry(await zipOf({ ...SCORM12_FILES, 'zz/escape.txt': 'x' }), 'zz/escape.txt', '../escape.txt'), /^preview: bad\.zip is refused: \.\.\/escape\.txt: entry name climbs out/],
    ['no descriptor', () => zipOf({ 'index.html': '<p>hi</p>' }), /^preview: bad\.zip is not a package: no imsmanifest\.xml, cmi5\.xml or tincan\.xml at the zip root$/],
    ['unknown standard', () => zipOf({ ...SCORM12_FILES, 'imsmanifest.xml': SCORM12_MANIFEST.replace('imscp_rootv1p1p2', 'not_a_namespace') }), /^preview: bad\.zip: unknown standard: /],
  ])('refuses %s in one line, exit 1', async (_name, make, message) => {
    const path = await space.write('bad.zip', await make());
    const run = collector();
    expect(await runPreview([path, '--port', '0'], run.output)).toBe(1);
    expect(run.lines.error).toHaveLength(1);
    expect(run.lines.error[0]).toMatch(message);
    expect(run.lines.log).toEqual([]);
  });
});

/** The preview's temp folders in `tmp` (tsx keeps its own cache there too). */
async function previewFolders(tmp: string): Promise<string[]> {
  return (await readdir(tmp)).filter((name) => name.startsWith('cg-preview-'));
}

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI as `npm run preview` would (tsx), with TMPDIR pointed at `tmp`; `whenStarted` gets the printed URL. */
function runCli(args: string[], tmp: string, whenStarted?: (url: string, stop: (signal: NodeJS.Signals) => void) => void): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/preview/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let started = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /Preview LMS running at (\S+)/.exec(stdout);
      if (match && !started && whenStarted) {
        started = true;
        whenStarted(match[1]!, (signal) => child.kill(signal));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the preview process', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('prints its address, serves the course, and on %s closes, removes its temp folder and exits 0', async (signal) => {
    const tmp = join(space.folder, `tmp-${signal}`);
    await mkdir(tmp);
    const zip = await space.write(`course-${signal}.zip`, await zipOf(SCORM12_FILES));
    let served: number | null = null;
    let tempDuringRun: string[] = [];
    const exit = await runCli([zip, '--port', '0'], tmp, (url, stop) => {
      void (async () => {
        served = (await fetch(url)).status;
        tempDuringRun = await previewFolders(tmp);
        stop(signal);
      })();
    });
    expect(exit.stdout).toMatch(/^Preview LMS running at http:\/\/127\.0\.0\.1:\d+\/p\/course-sig(int|term)\/ \(LMS profile: strictest\)\n/);
    expect(exit.stdout).toContain(`Preview LMS stopping (${signal})`);
    expect(served).toBe(200);
    expect(tempDuringRun).toHaveLength(1);
    expect(exit.code).toBe(0);
    expect(await previewFolders(tmp)).toEqual([]);
  });

  it('exits 1 with one line for a package it cannot open', async () => {
    const tmp = join(space.folder, 'tmp-bad');
    await mkdir(tmp);
    const exit = await runCli([await space.write('broken.zip', new TextEncoder().encode('nope')), '--port', '0'], tmp);
    expect(exit.code).toBe(1);
    expect(exit.stderr.trim().split('\n')).toHaveLength(1);
    expect(exit.stderr).toMatch(/^preview: broken\.zip is refused/);
    expect(await previewFolders(tmp)).toEqual([]);
  });
});
