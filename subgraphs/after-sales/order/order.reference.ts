import { orderRef, type Order } from './order.type';

/**
 * The representation carries all this subgraph needs (the id), so nothing is loaded here: each
 * field loads the order through the per-request loader and checks ownership itself.
 */
export const orderReference = {
  __resolveReference(ref: { id: string }): Order {
    return orderRef(ref.id);
  },
};
