import type { JdOrderInfo, JdOrderItem } from '../../../jd/protocol';
import { money, parseFen, shanghaiToIso } from '../../kit';
import type { OrderItem } from './order-item.type';
import { statusFromJd, OrderStatus } from './order-status';
import type { Order } from './order.type';
import { maskName, maskPhone } from './mask';

const CURRENCY = 'CNY';

/** '' (JD's "not yet") -> null; otherwise ISO-8601 with +08:00. */
function optionalTime(jd: string | undefined): string | null {
  return jd ? shanghaiToIso(jd) : null;
}

function toItem(line: JdOrderItem): OrderItem {
  const quantity = Number.parseInt(line.itemTotal, 10);
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new Error(`JD sent a bad itemTotal: ${JSON.stringify(line.itemTotal)}`);
  const unitFen = parseFen(line.jdPrice);
  return {
    product: { skuId: String(line.skuId), name: line.skuName },
    quantity,
    unitPrice: money(unitFen, CURRENCY),
    lineTotal: money(unitFen * quantity, CURRENCY),
  };
}

/** JD order -> the Order the graph exposes: exact money, ISO times, PII masked (nothing unmasked survives). */
export function toOrder(info: JdOrderInfo): Order {
  const status = statusFromJd(info.orderState);
  const consignee = info.consigneeInfo;
  const items = (info.itemInfoList ?? []).map(toItem);
  return {
    id: String(info.orderId),
    status,
    jdOrderState: info.orderState,
    placedAt: shanghaiToIso(info.orderStartTime),
    paidAt: optionalTime(info.paymentConfirmTime),
    // A cancelled order's end time is not a receipt, so only completed orders have one.
    receivedAt: status === OrderStatus.COMPLETED ? optionalTime(info.orderEndTime) : null,
    total: money(parseFen(info.orderTotalPrice), CURRENCY),
    payment: money(parseFen(info.orderPayment), CURRENCY),
    freight: money(parseFen(info.freightPrice), CURRENCY),
    discount: money(parseFen(info.sellerDiscount), CURRENCY),
    items,
    shop: { id: String(info.venderId), skuHint: items[0]?.product.skuId },
    shipTo: {
      recipientName: maskName(consignee?.fullname ?? ''),
      phone: maskPhone(consignee?.mobile || consignee?.telephone || ''),
      countryCode: consignee?.countryCode || 'CN',
      region: [consignee?.province, consignee?.city].filter(Boolean).join(' '),
    },
    plusMember: info.plusMember === true,
  };
}
