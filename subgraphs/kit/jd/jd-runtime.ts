import { DEFAULT_JD_CACHE_NAMESPACE } from '../../../config';
import { createJdClient, type JdClient, type JdClientDeps, type JdConfig, type RateLimiter } from '../../../jd/client';
import { createJdBudget } from './jd-budget';
import {
  createBatchWindow,
  createJdCache,
  createJdLoaderStats,
  createJdLoaders,
  resolveJdGrace,
  resolveJdTtl,
  type JdCache,
  type JdLoaderStats,
  type JdTtlOverrides,
} from '../../../jd/loaders';
import { jdReachable } from './jd-reachable';
import type { LoadersFactory } from './jd-source';

export interface JdRuntimeOptions {
  /** Validated JD settings (loadJdConfig), pointed at the running sandbox or at JD. */
  jd: JdConfig;
  /** Shared JD cache in Redis when set; in-process memory otherwise. */
  redisUrl?: string;
  /** Prefix of every cache key (JD_CACHE_NAMESPACE); default `jd`. */
  cacheNamespace?: string;
  /** Sees every HTTP attempt of the client, e.g. JD metrics' `observe`. */
  observer?: JdClientDeps['observer'];
  /** Told each breaker state change per JD method, e.g. JD metrics' `observeBreaker`. */
  onBreakerStateChange?: JdClientDeps['onBreakerStateChange'];
  /** Process-wide loader counters to use (e.g. the ones JD metrics read); new ones otherwise. */
  stats?: JdLoaderStats;
  /** Cache TTLs in ms per JD method over the defaults; validated here (a bad entry throws, naming it). */
  ttl?: JdTtlOverrides;
}

/** What a JD-backed process holds for its lifetime: one client, one cache and one set of stats; loaders per request. */
export interface JdRuntime {
  client: JdClient;
  /** The app key's JD call budget as this process spends it (its share, or shared through Redis); its snapshot counts waits. */
  limiter: RateLimiter;
  cache: JdCache;
  stats: JdLoaderStats;
  /** Fresh loaders for one request; `customerPin` undefined for partners and anonymous callers. */
  createLoaders: LoadersFactory;
  /** Readiness: JD's router (or the sandbox) accepts connections. */
  checkReady(): Promise<boolean>;
  /** Where JD is, for the start-up line. */
  describeJd(): string;
  close(): Promise<void>;
}

/**
 * Builds the process-wide JD client, cache and loader stats: once per subgraph process
 * (`npm run start:<name>`), or once for all subgraphs of `npm start`, which share them.
 */
export function createJdRuntime(options: JdRuntimeOptions): JdRuntime {
  const { jd } = options;
  const ttl = resolveJdTtl(options.ttl ?? {});
  const grace = resolveJdGrace(jd.cacheGraceMs ?? {});
  const namespace = options.cacheNamespace ?? DEFAULT_JD_CACHE_NAMESPACE;
  const budget = createJdBudget(jd, { redisUrl: options.redisUrl, namespace });
  const { limiter } = budget;
  const client = createJdClient(jd, {
    observer: options.observer,
    onBreakerStateChange: options.onBreakerStateChange,
    rateLimiter: limiter,
  });
  const cache = createJdCache({ redisUrl: options.redisUrl, namespace });
  const stats = options.stats ?? createJdLoaderStats();
  // One window per process, so concurrent requests' price, stock and goods misses share JD calls.
  const batchWindow = jd.batchWindowMs > 0 ? createBatchWindow({ windowMs: jd.batchWindowMs }) : undefined;
  return {
    client,
    limiter,
    cache,
    stats,
    createLoaders: (customerPin, call, staleness) =>
      createJdLoaders({ client, cache, customerPin, stats, ttl, grace, call, staleness, batchWindow }),
    checkReady: jdReachable(jd.apiUrl),
    describeJd: () => `${jd.sandbox ? 'sandbox at ' : ''}${jd.apiUrl}, ${budget.describe()}`,
    close: async () => {
      await cache.close();
      await budget.close();
    },
  };
}
