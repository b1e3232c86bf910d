import { requireCustomer } from '../../kit';
import type { AfterSalesContext } from '../context';
import { parseServiceId, toAfterSalesService } from './service.mapper';
import type { AfterSalesService } from './service.type';

/** `_entities` for AfterSalesService: through the detail loader; someone else's service is null. */
export const afterSalesServiceReference = {
  async __resolveReference(ref: { id: string }, ctx: AfterSalesContext): Promise<AfterSalesService | null> {
    const pin = requireCustomer(ctx);
    const id = parseServiceId(ref.id);
    const detail = id === null ? null : await ctx.afterSales.ownedService(pin, id);
    return detail ? toAfterSalesService(detail) : null;
  },
};
