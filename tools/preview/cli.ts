// `npm run preview [-- <package.zip>] [--port N] [--lms-profile P] [--lrs <endpoint> --lrs-auth <key:secret>]`: a local LMS on
// 127.0.0.1 that launches a package the way an LMS would, with a live inspector beside it. With --lrs, xAPI and cmi5
// statements go on to that real LRS (the preview stays the LMS: launch, State API, cmi5 rules). Without a zip it
// offers the packages under dist/packages. Prints its address; Ctrl-C (SIGINT) or SIGTERM closes the server, removes
// its temp folders and exits 0. A bad package: one line, exit 1; a wrong command line: one line, exit 2.
import { resolve } from 'node:path';
import { defineCommand, integerOption, parseCommandLine, helpText, UsageError } from '../cli/command-line.ts';
import { EXIT } from '../cli/exit-codes.ts';
import { CommandError, isMainModule, reportFailure, type CommandIo } from '../cli/run-command.ts';
import type { PreviewServer } from './server.ts';
import type { UpstreamLrs } from './xapi/lrs-forwarder.ts';
import { DEFAULT_PREVIEW_LMS_PROFILE, isPreviewLmsProfile, PREVIEW_LMS_PROFILES } from './lms-profile.ts';

export const PREVIEW_COMMAND = defineCommand({
  name: 'preview',
  invocation: 'npm run preview --',
  usage: ['[<package.zip>] [--port <n>] [--lms-profile <profile>] [--lrs <endpoint> --lrs-auth <key:secret>]'],
  summary:
    'A local LMS on 127.0.0.1 that launches a package the way an LMS would (scorm-again for SCORM; an LMS side with\n' +
    'the State API and statements for xAPI and cmi5), with a live inspector beside it. Without a zip it offers the\n' +
    'packages under dist/packages. Ctrl-C stops it and removes its temp folders.',
  options: {
    port: { type: 'string', value: '<n>', help: 'default 8720, or the next free one; 0 = any free port' },
    'lms-profile': {
      type: 'string',
      value: '<profile>',
      help: `how strict the LMS is: ${PREVIEW_LMS_PROFILES.join(', ')} (default ${DEFAULT_PREVIEW_LMS_PROFILE}; see tools/preview/README.md)`,
    },
    lrs: { type: 'string', value: '<endpoint>', help: 'xAPI / cmi5: send statements to this LRS\'s xAPI endpoint instead of keeping them in the preview' },
    'lrs-auth': { type: 'string', value: '<key:secret>', secret: true, help: 'the key and secret of an LRS client that may write statements (HTTP Basic)' },
  },
  positionals: { name: 'package', max: 1 },
});

export type Output = CommandIo;

/** Parse the arguments and start the server; resolves to the server, or to an exit code when it did not start. */
export async function runPreview(argv: readonly string[], output: Output = console): Promise<PreviewServer | number> {
  try {
    const parsed = parseCommandLine(PREVIEW_COMMAND, argv);
    if (parsed === 'help') {
      output.log(helpText(PREVIEW_COMMAND));
      return EXIT.ok;
    }
    return await startFromCommandLine(parsed.values, parsed.positionals, output);
  } catch (error) {
    return reportFailure(PREVIEW_COMMAND, argv, error, output);
  }
}

async function startFromCommandLine(
  values: { port: string | undefined; 'lms-profile': string | undefined; lrs: string | undefined; 'lrs-auth': string | undefined },
  positionals: string[],
  output: Output,
): Promise<PreviewServer> {
  const port = integerOption(values.port, 'port', 0, 65_535);
  const lmsProfile = values['lms-profile'] ?? DEFAULT_PREVIEW_LMS_PROFILE;
  if (!isPreviewLmsProfile(lmsProfile)) throw new UsageError(`--lms-profile must be one of ${PREVIEW_LMS_PROFILES.join(', ')} (got "${lmsProfile}")`);
  const { upstreamEndpoint } = await import('./xapi/lrs-forwarder.ts');
  const lrs = upstreamFrom(values.lrs, values['lrs-auth'], upstreamEndpoint);
  const { PackageError } = await import('./open-package.ts');
  const { DEFAULT_PORT, startPreviewServer } = await import('./server.ts');
  const [zip] = positionals;
  let server: PreviewServer;
  try {
    server = await startPreviewServer({
      ...(zip === undefined ? {} : { zipPath: resolve(zip) }),
      ...(port === undefined ? {} : { port }),
      ...(lrs === null ? {} : { lrs }),
      lmsProfile,
    });
  } catch (error) {
    // A refused package, or a port that is taken: the person can act on either.
    if (error instanceof PackageError || /^port \d+ is in use/.test((error as Error).message)) throw new CommandError((error as Error).message);
    throw error;
  }
  output.log(`Preview LMS running at ${server.packageUrl ?? server.url} (LMS profile: ${lmsProfile})`);
  if (lrs !== null) output.log(`xAPI and cmi5 statements go to the LRS at ${upstreamEndpoint(lrs.endpoint).href} (${await probeLrs(lrs, upstreamEndpoint)})`);
  if (zip === undefined) output.log(`Packages offered from ${resolve('dist/packages')}`);
  if (port === undefined && server.port !== DEFAULT_PORT) output.log(`(port ${DEFAULT_PORT} was taken)`);
  output.log('Press Ctrl-C to stop.');
  return server;
}

/** The --lrs / --lrs-auth pair, or null when neither is given; a UsageError says what is wrong with them. */
function upstreamFrom(endpoint: string | undefined, keySecret: string | undefined, check: (endpoint: string) => URL): UpstreamLrs | null {
  if (endpoint === undefined && keySecret === undefined) return null;
  if (endpoint === undefined) throw new UsageError('--lrs-auth goes with --lrs <endpoint>');
  if (keySecret === undefined) throw new UsageError('--lrs needs --lrs-auth <key:secret> (the LRS client\'s key and secret, joined by a colon)');
  if (!keySecret.includes(':')) throw new UsageError('--lrs-auth must be key:secret (the LRS client\'s key and secret, joined by a colon)');
  try {
    check(endpoint);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { endpoint, keySecret };
}

/** One look at the LRS's About resource, so a wrong address shows at once; the preview starts either way. */
async function probeLrs(lrs: UpstreamLrs, upstreamEndpoint: (endpoint: string) => URL): Promise<string> {
  try {
    const response = await fetch(new URL('about', upstreamEndpoint(lrs.endpoint)), { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) return `its About resource answered HTTP ${response.status}: is that the xAPI endpoint?`;
    const about = (await response.json().catch(() => ({}))) as { version?: unknown };
    return Array.isArray(about.version) ? `it answers, xAPI ${about.version.join(', ')}` : 'it answers';
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return `not answering now${code ? ` (${code})` : ''}: the course will be told it is unavailable and keep its statements until it is back`;
  }
}

async function main(): Promise<void> {
  const started = await runPreview(process.argv.slice(2));
  if (typeof started === 'number') {
    process.exitCode = started;
    return;
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      // A second Ctrl-C while closing: leave at once.
      process.exit(130);
    }
    stopping = true;
    console.log(`\nPreview LMS stopping (${signal})…`);
    started.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`preview: could not stop cleanly: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (isMainModule(import.meta.url)) {
  // Even a failure long after start-up (a request the server did not expect) ends in one line, not a stack trace.
  const late = (error: unknown): void => {
    process.exitCode = reportFailure(PREVIEW_COMMAND, process.argv.slice(2), error);
    process.exit();
  };
  process.on('uncaughtException', late);
  process.on('unhandledRejection', late);
  void main();
}
