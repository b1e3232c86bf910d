import type DataLoader from 'dataloader';
import { JD_METHODS, type JdOrderInfo } from '../protocol';
import { createCachedLoader } from './batch';
import { cacheKeys } from './cache-keys';
import { forCustomer, type LoaderDeps } from './loader-deps';

/**
 * `jingdong.pop.order.get`: JD has no batch order read, so one call per distinct order id, in
 * parallel under the request's concurrency cap. Another customer's order is null ("not found").
 */
export function createOrderLoader(deps: LoaderDeps): DataLoader<string, JdOrderInfo | null> {
  return forCustomer(deps, 'An order', (pin) =>
    createCachedLoader<string, JdOrderInfo | null>(
      {
        method: JD_METHODS.orderGet,
        cacheKey: (orderId) => cacheKeys.order(pin, orderId),
        ttlMs: deps.ttl[JD_METHODS.orderGet],
        maxKeysPerCall: 1,
        missing: () => null,
        async fetchChunk([orderId], options) {
          const { orderDetailInfo } = await deps.client.call(JD_METHODS.orderGet, { order_id: orderId }, options);
          const order = orderDetailInfo?.orderInfo ?? null;
          return new Map([[orderId, order && order.pin === pin ? order : null]]);
        },
      },
      deps,
    ),
  );
}
