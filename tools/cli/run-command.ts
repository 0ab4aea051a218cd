// Every command's one top-level error boundary. A command's work runs inside runCommand, which turns whatever ends it
// into an exit status and at most a few lines a person can act on:
//   --help                      the help text, exit 0, before any work starts
//   a wrong command line        one line: what is wrong and where the help is, exit 2
//   a known failure             its own lines (file and field named), exit 1 (CommandError, or a file that cannot be
//                               read or written, named with the reason)
//   anything else               one line saying it is a bug and where the details were written, exit 1
// Stack traces go only into that details file, never to the terminal.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { helpHint, helpText, parseCommandLine, redactedArgv, UsageError, type CommandLine, type CommandSpec } from './command-line.ts';

export interface CommandIo {
  log(line: string): void;
  error(line: string): void;
}

/** A failure the command expected: its lines are for the person at the terminal (each names the file and field). */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  readonly lines: readonly string[];
  constructor(
    lines: string | readonly string[],
    readonly exitCode: ExitCode = EXIT.badInput,
  ) {
    const all = typeof lines === 'string' ? [lines] : [...lines];
    super(all[0] ?? '');
    this.lines = all;
  }
}

export { UsageError } from './command-line.ts';

export type CommandMain<S extends CommandSpec> = (commandLine: CommandLine<S>, io: CommandIo) => Promise<number | void>;

export interface RunOptions {
  io?: CommandIo;
  /** Where bug details are written (default: <system temp>/common-ground-bugs). */
  bugDir?: string;
}

/** Parse, run, and turn every ending into an exit status. Never throws. */
export async function runCommand<S extends CommandSpec>(spec: S, argv: readonly string[], main: CommandMain<S>, options: RunOptions = {}): Promise<number> {
  const io = options.io ?? consoleIo;
  try {
    const commandLine = parseCommandLine(spec, argv);
    if (commandLine === 'help') {
      io.log(helpText(spec));
      return EXIT.ok;
    }
    return (await main(commandLine, io)) ?? EXIT.ok;
  } catch (error) {
    return reportFailure(spec, argv, error, io, options.bugDir);
  }
}

/** What a failure prints, and its exit status. Exported for the few places that catch after start-up (a server). */
export function reportFailure(spec: CommandSpec, argv: readonly string[], error: unknown, io: CommandIo = consoleIo, bugDir?: string): number {
  if (error instanceof UsageError) {
    io.error(`${spec.name}: ${error.message}; ${helpHint(spec)}`);
    return EXIT.usage;
  }
  if (error instanceof CommandError) {
    // Indented lines are details of the line above; the others say which command spoke.
    for (const line of error.lines) io.error(/^\s/.test(line) || line.startsWith(`${spec.name}: `) ? line : `${spec.name}: ${line}`);
    return error.exitCode;
  }
  const fileProblem = describeFileError(error);
  if (fileProblem) {
    io.error(`${spec.name}: ${fileProblem}`);
    return EXIT.badInput;
  }
  io.error(bugLine(spec, argv, error, bugDir));
  return EXIT.badInput;
}

/** Run `main` as this process's command: exit status set, and even a late uncaught error gets the bug line. */
export function runMain<S extends CommandSpec>(spec: S, main: CommandMain<S>): void {
  const argv = process.argv.slice(2);
  const late = (error: unknown): void => {
    process.exitCode = reportFailure(spec, argv, error);
    process.exit();
  };
  process.on('uncaughtException', late);
  process.on('unhandledRejection', late);
  // A reader that stops early (`… | head`) is not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') late(error);
  });
  void runCommand(spec, argv, main).then((code) => {
    process.exitCode = code;
  });
}

/** Whether the module at `importMetaUrl` is the script node was started with. */
export function isMainModule(importMetaUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && importMetaUrl === pathToFileURL(resolve(script)).href;
}

const consoleIo: CommandIo = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
};

const FILE_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EEXIST: 'something is already there',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

/** "cannot write /x/y: permission denied" for an error from the file system, else undefined. */
export function describeFileError(error: unknown): string | undefined {
  const { code, path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof path !== 'string' || !(code in FILE_REASONS)) return undefined;
  const verb = /^(open|read|stat|lstat|scandir|access|readlink|realpath)$/.test(syscall ?? '') ? 'read' : 'write';
  return `cannot ${verb} ${path}: ${FILE_REASONS[code]}`;
}

/** Write the details of an unexpected error to a file; the one line that says so. */
function bugLine(spec: CommandSpec, argv: readonly string[], error: unknown, bugDir?: string): string {
  return reportBug(spec.name, error, `${spec.invocation} ${redactedArgv(spec, argv).join(' ')}`, bugDir);
}

/**
 * For an error nobody expected (a bug): its details (stack, cause chain, versions) written to a file, and the one line
 * that says so, for the terminal. `command` is what was run, with any secret already left out.
 */
export function reportBug(name: string, error: unknown, command: string, bugDir = join(tmpdir(), 'common-ground-bugs')): string {
  const summary = oneLine(error);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(bugDir, `${name}-${stamp}-${process.pid}.txt`);
  const details = [
    `command: ${command}`,
    `time: ${new Date().toISOString()}`,
    `node: ${process.version} on ${process.platform} ${process.arch}`,
    `working folder: ${process.cwd()}`,
    '',
    ...causeChain(error),
  ].join('\n');
  try {
    mkdirSync(bugDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${details}\n`, { mode: 0o600 });
    return `${name}: unexpected error (${summary}). This is a bug in Common Ground, not in your files; the details are in ${file}; please send that file with your report.`;
  } catch {
    return `${name}: unexpected error (${summary}). This is a bug in Common Ground, not in your files; the details could not be written to ${bugDir}, so please report this line.`;
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const first = text.split('\n', 1)[0]!.trim();
  return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}

function causeChain(error: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    lines.push(depth === 0 ? 'error:' : 'caused by:', current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines;
}
