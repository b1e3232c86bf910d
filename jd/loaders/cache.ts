/**
 * The process-wide cache behind every request's loaders: keyv in memory by default, Redis when a
 * URL is given (so replicas share entries). Errors are thrown, not swallowed, so the loaders can
 * count them and carry on as a miss; a hung Redis times out instead of stalling a request.
 */
import Keyv from 'keyv';
import KeyvRedis from '@keyv/redis';
import { LruMap } from '../../shared-state';
import { withRedisSpans } from './cache-spans';

export interface JdCacheOptions {
  /** `redis://…`; without it the cache lives in this process's memory. */
  redisUrl?: string;
  /** Prefix for every key, so several deployments or test runs can share one Redis. */
  namespace?: string;
  /** A cache operation that takes longer fails (and the loaders fall back to JD). Default 1000. */
  operationTimeoutMs?: number;
  /** In memory only: the most entries kept; the least recently used go first. Default 50 000. */
  maxMemoryEntries?: number;
}

export interface JdCache {
  readonly backend: 'memory' | 'redis';
  /** undefined when absent or expired; a cached `null` (known-missing entity) comes back as null. */
  get<T>(key: string): Promise<T | undefined>;
  /** One round trip for all keys (Redis MGET); same length and order as `keys`. */
  getMany<T>(keys: string[]): Promise<(T | undefined)[]>;
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  /** All entries share one TTL; one round trip on Redis (MULTI). */
  setMany<T>(entries: { key: string; value: T }[], ttlMs: number): Promise<void>;
  /** Removes the entries and forgets any in-flight load or refresh of them, so an older answer is not written back. */
  delete(keys: string | string[]): Promise<void>;
  /**
   * Loads of a key currently on their way to JD, shared by every loader in this process:
   * a second miss for the same key joins the first call instead of making its own.
   */
  readonly inFlight: Map<string, Promise<unknown>>;
  /**
   * Keys a background refresh is on its way for (stale-while-revalidate), each with its refresh's token:
   * one refresh per key, and an eviction (a write) removes the key so the refresh does not write back.
   */
  readonly refreshing: Map<string, object>;
  /** Drops every entry under this cache's namespace (and forgets in-flight loads): the next reads are cold. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_OPERATION_TIMEOUT_MS = 1000;
const DEFAULT_MAX_MEMORY_ENTRIES = 50_000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`JD cache ${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function createKeyv(options: JdCacheOptions): Keyv {
  if (!options.redisUrl) {
    // keyv's default Map drops expired entries only when they are read again; a long-running
    // process without Redis would grow without bound, so memory is an LRU with a ceiling.
    const store = new LruMap<string, unknown>(options.maxMemoryEntries ?? DEFAULT_MAX_MEMORY_ENTRIES);
    return new Keyv({ store, namespace: options.namespace, throwOnErrors: true });
  }
  const store = new KeyvRedis(options.redisUrl, {
    namespace: options.namespace,
    throwOnConnectError: true,
    throwOnErrors: true,
    connectionTimeout: options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS,
  });
  // The Redis store prefixes keys itself; a second Keyv prefix would double it.
  return new Keyv({ store, namespace: options.namespace, useKeyPrefix: false, throwOnErrors: true });
}

/** Creates the shared JD cache (memory, or Redis when `redisUrl` is set). */
export function createJdCache(options: JdCacheOptions = {}): JdCache {
  const keyv = createKeyv(options);
  // keyv reports failures as events too; the thrown error is what we act on.
  keyv.on('error', () => undefined);
  const ms = options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
  const inFlight = new Map<string, Promise<unknown>>();
  const refreshing = new Map<string, object>();
  const cache: JdCache = {
    backend: options.redisUrl ? 'redis' : 'memory',
    inFlight,
    refreshing,
    get: <T>(key: string) => withTimeout(keyv.get<T>(key), ms, 'get') as Promise<T | undefined>,
    async getMany<T>(keys: string[]) {
      if (keys.length === 0) return [];
      return (await withTimeout(keyv.getMany<T>(keys), ms, 'getMany')) as (T | undefined)[];
    },
    async set<T>(key: string, value: T, ttlMs: number) {
      await withTimeout(keyv.set(key, value, ttlMs), ms, 'set');
    },
    async setMany<T>(entries: { key: string; value: T }[], ttlMs: number) {
      if (entries.length === 0) return;
      await withTimeout(keyv.setMany(entries.map(({ key, value }) => ({ key, value, ttl: ttlMs }))), ms, 'setMany');
    },
    async delete(keys) {
      const list = typeof keys === 'string' ? [keys] : keys;
      for (const key of list) {
        inFlight.delete(key);
        refreshing.delete(key);
      }
      if (list.length > 0) await withTimeout(keyv.delete(list), ms, 'delete');
    },
    async clear() {
      inFlight.clear();
      refreshing.clear();
      await withTimeout(keyv.clear(), ms, 'clear');
    },
    close: () => keyv.disconnect(),
  };
  return options.redisUrl ? withRedisSpans(cache) : cache;
}
