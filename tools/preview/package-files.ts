// Serving the package's own files. A request path is decoded segment by segment, refused when it could climb out
// ("..", "%2e%2e", backslashes, NUL…), and then looked up in the package's file list: only files that were in the zip
// can be served, whatever the file system holds. Byte ranges are supported, because browsers seek video with them.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { unsafePathReason } from '../../manifests/paths.ts';
import { contentTypeFor } from './content-types.ts';
import { HttpError } from './http-util.ts';

/** The package path a URL path (the part after ".../content/", still %-encoded, no query) names. */
export function packagePathFromUrl(encoded: string): string {
  const segments = encoded.split('/');
  const decoded: string[] = [];
  for (const segment of segments) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      throw new HttpError(400, 'malformed %-escape in the path');
    }
    // A decoded "/" would join two segments into one the zip never held; "." and ".." are traversal.
    if (value === '' || value === '.' || value === '..' || value.includes('/')) throw new HttpError(400, `refused path segment "${segment}"`);
    decoded.push(value);
  }
  const path = decoded.join('/');
  const reason = unsafePathReason(path);
  if (reason) throw new HttpError(400, `refused path: it ${reason}`);
  return path;
}

export type ByteRange = { start: number; end: number };

/**
 * The single byte range a Range header asks for within `size` bytes: null when there is none, or when the header is
 * not a plain valid "bytes=" range (RFC 9110 §14.2: a server ignores an invalid Range, e.g. "bytes=5-1" whose last
 * position is before its first, and sends the whole file); 'unsatisfiable' (416) when a valid range lies outside it.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from, to] = match as unknown as [string, string, string];
  if (from === '' && to === '') return null;
  if (from === '') {
    // "bytes=-N": the last N bytes.
    const length = Number(to);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(from);
  if (to !== '' && Number(to) < start) return null;
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** Answer GET/HEAD for one package file; `headers` are added (the CSP report policy for HTML). */
export async function sendPackageFile(
  req: IncomingMessage,
  res: ServerResponse,
  files: ReadonlyMap<string, string>,
  path: string,
  headers: OutgoingHttpHeaders = {},
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'package files are read-only', { Allow: 'GET, HEAD' });
  const location = files.get(path);
  if (location === undefined) throw new HttpError(404, `"${path}" is not in the package`);
  const { size } = await stat(location);
  const common: OutgoingHttpHeaders = {
    'Content-Type': contentTypeFor(path),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  };
  const range = parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
    res.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : end - start + 1;
  res.writeHead(range ? 206 : 200, {
    ...common,
    'Content-Length': length,
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (req.method === 'HEAD' || length === 0) {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(location, { start, end });
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}
