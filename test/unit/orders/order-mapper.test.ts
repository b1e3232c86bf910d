import { toOrder } from '../../../subgraphs/orders/order/order.mapper';
import { OrderStatus } from '../../../subgraphs/orders/order/order-status';
import { jdOrder } from './fake-jd';

describe('toOrder (JD order -> graph Order)', () => {
  const order = toOrder(jdOrder({ orderId: '3001' }));

  it('parses money exactly into fen, never through floats', () => {
    expect(order.total).toMatchObject({ amount: '398.00', minorUnits: 39800, currency: 'CNY' });
    expect(order.payment.minorUnits).toBe(39650);
    expect(order.freight.minorUnits).toBe(850);
    expect(order.discount.minorUnits).toBe(1000);
    const tricky = toOrder(
      jdOrder({
        orderId: '1',
        orderPayment: '0.29',
        itemInfoList: [{ skuId: '5', skuName: 'x', wareId: '1', jdPrice: '0.10', itemTotal: '3' }],
      }),
    );
    expect(tricky.payment.minorUnits).toBe(29);
    expect(tricky.items[0].lineTotal).toMatchObject({ amount: '0.30', minorUnits: 30 });
  });

  it('turns Asia/Shanghai wall-clock times into ISO-8601 with +08:00', () => {
    expect(order.placedAt).toBe('2025-05-05T14:00:00+08:00');
    expect(order.paidAt).toBe('2025-05-05T14:01:30+08:00');
    expect(order.receivedAt).toBe('2025-05-08T09:30:00+08:00');
  });

  it('answers null for times JD has not reached', () => {
    const unpaid = toOrder(jdOrder({ orderId: '2', orderState: 'WAIT_SELLER_STOCK_OUT', paymentConfirmTime: '', orderEndTime: '' }));
    expect(unpaid.paidAt).toBeNull();
    expect(unpaid.receivedAt).toBeNull();
    // A cancelled order's end time is not a receipt.
    const cancelled = toOrder(jdOrder({ orderId: '3', orderState: 'TRADE_CANCELED', orderEndTime: '2025-05-06 10:00:00' }));
    expect(cancelled.status).toBe(OrderStatus.CANCELLED);
    expect(cancelled.receivedAt).toBeNull();
  });

  it('maps lines: product, integer quantity, unit price and line total', () => {
    expect(order.items).toHaveLength(1);
    expect(order.items[0].product).toEqual({ skuId: '100012043978', name: 'Wireless earbuds' });
    expect(order.items[0].quantity).toBe(2);
    expect(order.items[0].unitPrice.minorUnits).toBe(19900);
    expect(order.items[0].lineTotal).toMatchObject({ amount: '398.00', minorUnits: 39800 });
  });

  it('masks PII and drops the street address entirely', () => {
    expect(order.shipTo).toEqual({ recipientName: 'Z** San', phone: '138****0000', countryCode: 'CN', region: '北京 朝阳区' });
    const json = JSON.stringify(order);
    expect(json).not.toContain('Zhang');
    expect(json).not.toContain('13800000000');
    expect(json).not.toContain('建国路');
  });

  it('uses the landline when there is no mobile, and keeps the country code', () => {
    const o = toOrder(
      jdOrder({
        orderId: '4',
        consigneeInfo: { ...jdOrder({ orderId: '4' }).consigneeInfo, mobile: '', telephone: '01012345678', countryCode: 'DE' },
      }),
    );
    expect(o.shipTo.phone).toBe('*******5678');
    expect(o.shipTo.countryCode).toBe('DE');
  });

  it('carries status, raw state, shop and the Plus flag', () => {
    expect(order.status).toBe(OrderStatus.COMPLETED);
    expect(order.jdOrderState).toBe('FINISHED_L');
    expect(order.shop).toEqual({ id: '7001', skuHint: '100012043978' });
    expect(toOrder(jdOrder({ orderId: '5', plusMember: true })).plusMember).toBe(true);
  });

  it('refuses malformed JD money instead of guessing', () => {
    expect(() => toOrder(jdOrder({ orderId: '6', orderPayment: '12,00' }))).toThrow(/money/);
    expect(() =>
      toOrder(jdOrder({ orderId: '7', itemInfoList: [{ skuId: '1', skuName: 'x', wareId: '1', jdPrice: '1.00', itemTotal: 'two' }] })),
    ).toThrow(/itemTotal/);
  });
});
