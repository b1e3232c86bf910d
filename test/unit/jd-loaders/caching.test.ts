import { createJdCache, createJdLoaders, createJdLoaderStats, resolveJdTtl, type JdCache } from '../../../jd/loaders';
import { businessError } from '../../../jd/client';
import { JD_METHODS } from '../../../jd/protocol';
import { callsOf, makeOrder, recordingJd } from './fake-jd';

describe('jd/loaders caching', () => {
  let cache: JdCache;
  beforeEach(() => {
    cache = createJdCache();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await cache.close();
  });

  it('sends only the keys the cache does not hold', async () => {
    const [client, calls] = recordingJd();
    await createJdLoaders({ client, cache }).price.loadMany(['100001', '100002']);
    calls.length = 0;
    const got = await createJdLoaders({ client, cache }).price.loadMany(['100001', '100002', '100003', '100004']);
    expect(calls).toEqual([{ method: JD_METHODS.priceGet, params: { sku_id: 'J_100003,J_100004' } }]);
    expect(got.map((p) => (p && !(p instanceof Error) ? p.priceFen : p))).toEqual([150, 250, 350, 450]);
  });

  it('lets a second request over the same cache answer from it, including known-missing entities', async () => {
    const [client, calls] = recordingJd({ missingSkus: ['100009'] });
    const first = await createJdLoaders({ client, cache }).goods.loadMany(['100001', '100009']);
    expect(calls).toHaveLength(1);
    const second = await createJdLoaders({ client, cache }).goods.loadMany(['100001', '100009']);
    expect(calls).toHaveLength(1);
    expect(second).toEqual(first);
    expect(second[1]).toBeNull();
  });

  it("keeps one customer's private entries from another customer", async () => {
    const orders = [makeOrder('A1', 'alice')];
    const [client, calls] = recordingJd({ orders });
    expect(await createJdLoaders({ client, cache, customerPin: 'alice' }).order.load('A1')).toMatchObject({ pin: 'alice' });
    // Bob asks for the same id: his key is his own, so JD is asked again and he gets "not found".
    expect(await createJdLoaders({ client, cache, customerPin: 'bob' }).order.load('A1')).toBeNull();
    expect(callsOf(calls, JD_METHODS.orderGet)).toHaveLength(2);
    // …and his cached null does not hide Alice's order from her.
    expect(await createJdLoaders({ client, cache, customerPin: 'alice' }).order.load('A1')).toMatchObject({ pin: 'alice' });
    expect(callsOf(calls, JD_METHODS.orderGet)).toHaveLength(2);
    // Shared data (prices) is one entry for everyone.
    await createJdLoaders({ client, cache, customerPin: 'alice' }).price.load('100001');
    await createJdLoaders({ client, cache, customerPin: 'bob' }).price.load('100001');
    expect(callsOf(calls, JD_METHODS.priceGet)).toHaveLength(1);
  });

  it("reads a service JD does not know (its 3001 refusal) as null, cached like someone else's", async () => {
    const [client, calls] = recordingJd({
      fail: (method) =>
        method === JD_METHODS.afsDetailGet
          ? businessError(method, '3001', 'afsServiceId 42 not found', 'Parameter format error')
          : undefined,
    });
    expect(await createJdLoaders({ client, cache, customerPin: 'alice' }).afsDetail.load(42)).toBeNull();
    expect(await createJdLoaders({ client, cache, customerPin: 'alice' }).afsDetail.load(42)).toBeNull();
    expect(callsOf(calls, JD_METHODS.afsDetailGet)).toEqual([{ method: JD_METHODS.afsDetailGet, params: { afsServiceId: 42 } }]);
    // Any other refusal is still a failure.
    const [failing] = recordingJd({ fail: (method) => businessError(method, '403', '无权限', 'No permission') });
    await expect(createJdLoaders({ client: failing, cache, customerPin: 'bob' }).afsDetail.load(42)).rejects.toMatchObject({ code: '403' });
  });

  it("expires entries after the method's TTL", async () => {
    let now = 1_800_000_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const ttl = resolveJdTtl({ [JD_METHODS.priceGet]: 1000 });
    const [client, calls] = recordingJd();
    await createJdLoaders({ client, cache, ttl }).price.load('100001');
    now += 999;
    await createJdLoaders({ client, cache, ttl }).price.load('100001');
    expect(calls).toHaveLength(1);
    now += 2;
    await createJdLoaders({ client, cache, ttl }).price.load('100001');
    expect(calls).toHaveLength(2);
    // Goods keep their own, longer TTL.
    await createJdLoaders({ client, cache, ttl }).goods.load('100001');
    now += 5 * 60 * 1000;
    await createJdLoaders({ client, cache, ttl }).goods.load('100001');
    expect(callsOf(calls, JD_METHODS.goodsInfo)).toHaveLength(1);
  });

  it('makes one JD call for concurrent misses of one key from two requests in one process', async () => {
    const [client, calls] = recordingJd({ latencyMs: 30 });
    const stats = createJdLoaderStats();
    const a = createJdLoaders({ client, cache, stats });
    const b = createJdLoaders({ client, cache, stats });
    const [fromA, fromB] = await Promise.all([a.price.loadMany(['100001', '100002']), b.price.loadMany(['100002', '100003'])]);
    expect(calls).toEqual([
      { method: JD_METHODS.priceGet, params: { sku_id: 'J_100001,J_100002' } },
      { method: JD_METHODS.priceGet, params: { sku_id: 'J_100003' } },
    ]);
    expect(fromA[1]).toEqual(fromB[0]);
    expect(stats.snapshot().methods[JD_METHODS.priceGet]).toMatchObject({ cacheMisses: 4, inFlightJoins: 1, jdCalls: 2, keysSent: 3 });
    // In-flight entries leave once their answers are written back to the cache.
    await new Promise((resolve) => setImmediate(resolve));
    expect(cache.inFlight.size).toBe(0);
  });

  it('shares a failure with the joined request too, and caches neither', async () => {
    const boom = new Error('JD code 43');
    let failing = true;
    const [client, calls] = recordingJd({ latencyMs: 10, fail: () => (failing ? boom : undefined) });
    const [a, b] = await Promise.all([
      createJdLoaders({ client, cache, customerPin: 'alice' })
        .cart.load('alice')
        .catch((e: unknown) => e),
      createJdLoaders({ client, cache, customerPin: 'alice' })
        .cart.load('alice')
        .catch((e: unknown) => e),
    ]);
    expect([a, b]).toEqual([boom, boom]);
    expect(calls).toHaveLength(1);
    failing = false;
    await createJdLoaders({ client, cache, customerPin: 'alice' }).cart.load('alice');
    expect(calls).toHaveLength(2);
  });

  it('counts hits, misses, JD calls and keys per batch', async () => {
    const stats = createJdLoaderStats();
    const [client] = recordingJd();
    const ids = Array.from({ length: 120 }, (_, i) => String(200000 + i));
    await createJdLoaders({ client, cache, stats }).price.loadMany(ids);
    await createJdLoaders({ client, cache, stats }).price.loadMany([...ids.slice(0, 10), '300000']);
    const price = stats.snapshot().methods[JD_METHODS.priceGet];
    expect(price).toEqual({
      cacheHits: 10,
      cacheMisses: 121,
      inFlightJoins: 0,
      jdCalls: 3,
      jdCallErrors: 0,
      staleServed: 0,
      refreshesSkipped: 0,
      keysSent: 121,
      windowSavedCalls: 0,
      // Calls of 100, 20 and 1 keys, cumulative per upper bound.
      batchSizeBuckets: { 1: 1, 5: 1, 10: 1, 25: 2, 50: 2, 100: 3, '+Inf': 3 },
    });
    stats.reset();
    expect(stats.snapshot()).toEqual({ methods: {}, cacheErrors: 0 });
  });

  it('carries on against JD when the cache fails, and counts the failures', async () => {
    const stats = createJdLoaderStats();
    const broken: JdCache = {
      ...cache,
      getMany: () => Promise.reject(new Error('redis down')),
      setMany: () => Promise.reject(new Error('redis down')),
    };
    const [client, calls] = recordingJd();
    const got = await createJdLoaders({ client, cache: broken, stats }).price.loadMany(['100001', '100002']);
    expect(got.map((p) => (p && !(p instanceof Error) ? p.priceFen : p))).toEqual([150, 250]);
    expect(calls).toHaveLength(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(stats.snapshot().cacheErrors).toBe(2);
  });
});
