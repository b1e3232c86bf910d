import { orderRef, type Order } from './order.type';

/** The id is all exchange needs: the quote loads the order itself and checks ownership there. */
export const orderReference = {
  __resolveReference(ref: { id: string }): Order {
    return orderRef(String(ref.id));
  },
};
