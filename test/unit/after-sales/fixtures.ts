import type { JdOrderInfo, JdAfsServiceSummary } from '../../../jd/protocol';

/** A paid, received order of alice's with two lines; override what a test varies. */
export function jdOrder(over: Partial<JdOrderInfo> = {}): JdOrderInfo {
  return {
    orderId: '9001',
    venderId: '1',
    pin: 'alice',
    orderState: 'FINISHED_L',
    orderTotalPrice: '398.00',
    orderSellerPrice: '398.00',
    orderPayment: '398.00',
    freightPrice: '0.00',
    sellerDiscount: '0.00',
    orderStartTime: '2025-05-01 10:00:00',
    paymentConfirmTime: '2025-05-01 10:05:00',
    orderEndTime: '2025-05-05 14:00:00',
    modified: '2025-05-05 14:00:00',
    consigneeInfo: {
      fullname: 'Zhang San',
      mobile: '13800000000',
      telephone: '',
      fullAddress: 'x',
      province: 'Beijing',
      city: 'Beijing',
      county: 'Chaoyang',
      countryCode: 'CN',
    },
    itemInfoList: [
      { skuId: '100', skuName: 'Phone', wareId: '1', jdPrice: '199.00', itemTotal: '2' },
      { skuId: '200', skuName: 'Engraved pen', wareId: '2', jdPrice: '199.00', itemTotal: '1' },
    ],
    plusMember: false,
    ...over,
  };
}

export function afsSummary(over: Partial<JdAfsServiceSummary> = {}): JdAfsServiceSummary {
  return {
    afsServiceId: 1,
    orderId: '9001',
    skuId: '100',
    serviceStatus: 1,
    afsServiceStep: 10,
    afsApplyType: 10,
    thirdApplyId: 't-1',
    applyTime: '2025-05-06 09:00:00',
    ...over,
  };
}
