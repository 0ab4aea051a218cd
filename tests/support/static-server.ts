// A static file server for browser tests: the test decides what each path holds, this serves it on 127.0.0.1 with
// the Content-Type the preview LMS would give it (one table: tools/preview/content-types.ts), 404 for anything
// the test does not hold, and keeps the list of paths asked for so a test can check what the page fetched.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { posix } from 'node:path';
import { contentTypeFor } from '../../tools/preview/content-types.ts';

/**
 * What the server holds at `path`: the request's decoded, normalised path without its leading slash ("index.html",
 * "private/config.js"), with the whole request URL for its query. Undefined means 404.
 */
export type FileLookup = (path: string, url: URL) => string | Uint8Array | undefined;

export interface StaticServer {
  /** "http://127.0.0.1:<port>", no trailing slash. */
  origin: string;
  /** Every path asked for, in order, in the form the lookup received it (404s included). */
  requested: string[];
  close(): Promise<void>;
}

/** The request path as the lookup sees it; undefined when it cannot be decoded (a malformed %-escape). */
function requestPath(url: URL): string | undefined {
  try {
    // normalize folds "a/../b" and leading "/.." away, so no path reaches above the server's root.
    return posix.normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
}

/** Starts the server on a free port; the caller closes it. */
export async function serveFiles(lookup: FileLookup): Promise<StaticServer> {
  const requested: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = requestPath(url);
    if (path === undefined) {
      response.writeHead(400).end();
      return;
    }
    requested.push(path);
    const body = lookup(path, url);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': contentTypeFor(path) }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requested,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A browser's keep-alive sockets would otherwise hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
