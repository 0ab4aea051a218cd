// `npm run preview [-- <package.zip>] [--port N]`: a local LMS on 127.0.0.1 that launches a package the way an LMS
// would, with a live inspector beside it. Without a zip it offers the packages under dist/packages. Prints its address;
// Ctrl-C (SIGINT) or SIGTERM closes the server, removes its temp folders and exits 0. Bad input: one line, exit 1.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PackageError } from './open-package.ts';
import { DEFAULT_PORT, startPreviewServer, type PreviewServer } from './server.ts';

const USAGE = 'usage: npm run preview [-- <package.zip>] [--port N]   (default port 8720, or the next free one; 0 = any free port)';

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** Parse the arguments and start the server; resolves to the server, or to an exit code when it did not start. */
export async function runPreview(argv: readonly string[], output: Output = console): Promise<PreviewServer | number> {
  let args: { values: { port?: string; help?: boolean }; positionals: string[] };
  try {
    args = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
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
  const [zip] = args.positionals;
  try {
    const server = await startPreviewServer({ ...(zip === undefined ? {} : { zipPath: resolve(zip) }), ...(port === undefined ? {} : { port }) });
    output.log(`Preview LMS running at ${server.packageUrl ?? server.url}`);
    if (zip === undefined) output.log(`Packages offered from ${resolve('dist/packages')}`);
    if (port === undefined && server.port !== DEFAULT_PORT) output.log(`(port ${DEFAULT_PORT} was taken)`);
    output.log('Press Ctrl-C to stop.');
    return server;
  } catch (error) {
    output.error(`preview: ${error instanceof PackageError ? error.message : (error as Error).message}`);
    return 1;
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
