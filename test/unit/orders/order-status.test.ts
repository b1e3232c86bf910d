import { JD_ORDER_STATES } from '../../../jd/protocol';
import { JD_STATE_TO_STATUS, jdStatesFor, OrderStatus, statusFromJd } from '../../../subgraphs/orders/order/order-status';

describe('JD orderState -> OrderStatus', () => {
  it.each([
    ['WAIT_SELLER_STOCK_OUT', OrderStatus.AWAITING_SHIPMENT],
    ['WAIT_SELLER_DELIVERY', OrderStatus.AWAITING_SHIPMENT],
    ['WAIT_GOODS_RECEIVE_CONFIRM', OrderStatus.SHIPPED],
    ['FINISHED_L', OrderStatus.COMPLETED],
    ['TRADE_CANCELED', OrderStatus.CANCELLED],
    ['PAUSE', OrderStatus.PAUSED],
    ['POP_ORDER_PAUSE', OrderStatus.PAUSED],
    ['LOCKED', OrderStatus.LOCKED],
  ])('%s -> %s', (jd, status) => {
    expect(statusFromJd(jd)).toBe(status);
  });

  it('maps every JD state the protocol lists, and nothing else', () => {
    expect(Object.keys(JD_STATE_TO_STATUS).sort()).toEqual([...JD_ORDER_STATES].sort());
    for (const state of JD_ORDER_STATES) expect(statusFromJd(state)).not.toBe(OrderStatus.UNKNOWN);
  });

  it('turns a state JD invents later into UNKNOWN instead of failing', () => {
    expect(statusFromJd('WAIT_BUYER_PAY_NEW')).toBe(OrderStatus.UNKNOWN);
    expect(statusFromJd('')).toBe(OrderStatus.UNKNOWN);
  });

  it('inverts the mapping for search filters, covering every JD state exactly once', () => {
    expect(jdStatesFor(OrderStatus.AWAITING_SHIPMENT).sort()).toEqual(['WAIT_SELLER_DELIVERY', 'WAIT_SELLER_STOCK_OUT']);
    expect(jdStatesFor(OrderStatus.PAUSED).sort()).toEqual(['PAUSE', 'POP_ORDER_PAUSE']);
    expect(jdStatesFor(OrderStatus.UNKNOWN)).toEqual([]);
    const all = Object.values(OrderStatus).flatMap((s) => jdStatesFor(s));
    expect(all.sort()).toEqual([...JD_ORDER_STATES].sort());
  });
});
