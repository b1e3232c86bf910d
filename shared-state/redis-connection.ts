import { createClient } from '@redis/client';
import { CircuitState, ConsecutiveBreaker, TimeoutStrategy, circuitBreaker, handleAll, timeout, wrap } from 'cockatiel';

// Reconnect quickly at first, then every 2 s at most: recovery is automatic and never a tight loop.
const reconnectDelay = (retries: number) => Math.min(50 * 2 ** retries, 2000);

// No offline queue: a disconnected client refuses a command at once instead of holding it.
function createFailFastClient(url: string, connectTimeoutMs: number) {
  return createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: connectTimeoutMs, reconnectStrategy: reconnectDelay } });
}

/** The node-redis client every shared-state user talks through. */
export type RedisClient = ReturnType<typeof createFailFastClient>;

/** `up`: commands are sent; `down`: every command fails at once until Redis answers again. */
export type RedisState = 'up' | 'down';

export interface RedisConnectionOptions {
  url: string;
  /** A command slower than this fails (and counts towards opening the breaker). Default 250 ms. */
  operationTimeoutMs?: number;
  /** Consecutive failed commands that mark Redis down. Default 3. */
  failuresToOpen?: number;
  /** How long Redis stays marked down before one trial command is let through. Default 2000 ms. */
  retryAfterMs?: number;
  /** Called on every change of `state` (for a log line and a gauge). */
  onStateChange?(state: RedisState): void;
}

export interface RedisConnection {
  readonly url: string;
  readonly client: RedisClient;
  readonly state: RedisState;
  /**
   * Runs one Redis operation within the operation timeout. While Redis is down (disconnected, or the
   * breaker open after repeated failures) it rejects with RedisUnavailableError without waiting.
   */
  run<T>(operation: (client: RedisClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Redis is known to be unreachable or failing; callers fall back instead of waiting. */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

const DEFAULTS = { operationTimeoutMs: 250, failuresToOpen: 3, retryAfterMs: 2000 };
/**
 * Opens one process-wide Redis connection that never makes a request wait on Redis: no offline
 * queue (a disconnected client refuses at once), a per-command timeout, and a consecutive-failure
 * breaker so a hung Redis costs a few timeouts, not one per request. Start-up does not wait for
 * Redis: it is an optimisation, never a dependency.
 */
export function connectRedis(options: RedisConnectionOptions): RedisConnection {
  const settings = { ...DEFAULTS, ...options };
  const client = createFailFastClient(settings.url, Math.max(settings.operationTimeoutMs, 1000));
  const breaker = circuitBreaker(handleAll, {
    halfOpenAfter: settings.retryAfterMs,
    breaker: new ConsecutiveBreaker(settings.failuresToOpen),
  });
  const policy = wrap(breaker, timeout(settings.operationTimeoutMs, TimeoutStrategy.Aggressive));

  let reported: RedisState | undefined;
  const currentState = (): RedisState => (client.isReady && breaker.state !== CircuitState.Open ? 'up' : 'down');
  const report = () => {
    const state = currentState();
    if (state !== reported) {
      reported = state;
      settings.onStateChange?.(state);
    }
  };
  // node-redis emits 'error' on every failed reconnect; without a listener it would crash the process.
  client.on('error', report);
  for (const event of ['ready', 'end', 'reconnecting']) client.on(event, report);
  breaker.onStateChange(report);
  report();
  client.connect().catch(report);

  let closed = false;
  return {
    url: settings.url,
    client,
    get state() {
      return currentState();
    },
    async run<T>(operation: (c: RedisClient) => Promise<T>): Promise<T> {
      if (closed || !client.isReady) throw new RedisUnavailableError('Redis is not connected');
      try {
        return await policy.execute(() => operation(client));
      } catch (error) {
        throw error instanceof RedisUnavailableError
          ? error
          : new RedisUnavailableError(`Redis operation failed: ${(error as Error).message}`, { cause: error });
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      // destroy, not quit: quit would wait for replies a hung Redis never sends.
      client.destroy();
    },
  };
}
