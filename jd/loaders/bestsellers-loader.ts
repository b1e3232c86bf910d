import type DataLoader from 'dataloader';
import { JD_MAX_BATCH, JD_METHODS } from '../protocol';
import { createCachedLoader } from './batch';
import { cacheKeys } from './cache-keys';
import type { LoaderDeps } from './loader-deps';

/** The key that asks for the platform's bestsellers rather than a shop's. */
export const PLATFORM_BESTSELLERS = 'platform';

/** Bestseller SKU ids, best first, of a shop (numeric id as a string) or of the platform. One call per key. */
export function createBestsellersLoader(deps: LoaderDeps): DataLoader<string, string[]> {
  return createCachedLoader<string, string[]>(
    {
      method: JD_METHODS.rankQuery,
      cacheKey: cacheKeys.bestsellers,
      ttlMs: deps.ttl[JD_METHODS.rankQuery],
      maxKeysPerCall: 1,
      missing: () => [],
      async fetchChunk([scope], options) {
        const shopId = scope === PLATFORM_BESTSELLERS ? undefined : Number(scope);
        if (shopId !== undefined && !Number.isSafeInteger(shopId))
          throw new Error(`bestsellers scope must be a shop id or '${PLATFORM_BESTSELLERS}', got ${JSON.stringify(scope)}`);
        const params = shopId === undefined ? { pageSize: JD_MAX_BATCH } : { shopId, pageSize: JD_MAX_BATCH };
        const { queryResult } = await deps.client.call(JD_METHODS.rankQuery, params, options);
        // JD Union reports business failures inside queryResult with a code other than 200.
        if (queryResult.code !== 200) throw new Error(`${JD_METHODS.rankQuery} failed: ${queryResult.code} ${queryResult.message}`);
        const ranked = [...(queryResult.data ?? [])].sort((a, b) => a.rank - b.rank);
        return new Map([[scope, ranked.map((row) => String(row.skuId))]]);
      },
    },
    deps,
  );
}
