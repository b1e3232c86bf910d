import type DataLoader from 'dataloader';
import { JD_METHODS } from '../protocol/methods';
import { createCachedLoader } from './batch';
import { cacheKeys } from './cache-keys';
import { forCustomer, type LoaderDeps } from './loader-deps';
import type { AfsDetail } from './types';

/** `jingdong.afsservice.service.detail.get`, one call per service; another customer's service is null. */
export function createAfsDetailLoader(deps: LoaderDeps): DataLoader<number, AfsDetail | null> {
  return forCustomer(deps, 'An after-sales service', (pin) => createCachedLoader<number, AfsDetail | null>({
    method: JD_METHODS.afsDetailGet,
    cacheKey: (afsServiceId) => cacheKeys.afsDetail(pin, afsServiceId),
    ttlMs: deps.ttl[JD_METHODS.afsDetailGet],
    maxKeysPerCall: 1,
    missing: () => null,
    async fetchChunk([afsServiceId]) {
      const { serviceDetailInfo, customerInfo } = await deps.client.call(JD_METHODS.afsDetailGet, { afsServiceId });
      const mine = serviceDetailInfo && customerInfo?.customerPin === pin;
      return new Map([[afsServiceId, mine ? { ...serviceDetailInfo, customerInfo } : null]]);
    },
  }, deps));
}
