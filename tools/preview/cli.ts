// `npm run preview [-- <package.zip>] [--port N] [--lms-profile P] [--lrs <endpoint> --lrs-auth <key:secret>]`: a local LMS on
// 127.0.0.1 that launches a package the way an LMS would, with a live inspector beside it. With --lrs, xAPI and cmi5
// statements go on to that real LRS (the preview stays the LMS: launch, State API, cmi5 rules). Without a zip it offers the packages under dist/packages. Prints its address;
// Ctrl-C (SIGINT) or SIGTERM closes the server, removes its temp folders and exits 0. Bad input: one line, exit 1.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PackageError } from './open-package.ts';
import { DEFAULT_PORT, startPreviewServer, type PreviewServer } from './server.ts';
import { upstreamEndpoint, type UpstreamLrs } from './xapi/lrs-forwarder.ts';
import { DEFAULT_PREVIEW_LMS_PROFILE, isPreviewLmsProfile, PREVIEW_LMS_PROFILES } from './lms-profile.ts';

const USAGE = `usage: npm run preview [-- <package.zip>] [--port N] [--lms-profile P] [--lrs <endpoint> --lrs-auth <key:secret>]
  --port N        default 8720, or the next free one; 0 = any free port
  --lms-profile P how strict the LMS is: ${PREVIEW_LMS_PROFILES.join(', ')} (default ${DEFAULT_PREVIEW_LMS_PROFILE}; see tools/preview/README.md)
  --lrs URL       xAPI / cmi5: send statements to this LRS's xAPI endpoint instead of keeping them in the preview
  --lrs-auth K:S  the key and secret of an LRS client that may write statements (HTTP Basic)`;

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** Parse the arguments and start the server; resolves to the server, or to an exit code when it did not start. */
export async function runPreview(argv: readonly string[], output: Output = console): Promise<PreviewServer | number> {
  let args: { values: { port?: string; lrs?: string; 'lrs-auth'?: string; 'lms-profile'?: string; help?: boolean }; positionals: string[] };
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { port: { type: 'string' }, lrs: { type: 'string' }, 'lrs-auth': { type: 'string' }, 'lms-profile': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    output.error(`preview: ${(error as Error).message}`);
    output.error(USAGE);
    return 1;
  }
  if (args.values.help) {
    output.log(USAGE);
    return 0;
  }
  if (args.positionals.length > 1) {
    output.error('preview: give at most one package');
    output.error(USAGE);
    return 1;
  }
  let port: number | undefined;
  if (args.values.port !== undefined) {
    port = Number(args.values.port);
    if (!/^\d+$/.test(args.values.port) || port > 65_535) {
      output.error(`preview: --port must be a number from 0 to 65535 (got "${args.values.port}")`);
      return 1;
    }
  }
  const lmsProfile = args.values['lms-profile'] ?? DEFAULT_PREVIEW_LMS_PROFILE;
  if (!isPreviewLmsProfile(lmsProfile)) {
    output.error(`preview: --lms-profile must be one of ${PREVIEW_LMS_PROFILES.join(', ')} (got "${lmsProfile}")`);
    return 1;
  }
  const lrs = upstreamFrom(args.values.lrs, args.values['lrs-auth']);
  if (typeof lrs === 'string') {
    output.error(`preview: ${lrs}`);
    output.error(USAGE);
    return 1;
  }
  const [zip] = args.positionals;
  try {
    const server = await startPreviewServer({
      ...(zip === undefined ? {} : { zipPath: resolve(zip) }),
      ...(port === undefined ? {} : { port }),
      ...(lrs === null ? {} : { lrs }),
      lmsProfile,
    });
    output.log(`Preview LMS running at ${server.packageUrl ?? server.url} (LMS profile: ${lmsProfile})`);
    if (lrs !== null) output.log(`xAPI and cmi5 statements go to the LRS at ${upstreamEndpoint(lrs.endpoint).href} (${await probeLrs(lrs)})`);
    if (zip === undefined) output.log(`Packages offered from ${resolve('dist/packages')}`);
    if (port === undefined && server.port !== DEFAULT_PORT) output.log(`(port ${DEFAULT_PORT} was taken)`);
    output.log('Press Ctrl-C to stop.');
    return server;
  } catch (error) {
    output.error(`preview: ${error instanceof PackageError ? error.message : (error as Error).message}`);
    return 1;
  }
}

/** The --lrs / --lrs-auth pair, null when neither is given, or what is wrong with them. */
function upstreamFrom(endpoint: string | undefined, keySecret: string | undefined): UpstreamLrs | null | string {
  if (endpoint === undefined && keySecret === undefined) return null;
  if (endpoint === undefined) return '--lrs-auth goes with --lrs <endpoint>';
  if (keySecret === undefined) return '--lrs needs --lrs-auth <key:secret> (the LRS client\'s key and secret, joined by a colon)';
  if (!keySecret.includes(':')) return '--lrs-auth must be key:secret (the LRS client\'s key and secret, joined by a colon)';
  try {
    upstreamEndpoint(endpoint);
  } catch (error) {
    return (error as Error).message;
  }
  return { endpoint, keySecret };
}

/** One look at the LRS's About resource, so a wrong address shows at once; the preview starts either way. */
async function probeLrs(lrs: UpstreamLrs): Promise<string> {
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

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void main();
}
