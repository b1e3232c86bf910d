/**
 * What replicas share through Redis, and what each process falls back to while Redis is away:
 * one guarded connection, keyv stores over it, and limiters whose counters live in it.
 *
 * A leaf module: it imports only npm packages, so the gateway, the subgraphs, jd/ and stack/ may
 * all use it. Redis is an optimisation here, never a dependency: no operation waits on a dead Redis.
 */
export {
  connectRedis,
  RedisUnavailableError,
  type RedisClient,
  type RedisConnection,
  type RedisConnectionOptions,
  type RedisState,
} from './redis-connection';
export { GuardedRedisStore } from './guarded-store';
export { TieredStore, type TieredStoreOptions } from './tiered-store';
export { LruMap } from './lru-map';
export { createSharedLimiter, type LimitDecision, type SharedLimiter, type SharedLimiterOptions } from './shared-limiter';
