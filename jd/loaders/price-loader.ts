import type DataLoader from 'dataloader';
import { JD_MAX_BATCH, JD_METHODS, parseFen } from '../protocol';
import { createCachedLoader, createFreshLoader, type CachedBatchSpec } from './batch';
import { cacheKeys } from './cache-keys';
import type { LoaderDeps } from './loader-deps';
import type { SkuPrice } from './types';

const SKU_PREFIX = 'J_';

// What one price call sends and how its answer is read; shared by the cached and the fresh loader.
function priceSpec(deps: LoaderDeps): CachedBatchSpec<string, SkuPrice | null> {
  return {
    method: JD_METHODS.priceGet,
    cacheKey: cacheKeys.price,
    ttlMs: deps.ttl[JD_METHODS.priceGet],
    maxKeysPerCall: JD_MAX_BATCH,
    missing: () => null,
    async fetchChunk(skuIds, options) {
      const result = await deps.client.call(JD_METHODS.priceGet, { sku_id: skuIds.map((id) => SKU_PREFIX + id).join(',') }, options);
      const found = new Map<string, SkuPrice | null | Error>();
      for (const row of result.price_changes ?? []) {
        const skuId = row.sku_id.startsWith(SKU_PREFIX) ? row.sku_id.slice(SKU_PREFIX.length) : row.sku_id;
        try {
          const priceFen = parseFen(row.price);
          // JD answers "-1.00" for a SKU it knows but does not sell: that is "no price", not a refund.
          found.set(skuId, priceFen < 0 ? null : { skuId, priceFen, marketPriceFen: parseFen(row.market_price) });
        } catch (error) {
          found.set(skuId, error as Error);
        }
      }
      return found;
    },
  };
}

/** `jingdong.ware.price.get`: ≤ 100 `J_` SKUs a call; prices parsed exactly into fen. */
export function createPriceLoader(deps: LoaderDeps): DataLoader<string, SkuPrice | null> {
  return createCachedLoader(priceSpec(deps), deps);
}

/** `jingdong.ware.price.get` past the cache (see `createFreshLoader`); answers replace the cached prices and `memo`'s. */
export function createFreshPriceLoader(deps: LoaderDeps, memo?: DataLoader<string, SkuPrice | null>): DataLoader<string, SkuPrice | null> {
  return createFreshLoader(priceSpec(deps), deps, memo);
}
