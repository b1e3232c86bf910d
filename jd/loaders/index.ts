/** Public API of jd/loaders: per-request JD loaders over a shared, optionally Redis-backed cache. */
export type { JdLoaders, SkuPrice, SkuStock, CartLine, ScheduleEntry, AfsDetail, OrderPage } from './types';
export { createJdLoaders, DEFAULT_JD_CONCURRENCY, type CreateJdLoadersOptions } from './create-jd-loaders';
export { createJdCache, type JdCache, type JdCacheOptions } from './cache';
export { createJdLoaderStats, BATCH_SIZE_BUCKETS, type JdLoaderStats, type JdLoaderStatsSnapshot, type MethodStats } from './stats';
export {
  DEFAULT_JD_TTL_MS, CACHED_JD_METHODS, resolveJdTtl, jdTtlOverridesSchema,
  type CachedJdMethod, type JdTtlTable, type JdTtlOverrides,
} from './ttl';
export { cacheKeys, CACHE_KEY_VERSION } from './cache-keys';
export { NoCustomerError, ForeignCustomerError } from './errors';
export { PLATFORM_BESTSELLERS } from './bestsellers-loader';
export { canonicalSearchParams, type OrderSearchParams } from './order-search-loader';
