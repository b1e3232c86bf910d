import type DataLoader from 'dataloader';
import { JD_METHODS } from '../protocol';
import { createCachedLoader } from './batch';
import { cacheKeys } from './cache-keys';
import { forCustomer, type LoaderDeps } from './loader-deps';
import type { ScheduleEntry } from './types';

/**
 * `jingdong.afsservice.service.schedule.get`, one call per service. The schedule names no owner,
 * so callers check ownership through `afsDetail` first; the cache is still kept per customer.
 */
export function createAfsScheduleLoader(deps: LoaderDeps): DataLoader<number, ScheduleEntry[]> {
  return forCustomer(deps, "An after-sales service's schedule", (pin) =>
    createCachedLoader<number, ScheduleEntry[]>(
      {
        method: JD_METHODS.afsScheduleGet,
        cacheKey: (afsServiceId) => cacheKeys.afsSchedule(pin, afsServiceId),
        ttlMs: deps.ttl[JD_METHODS.afsScheduleGet],
        maxKeysPerCall: 1,
        missing: () => [],
        async fetchChunk([afsServiceId], options) {
          const { scheduleList } = await deps.client.call(JD_METHODS.afsScheduleGet, { afsServiceId }, options);
          return new Map([[afsServiceId, (scheduleList ?? []).map(({ step, date }) => ({ step, date }))]]);
        },
      },
      deps,
    ),
  );
}
