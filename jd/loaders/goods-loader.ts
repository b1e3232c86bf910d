import type DataLoader from 'dataloader';
import { JD_MAX_BATCH, JD_METHODS, type JdGoodsInfo } from '../protocol';
import { createCachedLoader } from './batch';
import { cacheKeys } from './cache-keys';
import type { LoaderDeps } from './loader-deps';

/** JD Union answers business failures inside `queryResult` with a code other than 200. */
const UNION_OK = 200;

/** Batch goods facts: ≤ 100 SKUs a call; unknown SKUs are null. */
export function createGoodsLoader(deps: LoaderDeps): DataLoader<string, JdGoodsInfo | null> {
  return createCachedLoader<string, JdGoodsInfo | null>(
    {
      method: JD_METHODS.goodsInfo,
      cacheKey: cacheKeys.goods,
      ttlMs: deps.ttl[JD_METHODS.goodsInfo],
      maxKeysPerCall: JD_MAX_BATCH,
      missing: () => null,
      async fetchChunk(skuIds, options) {
        const { queryResult } = await deps.client.call(JD_METHODS.goodsInfo, { skuIds: skuIds.join(',') }, options);
        if (queryResult.code !== UNION_OK) throw new Error(`${JD_METHODS.goodsInfo} failed: ${queryResult.code} ${queryResult.message}`);
        return new Map((queryResult.data ?? []).map((goods) => [String(goods.skuId), goods]));
      },
    },
    deps,
  );
}
