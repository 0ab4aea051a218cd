// The preview LMS's HTTP server, on 127.0.0.1 only. It answers only requests addressed to it by name (Host is
// 127.0.0.1 or localhost on its port: a DNS-rebinding page cannot reach it) and refuses state-changing requests
// from other origins. Routes:
//   GET /                   the chooser (no zip given), or a redirect to the package's LMS page
//   GET /open?zip=<path>    open a package listed by the chooser, then redirect to its LMS page
//   GET /_preview/assets/*  the LMS page's stylesheet, scripts and scorm-again's bundles
//   *   /p/<id>/*           one package: see package-session.ts
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { loadClientAssets, type ClientAssets } from './client-assets.ts';
import { HttpError, sendHtml, sendText } from './http-util.ts';
import { PackageError, openPackage } from './open-package.ts';
import { listPackages } from './package-list.ts';
import { PackageSession } from './package-session.ts';
import type { PreviewLmsProfile } from './lms-profile.ts';
import { upstreamEndpoint, type UpstreamLrs } from './xapi/lrs-forwarder.ts';
import { chooserPage, errorPage } from './pages.ts';
import { reportBug } from '../cli/run-command.ts';

export const DEFAULT_PORT = 8720;
/** Ports tried after the default one when it is taken. */
const PORT_ATTEMPTS = 20;
const HOST = '127.0.0.1';

export interface PreviewOptions {
  /** A package to open at start; without it, the chooser lists `packagesDir`. */
  zipPath?: string;
  /** Folder of built packages for the chooser (default: dist/packages under the working folder). */
  packagesDir?: string;
  /** 0 asks the system for a free port. Default: 8720, or the next free one. */
  port?: number;
  /** Where package temp folders go (default: the system temp folder). */
  tempRoot?: string;
  /** Validate each opened package in the background (default true). */
  checkPackages?: boolean;
  /** cmi5: how long ending a session waits for "terminated" before "abandoned" (default 1.5 s). */
  terminateGraceMs?: number;
  /** xAPI / cmi5 packages: forward statements to this real LRS (the preview stays the LMS). Default: in memory. */
  lrs?: UpstreamLrs;
  /** How strict the LMS is (lms-profile.ts). Default: "strictest". */
  lmsProfile?: PreviewLmsProfile;
}

export interface PreviewServer {
  /** "http://127.0.0.1:<port>/" */
  url: string;
  port: number;
  /** The LMS page of the package given at start, or null. */
  packageUrl: string | null;
  /** Stop listening, end open streams and connections, remove every temp folder. */
  close(): Promise<void>;
}

