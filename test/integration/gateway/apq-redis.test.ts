import { createHash, randomBytes } from 'node:crypto';
import { createApqCache } from '../../../gateway/apq/apq-cache';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { body, startGateway, type Harness } from './helpers/gateway-harness';
import { redisSuite, TEST_REDIS_URL as REDIS_URL } from '../../support/redis';

const { describe: suite, requireRedis } = redisSuite();

suite('APQ shared through Redis', () => {
  let stub: StubSubgraph;
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    requireRedis();
    stub = await startStubSubgraph('offices', 'type Query { offices: [String!]! }', { Query: { offices: () => ['Chengdu'] } });
    a = await startGateway([stub], { REDIS_URL });
    b = await startGateway([stub], { REDIS_URL });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await stub?.stop();
  });

  it('a query registered on one replica is a hit on another', async () => {
    // A unique alias makes a unique hash, so runs never see each other's registrations.
    const query = `{ r${randomBytes(6).toString('hex')}: offices }`;
    const hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const send = (h: Harness, payload: unknown) =>
      fetch(h.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }).then(body);
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
