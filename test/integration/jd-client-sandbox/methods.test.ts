/** jd/client against the sandbox over HTTP: every JD method, and what the sandbox saw (calls, batch sizes). */
import { JD_METHODS } from '../../../jd/protocol';
import type { Sandbox } from '../../../jd/sandbox';
import type { JdClient } from '../../../jd/client';
import { clientFor, startSandbox } from './harness';

describe('jd/client against the sandbox: every method', () => {
  let sandbox: Sandbox;
  let client: JdClient;
  beforeAll(async () => {
    sandbox = await startSandbox();
    client = clientFor(sandbox);
  });
  afterAll(() => sandbox.stop());
  beforeEach(() => sandbox.reset());

  it('pop order get and search', async () => {
    const order = [...sandbox.data.orders.values()].find((o) => o.pin === 'jd_demo_alice')!;
    const got = await client.call(JD_METHODS.orderGet, { order_id: order.orderId });
    expect(got.orderDetailInfo.orderInfo).toEqual(order);
    const page = await client.call(JD_METHODS.orderSearch, {
      pin: 'jd_demo_alice',
      page: '1',
      page_size: '100',
      order_state: 'FINISHED_L',
    });
    const expected = [...sandbox.data.orders.values()].filter((o) => o.pin === 'jd_demo_alice' && o.orderState === 'FINISHED_L');
    expect(page.searchorderinfo_result.orderTotal).toBe(expected.length);
    expect(page.searchorderinfo_result.orderInfoList.map((o) => o.orderId).sort()).toEqual(expected.map((o) => o.orderId).sort());
    expect(sandbox.stats.snapshot().methods[JD_METHODS.orderSearch].calls).toBe(1);
  });

  it('the five after-sales methods: apply (idempotent), order.get, detail, schedule, cancel', async () => {
    const order = [...sandbox.data.orders.values()].find((o) => o.pin === 'jd_demo_bob' && o.orderState === 'FINISHED_L')!;
    const params = {
      afsApplyType: 20 as const,
      customerExpect: 20 as const,
      orderId: order.orderId,
      skuId: order.itemInfoList[0].skuId,
      skuNum: 1,
      questionDesc: '颜色发错了',
      isNeedDetectionReport: 0 as const,
      images: ['https://img20.360buyimg.com/a.jpg'],
      thirdApplyId: 'client-it-1',
      customerPin: 'jd_demo_bob',
    };
    const created = await client.createAfterSalesApplication(params);
    expect(created.reused).toBe(false);
    const again = await client.call(JD_METHODS.afsApplyCreate, params);
    expect(again.afsServiceId).toBe(created.afsServiceId);

    const list = await client.call(JD_METHODS.afsOrderGet, { orderId: order.orderId, customerPin: 'jd_demo_bob' });
    expect(list.afsServiceList.filter((s) => s.thirdApplyId === 'client-it-1')).toEqual([
      expect.objectContaining({ afsServiceId: created.afsServiceId, afsServiceStep: 10, serviceStatus: 1 }),
    ]);
    const detail = await client.call(JD_METHODS.afsDetailGet, { afsServiceId: created.afsServiceId });
    expect(detail.serviceDetailInfo).toMatchObject({
      afsApplyType: 20,
      customerExpect: 20,
      cancelable: 1,
      questionPic: 'https://img20.360buyimg.com/a.jpg',
    });
    sandbox.advance(created.afsServiceId);
    const schedule = await client.call(JD_METHODS.afsScheduleGet, { afsServiceId: created.afsServiceId });
    expect(schedule.scheduleList.map((s) => s.step)).toEqual(['Application Submitted', 'Customer Service Reviewing']);
    const cancelled = await client.call(JD_METHODS.afsCancel, { afsServiceId: created.afsServiceId, customerPin: 'jd_demo_bob' });
    expect(cancelled.resultCode).toBe(100);
    expect(sandbox.data.afsServices.get(created.afsServiceId)!.step).toBe(60);
    expect(sandbox.stats.snapshot().methods[JD_METHODS.afsApplyCreate].calls).toBe(2);
  });

  it('batch catalog reads send what was asked (batch sizes in the stats)', async () => {
    const skus = [...sandbox.data.skus.values()];
    const prices = await client.call(JD_METHODS.priceGet, {
      sku_id: skus
        .slice(0, 100)
        .map((s) => `J_${s.skuId}`)
        .join(','),
    });
    expect(prices.price_changes).toHaveLength(100);
    const goods = await client.call(JD_METHODS.goodsInfo, {
      skuIds: skus
        .slice(0, 7)
        .map((s) => s.skuId)
        .join(','),
    });
    expect(goods.queryResult.data.map((g) => g.skuId)).toEqual(skus.slice(0, 7).map((s) => s.skuId));
    const stock = await client.call(JD_METHODS.stockGet, {
      skuIds: skus
        .slice(0, 30)
        .map((s) => s.skuId)
        .join(','),
    });
    expect(stock.stockList).toHaveLength(30);
    const stats = sandbox.stats.snapshot().methods;
    expect(stats[JD_METHODS.priceGet].batchSizes).toEqual([100]);
    expect(stats[JD_METHODS.goodsInfo].batchSizes).toEqual([7]);
    expect(stats[JD_METHODS.stockGet].batchSizes).toEqual([30]);
  });

  it('rankings and the cart', async () => {
    const shop = sandbox.data.shops[0];
    const shopRank = await client.call(JD_METHODS.rankQuery, { shopId: shop.shopId, pageSize: 30 });
    expect(shopRank.queryResult.data.map((r) => r.skuId)).toEqual(sandbox.data.shopBestsellers.get(shop.shopId)!.slice(0, 30));
    const platform = await client.call(JD_METHODS.rankQuery, { pageSize: 60 });
    expect(platform.queryResult.data).toHaveLength(60);
    const cart = await client.call(JD_METHODS.cartGet, { customerPin: 'jd_demo_alice' });
    expect(cart.cartItems).toEqual(sandbox.data.carts.get('jd_demo_alice'));
  });

  it.each(['hmacmd5', 'hmacsha256'])('a client signing with %s is accepted', async (signMethod) => {
    const signed = clientFor(sandbox, { JD_SIGN_METHOD: signMethod });
    const cart = await signed.call(JD_METHODS.cartGet, { customerPin: 'jd_demo_bob' });
    expect(cart.cartItems).toHaveLength(3);
  });
});
