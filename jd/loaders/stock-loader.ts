import type DataLoader from 'dataloader';
import { JD_MAX_BATCH, JD_METHODS, JD_STOCK_IN_STOCK } from '../protocol';
import { createCachedLoader, createFreshLoader, type CachedBatchSpec } from './batch';
import { cacheKeys } from './cache-keys';
import type { LoaderDeps } from './loader-deps';
import type { SkuStock } from './types';

// What one stock call sends and how its answer is read; shared by the cached and the fresh loader.
function stockSpec(deps: LoaderDeps): CachedBatchSpec<string, SkuStock | null> {
  return {
    method: JD_METHODS.stockGet,
    cacheKey: cacheKeys.stock,
    ttlMs: deps.ttl[JD_METHODS.stockGet],
    maxKeysPerCall: JD_MAX_BATCH,
    missing: () => null,
    async fetchChunk(skuIds, options) {
      const { stockList } = await deps.client.call(JD_METHODS.stockGet, { skuIds: skuIds.join(',') }, options);
      return new Map(
        (stockList ?? []).map((row) => {
          const skuId = String(row.skuId);
          return [skuId, { skuId, inStock: row.stockStateId === JD_STOCK_IN_STOCK, remaining: row.remainNum }];
        }),
      );
    },
  };
}

/** Batch stock: ≤ 100 SKUs a call; state 33 is in stock, anything else is not. */
export function createStockLoader(deps: LoaderDeps): DataLoader<string, SkuStock | null> {
  return createCachedLoader(stockSpec(deps), deps);
}

/** Batch stock past the cache (see `createFreshLoader`); answers replace the cached stock and `memo`'s. */
export function createFreshStockLoader(deps: LoaderDeps, memo?: DataLoader<string, SkuStock | null>): DataLoader<string, SkuStock | null> {
  return createFreshLoader(stockSpec(deps), deps, memo);
}
