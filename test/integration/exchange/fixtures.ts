import type { JdOrderInfo } from '../../../jd/protocol/orders';
import { FakeJd } from './fake-jd';

export const ALICE = 'alice_pin';
export const BOB = 'bob_pin';
export const CAROL = 'carol_pin';
/** 2025-06-01 12:00 in Shanghai. */
export const NOW = new Date('2025-06-01T04:00:00Z');

export function order(orderId: string, pin: string, over: Partial<JdOrderInfo> = {}): JdOrderInfo {
  return {
    orderId, venderId: '10', pin, orderState: 'FINISHED_L',
    orderTotalPrice: '499.00', orderSellerPrice: '479.00', orderPayment: '479.00', freightPrice: '0.00', sellerDiscount: '20.00',
    orderStartTime: '2025-05-25 10:00:00', paymentConfirmTime: '2025-05-25 10:05:00', orderEndTime: '2025-05-29 14:00:00',
    modified: '2025-05-29 14:00:00',
    consigneeInfo: { fullname: 'Zhang San', mobile: '13800000000', telephone: '', fullAddress: 'x', province: 'Beijing', city: 'Beijing', county: 'Chaoyang', countryCode: 'CN' },
    // 199.00 × 2 and 101.00 × 1 with 20.00 seller discount: one unit of sku 100 cost 191.02 (see the unit tests).
    itemInfoList: [
      { skuId: '100', skuName: 'Phone', wareId: '1', jdPrice: '199.00', itemTotal: '2' },
      { skuId: '101', skuName: 'Case', wareId: '2', jdPrice: '101.00', itemTotal: '1' },
    ],
    plusMember: false,
    ...over,
  };
}

/** Paid unit price of sku 100 in the discounted orders, in fen. */
export const PAID_100 = 19102;

/**
 * Alice: 1001 discounted (100 ×2, 101), 1002 cancelled, 1003 with an open application on 100, 1004 unpaid,
 * 1005 whose application on 100 is completed. Bob: 2001. Shop 10 sells 100 and 101.
 * Candidates of 1001/100: cart 202, 401; shop 10 ranks 100, 201, 202, 301; the platform ranks 301, 302, 999 (no price), 303, 201.
 */
export function seedFakeJd(): FakeJd {
  const jd = new FakeJd();
  for (const o of [
    order('1001', ALICE),
    order('1002', ALICE, { orderState: 'TRADE_CANCELED' }),
    order('1003', ALICE),
    order('1004', ALICE, { orderState: 'WAIT_SELLER_STOCK_OUT', paymentConfirmTime: '', orderEndTime: '' }),
    order('1005', ALICE),
    order('2001', BOB),
  ]) jd.orders.set(o.orderId, o);
  jd.addService('1003', '100', ALICE, 2);
  jd.addService('1005', '100', ALICE, 3);
  jd.shopOfSku.set('100', 10);
  jd.shopOfSku.set('101', 10);
  jd.shopRank.set(10, ['100', '201', '202', '301']);
  jd.platformRank = ['301', '302', '999', '303', '201'];
  jd.carts.set(ALICE, ['202', '401']);
  const catalog: [string, number, number][] = [
    ['100', 19900, 4], ['101', 10100, 4],
    ['201', PAID_100, 5], // EVEN
    ['202', 15900, 3], // REFUND 32.02
    ['301', 25000, 0], // PAY_EXTRA 58.98, out of stock
    ['302', 9900, 1],
    ['303', 30000, 1],
    ['401', PAID_100 + 1, 2], // PAY_EXTRA by one fen
  ];
  for (const [sku, price, stock] of catalog) {
    jd.priceFen.set(sku, price);
    jd.stock.set(sku, stock);
  }
  return jd;
}
