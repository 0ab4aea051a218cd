// The shared argument parser and the top-level error boundary every command runs inside (tools/cli).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineCommand, helpText, parseCommandLine, redactedArgv, UsageError } from '../../../tools/cli/command-line.ts';
import { CommandError, describeFileError, runCommand } from '../../../tools/cli/run-command.ts';

const SPEC = defineCommand({
  name: 'demo',
  invocation: 'npm run demo --',
  usage: ['<file> [--out <dir>] [--tag <t>]… [--json]'],
  summary: 'A command for the tests.',
  options: {
    out: { type: 'string', value: '<dir>', help: 'where to write' },
    tag: { type: 'string', multiple: true, value: '<t>', help: 'a tag (repeatable)' },
    json: { type: 'boolean', help: 'JSON out' },
    key: { type: 'string', secret: true, help: 'a secret' },
  },
  positionals: { name: 'file', min: 1, max: 2 },
});

const work = mkdtempSync(join(tmpdir(), 'cg-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function usageError(argv: string[]): string {
  try {
    parseCommandLine(SPEC, argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('no usage error');
}

describe('parseCommandLine', () => {
  it('reads options, repeated options and arguments, with typed defaults', () => {
    expect(parseCommandLine(SPEC, ['a.zip', '--out=x', '--tag', 'one', '--tag=two', '--json'])).toEqual({
      values: { out: 'x', tag: ['one', 'two'], json: true, key: undefined },
      positionals: ['a.zip'],
      rest: [],
    });
    expect(parseCommandLine(SPEC, ['a.zip'])).toMatchObject({ values: { out: undefined, tag: [], json: false } });
  });

  it('answers --help and -h wherever they are, before judging anything else', () => {
    expect(parseCommandLine(SPEC, ['--nonsense', '-h'])).toBe('help');
    expect(parseCommandLine(SPEC, ['--help'])).toBe('help');
  });

  it.each([
    [['a', '--ot', 'x'], 'unknown option --ot (did you mean --out?)'],
    [['a', '--frobnicate'], 'unknown option --frobnicate'],
    [['a', '--out'], '--out needs a value: --out <dir>'],
    [['a', '--out', '--json'], '--out needs a value: --out <dir>'],
    [['a', '--json=yes'], '--json takes no value (found "yes")'],
    [['a', '--out', 'x', '--out', 'y'], '--out is given twice; give it once'],
    [[], 'no file given'],
    [['a', 'b', 'c'], 'too many arguments: at most 2 files (found "c" after 2)'],
  ])('%j: %s', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });

  it('takes a value that starts with a dash when it is not an option (--out -1)', () => {
    expect(parseCommandLine(SPEC, ['a', '--out', '-1'])).toMatchObject({ values: { out: '-1' } });
  });

  it('writes help with every option, the help option and the exit statuses', () => {
    const help = helpText(SPEC);
    expect(help.split('\n')[0]).toBe('usage: npm run demo -- <file> [--out <dir>] [--tag <t>]… [--json]');
    expect(help).toMatch(/^ {6}--out <dir> +where to write$/m);
    expect(help).toMatch(/^ {2}-h, --help +show this help and exit$/m);
    expect(help.trimEnd().split('\n').at(-1)).toBe('exit status: 0 success, 1 bad input (the message names the file and field), 2 usage error');
  });

  it('keeps secrets out of anything written down', () => {
    expect(redactedArgv(SPEC, ['a', '--key', 'k:s', '--key=k:s', '--out', 'x'])).toEqual(['a', '--key', '<redacted>', '--key=<redacted>', '--out', 'x']);
  });
});

describe('runCommand, the error boundary', () => {
  const capture = () => {
    const lines = { log: [] as string[], error: [] as string[] };
    return { lines, io: { log: (line: string) => lines.log.push(line), error: (line: string) => lines.error.push(line) } };
  };

  it('a wrong command line: one line with where the help is, exit 2, the work never started', async () => {
    const { lines, io } = capture();
    let started = false;
    expect(await runCommand(SPEC, ['--ot', 'x'], async () => void (started = true), { io })).toBe(2);
    expect(lines.error).toEqual(['demo: unknown option --ot (did you mean --out?); see npm run demo -- --help']);
    expect(started).toBe(false);
  });

  it('a known failure: its own lines, exit 1', async () => {
    const { lines, io } = capture();
    const code = await runCommand(SPEC, ['a'], async () => {
      throw new CommandError(['the course data has 1 problem(s):', '  course.json: /title: is empty']);
    }, { io });
    expect(code).toBe(1);
    expect(lines.error).toEqual(['demo: the course data has 1 problem(s):', '  course.json: /title: is empty']);
  });

  it('a file that cannot be read or written: one line naming it, exit 1', async () => {
    const { lines, io } = capture();
    const code = await runCommand(SPEC, ['a'], async () => {
      readFileSync(join(work, 'missing.json'));
    }, { io });
    expect(code).toBe(1);
    expect(lines.error).toEqual([`demo: cannot read ${join(work, 'missing.json')}: it does not exist`]);
    expect(describeFileError(Object.assign(new Error('x'), { code: 'EACCES', path: '/x', syscall: 'mkdir' }))).toBe('cannot write /x: permission denied');
  });

  it('an unexpected error: one line saying it is a bug and where the details are, exit 1; the stack only in that file, secrets left out', async () => {
    const { lines, io } = capture();
    const bugDir = join(work, 'bugs');
    const code = await runCommand(SPEC, ['a', '--key', 'hunter2:secret'], async () => {
      (undefined as unknown as { x: () => void }).x();
    }, { io, bugDir });
    expect(code).toBe(1);
    expect(lines.error).toHaveLength(1);
    expect(lines.error[0]).toMatch(/^demo: unexpected error \(TypeError: Cannot read properties of undefined \(reading 'x'\)\)\. This is a bug in Common Ground, not in your files; the details are in .*\.txt; please send that file with your report\.$/);
    expect(lines.error[0]).not.toMatch(/\n|\s+at /);
    const [file] = readdirSync(bugDir);
    const details = readFileSync(join(bugDir, file!), 'utf8');
    expect(details).toMatch(/^command: npm run demo -- a --key <redacted>$/m);
    expect(details).toMatch(/TypeError: Cannot read properties of undefined[^]*\n\s+at /);
    expect(details).not.toContain('hunter2');
    expect(statSync(join(bugDir, file!)).mode & 0o777).toBe(0o600);
  });

  it('--help prints the help and exits 0', async () => {
    const { lines, io } = capture();
    expect(await runCommand(SPEC, ['--help'], async () => 1, { io })).toBe(0);
    expect(lines.log.join('\n')).toBe(helpText(SPEC));
  });
});
