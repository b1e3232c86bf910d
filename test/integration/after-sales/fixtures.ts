import type { JdOrderInfo } from '../../../jd/protocol/orders';
import { JD_CATEGORIES, type JdGoodsInfo } from '../../../jd/protocol/catalog';
import type { JdAfsApplyType, JdAfsStep, JdCustomerExpect, JdServiceStatus } from '../../../jd/protocol/after-sales';
import { FakeJd } from './fake-jd';

export const ALICE = 'alice_pin';
export const BOB = 'bob_pin';
/** The fixed clock: 2025-06-01 12:00 in Shanghai. */
export const NOW = new Date('2025-06-01T04:00:00Z');

function order(orderId: string, pin: string, over: Partial<JdOrderInfo> = {}): JdOrderInfo {
  return {
    orderId, venderId: '1', pin, orderState: 'FINISHED_L',
    orderTotalPrice: '398.00', orderSellerPrice: '398.00', orderPayment: '398.00', freightPrice: '0.00', sellerDiscount: '0.00',
    orderStartTime: '2025-05-25 10:00:00', paymentConfirmTime: '2025-05-25 10:05:00', orderEndTime: '2025-05-29 14:00:00',
    modified: '2025-05-29 14:00:00',
    consigneeInfo: { fullname: 'Zhang San', mobile: '13800000000', telephone: '', fullAddress: 'x', province: 'Beijing', city: 'Beijing', county: 'Chaoyang', countryCode: 'CN' },
    itemInfoList: [{ skuId: '100', skuName: 'Phone', wareId: '1', jdPrice: '199.00', itemTotal: '2' }],
    plusMember: false,
    ...over,
  };
}

const goods = (skuId: number, cid: number): JdGoodsInfo => ({
  skuId, goodsName: `sku ${skuId}`, unitPrice: '199.00', imgUrl: '', materialUrl: '', shopId: 1, shopName: 'Shop', cid, cidName: '',
  cid2: 0, cid2Name: '', cid3: 0, cid3Name: '', isJdSale: 1,
});

function service(jd: FakeJd, id: number, orderId: string, pin: string, over: {
  skuId?: string; type?: JdAfsApplyType; expect?: JdCustomerExpect; status?: JdServiceStatus; step?: JdAfsStep; cancelable?: 0 | 1;
  exchangeSkuId?: string; priceDifferenceFen?: number; processResult?: string; refuseCancel?: boolean;
} = {}): void {
  jd.services.set(id, {
    customerPin: pin,
    refuseCancel: over.refuseCancel,
    schedule: [
      { step: 'Review Approved', date: '2025-05-30 14:00:00' },
      { step: 'User Sent Back Product', date: '2025-05-31 09:30:00' },
    ],
    detail: {
      afsServiceId: id, orderId, skuId: over.skuId ?? '100', skuNum: 1, afsApplyType: over.type ?? 10, customerExpect: over.expect ?? 10,
      questionDesc: 'Cracked screen', questionPic: 'https://img.jd.com/a.jpg,https://img10.360buyimg.com/b.jpg',
      isNeedDetectionReport: 1, processResult: over.processResult ?? '', status: 'In progress', serviceStatus: over.status ?? 2,
      afsServiceStep: over.step ?? 21, applyTime: '2025-05-30 09:15:00', cancelable: over.cancelable ?? 1, thirdApplyId: `seed-${id}`,
      ...(over.exchangeSkuId ? { exchangeSkuId: over.exchangeSkuId, priceDifferenceFen: over.priceDifferenceFen } : {}),
    },
  });
}

/**
 * Alice: 1001 received 3 days ago (phone ×2 + engraved pen), 1002 cancelled, 1003 received 60 days ago,
 * 1004 unpaid, 1005 digital, 1006 with services 501 (open, cancellable), 502 (not cancellable), 503 (JD refuses cancel),
 * 504 (exchange with difference), 1007 JD Plus received 40 days ago, 1008 shipped not received. Bob: 2001 with service 901.
 */
export function seedFakeJd(): FakeJd {
  const jd = new FakeJd();
  for (const [sku, cid] of [[100, JD_CATEGORIES.electronics], [200, JD_CATEGORIES.personalised], [300, JD_CATEGORIES.digital], [400, JD_CATEGORIES.home], [450, JD_CATEGORIES.home]] as const) {
    jd.goods.set(String(sku), goods(sku, cid));
  }
  const add = (o: JdOrderInfo) => jd.orders.set(o.orderId, o);
  add(order('1001', ALICE, { itemInfoList: [
    { skuId: '100', skuName: 'Phone', wareId: '1', jdPrice: '199.00', itemTotal: '2' },
    { skuId: '200', skuName: 'Engraved pen', wareId: '2', jdPrice: '199.00', itemTotal: '1' },
  ] }));
  add(order('1002', ALICE, { orderState: 'TRADE_CANCELED', paymentConfirmTime: '', orderEndTime: '' }));
  add(order('1003', ALICE, { orderEndTime: '2025-04-02 14:00:00' }));
  add(order('1004', ALICE, { orderState: 'WAIT_SELLER_STOCK_OUT', paymentConfirmTime: '', orderEndTime: '' }));
  add(order('1005', ALICE, { itemInfoList: [{ skuId: '300', skuName: 'E-book', wareId: '3', jdPrice: '9.90', itemTotal: '1' }] }));
  add(order('1006', ALICE, { itemInfoList: [
    { skuId: '100', skuName: 'Phone', wareId: '1', jdPrice: '199.00', itemTotal: '1' },
    { skuId: '400', skuName: 'Lamp', wareId: '4', jdPrice: '99.00', itemTotal: '3' },
  ] }));
  add(order('1007', ALICE, { plusMember: true, orderEndTime: '2025-04-22 14:00:00' }));
  add(order('1008', ALICE, { orderState: 'WAIT_GOODS_RECEIVE_CONFIRM', orderEndTime: '' }));
  add(order('2001', BOB));
  service(jd, 501, '1006', ALICE);
  service(jd, 502, '1006', ALICE, { skuId: '400', step: 33, cancelable: 0 });
  service(jd, 503, '1006', ALICE, { skuId: '400', status: 2, step: 22, refuseCancel: true });
  service(jd, 504, '1006', ALICE, { skuId: '400', type: 20, expect: 20, status: 3, step: 50, cancelable: 0, exchangeSkuId: '450', priceDifferenceFen: -1250, processResult: 'Exchanged for sku 450' });
  service(jd, 901, '2001', BOB);
  return jd;
}
