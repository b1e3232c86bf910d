import DataLoader from 'dataloader';
import type { JdLoaders, OrderPage } from '../../../jd/loaders';
import type { JdGoodsInfo, JdOrderInfo, JdOrderSearchParams } from '../../../jd/protocol';

/** A JD order as JD sends it; override what a test cares about. */
export function jdOrder(over: Partial<JdOrderInfo> & { orderId: string }): JdOrderInfo {
  return {
    venderId: '7001',
    pin: 'jd_demo_alice',
    orderState: 'FINISHED_L',
    orderTotalPrice: '398.00',
    orderSellerPrice: '388.00',
    orderPayment: '396.50',
    freightPrice: '8.50',
    sellerDiscount: '10.00',
    orderStartTime: '2025-05-05 14:00:00',
    paymentConfirmTime: '2025-05-05 14:01:30',
    orderEndTime: '2025-05-08 09:30:00',
    modified: '2025-05-08 09:30:00',
    consigneeInfo: {
      fullname: 'Zhang San',
      mobile: '13800000000',
      telephone: '',
      fullAddress: '北京 朝阳区 建国路 88 号 3 单元 1201',
      province: '北京',
      city: '朝阳区',
      county: '建国路',
      countryCode: 'CN',
    },
    itemInfoList: [{ skuId: '100012043978', skuName: 'Wireless earbuds', wareId: '9001', jdPrice: '199.00', itemTotal: '2' }],
    plusMember: false,
    ...over,
  };
}

/**
 * A fake JdLoaders over an in-memory order list, searched the way JD pages (page, page_size) for
 * one customer. `fail` makes every call reject with the given error.
 */
export function fakeJd(orders: JdOrderInfo[], goods: JdGoodsInfo[] = [], fail?: unknown) {
  const rec = {
    orderBatches: [] as string[][],
    searches: [] as Omit<JdOrderSearchParams, 'pin'>[],
    goodsBatches: [] as string[][],
    pinsSeen: [] as (string | undefined)[],
  };
  const notUsed = () => {
    throw new Error('the orders subgraph must not use this loader');
  };
  const factory = (customerPin: string | undefined): JdLoaders => {
    rec.pinsSeen.push(customerPin);
    const order = new DataLoader<string, JdOrderInfo | null>(async (ids) => {
      rec.orderBatches.push([...ids]);
      if (fail) throw fail;
      return ids.map((id) => orders.find((o) => o.orderId === id) ?? null);
    });
    const goodsLoader = new DataLoader<string, JdGoodsInfo | null>(async (ids) => {
      rec.goodsBatches.push([...ids]);
      if (fail) throw fail;
      return ids.map((id) => goods.find((g) => String(g.skuId) === id) ?? null);
    });
    return {
      order,
      goods: goodsLoader,
      async searchOrders(params): Promise<OrderPage> {
        rec.searches.push(params);
        if (fail) throw fail;
        const states = params.order_state?.split(',');
        const mine = orders.filter((o) => o.pin === customerPin && (!states || states.includes(o.orderState)));
        const size = Number(params.page_size);
        const start = (Number(params.page) - 1) * size;
        return { total: mine.length, orders: mine.slice(start, start + size) };
      },
      afsServicesByOrder: notUsed as never,
      afsDetail: notUsed as never,
      afsSchedule: notUsed as never,
      price: notUsed as never,
      stock: notUsed as never,
      freshPrice: notUsed as never,
      freshStock: notUsed as never,
      bestsellers: notUsed as never,
      cart: notUsed as never,
      applyForAfterSales: notUsed,
      cancelAfterSales: notUsed,
    };
  };
  return { factory, rec };
}
