/** Builds one JdOrderInfo from lines and times, so generated and demo orders compute money the same way. */
import { formatFen, type JdOrderInfo, type JdOrderState, formatShanghai } from '../../protocol';
import type { SandboxCustomer, SandboxShop, SandboxSku } from './types';

export interface OrderLineSpec {
  sku: SandboxSku;
  quantity: number;
  /** Unit price paid, in fen (the price at order time). */ unitFen: number;
}

export interface OrderSpec {
  orderId: string;
  customer: SandboxCustomer;
  shop: SandboxShop;
  state: JdOrderState;
  lines: OrderLineSpec[];
  placedAt: Date;
  /** null while unpaid. */
  paidAt: Date | null;
  /** Receipt confirmed (FINISHED_L only). */
  receivedAt: Date | null;
  discountFen: number;
  freightFen: number;
}

/** JD masks the middle digits of the landline it echoes ("138****1234"). */
function maskedLandline(mobile: string): string {
  const digits = mobile.replace(/\D/g, '');
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/**
 * Money, as this sandbox defines JD's fields: orderTotalPrice = Σ jdPrice × qty; orderSellerPrice =
 * total − sellerDiscount; orderPayment = seller price + freight (what the buyer paid).
 */
export function buildOrder(spec: OrderSpec): JdOrderInfo {
  const totalFen = spec.lines.reduce((sum, l) => sum + l.unitFen * l.quantity, 0);
  const sellerFen = totalFen - spec.discountFen;
  const a = spec.customer.address;
  const times = [spec.placedAt, spec.paidAt, spec.receivedAt].filter((t): t is Date => t !== null);
  return {
    orderId: spec.orderId,
    venderId: String(spec.shop.venderId),
    pin: spec.customer.pin,
    orderState: spec.state,
    orderTotalPrice: formatFen(totalFen),
    orderSellerPrice: formatFen(sellerFen),
    orderPayment: formatFen(sellerFen + spec.freightFen),
    freightPrice: formatFen(spec.freightFen),
    sellerDiscount: formatFen(spec.discountFen),
    orderStartTime: formatShanghai(spec.placedAt),
    paymentConfirmTime: spec.paidAt ? formatShanghai(spec.paidAt) : '',
    orderEndTime: spec.receivedAt ? formatShanghai(spec.receivedAt) : '',
    modified: formatShanghai(new Date(Math.max(...times.map((t) => t.getTime())))),
    consigneeInfo: {
      fullname: spec.customer.fullname,
      mobile: spec.customer.mobile,
      telephone: maskedLandline(spec.customer.mobile),
      fullAddress: [a.province, a.city, a.county, a.street].join(' '),
      province: a.province,
      city: a.city,
      county: a.county,
      countryCode: a.countryCode,
    },
    itemInfoList: spec.lines.map((l) => ({
      skuId: String(l.sku.skuId),
      skuName: l.sku.name,
      wareId: String(l.sku.wareId),
      jdPrice: formatFen(l.unitFen),
      itemTotal: String(l.quantity),
    })),
    plusMember: spec.customer.plusMember,
  };
}
