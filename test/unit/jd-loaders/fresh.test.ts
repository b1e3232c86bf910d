import { createJdLoaders, createJdLoaderStats, type JdCache } from '../../../jd/loaders';
import type { JdClient } from '../../../jd/client';
import { JD_METHODS } from '../../../jd/protocol';
import { callsOf, priceOf, recordingJd, type FakeJdOptions, type RecordedCall, freshCachePerTest } from './fake-jd';

type PriceAnswer = { price_changes: { sku_id: string; price: string }[] };
type StockAnswer = { stockList: { skuId: number; stockStateId: number; remainNum: number }[] };

/** The recording fake, with prices and stock a test can move after JD first answered. */
function movableJd(options: FakeJdOptions = {}): {
  client: JdClient;
  calls: RecordedCall[];
  prices: Map<string, string>;
  soldOut: Set<string>;
} {
  const [client, calls] = recordingJd(options);
  const prices = new Map<string, string>();
  const soldOut = new Set<string>();
  const real = client.call.bind(client);
  client.call = (async (method: never, params: never) => {
    // Read the moved state when the call arrives, as the fake JD does with its own.
    const movedPrices = new Map(prices);
    const movedOut = new Set(soldOut);
    const result = await real(method, params);
    if (method === JD_METHODS.priceGet) {
      for (const row of (result as PriceAnswer).price_changes) row.price = movedPrices.get(row.sku_id.slice(2)) ?? row.price;
    }
    if (method === JD_METHODS.stockGet) {
      for (const row of (result as StockAnswer).stockList) {
        if (movedOut.has(String(row.skuId))) Object.assign(row, { stockStateId: 34, remainNum: 0 });
      }
    }
    return result;
  }) as typeof client.call;
  return { client, calls, prices, soldOut };
}

