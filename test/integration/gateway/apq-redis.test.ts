import { createHash, randomBytes } from 'node:crypto';
import { createApqCache } from '../../../gateway/apq/apq-cache';
import { connectRedis, type RedisConnection } from '../../../shared-state';
import { startPrivateRedis, type PrivateRedis } from '../../support/private-redis';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { body, startGateway, type Harness } from './helpers/gateway-harness';
import { eventually } from '../../support/eventually';
import { redisSuite, TEST_REDIS_URL as REDIS_URL } from '../../support/redis';

const { describe: suite, requireRedis } = redisSuite();

/** The guarded connection refuses commands until it is ready; a test's own reads wait for that. */
async function connected(url: string): Promise<RedisConnection> {
  const redis = connectRedis({ url });
  await eventually(() => redis.state === 'up', `a Redis connection to ${url}`);
  return redis;
}

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
      const redis = await connected(REDIS_URL);
      await createApqCache({ redis }).delete(`apq:${hash}`);
      await redis.close();
    }
  });
});

// Redis is an optimisation for APQ, never a dependency: this one runs on a private redis-server it kills.
describe('APQ with Redis dead', () => {
  let stub: StubSubgraph;
  let redis: PrivateRedis;
  let gateway: Harness;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    stub = await startStubSubgraph('offices', 'type Query { offices: [String!]! }', { Query: { offices: () => ['Chengdu'] } });
    gateway = await startGateway([stub], { REDIS_URL: redis.url, REDIS_OPERATION_TIMEOUT_MS: '200' });
  });
  afterAll(async () => {
    await gateway?.close();
    await stub?.stop();
    await redis?.stop();
  });

  const get = (hash: string, query?: string) => {
    const params = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }) });
    if (query) params.set('query', query);
    return fetch(`${gateway.gateway.url}?${params}`, { headers: { 'apollo-require-preflight': 'true' } }).then(body);
  };

  it('a hash-only GET misses at once, the client re-registers in memory and the next GET is a hit', async () => {
    const query = `{ r${randomBytes(6).toString('hex')}: offices }`;
    const hash = createHash('sha256').update(query).digest('hex');
    await redis.kill();
    const failuresBefore = (await gateway.gateway.metrics.apqRedisFailures.get()).values.reduce((n, v) => n + v.value, 0);
    // Before the fix these hung on the dead Redis for minutes; the bound says "no hang", not a speed.
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      expect((await get(hash)).errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(Date.now() - started).toBeLessThan(5_000);
    }
    expect(Object.values((await get(hash, query)).data ?? {})).toEqual([['Chengdu']]);
    expect(Object.values((await get(hash)).data ?? {})).toEqual([['Chengdu']]);
    const failuresAfter = (await gateway.gateway.metrics.apqRedisFailures.get()).values.reduce((n, v) => n + v.value, 0);
    expect(failuresAfter).toBeGreaterThan(failuresBefore);
  });

  it('after Redis returns, registrations reach it again', async () => {
    await redis.restart();
    const query = `{ r${randomBytes(6).toString('hex')}: offices }`;
    const hash = createHash('sha256').update(query).digest('hex');
    const shared = await connected(redis.url);
    try {
      await eventually(
        async () => {
          await get(hash, query);
          return (await createApqCache({ redis: shared }).get(`apq:${hash}`)) === query;
        },
        'the registration stored in the restarted Redis',
        10_000,
      );
    } finally {
      await shared.close();
    }
  });
});
