/**
 * The app key's JD call budget for one process. JD counts calls per app key, not per process, so
 * several processes (replicas, subgraphs run apart) must share it: with Redis through
 * rate-limiter-flexible (shared-state's createSharedLimiter, as the gateway's edge limits), each
 * call taking one point of a 1 s window per app key; without Redis, or while Redis is down, each
 * process keeps to its share, JD_RATE_LIMIT_PER_SECOND / JD_PROCESSES.
 */
import { RateLimiter, type JdConfig } from '../../../jd/client';
import { connectRedis, createSharedLimiter, type RedisConnection } from '../../../shared-state';

export interface JdBudget {
  limiter: RateLimiter;
  /** Calls a second this process may make on its own (its share), and whether Redis shares the rest. */
  describe(): string;
  close(): Promise<void>;
}

export function createJdBudget(jd: JdConfig, options: { redisUrl?: string; namespace: string }): JdBudget {
  const share = Math.max(1, Math.floor(jd.rateLimitPerSecond / jd.processes));
  const maxWaitMs = jd.rateLimitMaxWaitMs;
  const callerShare = (jd.callerSharePercent ?? 100) / 100;
  if (!options.redisUrl) {
    return {
      limiter: new RateLimiter({ perSecond: share, maxWaitMs, callerShare }),
      describe: () => `${share} JD calls/s in this process (${jd.rateLimitPerSecond} / ${jd.processes} processes)`,
      close: async () => undefined,
    };
  }
  const redis: RedisConnection = connectRedis({ url: options.redisUrl });
  const keyPrefix = `${options.namespace}:jd-budget`;
  const shared = createSharedLimiter({ keyPrefix, points: jd.rateLimitPerSecond, windowSeconds: 1, redis });
  // While Redis is away the shared limiter decides from this process's memory: then only our share.
  const ownShare = createSharedLimiter({ keyPrefix, points: share, windowSeconds: 1 });
  const take = async () => {
    let decision = await shared.consume(jd.appKey);
    if (decision.decidedBy === 'memory') decision = await ownShare.consume(jd.appKey);
    return { allowed: decision.allowed, resetMs: decision.resetMs };
  };
  return {
    // This process may use the whole budget when the others are idle; Redis keeps the sum within it.
    limiter: new RateLimiter({ perSecond: jd.rateLimitPerSecond, maxWaitMs, callerShare, shared: { take } }),
    describe: () => `${jd.rateLimitPerSecond} JD calls/s shared through Redis by every process of this app key`,
    close: () => redis.close(),
  };
}
