import { registerEnumType } from 'type-graphql';
import { JD_ORDER_STATES, type JdOrderState } from '../../../jd/protocol';

/** What a partner's UI needs to know about an order's progress; several JD states share one value. */
export enum OrderStatus {
  AWAITING_SHIPMENT = 'AWAITING_SHIPMENT',
  SHIPPED = 'SHIPPED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  PAUSED = 'PAUSED',
  LOCKED = 'LOCKED',
  UNKNOWN = 'UNKNOWN',
}

/** The one place JD's orderState vocabulary is translated; `satisfies` makes a new JD state a compile error here. */
export const JD_STATE_TO_STATUS = {
  WAIT_SELLER_STOCK_OUT: OrderStatus.AWAITING_SHIPMENT,
  WAIT_SELLER_DELIVERY: OrderStatus.AWAITING_SHIPMENT,
  WAIT_GOODS_RECEIVE_CONFIRM: OrderStatus.SHIPPED,
  FINISHED_L: OrderStatus.COMPLETED,
  TRADE_CANCELED: OrderStatus.CANCELLED,
  PAUSE: OrderStatus.PAUSED,
  POP_ORDER_PAUSE: OrderStatus.PAUSED,
  LOCKED: OrderStatus.LOCKED,
} as const satisfies Record<JdOrderState, OrderStatus>;

/** JD orderState -> OrderStatus; a state this version does not know becomes UNKNOWN instead of failing the order. */
export function statusFromJd(state: string): OrderStatus {
  return (JD_STATE_TO_STATUS as Record<string, OrderStatus>)[state] ?? OrderStatus.UNKNOWN;
}

/** The JD states to ask `jingdong.pop.order.search` for when filtering by `status` (empty for UNKNOWN). */
export function jdStatesFor(status: OrderStatus): JdOrderState[] {
  return JD_ORDER_STATES.filter((s) => JD_STATE_TO_STATUS[s] === status);
}

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description:
    "An order's progress, mapped from JD's `orderState` (jingdong.pop.order.get/search). Several JD states can share one value; " +
    '`Order.jdOrderState` carries the raw JD state when a partner needs the finer distinction.',
  valuesConfig: {
    AWAITING_SHIPMENT: {
      description: 'Paid and waiting for the seller to ship. JD states WAIT_SELLER_STOCK_OUT and WAIT_SELLER_DELIVERY.',
    },
    SHIPPED: {
      description: 'Shipped; JD waits for the buyer to confirm receipt. JD state WAIT_GOODS_RECEIVE_CONFIRM.',
    },
    COMPLETED: {
      description:
        'Delivered and receipt confirmed (`receivedAt` is set); the after-sales return window runs from here. JD state FINISHED_L.',
    },
    CANCELLED: { description: 'Cancelled before completion; not eligible for after-sales. JD state TRADE_CANCELED.' },
    PAUSED: {
      description:
        'Processing paused by JD or the seller (e.g. a risk check or stock issue); it resumes or gets cancelled. JD states PAUSE and POP_ORDER_PAUSE.',
    },
    LOCKED: { description: 'Locked by JD (e.g. a pending dispute or cancellation request); no changes until unlocked. JD state LOCKED.' },
    UNKNOWN: {
      description: 'JD reported a state this subgraph version does not know yet; see `Order.jdOrderState`. Not accepted as a filter.',
    },
  },
});
