import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RedisConnection } from './redis-connection';

export interface SharedLimiterOptions {
  /** Names this limiter's counters in Redis (e.g. `gw:rl:partner`); include a deployment namespace. */
  keyPrefix: string;
  /** Points (requests, JD calls) allowed per window and key. */
  points: number;
  windowSeconds: number;
  /** With a connection the counters live in Redis, so every replica spends one budget. */
  redis?: RedisConnection;
  /** Called when Redis failed and this process's own counters decided instead. */
  onFallback?(): void;
}

/** The outcome of one `consume`, with what the IETF RateLimit headers need. */
export interface LimitDecision {
  allowed: boolean;
  /** The window's budget. */
  limit: number;
  /** Points left in the current window (0 when refused). */
  remaining: number;
  /** Milliseconds until the window resets (and a refused caller may try again). */
  resetMs: number;
  /** Which counters decided: the shared ones, or this process's while Redis is away. */
  decidedBy: 'redis' | 'memory';
}

export interface SharedLimiter {
  readonly points: number;
  readonly windowSeconds: number;
  consume(key: string, points?: number): Promise<LimitDecision>;
}

/**
 * A fixed-window limiter from rate-limiter-flexible whose counters live in Redis when a connection
 * is given, with this process's memory counters as the fallback: a Redis outage (timeouts, or the
 * connection's breaker open) makes each process enforce the budget on its own, never a 5xx.
 */
export function createSharedLimiter(options: SharedLimiterOptions): SharedLimiter {
  const base = { keyPrefix: options.keyPrefix, points: options.points, duration: options.windowSeconds };
  const memory = new RateLimiterMemory(base);
  const connection = options.redis;
  // rejectIfRedisNotReady: a disconnected client is refused locally instead of queued.
  const shared = connection
    ? new RateLimiterRedis({ ...base, storeClient: connection.client, useRedisPackage: true, rejectIfRedisNotReady: true })
    : undefined;

  const decide = (res: RateLimiterRes, allowed: boolean, decidedBy: LimitDecision['decidedBy']): LimitDecision => ({
    allowed,
    limit: options.points,
    remaining: allowed ? res.remainingPoints : 0,
    resetMs: res.msBeforeNext,
    decidedBy,
  });
  const consumeWith = async (
    limiter: RateLimiterMemory | RateLimiterRedis,
    key: string,
    points: number,
    decidedBy: LimitDecision['decidedBy'],
  ) => {
    try {
      return decide(await limiter.consume(key, points), true, decidedBy);
    } catch (outcome) {
      // rate-limiter-flexible rejects with a RateLimiterRes when the budget is spent, with an Error when the store failed.
      if (outcome instanceof RateLimiterRes) return decide(outcome, false, decidedBy);
      throw outcome;
    }
  };

  return {
    points: options.points,
    windowSeconds: options.windowSeconds,
    async consume(key, points = 1) {
      if (shared && connection) {
        try {
          return await connection.run(() => consumeWith(shared, key, points, 'redis'));
        } catch {
          options.onFallback?.();
        }
      }
      return consumeWith(memory, key, points, 'memory');
    },
  };
}