/** Start the preview LMS. Rejects with PackageError when the given zip cannot be previewed. */
export async function startPreviewServer(options: PreviewOptions = {}): Promise<PreviewServer> {
  const tempRoot = options.tempRoot ?? tmpdir();
  const packagesDir = resolve(options.packagesDir ?? 'dist/packages');
  const checkPackage = options.checkPackages ?? true;
  // A bad endpoint is refused before anything opens, in the words of the --lrs flag.
  if (options.lrs) upstreamEndpoint(options.lrs.endpoint);
  const sessions = new Map<string, PackageSession>();
  const openedByPath = new Map<string, PackageSession>();

  const openSession = async (zipPath: string, chooserLink: boolean): Promise<PackageSession> => {
    const absolute = resolve(zipPath);
    const existing = openedByPath.get(absolute);
    if (existing) return existing;
    const pkg = await openPackage(absolute, tempRoot);
    const session = new PackageSession(uniqueId(pkg.fileName, sessions), pkg, {
      checkPackage,
      chooserLink,
      ...(options.terminateGraceMs === undefined ? {} : { terminateGraceMs: options.terminateGraceMs }),
      ...(options.lrs ? { lrs: options.lrs } : {}),
      ...(options.lmsProfile ? { lmsProfile: options.lmsProfile } : {}),
    });
    sessions.set(session.id, session);
    openedByPath.set(absolute, session);
    return session;
  };

  // The package first: a bad zip is refused before anything else is prepared.
  const initial = options.zipPath === undefined ? null : await openSession(options.zipPath, false);
  let assets: ClientAssets;
  try {
    assets = await loadClientAssets();
  } catch (error) {
    await initial?.dispose();
    throw error;
  }
  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => fail(res, error));
  });

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const port = (server.address() as AddressInfo).port;
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) throw new HttpError(421, `this server answers only to ${HOST}:${port}`);
    const origin = `http://${host}`;
    const method = req.method ?? 'GET';
    // Browsers send Origin with cross-site requests that change things; only the LMS page's own origin may.
    if (method !== 'GET' && method !== 'HEAD' && req.headers.origin !== undefined && req.headers.origin !== origin) {
      throw new HttpError(403, 'cross-origin requests are refused');
    }
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;

    if (path === '/') {
      if (initial) {
        res.writeHead(303, { Location: `${initial.basePath}/` }).end();
        return;
      }
      sendHtml(res, 200, chooserPage(await listPackages(packagesDir), packagesDir, null));
      return;
    }
    if (path === '/open') {
      const listings = await listPackages(packagesDir);
      const wanted = listings.find((listing) => listing.relativePath === url.searchParams.get('zip'));
      if (!wanted) throw new HttpError(404, 'that package is not in the list');
      try {
        const session = await openSession(wanted.absolutePath, true);
        res.writeHead(303, { Location: `${session.basePath}/` }).end();
      } catch (error) {
        if (!(error instanceof PackageError)) throw error;
        sendHtml(res, 422, chooserPage(listings, packagesDir, error.message));
      }
      return;
    }
    if (path === '/favicon.ico') {
      // Browsers ask for it unprompted; "no content" keeps their consoles free of a 404.
      res.writeHead(204, { 'Cache-Control': 'max-age=86400' }).end();
      return;
    }
    if (path.startsWith('/_preview/assets/')) {
      serveAsset(res, assets, path.slice('/_preview/assets/'.length), method);
      return;
    }
    const match = /^\/p\/([^/]+)\/?(.*)$/.exec(url.pathname);
    if (match) {
      const session = sessions.get(match[1]!);
      if (!session) throw new HttpError(404, `no package "${match[1]}" is open`);
      // A bare /p/<id> would resolve the page's relative URLs against /p/; send the browser to /p/<id>/.
      if (!url.pathname.startsWith(`${session.basePath}/`)) {
        res.writeHead(308, { Location: `${session.basePath}/` }).end();
        return;
      }
      await session.handle(req, res, match[2]!, url, origin);
      return;
    }
    throw new HttpError(404, `nothing at ${path}`);
  };

  const port = await listen(server, options.port ?? DEFAULT_PORT, options.port === undefined ? PORT_ATTEMPTS : 1).catch(async (error: unknown) => {
    await initial?.dispose();
    throw error;
  });
  const url = `http://${HOST}:${port}/`;
  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    packageUrl: initial ? `http://${HOST}:${port}${initial.basePath}/` : null,
    close: () => {
      closing ??= (async () => {
        const stopped = new Promise<void>((done) => server.close(() => done()));
        for (const session of sessions.values()) session.log.closeStreams();
        server.closeAllConnections();
        await stopped;
        await Promise.all([...sessions.values()].map((session) => session.dispose()));
      })();
      return closing;
    },
  };
}

function fail(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    sendText(res, error.status, error.message, error.headers);
    return;
  }
  // One line on the terminal; the stack goes into the bug report file it names.
  console.error(reportBug('preview', error, `a request the preview LMS did not expect (${res.req?.method ?? '?'} ${res.req?.url ?? '?'})`));
  sendHtml(res, 500, errorPage('Internal error', error instanceof Error ? error.message : String(error)));
}

function serveAsset(res: ServerResponse, assets: ClientAssets, name: string, method: string): void {
  if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'assets are read-only', { Allow: 'GET, HEAD' });
  const asset = assets.get(name);
  if (!asset) throw new HttpError(404, `no asset "${name}"`);
  res.writeHead(200, { 'Content-Type': asset.contentType, 'Content-Length': asset.body.length, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(method === 'HEAD' ? undefined : asset.body);
}

/** Listen on 127.0.0.1 at `port`, or the next of `attempts` ports when it is taken. Resolves to the port bound. */
async function listen(server: Server, port: number, attempts: number): Promise<number> {
  for (let offset = 0; offset < attempts; offset++) {
    const candidate = port === 0 ? 0 : port + offset;
    try {
      await new Promise<void>((done, reject) => {
        const onError = (error: Error) => {
          server.off('listening', onListening);
          reject(error);
        };
        const onListening = () => {
          server.off('error', onError);
          done();
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(candidate, HOST);
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'EADDRINUSE' || offset === attempts - 1) {
        throw new Error(code === 'EADDRINUSE' ? `port ${candidate} is in use${attempts > 1 ? ` (tried ${port}-${candidate})` : ''}` : (error as Error).message);
      }
    }
  }
  throw new Error('no port to listen on');
}

/** A URL-safe id from the zip's name, unique among open packages. */
function uniqueId(fileName: string, taken: ReadonlyMap<string, unknown>): string {
  const base = fileName.replace(/\.zip$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'package';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
