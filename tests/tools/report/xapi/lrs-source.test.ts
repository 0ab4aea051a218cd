import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readLrsStatements } from '../../../../tools/report/xapi/lrs-source.ts';

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server answering each request with `respond(url)`: [status, body]. */
async function serve(respond: (url: string, port: number) => [number, string]): Promise<{ endpoint: string; urls: string[] }> {
  const urls: string[] = [];
  server = createServer((req, res) => {
    urls.push(req.url ?? '');
    const [status, body] = respond(req.url ?? '', (server!.address() as AddressInfo).port);
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi`, urls };
}

const page = (ids: number[], more: string) => JSON.stringify({ statements: ids.map((id) => ({ id: String(id) })), more });

describe('readLrsStatements', () => {
  it('asks with the query parameters, then follows `more` (a path or a same-server URL) to the end', async () => {
    const { endpoint, urls } = await serve((url, port) =>
      url.includes('p=2') ? [200, page([3], '')] : url.includes('p=1') ? [200, page([2], `http://127.0.0.1:${port}/xapi/statements?p=2`)] : [200, page([1], '/xapi/statements?p=1')],
    );
    const seen: unknown[] = [];
    const result = await readLrsStatements({ endpoint, auth: 'k:s', since: '2024-05-01T00:00:00.000Z', activity: 'https://example.org/course', pageSize: 7 }, (p) => {
      seen.push(...p);
    });
    expect(result).toEqual({ pages: 3, statements: 3 });
    expect(seen).toEqual([{ id: '1' }, { id: '2' }, { id: '3' }]);
    const first = new URL(urls[0]!, 'http://x');
    expect(first.pathname).toBe('/xapi/statements');
    expect(Object.fromEntries(first.searchParams)).toEqual({ limit: '7', since: '2024-05-01T00:00:00.000Z', activity: 'https://example.org/course', related_activities: 'true' });
    expect(urls.slice(1)).toEqual(['/xapi/statements?p=1', '/xapi/statements?p=2']);
  });

  it('stops on a `more` link it has already followed', async () => {
    const { endpoint } = await serve(() => [200, page([1], '/xapi/statements?p=1')]);
    await expect(readLrsStatements({ endpoint, auth: 'k:s' }, () => {})).rejects.toThrow(/same "more" link twice/);
  });

  it('will not send the credentials to another server', async () => {
    const { endpoint } = await serve(() => [200, page([1], 'http://lrs.elsewhere.example/xapi/statements?p=1')]);
    await expect(readLrsStatements({ endpoint, auth: 'k:s' }, () => {})).rejects.toThrow(/points to another server/);
  });

  it('explains answers that are not statement lists, and server errors', async () => {
    const { endpoint } = await serve((url) => (url.includes('statements') ? [200, '{"version":"1.0.3"}'] : [500, '']));
    await expect(readLrsStatements({ endpoint, auth: 'k:s' }, () => {})).rejects.toThrow(/not with a statement list/);
    server!.close();
    const second = await serve(() => [503, 'Service Unavailable: maintenance']);
    await expect(readLrsStatements({ endpoint: second.endpoint, auth: 'k:s' }, () => {})).rejects.toThrow(/answered HTTP 503: Service Unavailable: maintenance/);
  });

  it('gives up on a silent LRS after the time limit', async () => {
    server = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi/`;
    await expect(readLrsStatements({ endpoint, auth: 'k:s', timeoutMs: 200 }, () => {})).rejects.toThrow(/did not answer in time/);
    server.closeAllConnections();
  });

  it('refuses an endpoint that is not an http(s) URL', async () => {
    await expect(readLrsStatements({ endpoint: 'lrs.example.org', auth: 'k:s' }, () => {})).rejects.toThrow(/is not a URL/);
    await expect(readLrsStatements({ endpoint: 'ftp://lrs.example.org/', auth: 'k:s' }, () => {})).rejects.toThrow(/http or https/);
  });
});
