// An in-process stand-in for an LRS's statements resource on 127.0.0.1 (node:http): Basic authentication, the
// xAPI version header, `limit`, and pages chained with `more` links. The real Learning Locker run belongs to the
// end-to-end tests; this one lets the report's reading, paging and error handling be tested in milliseconds.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeLrsOptions {
  /** Statements in stored order, newest first, as an LRS returns them by default. */
  statements: () => Iterable<object>;
  key?: string;
  secret?: string;
  /** The most an LRS sends per page, whatever limit is asked for. */
  maxPage?: number;
  /** Write `more` as an absolute URL (some LRSs do) rather than a path. */
  absoluteMore?: boolean;
}

export interface FakeLrs {
  endpoint: string;
  requests: { url: string; authorised: boolean; version: string | undefined }[];
  close(): Promise<void>;
}

export async function startFakeLrs(options: FakeLrsOptions): Promise<FakeLrs> {
  const key = options.key ?? 'report-key';
  const secret = options.secret ?? 'report-secret';
  const expected = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  const requests: FakeLrs['requests'] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const authorised = req.headers.authorization === expected;
    requests.push({ url: req.url ?? '', authorised, version: req.headers['x-experience-api-version'] as string | undefined });
    if (!authorised) {
      res.writeHead(401, { 'content-type': 'text/html' }).end('<html><body><h1>401 Unauthorized</h1></body></html>');
      return;
    }
    if (url.pathname !== '/data/xAPI/statements' || req.method !== 'GET') {
      res.writeHead(404).end('not found');
      return;
    }
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 100) || 100, options.maxPage ?? 100);
    const from = Number(url.searchParams.get('cursor') ?? 0);
    const page: object[] = [];
    let index = 0;
    let more = false;
    for (const statement of options.statements()) {
      if (index >= from + limit) {
        more = true;
        break;
      }
      if (index >= from) page.push(statement);
      index++;
    }
    const path = `/data/xAPI/statements?cursor=${from + limit}`;
    const address = server.address() as AddressInfo;
    const body = { statements: page, more: more ? (options.absoluteMore ? `http://127.0.0.1:${address.port}${path}` : path) : '' };
    res.writeHead(200, { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/data/xAPI/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
