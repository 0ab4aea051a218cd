// Every npm script answers --help at once, without starting its work (issue 15.9): each is run exactly as a person
// would (npm run <script> -- --help) and must print its help and exit 0 within 2 s of CPU time. CPU time, not the
// clock, because the clock measures how busy a shared machine is; doing work (a Vite build, a browser, a film encode,
// a million statements) costs far more CPU than that. The clock time is printed beside it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const scripts = Object.keys((JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts);
/** Scripts that are another program's own command line (tsc); they answer --help in that program's words. */
const FOREIGN = new Set(['typecheck']);

/** CPU seconds used by this process's finished children (Linux /proc: cutime + cstime, in clock ticks). */
function childCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ", field 3 is the state; cutime and cstime are fields 16 and 17, i.e. indexes 13 and 14 here.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function runScript(script: string): Promise<{ code: number | null; stdout: string; stderr: string; cpu: number; wall: number }> {
  const cpuBefore = childCpuSeconds();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', '--help'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr, cpu: childCpuSeconds() - cpuBefore, wall: (performance.now() - started) / 1000 }));
  });
}

describe('npm run <script> -- --help', () => {
  it('covers every script in package.json', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(15);
  });

  it.each(scripts)('%s answers with its help, exit 0, in under 2 s of CPU', async (script) => {
    const { code, stdout, stderr, cpu, wall } = await runScript(script);
    console.log(`${script}: --help in ${cpu.toFixed(2)} s CPU, ${wall.toFixed(2)} s on the clock`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    if (FOREIGN.has(script)) {
      expect(stdout).toMatch(/tsc/);
    } else {
      const invocation = script === 'test' ? 'npm test' : `npm run ${script}`;
      const usage = script === 'test:unit' ? 'npm test --' : `${invocation} --`;
      expect(stdout.split('\n')[0]).toMatch(new RegExp(`^usage: ${usage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(stdout).toMatch(/\noptions:\n/);
      expect(stdout).toMatch(/-h, --help +show this help and exit/);
      expect(stdout.trimEnd().split('\n').at(-1)).toBe('exit status: 0 success, 1 bad input (the message names the file and field), 2 usage error');
    }
    expect(cpu).toBeLessThan(2);
  });
});