const fen = (p: unknown) => (p && !(p instanceof Error) ? (p as { priceFen: number }).priceFen : p);
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('jd/loaders fresh reads (freshPrice, freshStock)', () => {
  let cache: JdCache;
  freshCachePerTest((c) => (cache = c));

  it('sends a SKU to JD even when the cache holds it, and writes the new price back for later cached reads', async () => {
    const jd = movableJd();
    expect(fen(await createJdLoaders({ client: jd.client, cache }).price.load('100001'))).toBe(150);
    jd.prices.set('100001', '180.00');
    // Within the TTL the cached read still answers the old price without asking JD…
    expect(fen(await createJdLoaders({ client: jd.client, cache }).price.load('100001'))).toBe(150);
    expect(jd.calls).toHaveLength(1);
    // …a fresh read asks JD…
    expect(fen(await createJdLoaders({ client: jd.client, cache }).freshPrice.load('100001'))).toBe(18000);
    expect(jd.calls).toEqual([
      { method: JD_METHODS.priceGet, params: { sku_id: 'J_100001' } },
      { method: JD_METHODS.priceGet, params: { sku_id: 'J_100001' } },
    ]);
    // …and a later cached read in another request sees its answer without a JD call.
    expect(fen(await createJdLoaders({ client: jd.client, cache }).price.load('100001'))).toBe(18000);
    expect(jd.calls).toHaveLength(2);
  });

  it('collapses duplicate SKUs of one request into one call with each SKU once', async () => {
    const jd = movableJd();
    await createJdLoaders({ client: jd.client, cache }).price.loadMany(['100001', '100002']);
    jd.calls.length = 0;
    const loaders = createJdLoaders({ client: jd.client, cache });
    const got = await Promise.all([
      loaders.freshPrice.load('100001'),
      loaders.freshPrice.load('100002'),
      loaders.freshPrice.load('100001'),
      loaders.freshPrice.loadMany(['100002', '100003', '100001']),
    ]);
    expect(jd.calls).toEqual([{ method: JD_METHODS.priceGet, params: { sku_id: 'J_100001,J_100002,J_100003' } }]);
    expect([fen(got[0]), fen(got[1]), fen(got[2]), (got[3] as unknown[]).map(fen)]).toEqual([150, 250, 150, [250, 350, 150]]);
    // Within the request, a second fresh read of a SKU is answered from the request's memo.
    await loaders.freshPrice.load('100002');
    expect(jd.calls).toHaveLength(1);
  });

  it('sends 250 cached SKUs as fresh calls of exactly 100, 100 and 50, in key order', async () => {
    const jd = movableJd();
    const ids = Array.from({ length: 250 }, (_, i) => String(100000 + i));
    await createJdLoaders({ client: jd.client, cache }).price.loadMany(ids);
    jd.calls.length = 0;
    const got = await createJdLoaders({ client: jd.client, cache }).freshPrice.loadMany(ids);
    expect(jd.calls.map((c) => String(c.params.sku_id).split(','))).toEqual([
      ids.slice(0, 100).map((id) => `J_${id}`),
      ids.slice(100, 200).map((id) => `J_${id}`),
      ids.slice(200).map((id) => `J_${id}`),
    ]);
    expect(got.map(fen)).toEqual(ids.map((id) => Number(priceOf(id).replace('.', ''))));
  });

  it("replaces the request's own memo, so the rest of the request sees the fresh price", async () => {
    const jd = movableJd();
    const loaders = createJdLoaders({ client: jd.client, cache });
    expect(fen(await loaders.price.load('100001'))).toBe(150);
    jd.prices.set('100001', '1.00');
    expect(fen(await loaders.freshPrice.load('100001'))).toBe(100);
    expect(fen(await loaders.price.load('100001'))).toBe(100);
    expect(jd.calls).toHaveLength(2);
  });

  it('does not let a slower cached load that left before the move write its stale answer over the fresh one', async () => {
    const jd = movableJd({ latencyMs: 30 });
    const stale = createJdLoaders({ client: jd.client, cache }).price.load('100001');
    await new Promise((resolve) => setTimeout(resolve, 5));
    jd.prices.set('100001', '180.00');
    const fresh = createJdLoaders({ client: jd.client, cache }).freshPrice.load('100001');
    // The fresh read did not join the load already on its way: it made its own call.
    expect([fen(await stale), fen(await fresh)]).toEqual([150, 18000]);
    expect(callsOf(jd.calls, JD_METHODS.priceGet)).toHaveLength(2);
    await settle();
    expect(fen(await createJdLoaders({ client: jd.client, cache }).price.load('100001'))).toBe(18000);
    expect(callsOf(jd.calls, JD_METHODS.priceGet)).toHaveLength(2);
  });

  it('lets cached readers that come while the fresh call is out join it instead of reading the stale entry', async () => {
    const jd = movableJd({ latencyMs: 30 });
    const stats = createJdLoaderStats();
    await createJdLoaders({ client: jd.client, cache, stats }).price.load('100001');
    jd.prices.set('100001', '180.00');
    const fresh = createJdLoaders({ client: jd.client, cache, stats }).freshPrice.load('100001');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const reader = createJdLoaders({ client: jd.client, cache, stats }).price.load('100001');
    expect([fen(await fresh), fen(await reader)]).toEqual([18000, 18000]);
    expect(jd.calls).toHaveLength(2);
    expect(stats.snapshot().methods[JD_METHODS.priceGet]).toMatchObject({
      cacheHits: 0,
      cacheMisses: 3,
      inFlightJoins: 1,
      jdCalls: 2,
      keysSent: 2,
    });
  });

  it('reads stock afresh too: a sold-out SKU shows at once and the cache learns it', async () => {
    const jd = movableJd();
    expect(await createJdLoaders({ client: jd.client, cache }).stock.load('100001')).toEqual({
      skuId: '100001',
      inStock: true,
      remaining: 5,
    });
    jd.soldOut.add('100001');
    const fresh = await createJdLoaders({ client: jd.client, cache }).freshStock.loadMany(['100001', '100001', '100003']);
    expect(fresh).toEqual([
      { skuId: '100001', inStock: false, remaining: 0 },
      { skuId: '100001', inStock: false, remaining: 0 },
      { skuId: '100003', inStock: true, remaining: 5 },
    ]);
    expect(jd.calls).toEqual([
      { method: JD_METHODS.stockGet, params: { skuIds: '100001' } },
      { method: JD_METHODS.stockGet, params: { skuIds: '100001,100003' } },
    ]);
    expect(await createJdLoaders({ client: jd.client, cache }).stock.load('100001')).toEqual({
      skuId: '100001',
      inStock: false,
      remaining: 0,
    });
    expect(jd.calls).toHaveLength(2);
  });

  it('rejects the keys of a failed fresh call, never falls back to the stale entry, and leaves nothing stale behind', async () => {
    const boom = new Error('JD code 43');
    let failing = false;
    const jd = movableJd({ fail: () => (failing ? boom : undefined) });
    await createJdLoaders({ client: jd.client, cache }).price.load('100001');
    failing = true;
    await expect(createJdLoaders({ client: jd.client, cache }).freshPrice.load('100001')).rejects.toBe(boom);
    failing = false;
    jd.prices.set('100001', '180.00');
    // The stale entry was evicted, so the next cached read goes to JD.
    expect(fen(await createJdLoaders({ client: jd.client, cache }).price.load('100001'))).toBe(18000);
    expect(jd.calls).toHaveLength(3);
  });

  it('still reads JD (and never joins a load that left before the move) when the cache cannot evict', async () => {
    const stats = createJdLoaderStats();
    const jd = movableJd({ latencyMs: 30 });
    await createJdLoaders({ client: jd.client, cache }).price.load('100001');
    // A slow cached load of another SKU leaves, then the cache starts failing and both prices move.
    const stale = createJdLoaders({ client: jd.client, cache }).price.load('100002');
    await new Promise((resolve) => setTimeout(resolve, 5));
    jest.spyOn(cache, 'delete').mockRejectedValue(new Error('redis down'));
    jd.prices.set('100001', '180.00');
    jd.prices.set('100002', '190.00');
    const fresh = await createJdLoaders({ client: jd.client, cache, stats }).freshPrice.loadMany(['100001', '100002']);
    expect([fen(await stale), ...fresh.map(fen)]).toEqual([250, 18000, 19000]);
    expect(jd.calls.map((c) => c.params.sku_id)).toEqual(['J_100001', 'J_100002', 'J_100001,J_100002']);
    expect(stats.snapshot().cacheErrors).toBe(1);
    await settle();
    // The write-back still replaced the stale entries.
    const later = await createJdLoaders({ client: jd.client, cache }).price.loadMany(['100001', '100002']);
    expect(later.map(fen)).toEqual([18000, 19000]);
    expect(jd.calls).toHaveLength(3);
  });
});
