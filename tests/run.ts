// `npm test [-- --project <name>]… [--skip-typecheck] [filter…] [-- <vitest options>]`: the type-check, then the
// vitest projects (tests/vitest.config.ts), each as its own process so that its exit status is the run's.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand, UsageError } from '../tools/cli/command-line.ts';
import { EXIT } from '../tools/cli/exit-codes.ts';
import { runMain } from '../tools/cli/run-command.ts';

const PROJECTS = ['unit', 'integration', 'browser', 'e2e'] as const;
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export const TEST_COMMAND = defineCommand({
  name: 'test',
  invocation: 'npm test --',
  usage: ['[--project <name>]… [--skip-typecheck] [file filter …]', '[…] -- <vitest options, e.g. -t "a test name">'],
  summary:
    'Type-checks the project (tsc --noEmit), then runs the vitest projects: unit (in-process logic), integration (the\n' +
    'Vite build, commands, xmllint, ffmpeg and the test LRS as processes; the XSD validator), browser (Chromium) and e2e (full walks;\n' +
    'builds every package first). Set REQUIRE_TOOLS=1 (CI does) to fail instead of skip when a tool is missing.',
  options: {
    project: { type: 'string', multiple: true, value: '<name>', help: `run only this project (repeatable): ${PROJECTS.join(', ')}` },
    'skip-typecheck': { type: 'boolean', help: 'leave out tsc --noEmit' },
  },
  positionals: { name: 'file filter', max: Infinity },
  passThrough: true,
  notes: ['npm run test:unit is npm test -- --project unit --skip-typecheck; npm run typecheck is the type-check alone.'],
});

runMain(TEST_COMMAND, async ({ values, positionals, rest }) => {
  const unknown = values.project.filter((name) => !(PROJECTS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new UsageError(`unknown project ${unknown.join(', ')} (allowed: ${PROJECTS.join(', ')})`);
  const require = createRequire(import.meta.url);
  if (!values['skip-typecheck']) {
    const code = await run(require.resolve('typescript/bin/tsc'), ['--noEmit', '-p', '.']);
    if (code !== 0) return EXIT.badInput;
  }
  const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  const projects = values.project.flatMap((name) => ['--project', name]);
  return (await run(vitest, ['run', '--config', 'tests/vitest.config.ts', ...projects, ...positionals, ...rest])) === 0 ? EXIT.ok : EXIT.badInput;
});

function run(script: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: REPO_ROOT, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
