/**
 * Micro-bench: the gateway's subgraph fetcher candidates against one loopback HTTP server that answers
 * a ~4 KB JSON body (like a subgraph), 10 requests in flight, interleaved rounds.
 *   node -r @swc-node/register bench/profile/fetchers.ts [--rounds 5] [--requests 3000]
 */
import { createServer, Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubgraphFetcher } from '../../gateway/subgraph-transport';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- make-fetch-happen ships no types
const fetchHappen = require('make-fetch-happen') as { defaults(o: object): unknown };

type F = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{ ok: boolean; json(): Promise<unknown>; headers: { get(n: string): string | null } }>;

const arg = (n: string, d: number) => {
  const i = process.argv.indexOf(`--${n}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};

async function main(): Promise<void> {
  const body = JSON.stringify({
    data: { items: Array.from({ length: 40 }, (_, i) => ({ id: `office-${i}`, name: 'Support office '.repeat(3), open: i % 2 === 0 })) },
  });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const variants: Record<string, F> = {
    'make-fetch-happen (Apollo default)': fetchHappen.defaults({ maxSockets: Infinity, retry: false }) as unknown as F,
    'global fetch (undici, keep-alive)': (u, i) => fetch(u, i),
    // What the gateway now uses: node:http keep-alive, answer buffered into a lean Fetch-style BufferedResponse.
    'gateway subgraphFetcher (node:http)': createSubgraphFetcher() as unknown as F,
    // Lower bound: bare node:http with a keep-alive agent (no Fetch API objects).
    'node:http keep-alive (bare, lower bound)': (() => {
      const agent = new Agent({ keepAlive: true });
      return (u: string, i: { method: string; headers: Record<string, string>; body: string }) =>
        new Promise((resolve, reject) => {
          const req = request(u, { method: i.method, headers: i.headers, agent }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString();
              resolve({
                ok: res.statusCode === 200,
                json: async () => JSON.parse(text) as unknown,
                headers: { get: (n: string) => String(res.headers[n.toLowerCase()] ?? '') || null },
              });
            });
            res.on('error', reject);
          });
          req.on('error', reject);
          req.end(i.body);
        });
    })() as F,
  };
  const rounds = arg('rounds', 5);
  const n = arg('requests', 3000);
  const results: Record<string, number[]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, f] of Object.entries(variants)) {
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ x }"}' };
      let left = n;
      const t0 = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (left-- > 0) {
            const res = await f(url, init);
            if (!res.ok) throw new Error('not ok');
            await res.json();
          }
        }),
      );
      (results[name] ??= []).push(Number(process.hrtime.bigint() - t0) / 1e6 / n);
    }
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const base = med(Object.values(results)[0]);
  for (const [name, v] of Object.entries(results))
    console.log(
      `${name.padEnd(40)} median ${(med(v) * 1000).toFixed(0)} µs/request (${(base / med(v)).toFixed(2)}× the default's throughput)`,
    );
  server.close();
}
void main();
