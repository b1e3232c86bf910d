import { redisSpan } from '../../telemetry';
import type { JdCache } from './cache';

const span = <T>(operation: string, keys: number, work: () => Promise<T>) => redisSpan('jd-cache', operation, keys, work);

/** The JD cache with each Redis round trip traced (`redis MGET`, `redis MULTI SET`, …; see telemetry/redis-span.ts). */
export function withRedisSpans(cache: JdCache): JdCache {
  return {
    backend: cache.backend,
    inFlight: cache.inFlight,
    refreshing: cache.refreshing,
    get: <T>(key: string) => span('GET', 1, () => cache.get<T>(key)),
    getMany: <T>(keys: string[]) => (keys.length === 0 ? cache.getMany<T>(keys) : span('MGET', keys.length, () => cache.getMany<T>(keys))),
    set: <T>(key: string, value: T, ttlMs: number) => span('SET', 1, () => cache.set(key, value, ttlMs)),
    setMany: <T>(entries: { key: string; value: T }[], ttlMs: number) =>
      entries.length === 0 ? cache.setMany(entries, ttlMs) : span('MULTI SET', entries.length, () => cache.setMany(entries, ttlMs)),
    delete: (keys: string | string[]) => span('DEL', typeof keys === 'string' ? 1 : keys.length, () => cache.delete(keys)),
    clear: () => span('SCAN DEL', 0, () => cache.clear()),
    close: () => cache.close(),
  };
}
