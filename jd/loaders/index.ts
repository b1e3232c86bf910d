/** Public API of jd/loaders: per-request JD loaders over a shared, optionally Redis-backed cache. */
export type { JdLoaders, SkuPrice, SkuStock, ScheduleEntry, AfsDetail, OrderPage } from './types';
export { createJdLoaders, DEFAULT_JD_CONCURRENCY } from './create-jd-loaders';
export { createJdCache, type JdCache } from './cache';
export { createBatchWindow } from './batch-window';
export { createJdLoaderStats, type JdLoaderStats, type JdLoaderStatsSnapshot, type MethodStats } from './stats';
export { DEFAULT_JD_TTL_MS, DEFAULT_JD_GRACE_MS, resolveJdTtl, resolveJdGrace, type JdTtlTable, type JdTtlOverrides } from './ttl';
export { createStalenessRecord, type StalenessRecord } from './staleness';
export { cacheKeys, CACHE_KEY_VERSION } from './cache-keys';
export { ForeignCustomerError } from './errors';
