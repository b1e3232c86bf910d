import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createSubgraphFetcher } from '../../../gateway/subgraph-transport';

interface Seen {
  method?: string;
  headers: IncomingMessage['headers'];
  body: string;
  socket: Socket;
}

describe('createSubgraphFetcher (gateway → subgraph transport)', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  let answer: (req: IncomingMessage, res: ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString(), socket: req.socket });
        answer(req, res);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  beforeEach(() => {
    seen.length = 0;
    answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=60, public' });
      res.end('{"data":{"ok":true}}');
    };
  });

  it('sends method, headers and body as given, and answers a Fetch-style response', async () => {
    const fetcher = createSubgraphFetcher();
    const res = await fetcher(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-jd-identity': 'signed' },
      body: '{"query":"{ ok }"}',
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"query":"{ ok }"}' });
    expect(seen[0].headers['x-jd-identity']).toBe('signed');
    expect(res.ok).toBe(true);
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${base}/graphql`);
    expect(res.headers.get('Cache-Control')).toBe('max-age=60, public');
    expect(await res.json()).toEqual({ data: { ok: true } });
    expect(res.bodyUsed).toBe(true);
  });

  it('reuses one keep-alive connection for consecutive requests', async () => {
    const fetcher = createSubgraphFetcher();
    for (let i = 0; i < 3; i++) await (await fetcher(`${base}/graphql`, { method: 'POST', body: '{}' })).text();
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.socket)).size).toBe(1);
  });

  it('passes error statuses through as not-ok responses with their body and repeated headers', async () => {
    answer = (_req, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.writeHead(503, 'Busy', { 'content-type': 'text/plain' });
      res.end('try later');
    };
    const res = await createSubgraphFetcher()(`${base}/graphql`, { method: 'POST', body: '{}' });
    expect(res.ok).toBe(false);
    expect(res.status).toBe(503);
    expect(res.statusText).toBe('Busy');
    expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(await res.text()).toBe('try later');
  });

  it('decodes a gzip answer and accepts a bodiless 204', async () => {
    answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync('{"data":{"zipped":1}}'));
    };
    expect(await (await createSubgraphFetcher()(`${base}/graphql`, { method: 'POST', body: '{}' })).json()).toEqual({
      data: { zipped: 1 },
    });
    answer = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    const empty = await createSubgraphFetcher()(`${base}/graphql`, { method: 'POST', body: '{}' });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
  });

  it('rejects when the subgraph is unreachable or the URL is not http(s)', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(createSubgraphFetcher()(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    await expect(createSubgraphFetcher()('ftp://127.0.0.1/graphql')).rejects.toThrow(/only http: and https:/);
  });
});
