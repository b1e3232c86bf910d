import type DataLoader from 'dataloader';
import { JdApiError } from '../client';
import { JD_METHODS, AFS_RESULT_PARAM_ERROR } from '../protocol';
import { createCachedLoader } from './batch';
import { cacheKeys } from './cache-keys';
import { forCustomer, type LoaderDeps } from './loader-deps';
import type { AfsDetail } from './types';

// JD has no "not found" for detail.get: an unknown afsServiceId is refused as a parameter error.
const isUnknownService = (err: unknown) =>
  err instanceof JdApiError && err.kind === 'business' && err.code === String(AFS_RESULT_PARAM_ERROR);

/**
 * `jingdong.afsservice.service.detail.get`, one call per service. Another customer's service and
 * one JD does not know are both null, so a caller cannot tell them apart.
 */
export function createAfsDetailLoader(deps: LoaderDeps): DataLoader<number, AfsDetail | null> {
  return forCustomer(deps, 'An after-sales service', (pin) =>
    createCachedLoader<number, AfsDetail | null>(
      {
        method: JD_METHODS.afsDetailGet,
        cacheKey: (afsServiceId) => cacheKeys.afsDetail(pin, afsServiceId),
        ttlMs: deps.ttl[JD_METHODS.afsDetailGet],
        maxKeysPerCall: 1,
        missing: () => null,
        async fetchChunk([afsServiceId], options) {
          try {
            const { serviceDetailInfo, customerInfo } = await deps.client.call(JD_METHODS.afsDetailGet, { afsServiceId }, options);
            const mine = serviceDetailInfo && customerInfo?.customerPin === pin;
            return new Map([[afsServiceId, mine ? { ...serviceDetailInfo, customerInfo } : null]]);
          } catch (err) {
            if (isUnknownService(err)) return new Map();
            throw err;
          }
        },
      },
      deps,
    ),
  );
}
