import type DataLoader from 'dataloader';
import { JD_METHODS, type JdAfsApplyCreateParams, type JdAfsServiceSummary } from '../protocol';
import { cacheKeys } from './cache-keys';
import { ForeignCustomerError, NoCustomerError } from './errors';
import type { LoaderDeps } from './loader-deps';
import type { AfsDetail, ScheduleEntry } from './types';

/** The request's loaders a write must clear, besides the shared cache. */
export interface AfterSalesMemos {
  afsServicesByOrder: DataLoader<string, JdAfsServiceSummary[]>;
  afsDetail: DataLoader<number, AfsDetail | null>;
  afsSchedule: DataLoader<number, ScheduleEntry[]>;
}

export interface AfterSalesWrites {
  applyForAfterSales(params: JdAfsApplyCreateParams): Promise<{ afsServiceId: number; reused: boolean }>;
  cancelAfterSales(afsServiceId: number, orderId: string): Promise<void>;
}

/**
 * Apply and cancel for the request's customer. Each evicts exactly what it changes, from the
 * shared cache and from this request's loader memos, even when the outcome is unknown (it throws).
 */
export function createAfterSalesWrites(deps: LoaderDeps, memos: AfterSalesMemos): AfterSalesWrites {
  const requirePin = (what: string): string => {
    if (!deps.customerPin) throw new NoCustomerError(what);
    return deps.customerPin;
  };
  const evict = async (keys: string[]) => {
    // The write already happened: a failed eviction only leaves an entry to expire by its TTL.
    await deps.cache.delete(keys).catch(() => deps.stats.cacheError());
  };
  return {
    async applyForAfterSales(params) {
      const pin = requirePin('An after-sales application');
      if (params.customerPin !== pin) throw new ForeignCustomerError('This after-sales application');
      try {
        return await deps.client.createAfterSalesApplication(params);
      } finally {
        memos.afsServicesByOrder.clear(params.orderId);
        await evict([cacheKeys.afsByOrder(pin, params.orderId)]);
      }
    },
    async cancelAfterSales(afsServiceId, orderId) {
      const pin = requirePin('Cancelling an after-sales service');
      try {
        await deps.client.call(JD_METHODS.afsCancel, { afsServiceId, customerPin: pin });
      } finally {
        memos.afsDetail.clear(afsServiceId);
        memos.afsSchedule.clear(afsServiceId);
        memos.afsServicesByOrder.clear(orderId);
        await evict([cacheKeys.afsDetail(pin, afsServiceId), cacheKeys.afsSchedule(pin, afsServiceId), cacheKeys.afsByOrder(pin, orderId)]);
      }
    },
  };
}
