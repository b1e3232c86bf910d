import { createJdLoaders, createJdLoaderStats, resolveJdTtl, type JdCache } from '../../../jd/loaders';
import { businessError } from '../../../jd/client';
import { JD_METHODS } from '../../../jd/protocol';
import { callsOf, makeOrder, recordingJd, freshCachePerTest } from './fake-jd';

describe('jd/loaders caching', () => {
  let cache: JdCache;
  freshCachePerTest((c) => (cache = c));

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

describe('jd/loaders memory cache: values kept as objects, frozen', () => {
  let cache: JdCache;
  freshCachePerTest((c) => (cache = c));

  it('hands back the very object written, with no JSON round trip, frozen all the way down', async () => {
    const written = { at: new Date('2026-01-02T03:04:05Z'), note: undefined, lines: [{ skuId: '100001', qty: 1 }] };
    await cache.set('k', written, 60_000);
    const [viaGet, [viaGetMany]] = await Promise.all([cache.get<typeof written>('k'), cache.getMany<typeof written>(['k'])]);
    expect(viaGet).toBe(written);
    expect(viaGetMany).toBe(written);
    // JSON would have made the Date a string and dropped the undefined field.
    expect(written.at).toBeInstanceOf(Date);
    expect(Object.keys(written)).toEqual(['at', 'note', 'lines']);
    expect([written, written.lines, written.lines[0]].every((o) => Object.isFrozen(o))).toBe(true);
  });

  it('makes code that mutates a cached value throw instead of changing what the next reader gets', async () => {
    await cache.setMany([{ key: 'page', value: { total: 2, orders: [makeOrder('A1', 'alice'), makeOrder('A2', 'alice')] } }], 60_000);
    const [page] = await cache.getMany<{ total: number; orders: ReturnType<typeof makeOrder>[] }>(['page']);
    if (!page) throw new Error('expected a hit');
    expect(() => page.orders.sort((a, b) => (a.orderId < b.orderId ? 1 : -1))).toThrow(TypeError);
    expect(() => page.orders.push(makeOrder('A3', 'alice'))).toThrow(TypeError);
    expect(() => {
      page.orders[0].consigneeInfo.fullname = 'someone else';
    }).toThrow(TypeError);
    expect(() => {
      page.total = 3;
    }).toThrow(TypeError);
    const [again] = await cache.getMany<typeof page>(['page']);
    expect(again?.total).toBe(2);
    expect(again?.orders.map((o) => [o.orderId, o.consigneeInfo.fullname])).toEqual([
      ['A1', 'Li Lei'],
      ['A2', 'Li Lei'],
    ]);
  });

  it('hands the request that fetched from JD, and one joining its call, the frozen object every later hit gets', async () => {
    const [client, calls] = recordingJd({ orders: [makeOrder('A1', 'alice')] });
    const [fetched, joined] = await Promise.all([
      createJdLoaders({ client, cache, customerPin: 'alice' }).order.load('A1'),
      createJdLoaders({ client, cache, customerPin: 'alice' }).order.load('A1'),
    ]);
    expect(callsOf(calls, JD_METHODS.orderGet)).toHaveLength(1);
    expect(Object.isFrozen(fetched) && Object.isFrozen(fetched?.itemInfoList)).toBe(true);
    expect(joined).toBe(fetched);
    const hit = await createJdLoaders({ client, cache, customerPin: 'alice' }).order.load('A1');
    expect(callsOf(calls, JD_METHODS.orderGet)).toHaveLength(1);
    expect(hit).toBe(fetched);
  });

  it('has frozen a batch of fresh answers by the time the request that fetched them sees them', async () => {
    const [client] = recordingJd();
    const skus = Array.from({ length: 100 }, (_, i) => String(100001 + i));
    // Checked in the loader's own continuation, not after further awaits: the first moment the request has them.
    const frozen = await createJdLoaders({ client, cache })
      .price.loadMany(skus)
      .then((prices) => prices.map((p) => p !== null && !(p instanceof Error) && Object.isFrozen(p)));
    expect(frozen).toEqual(skus.map(() => true));
  });

  it('keeps the TTL: a frozen entry still expires', async () => {
    let now = 1_800_000_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      await cache.set('k', { v: 1 }, 1000);
      now += 1000;
      expect(await cache.get('k')).toEqual({ v: 1 });
      now += 1;
      expect(await cache.getMany(['k'])).toEqual([undefined]);
    } finally {
      jest.restoreAllMocks();
    }
  });
});
