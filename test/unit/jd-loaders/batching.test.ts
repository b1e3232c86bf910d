import { createJdLoaders, type JdCache } from '../../../jd/loaders';
import { JD_METHODS } from '../../../jd/protocol';
import { callsOf, makeOrder, priceOf, recordingJd, freshCachePerTest } from './fake-jd';

const skus = (n: number, from = 100000) => Array.from({ length: n }, (_, i) => String(from + i));

describe('jd/loaders batching', () => {
  let cache: JdCache;
  freshCachePerTest((c) => (cache = c));

  it('collapses duplicate keys into one call with each SKU once', async () => {
    const [client, calls] = recordingJd();
    const loaders = createJdLoaders({ client, cache });
    const got = await Promise.all(['100001', '100002', '100001', '100002', '100001'].map((id) => loaders.price.load(id)));
    expect(calls).toEqual([{ method: JD_METHODS.priceGet, params: { sku_id: 'J_100001,J_100002' } }]);
    expect(got.map((p) => p?.skuId)).toEqual(['100001', '100002', '100001', '100002', '100001']);
    expect(got[0]).toEqual({ skuId: '100001', priceFen: 150, marketPriceFen: 99900 });
  });

  it('sends 250 SKUs as price calls of exactly 100, 100 and 50 with the right J_ ids', async () => {
    const [client, calls] = recordingJd();
    const ids = skus(250);
    const got = await createJdLoaders({ client, cache }).price.loadMany(ids);
    expect(calls.map((c) => c.method)).toEqual([JD_METHODS.priceGet, JD_METHODS.priceGet, JD_METHODS.priceGet]);
    const sent = calls.map((c) => String(c.params.sku_id).split(','));
    expect(sent.map((s) => s.length)).toEqual([100, 100, 50]);
    expect(sent.flat()).toEqual(ids.map((id) => `J_${id}`));
    // Same order and length as the keys, each with its own exact fen price.
    expect(got).toHaveLength(250);
    got.forEach((p, i) => expect(p).toEqual({ skuId: ids[i], priceFen: Number(priceOf(ids[i]).replace('.', '')), marketPriceFen: 99900 }));
  });

  it('resolves entities JD does not know to null, in their own slots', async () => {
    const [client] = recordingJd({ missingSkus: ['100002'] });
    const loaders = createJdLoaders({ client, cache });
    const [prices, goods, stock] = await Promise.all([
      loaders.price.loadMany(['100001', '100002', '100003']),
      loaders.goods.loadMany(['100001', '100002']),
      loaders.stock.loadMany(['100002', '100003']),
    ]);
    expect(prices.map((p) => (p instanceof Error || p === null ? p : p.skuId))).toEqual(['100001', null, '100003']);
    expect(goods.map((g) => (g instanceof Error || g === null ? g : g.goodsName))).toEqual(['Goods 100001', null]);
    expect(stock).toEqual([null, { skuId: '100003', inStock: true, remaining: 5 }]);
  });

  it('fails only the keys of a failed chunk, with Error instances in their slots', async () => {
    const boom = new Error('JD code 66: backend unavailable');
    // The second chunk (it starts at SKU 100100) fails; the first and third succeed.
    const [client, calls] = recordingJd({ fail: (_m, p) => (String(p.sku_id).startsWith('J_100100,') ? boom : undefined) });
    const ids = skus(250);
    const got = await createJdLoaders({ client, cache }).price.loadMany(ids);
    expect(calls).toHaveLength(3);
    got.forEach((slot, i) => {
      if (i >= 100 && i < 200) expect(slot).toBe(boom);
      else expect(slot).toMatchObject({ skuId: ids[i] });
    });
    // Failures are not cached: a new request asks JD again for exactly the failed hundred.
    calls.length = 0;
    await createJdLoaders({ client, cache }).price.loadMany(ids);
    expect(calls.map((c) => String(c.params.sku_id).split(',').length)).toEqual([100]);
  });

  it('puts an unparseable price in its own slot as an Error, not the whole chunk', async () => {
    const [client] = recordingJd();
    const real = client.call.bind(client);
    client.call = (async (method: never, params: never) => {
      const result = (await real(method, params)) as { price_changes: { sku_id: string; price: string }[] };
      result.price_changes[1].price = '12.3.4';
      return result;
    }) as typeof client.call;
    const got = await createJdLoaders({ client, cache }).price.loadMany(['100001', '100002', '100003']);
    expect(got[0]).toMatchObject({ priceFen: 150 });
    expect(got[1]).toBeInstanceOf(Error);
    expect(got[2]).toMatchObject({ priceFen: 350 });
  });

  it('reads orders one call per distinct id, in parallel under the concurrency cap', async () => {
    const orders = Array.from({ length: 20 }, (_, i) => makeOrder(`O${i}`, 'alice'));
    const [client, calls] = recordingJd({ orders, latencyMs: 20 });
    let active = 0;
    let peak = 0;
    const real = client.call.bind(client);
    client.call = (async (method: never, params: never) => {
      active += 1;
      peak = Math.max(peak, active);
      try {
        return await real(method, params);
      } finally {
        active -= 1;
      }
    }) as typeof client.call;
    const loaders = createJdLoaders({ client, cache, customerPin: 'alice', concurrency: 8 });
    const got = await loaders.order.loadMany([...orders.map((o) => o.orderId), 'O3', 'O4']);
    expect(calls.map((c) => c.params.order_id)).toEqual(orders.map((o) => o.orderId));
    // Eight calls in flight at once proves they ran in parallel, and never more than the cap.
    expect(peak).toBe(8);
    expect(got.map((o) => (o instanceof Error || o === null ? o : o.orderId))).toEqual([...orders.map((o) => o.orderId), 'O3', 'O4']);
  });

  it('answers null for an order that belongs to another customer', async () => {
    const [client] = recordingJd({ orders: [makeOrder('A1', 'alice')] });
    expect(await createJdLoaders({ client, cache, customerPin: 'bob' }).order.load('A1')).toBeNull();
    expect(await createJdLoaders({ client, cache, customerPin: 'alice' }).order.load('A1')).toMatchObject({ orderId: 'A1' });
  });

  it('sends bestsellers, cart and after-sales reads with the right parameters', async () => {
    const orders = [makeOrder('A1', 'alice')];
    const [client, calls] = recordingJd({
      orders,
      services: [
        {
          afsServiceId: 5,
          orderId: 'A1',
          skuId: '100001',
          serviceStatus: 2,
          afsServiceStep: 21,
          afsApplyType: 10,
          thirdApplyId: 't5',
          applyTime: '2026-01-06 10:00:00',
        },
      ],
    });
    const loaders = createJdLoaders({ client, cache, customerPin: 'alice' });
    const [shop, platform, cart, list, detail, schedule] = await Promise.all([
      loaders.bestsellers.load('77'),
      loaders.bestsellers.load('platform'),
      loaders.cart.load('alice'),
      loaders.afsServicesByOrder.load('A1'),
      loaders.afsDetail.load(5),
      loaders.afsSchedule.load(5),
    ]);
    expect(shop).toEqual(['77', '3']);
    expect(platform).toEqual(['1', '3']);
    expect(cart).toEqual([{ skuId: '100001', quantity: 2, addedAt: '2026-01-01 08:00:00' }]);
    expect(list.map((s) => s.afsServiceId)).toEqual([5]);
    expect(detail).toMatchObject({ afsServiceId: 5, orderId: 'A1', customerInfo: { customerPin: 'alice' } });
    expect(schedule).toEqual([{ step: 'applied', date: '2026-01-06 10:00:00' }]);
    expect(calls.map((c) => [c.method, c.params])).toEqual(
      expect.arrayContaining([
        [JD_METHODS.rankQuery, { shopId: 77, pageSize: 100 }],
        [JD_METHODS.rankQuery, { pageSize: 100 }],
        [JD_METHODS.cartGet, { customerPin: 'alice' }],
        [JD_METHODS.afsOrderGet, { orderId: 'A1', customerPin: 'alice' }],
        [JD_METHODS.afsDetailGet, { afsServiceId: 5 }],
        [JD_METHODS.afsScheduleGet, { afsServiceId: 5 }],
      ]),
    );
    expect(calls).toHaveLength(6);
  });

  it("searches only the request customer's orders and primes the order loader with them", async () => {
    const orders = [makeOrder('A1', 'alice'), makeOrder('B1', 'bob'), makeOrder('A2', 'alice')];
    const [client, calls] = recordingJd({ orders });
    const loaders = createJdLoaders({ client, cache, customerPin: 'alice' });
    const page = await loaders.searchOrders({ page: '1', page_size: '10', order_state: 'FINISHED_L' });
    expect(page).toMatchObject({ total: 2 });
    expect(page.orders.map((o) => o.orderId)).toEqual(['A1', 'A2']);
    expect(calls).toEqual([
      { method: JD_METHODS.orderSearch, params: { order_state: 'FINISHED_L', page: '1', page_size: '10', pin: 'alice' } },
    ]);
    expect(await loaders.order.load('A2')).toMatchObject({ orderId: 'A2' });
    expect(callsOf(calls, JD_METHODS.orderGet)).toHaveLength(0);
    await expect(loaders.searchOrders({ page: '1', page_size: '101' })).rejects.toThrow(/page_size must be an integer from 1 to 100/);
    expect(calls).toHaveLength(1);
  });

  it('writes searched orders through to the shared cache, so another request (another subgraph) loads them without order.get', async () => {
    const orders = [makeOrder('A1', 'alice'), makeOrder('B1', 'bob'), makeOrder('A2', 'alice')];
    const [client, calls] = recordingJd({ orders });
    await createJdLoaders({ client, cache, customerPin: 'alice' }).searchOrders({ page: '1', page_size: '10' });
    const other = createJdLoaders({ client, cache, customerPin: 'alice' });
    expect(await other.order.load('A1')).toMatchObject({ orderId: 'A1', pin: 'alice' });
    expect(callsOf(calls, JD_METHODS.orderGet)).toHaveLength(0);
    // Written under alice only: bob's request for his own order (not in alice's search) still asks JD.
    expect(await createJdLoaders({ client, cache, customerPin: 'bob' }).order.load('B1')).toMatchObject({ orderId: 'B1' });
    expect(callsOf(calls, JD_METHODS.orderGet)).toHaveLength(1);
  });

  it('does not write through a search that asked JD for some fields only (those are not whole orders)', async () => {
    const [client, calls] = recordingJd({ orders: [makeOrder('A1', 'alice')] });
    await createJdLoaders({ client, cache, customerPin: 'alice' }).searchOrders({ page: '1', page_size: '10', optional_fields: 'orderId' });
    await createJdLoaders({ client, cache, customerPin: 'alice' }).order.load('A1');
    expect(callsOf(calls, JD_METHODS.orderGet)).toHaveLength(1);
  });

  it("rejects private reads without a customer, and another customer's cart", async () => {
    const [client, calls] = recordingJd({ orders: [makeOrder('A1', 'alice')] });
    const anonymous = createJdLoaders({ client, cache });
    await expect(anonymous.order.load('A1')).rejects.toMatchObject({ code: 'NO_CUSTOMER' });
    await expect(anonymous.searchOrders({ page: '1', page_size: '10' })).rejects.toMatchObject({ code: 'NO_CUSTOMER' });
    await expect(anonymous.cart.load('alice')).rejects.toMatchObject({ code: 'NO_CUSTOMER' });
    await expect(createJdLoaders({ client, cache, customerPin: 'bob' }).cart.load('alice')).rejects.toMatchObject({
      code: 'FOREIGN_CUSTOMER',
    });
    expect(calls).toEqual([]);
  });
});
