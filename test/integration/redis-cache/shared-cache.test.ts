/**
 * The loaders over a real Redis, as two replicas would run them: each replica has its own cache
 * object (own connection, own in-flight map) over one Redis. Needs REDIS_URL (default local);
 * under CI=true a missing Redis fails the suite instead of skipping it.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { CACHE_KEY_VERSION, createJdCache, createJdLoaders, resolveJdTtl, type JdCache } from '../../../jd/loaders';
import { JD_METHODS } from '../../../jd/protocol';
import { callsOf, makeOrder, makeService, recordingJd } from '../../unit/jd-loaders/fake-jd';
import { eventually } from '../../support/eventually';
import { redisSuite, TEST_REDIS_URL as redisUrl } from '../../support/redis';

const { describe: suite, reachable, requireRedis } = redisSuite();
const skus = (n: number) => Array.from({ length: n }, (_, i) => String(300000 + i));

suite('jd/loaders over a shared Redis (two replicas)', () => {
  const namespace = `jd-loaders-test-${randomUUID()}`;
  const admin = createClient({ url: redisUrl, socket: { reconnectStrategy: false, connectTimeout: 2000 } });
  let replicaA: JdCache;
  let replicaB: JdCache;

  const ourKeys = async () => {
    const keys: string[] = [];
    for await (const batch of admin.scanIterator({ MATCH: `${namespace}::*`, COUNT: 500 })) keys.push(...batch);
    return keys;
  };

  beforeAll(async () => {
    requireRedis();
    await admin.connect();
    replicaA = createJdCache({ redisUrl, namespace });
    replicaB = createJdCache({ redisUrl, namespace });
  });

  afterAll(async () => {
    if (!reachable) return;
    const keys = await ourKeys();
    if (keys.length > 0) await admin.del(keys);
    await Promise.all([replicaA.close(), replicaB.close()]);
    admin.destroy();
  });

  it('serves the second replica from what the first cached: zero JD calls', async () => {
    const orders = [makeOrder('A1', 'alice')];
    const [clientA, callsA] = recordingJd({ orders, services: [makeService(5, 'A1')] });
    const [clientB, callsB] = recordingJd({ orders, services: [makeService(5, 'A1')] });
    const ids = skus(150);

    const onA = createJdLoaders({ client: clientA, cache: replicaA, customerPin: 'alice' });
    const [pricesA, goodsA, orderA, detailA] = await Promise.all([
      onA.price.loadMany(ids),
      onA.goods.loadMany(ids.slice(0, 10)),
      onA.order.load('A1'),
      onA.afsDetail.load(5),
    ]);
    expect(callsOf(callsA, JD_METHODS.priceGet).map((c) => String(c.params.sku_id).split(',').length)).toEqual([100, 50]);
    expect(callsA).toHaveLength(5);
    // Replica A writes back without waiting; B reads once all 162 entries (150 prices, 10 goods, the order, the service) are in Redis.
    await eventually(async () => (await ourKeys()).length === 162, "replica A's write-back in Redis");

    const onB = createJdLoaders({ client: clientB, cache: replicaB, customerPin: 'alice' });
    const [pricesB, goodsB, orderB, detailB] = await Promise.all([
      onB.price.loadMany(ids),
      onB.goods.loadMany(ids.slice(0, 10)),
      onB.order.load('A1'),
      onB.afsDetail.load(5),
    ]);
    expect(callsB).toEqual([]);
    expect(pricesB).toEqual(pricesA);
    expect(goodsB).toEqual(goodsA);
    expect(orderB).toEqual(orderA);
    expect(detailB).toEqual(detailA);

    // The entries really live in Redis, under our namespace, with Redis-side expiry.
    const keys = await ourKeys();
    expect(keys).toEqual(
      expect.arrayContaining([`${namespace}::${CACHE_KEY_VERSION}:price:300000`, `${namespace}::${CACHE_KEY_VERSION}:order:pin=alice:A1`]),
    );
    const pttl = await admin.pTTL(`${namespace}::${CACHE_KEY_VERSION}:price:300000`);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(resolveJdTtl()[JD_METHODS.priceGet]);
  });

  it("keeps a customer's entries from another customer on another replica", async () => {
    const orders = [makeOrder('A7', 'alice')];
    const [client, calls] = recordingJd({ orders });
    await createJdLoaders({ client, cache: replicaA, customerPin: 'alice' }).order.load('A7');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await createJdLoaders({ client, cache: replicaB, customerPin: 'bob' }).order.load('A7')).toBeNull();
    expect(callsOf(calls, JD_METHODS.orderGet)).toHaveLength(2);
  });

  it('evicts on one replica what the other replica then refetches', async () => {
    const orders = [makeOrder('A9', 'alice')];
    const [client, calls] = recordingJd({ orders, services: [makeService(50, 'A9')] });
    const onA = createJdLoaders({ client, cache: replicaA, customerPin: 'alice' });
    expect(await onA.afsServicesByOrder.load('A9')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await onA.applyForAfterSales({
      afsApplyType: 10,
      orderId: 'A9',
      skuId: '100001',
      skuNum: 1,
      customerExpect: 10,
      questionDesc: 'Cracked',
      isNeedDetectionReport: 0,
      images: [],
      thirdApplyId: `third-${randomUUID()}`,
      customerPin: 'alice',
    });
    expect(await createJdLoaders({ client, cache: replicaB, customerPin: 'alice' }).afsServicesByOrder.load('A9')).toHaveLength(2);
    expect(callsOf(calls, JD_METHODS.afsOrderGet)).toHaveLength(2);
  });

  it("lets Redis expire entries after the method's TTL", async () => {
    // Long enough that a busy machine still reads within it, short enough to watch it pass.
    const ttl = resolveJdTtl({ [JD_METHODS.stockGet]: 1500 });
    const [client, calls] = recordingJd();
    await createJdLoaders({ client, cache: replicaA, ttl }).stock.load('300001');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await createJdLoaders({ client, cache: replicaB, ttl }).stock.load('300001');
    expect(calls).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await createJdLoaders({ client, cache: replicaB, ttl }).stock.load('300001');
    expect(calls).toHaveLength(2);
  });

  it('keeps values as JSON, as before: each read is its own unfrozen copy, and the value written is left unfrozen', async () => {
    const written = { at: new Date('2026-01-02T03:04:05Z'), note: undefined, lines: [{ skuId: '100001' }] };
    await replicaA.set('json-round-trip', written, 60_000);
    const [onA, [onB]] = await Promise.all([
      replicaA.get<Record<string, unknown>>('json-round-trip'),
      replicaB.getMany<Record<string, unknown>>(['json-round-trip']),
    ]);
    // JSON's transform: the Date is its ISO string and the undefined field is gone.
    expect(onA).toStrictEqual({ at: '2026-01-02T03:04:05.000Z', lines: [{ skuId: '100001' }] });
    expect(onB).toStrictEqual(onA);
    expect(onA).not.toBe(onB);
    expect([written, onA, onB].some((o) => Object.isFrozen(o))).toBe(false);
  });
});
