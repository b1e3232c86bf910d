import type DataLoader from 'dataloader';
import { JD_METHODS, type JdAfsServiceSummary } from '../protocol';
import { createCachedLoader } from './batch';
import { cacheKeys } from './cache-keys';
import { forCustomer, type LoaderDeps } from './loader-deps';

/** `jingdong.afsservice.order.get`: the customer's services filed against an order; one call per order. */
export function createAfsByOrderLoader(deps: LoaderDeps): DataLoader<string, JdAfsServiceSummary[]> {
  return forCustomer(deps, "An order's after-sales services", (pin) =>
    createCachedLoader<string, JdAfsServiceSummary[]>(
      {
        method: JD_METHODS.afsOrderGet,
        cacheKey: (orderId) => cacheKeys.afsByOrder(pin, orderId),
        ttlMs: deps.ttl[JD_METHODS.afsOrderGet],
        maxKeysPerCall: 1,
        missing: () => [],
        async fetchChunk([orderId], options) {
          const { afsServiceList } = await deps.client.call(JD_METHODS.afsOrderGet, { orderId, customerPin: pin }, options);
          return new Map([[orderId, afsServiceList ?? []]]);
        },
      },
      deps,
    ),
  );
}
