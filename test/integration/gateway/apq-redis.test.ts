import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import { createApqCache } from '../../../gateway/apq/apq-cache';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { body, startGateway, type Harness } from './helpers/gateway-harness';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function redisReachable(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('APQ shared through Redis', () => {
  let stub: StubSubgraph;
  let a: Harness;
  let b: Harness;
  let available = false;
  beforeAll(async () => {
    available = await redisReachable();
    if (!available && process.env.CI === 'true') throw new Error(`Redis is required in CI and is not reachable at ${REDIS_URL}`);
    if (!available) return;
    stub = await startStubSubgraph('offices', 'type Query { offices: [String!]! }', { Query: { offices: () => ['Chengdu'] } });
    a = await startGateway([stub], { REDIS_URL });
    b = await startGateway([stub], { REDIS_URL });
  });
  afterAll(async () => {
    if (!available) return;
    await Promise.all([a.close(), b.close()]);
    await stub.stop();
  });

  it('a query registered on one replica is a hit on another', async () => {
    if (!available) return console.warn(`skipped: no Redis at ${REDIS_URL}`);
    // A unique alias makes a unique hash, so runs never see each other's registrations.
    const query = `{ r${randomBytes(6).toString('hex')}: offices }`;
    const hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const send = (h: Harness, payload: unknown) => fetch(h.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }).then(body);
    try {
      expect((await send(b, { extensions })).errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect((await send(a, { query, extensions })).data).toBeDefined();
      const hit = await send(b, { extensions });
      expect(Object.values(hit.data ?? {})).toEqual([['Chengdu']]);
    } finally {
      const store = createApqCache(REDIS_URL);
      await store.cache.delete(`apq:${hash}`);
      await store.close();
    }
  });
});
