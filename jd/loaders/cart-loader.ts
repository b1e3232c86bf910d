import DataLoader from 'dataloader';
import { JD_METHODS } from '../protocol';
import { createCachedLoader } from './batch';
import { cacheKeys } from './cache-keys';
import { asError, ForeignCustomerError } from './errors';
import { forCustomer, type LoaderDeps } from './loader-deps';
import type { CartLine } from './types';

/** The request customer's cart (`jd.sandbox.cart.get`, a sandbox extension). Key: that customer's pin. */
export function createCartLoader(deps: LoaderDeps): DataLoader<string, CartLine[]> {
  return forCustomer(deps, 'A cart', (pin) => {
    const own = createCachedLoader<string, CartLine[]>(
      {
        method: JD_METHODS.cartGet,
        cacheKey: cacheKeys.cart,
        ttlMs: deps.ttl[JD_METHODS.cartGet],
        maxKeysPerCall: 1,
        missing: () => [],
        async fetchChunk([customerPin], options) {
          const { cartItems } = await deps.client.call(JD_METHODS.cartGet, { customerPin }, options);
          return new Map([
            [customerPin, (cartItems ?? []).map((item) => ({ skuId: String(item.skuId), quantity: item.quantity, addedAt: item.addedAt }))],
          ]);
        },
      },
      deps,
    );
    // Another pin is refused before the cache is even read: its entry is that customer's data.
    return new DataLoader<string, CartLine[]>((pins) =>
      Promise.all(pins.map((p) => (p === pin ? own.load(p).catch(asError) : new ForeignCustomerError('This cart')))),
    );
  });
}
