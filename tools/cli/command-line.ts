// The one argument parser every command and benchmark uses. Node's own util.parseArgs splits the command line into
// tokens (no dependency to review, maintained with Node); this file judges them against a declared spec, so every
// command answers --help the same way, refuses a wrong command line in one line a person can act on (with the
// nearest option name for a typo), and exits 2 for it (EXIT.usage).
import { parseArgs } from 'node:util';
import { closestName } from '../../build/course/schema-errors.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once; the values come back as an array, in order. */
  multiple?: boolean;
  /** One-letter alias, e.g. "h". */
  short?: string;
  /** How the value is shown in help, e.g. "<dir>" (string options; default "<value>"). */
  value?: string;
  /** One line (or several, joined by \n) for --help. */
  help: string;
  /** The value is a credential: never written into a bug report. */
  secret?: boolean;
}

export interface CommandSpec {
  /** The command's name as messages start: "build: …". */
  name: string;
  /** What a person types before the arguments, e.g. "npm run build --". */
  invocation: string;
  /** The arguments, one line per form, e.g. "[--variant <id>]… [--out <dir>]" (after the invocation). */
  usage: readonly string[];
  /** What it does, in a sentence or two (shown under the usage by --help). */
  summary: string;
  options: Readonly<Record<string, OptionSpec>>;
  /** Arguments that are not options (file names…). Default: none allowed. */
  positionals?: { name: string; min?: number; max?: number };
  /** Whether words after a lone "--" are handed on to another program (CommandLine.rest) rather than read here. */
  passThrough?: boolean;
  /** Paragraphs shown after the options (examples, what the exit statuses mean for this command…). */
  notes?: readonly string[];
}

type ValueOf<O extends OptionSpec> = O['type'] extends 'boolean' ? boolean : O['multiple'] extends true ? string[] : string | undefined;

export type OptionValues<S extends CommandSpec> = { -readonly [K in keyof S['options']]: ValueOf<S['options'][K]> };

export interface CommandLine<S extends CommandSpec> {
  values: OptionValues<S>;
  positionals: string[];
  /** With spec.passThrough: every word after the first lone "--", as given. */
  rest: string[];
}

/** The command line is wrong; the message names what and how to put it right. Exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Declare a command with its literal types kept, so parsed values are typed by the spec. */
export function defineCommand<const S extends CommandSpec>(spec: S): S {
  return spec;
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help and exit' };

/** Parse argv against the spec: 'help' when --help/-h is anywhere among the options; throws UsageError. */
export function parseCommandLine<S extends CommandSpec>(spec: S, argv: readonly string[]): CommandLine<S> | 'help' {
  const options: Record<string, OptionSpec> = { ...spec.options, help: HELP };
  const config = Object.fromEntries(
    Object.entries(options).map(([name, option]) => [name, { type: option.type, ...(option.short ? { short: option.short } : {}), ...(option.multiple ? { multiple: true } : {}) }]),
  );
  // Non-strict tokens: every judgement below is ours, so each message can say exactly what to do.
  const { tokens } = parseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });
  if (tokens.some((token) => token.kind === 'option' && token.name === 'help' && token.value === undefined)) return 'help';

  const values: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(spec.options)) values[name] = option.type === 'boolean' ? false : option.multiple ? [] : undefined;
  const positionals: string[] = [];
  const terminator = tokens.find((token) => token.kind === 'option-terminator');
  const rest = spec.passThrough && terminator ? argv.slice(terminator.index + 1) : [];
  for (const token of tokens) {
    if (spec.passThrough && terminator && token.index > terminator.index) break;
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    const shown = token.rawName;
    if (!option || token.name === 'help') {
      const near = closestName(token.name, Object.keys(options));
      throw new UsageError(`unknown option ${shown}${near ? ` (did you mean --${near}?)` : ''}`);
    }
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${shown} takes no value (found "${token.value}")`);
      values[token.name] = true;
      continue;
    }
    // "--out --json": the next word is an option, not the value someone forgot to give.
    if (token.value === undefined || (!token.inlineValue && isOptionWord(token.value, options))) {
      throw new UsageError(`${shown} needs a value: ${shown} ${option.value ?? '<value>'}`);
    }
    if (option.multiple) (values[token.name] as string[]).push(token.value);
    else if (values[token.name] !== undefined) throw new UsageError(`${shown} is given twice; give it once`);
    else values[token.name] = token.value;
  }

  const { min = 0, max = 0, name = 'argument' } = spec.positionals ?? {};
  if (positionals.length > max) {
    const extra = positionals[max]!;
    throw new UsageError(
      max === 0
        ? `unexpected argument "${extra}"${extra.startsWith('-') ? '' : ' (options start with --)'}`
        : `too many arguments: at most ${max} ${name}${max === 1 ? '' : 's'} (found "${extra}" after ${max})`,
    );
  }
  if (positionals.length < min) throw new UsageError(`no ${name} given`);
  return { values: values as OptionValues<S>, positionals, rest: [...rest] };
}

function isOptionWord(word: string, options: Readonly<Record<string, OptionSpec>>): boolean {
  if (word.startsWith('--')) return true;
  return /^-[A-Za-z]$/.test(word) && Object.values(options).some((option) => option.short === word.slice(1));
}

/** The whole --help text. */
export function helpText(spec: CommandSpec): string {
  const options = { ...spec.options, help: HELP };
  const labels = Object.entries(options).map(([name, option]) => {
    const long = `--${name}${option.type === 'string' ? ` ${option.value ?? '<value>'}` : ''}`;
    return option.short ? `-${option.short}, ${long}` : `    ${long}`;
  });
  const width = Math.min(32, Math.max(...labels.map((label) => label.length)) + 2);
  const lines = [...spec.usage.map((form, index) => `${index === 0 ? 'usage: ' : '       '}${spec.invocation} ${form}`), '', spec.summary, '', 'options:'];
  Object.values(options).forEach((option, index) => {
    const label = labels[index]!;
    const help = option.help.split('\n');
    if (label.length + 2 > width) lines.push(`  ${label}`, ...help.map((line) => `  ${' '.repeat(width)}${line}`));
    else lines.push(`  ${label.padEnd(width)}${help[0]}`, ...help.slice(1).map((line) => `  ${' '.repeat(width)}${line}`));
  });
  for (const note of spec.notes ?? []) lines.push('', note);
  lines.push('', 'exit status: 0 success, 1 bad input (the message names the file and field), 2 usage error');
  return lines.join('\n');
}

/** Where the full help is, for the end of a usage error's line. */
export function helpHint(spec: CommandSpec): string {
  return `see ${spec.invocation} --help`;
}

/** A whole number option in [min, max], or a UsageError naming the option. */
export function integerOption(raw: string | undefined, option: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) throw new UsageError(`--${option} must be a whole number from ${min} to ${max} (found "${raw}")`);
  return value;
}

/** argv with the values of secret options replaced, for anything written down (bug reports). */
export function redactedArgv(spec: CommandSpec, argv: readonly string[]): string[] {
  const secret = new Set(Object.entries(spec.options).filter(([, option]) => option.secret).map(([name]) => `--${name}`));
  const out: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const [name] = arg.split('=', 1);
    if (!secret.has(name!)) out.push(arg);
    else if (arg.includes('=')) out.push(`${name}=<redacted>`);
    else out.push(arg, ...(index + 1 < argv.length ? ['<redacted>'] : [])), index++;
  }
  return out;
}
