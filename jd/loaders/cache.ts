/**
 * The process-wide cache behind every request's loaders: keyv in memory by default, Redis when a
 * URL is given (so replicas share entries). Errors are thrown, not swallowed, so the loaders can
 * count them and carry on as a miss; a hung Redis times out, and once the guarded connection marks
 * it down every operation fails at once, so a dead Redis never stalls a request.
 */
import Keyv from 'keyv';
import { connectRedis, GuardedRedisStore, LruMap, type RedisConnection } from '../../shared-state';
import { withRedisSpans } from './cache-spans';
import { deepFreeze } from './deep-freeze';

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
  /** In memory the value itself is kept, deep-frozen at once (before this returns its promise); Redis keeps its JSON. */
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  /** All entries share one TTL; one round trip on Redis (MULTI). In memory each value is frozen, as by `set`. */
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

/**
 * Settles when the guarded connection is first ready, or after `ms`: the first reads and writes of a
 * process that has just started wait for Redis rather than miss (the connection refuses commands
 * until it is ready). Never rejects; a Redis that is down at start-up costs each of them at most `ms`, once.
 */
function firstConnection(redis: RedisConnection | undefined, ms: number): Promise<void> {
  if (!redis || redis.client.isReady) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.client.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    redis.client.once('ready', done);
  });
}

/** The keyv behind the cache, and the guarded Redis connection it runs on (absent in memory). */
function createKeyv(options: JdCacheOptions): { keyv: Keyv; redis?: RedisConnection } {
  if (!options.redisUrl) {
    // keyv's default Map drops expired entries only when they are read again; a long-running
    // process without Redis would grow without bound, so memory is an LRU with a ceiling.
    const store = new LruMap<string, unknown>(options.maxMemoryEntries ?? DEFAULT_MAX_MEMORY_ENTRIES);
    // No serializer: keyv stores its `{ value, expires }` record itself and a hit hands back the stored value,
    // instead of JSON-parsing every hit (the largest CPU cost of the JD layer under load). Values are
    // shared by every reader, so the cache freezes them as they are written (see `sharesValues` below).
    return {
      keyv: new Keyv({ store, namespace: options.namespace, throwOnErrors: true, serialize: undefined, deserialize: undefined }),
    };
  }
  // The guarded connection bounds each command and, once Redis is down, refuses at once (its breaker),
  // so a dead Redis costs each read a fast miss, not a timeout. No memory tier in front: a write must
  // evict what every replica reads.
  const redis = connectRedis({ url: options.redisUrl, operationTimeoutMs: options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS });
  const store = new GuardedRedisStore(redis, options.namespace);
  // The Redis store prefixes keys itself; a second Keyv prefix would double it.
  return { keyv: new Keyv({ store, namespace: options.namespace, useKeyPrefix: false, throwOnErrors: true }), redis };
}

/** Creates the shared JD cache (memory, or Redis when `redisUrl` is set). */
export function createJdCache(options: JdCacheOptions = {}): JdCache {
  const { keyv, redis } = createKeyv(options);
  // keyv reports failures as events too; the thrown error is what we act on.
  keyv.on('error', () => undefined);
  const ms = options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
  const connected = firstConnection(redis, ms);
  const op = <T>(what: string, work: () => Promise<T>) => withTimeout(connected.then(work), ms, what);
  const inFlight = new Map<string, Promise<unknown>>();
  const refreshing = new Map<string, object>();
  // In memory every hit is the very object written, shared by all requests that read it: frozen (once per
  // write, before anything is awaited, so even the writer's own copy is frozen when its caller gets it),
  // code that mutates a loaded value throws instead of changing other requests' answers. Redis hands
  // each reader its own JSON copy, so it needs no freezing.
  const sharesValues = !options.redisUrl;
  const cache: JdCache = {
    backend: options.redisUrl ? 'redis' : 'memory',
    inFlight,
    refreshing,
    get: <T>(key: string) => op('get', () => keyv.get<T>(key)) as Promise<T | undefined>,
    async getMany<T>(keys: string[]) {
      if (keys.length === 0) return [];
      return (await op('getMany', () => keyv.getMany<T>(keys))) as (T | undefined)[];
    },
    async set<T>(key: string, value: T, ttlMs: number) {
      if (sharesValues) deepFreeze(value);
      await op('set', () => keyv.set(key, value, ttlMs));
    },
    async setMany<T>(entries: { key: string; value: T }[], ttlMs: number) {
      if (entries.length === 0) return;
      if (sharesValues) for (const { value } of entries) deepFreeze(value);
      await op('setMany', () => keyv.setMany(entries.map(({ key, value }) => ({ key, value, ttl: ttlMs }))));
    },
    async delete(keys) {
      const list = typeof keys === 'string' ? [keys] : keys;
      for (const key of list) {
        inFlight.delete(key);
        refreshing.delete(key);
      }
      if (list.length > 0) await op('delete', () => keyv.delete(list));
    },
    async clear() {
      inFlight.clear();
      refreshing.clear();
      await op('clear', () => keyv.clear());
    },
    close: async () => {
      await keyv.disconnect();
      await redis?.close();
    },
  };
  return options.redisUrl ? withRedisSpans(cache) : cache;
}
