// A web server in front of the preview LMS that compresses text responses with gzip, as the web server of any real
// LMS does; the preview itself sends everything uncompressed, so bytes measured straight from it would overstate what
// a learner downloads. It answers on its own port on 127.0.0.1 and makes the preview believe it is spoken to
// directly: Host and Origin are rewritten on the way in, and the preview's own address in text it returns (absolute
// launch, LRS and returnURL addresses, %-encoded or not) is rewritten to the proxy's on the way out, so every request
// stays on one origin. Byte ranges (the film), event streams and anything not text pass through unchanged.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const COMPRESSIBLE = /^(text\/(?!event-stream)|application\/(json|javascript|xml))/;

export interface CompressingProxy {
  /** The proxy's origin, "http://127.0.0.1:PORT". */
  origin: string;
  /** `url` (on the preview's origin) as seen through the proxy. */
  through(url: string): string;
  close(): Promise<void>;
}

export async function startCompressingProxy(target: string): Promise<CompressingProxy> {
  const upstream = new URL(target);
  let origin = '';
  const server: Server = createServer((req, res) => forward(req, res));

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const headers = { ...req.headers, host: upstream.host };
    if (headers.origin) headers.origin = upstream.origin;
    if (headers.referer) headers.referer = headers.referer.replace(origin, upstream.origin);
    // The preview answers uncompressed; compression is this server's job.
    delete headers['accept-encoding'];
    const outgoing = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (reply) => {
      const type = String(reply.headers['content-type'] ?? '');
      const whole = COMPRESSIBLE.test(type) && reply.statusCode !== 206 && req.method !== 'HEAD';
      if (!whole) {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      reply.on('data', (chunk: Buffer) => chunks.push(chunk));
      reply.on('end', () => {
        // Plain, and %-encoded as in a launch URL's query (endpoint, fetch).
        const text = Buffer.concat(chunks)
          .toString('utf8')
          .split(upstream.origin)
          .join(origin)
          .split(encodeURIComponent(upstream.origin))
          .join(encodeURIComponent(origin));
        const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        const body = wantsGzip ? gzipSync(text) : Buffer.from(text);
        const out = { ...reply.headers, 'content-length': String(body.length), vary: 'Accept-Encoding' };
        if (wantsGzip) out['content-encoding'] = 'gzip';
        res.writeHead(reply.statusCode ?? 502, out);
        res.end(body);
      });
    });
    outgoing.on('error', () => res.destroy());
    req.pipe(outgoing);
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    through: (url) => url.replace(upstream.origin, origin),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
