/** pop order get/search over real HTTP, and params carried in the query, the form body, or both. */
import { JD_ORDER_STATES, type JdOrderInfo, parseFen } from '../../../jd/protocol';
import type { Sandbox } from '../../../jd/sandbox';
import { jos, startTestSandbox, unwrap } from './jos-call';

const GET = 'jingdong.pop.order.get';
const SEARCH = 'jingdong.pop.order.search';

describe('sandbox pop orders', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.stop());

  it.each(['query', 'body', 'split'] as const)('reads params from the %s', async (transport) => {
    const order = [...sandbox.data.orders.values()][3];
    const r = unwrap(await jos(sandbox, GET, { order_id: order.orderId }, { transport }), GET);
    expect(r.code).toBe('0');
    expect(r.orderDetailInfo.apiResult.success).toBe(true);
    expect(r.orderDetailInfo.orderInfo).toEqual(order);
  });

  it('order.get answers orderInfo null for an unknown order or an excluded state', async () => {
    expect(unwrap(await jos(sandbox, GET, { order_id: '999' }), GET).orderDetailInfo.orderInfo).toBeNull();
    const order = [...sandbox.data.orders.values()].find((o) => o.orderState === 'FINISHED_L')!;
    expect(
      unwrap(await jos(sandbox, GET, { order_id: order.orderId, order_state: 'TRADE_CANCELED' }), GET).orderDetailInfo.orderInfo,
    ).toBeNull();
    expect(
      unwrap(await jos(sandbox, GET, { order_id: Number(order.orderId), order_state: 'FINISHED_L,LOCKED' }), GET).orderDetailInfo.orderInfo
        .orderId,
    ).toBe(order.orderId);
  });

  it('orders carry camelCase fields with money as strings that add up', async () => {
    const order: JdOrderInfo = unwrap(await jos(sandbox, GET, { order_id: [...sandbox.data.orders.keys()][4] }), GET).orderDetailInfo
      .orderInfo;
    for (const f of ['orderTotalPrice', 'orderSellerPrice', 'orderPayment', 'freightPrice', 'sellerDiscount'] as const)
      expect(order[f]).toMatch(/^\d+\.\d{2}$/);
    const goods = order.itemInfoList.reduce((s, i) => s + parseFen(i.jdPrice) * Number(i.itemTotal), 0);
    expect(parseFen(order.orderTotalPrice)).toBe(goods);
    expect(parseFen(order.orderSellerPrice)).toBe(goods - parseFen(order.sellerDiscount));
    expect(parseFen(order.orderPayment)).toBe(parseFen(order.orderSellerPrice) + parseFen(order.freightPrice));
  });

  it('search filters by pin, pages with orderTotal, newest first', async () => {
    const mine = [...sandbox.data.orders.values()].filter((o) => o.pin === 'jd_demo_alice');
    const page1 = unwrap(await jos(sandbox, SEARCH, { pin: 'jd_demo_alice', page: '1', page_size: '4' }), SEARCH).searchorderinfo_result;
    const page3 = unwrap(await jos(sandbox, SEARCH, { pin: 'jd_demo_alice', page: '3', page_size: '4' }), SEARCH).searchorderinfo_result;
    expect(page1.apiResult.success).toBe(true);
    expect(page1.orderTotal).toBe(mine.length);
    expect(page1.orderInfoList).toHaveLength(4);
    expect(page3.orderInfoList).toHaveLength(mine.length - 8);
    const all = [
      ...page1.orderInfoList,
      ...unwrap(await jos(sandbox, SEARCH, { pin: 'jd_demo_alice', page: '2', page_size: '4' }), SEARCH).searchorderinfo_result
        .orderInfoList,
      ...page3.orderInfoList,
    ];
    expect(all.every((o: JdOrderInfo) => o.pin === 'jd_demo_alice')).toBe(true);
    expect(new Set(all.map((o: JdOrderInfo) => o.orderId)).size).toBe(mine.length);
    const starts = all.map((o: JdOrderInfo) => o.orderStartTime);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it('search filters by a list of states and by dates', async () => {
    const r = unwrap(
      await jos(sandbox, SEARCH, { order_state: 'TRADE_CANCELED,LOCKED', page: '1', page_size: '100' }),
      SEARCH,
    ).searchorderinfo_result;
    const expected = [...sandbox.data.orders.values()].filter((o) => o.orderState === 'TRADE_CANCELED' || o.orderState === 'LOCKED');
    expect(r.orderTotal).toBe(expected.length);
    expect(new Set(r.orderInfoList.map((o: JdOrderInfo) => o.orderState))).toEqual(new Set(['TRADE_CANCELED', 'LOCKED']));

    const start = '2026-06-01 00:00:00';
    const end = '2026-06-10 23:59:59';
    const dated = unwrap(
      await jos(sandbox, SEARCH, { start_date: start, end_date: end, page: '1', page_size: '100' }),
      SEARCH,
    ).searchorderinfo_result;
    const inRange = [...sandbox.data.orders.values()].filter((o) => o.orderStartTime >= start && o.orderStartTime <= end);
    expect(inRange.length).toBeGreaterThan(0);
    expect(dated.orderTotal).toBe(inRange.length);
  });

  it('every JD order state is searchable', async () => {
    for (const state of JD_ORDER_STATES) {
      const r = unwrap(await jos(sandbox, SEARCH, { order_state: state, page: '1', page_size: '1' }), SEARCH).searchorderinfo_result;
      expect(r.orderTotal).toBeGreaterThan(0);
      expect(r.orderInfoList[0].orderState).toBe(state);
    }
  });
});
