import type { OrdersContext } from '../context';
import type { Order } from './order.type';

/** Order entities for other subgraphs: same loader, same ownership rule as Query.order (others' ids resolve to null). */
export const orderReference = {
  __resolveReference(ref: { id: string }, ctx: OrdersContext): Promise<Order | null> {
    return ctx.orders.order(String(ref.id));
  },
};
