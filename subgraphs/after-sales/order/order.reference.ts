import { requireCustomer } from '../../kit';
import type { AfterSalesContext } from '../context';
import { orderRef, type Order } from './order.type';

/**
 * Resolves through the per-request order loader, like every reference resolver here: someone
 * else's (or a missing) order is null, with no hint which. The fields reuse the memoised load.
 */
export const orderReference = {
  async __resolveReference(ref: { id: string }, ctx: AfterSalesContext): Promise<Order | null> {
    const owned = await ctx.afterSales.ownedOrder(requireCustomer(ctx), ref.id);
    return owned ? orderRef(ref.id) : null;
  },
};
