import {
  JD_METHODS,
  JD_WRITE_METHODS,
  type JdMethodName,
  type JdParamsByMethod,
  type JdResultByMethod,
  type JdAfsApplyCreateParams,
} from '../protocol';
import type { JdCallOptions, JdClient } from './types';
import { type JdConfig, JD_CONFIG_DEFAULTS } from './config';
import { buildJdRequest } from './request';
import { parseJdResponse } from './envelope';
import { JdApiError, networkError } from './errors';
import { createAfterSalesApplication } from './create-application';
import { untilAborted } from './policies/abort';
import { callScope, throwIfStopped } from './policies/deadline';
import { withTimeout } from './policies/attempt-timeout';
import { breakerPerMethod, type JdBreakerState } from './policies/breaker';
import { RateLimiter } from './policies/rate-limiter';
import { transientRetry } from './policies/retry';
import { tracedJdCall } from './call-span';

/** One HTTP attempt, as the gateway's metrics and tests see it. */
export interface JdCallObservation {
  method: string;
  durationMs: number;
  outcome: 'ok' | 'error';
  /** JdApiError code of a failed attempt. */
  code?: string;
  /** 1 for the first attempt of a call, 2 for its first retry, ... */
  attempt: number;
}

export interface JdClientDeps {
  fetch?: typeof fetch;
  /** Clock of the signed `timestamp` and of attempt durations (tests skew it; the policies use real time). */
  now?: () => number;
  observer?: (observation: JdCallObservation) => void;
  /** Told 'closed' when a method's breaker is first used, then each time it opens, half-opens or closes. */
  onBreakerStateChange?: (method: string, state: JdBreakerState) => void;
  /** Share one limiter between clients of the same app key in one process. */
  rateLimiter?: RateLimiter;
}

/** The credentials are required; every policy number falls back to JD_CONFIG_DEFAULTS. */
export type JdClientConfig = Pick<JdConfig, 'apiUrl' | 'appKey' | 'appSecret' | 'accessToken'> &
  Partial<Omit<JdConfig, 'apiUrl' | 'appKey' | 'appSecret' | 'accessToken'>>;

/** Calls an observer so that a bug in it (metrics, logs) can never fail or retry a JD call. */
function quietly<A extends unknown[]>(observer: ((...args: A) => void) | undefined): (...args: A) => void {
  return (...args) => {
    try {
      observer?.(...args);
    } catch {
      // Deliberately ignored: see above.
    }
  };
}

/**
 * Creates the JOS client: signs, rate-limits per app key, times out each attempt, retries reads,
 * breaks circuits per method. The policies are cockatiel's; the caller's signal reaches every one of them.
 */
export function createJdClient(config: JdClientConfig, deps: JdClientDeps = {}): JdClient {
  // Explicit `undefined`s (e.g. from optional settings passed through) must not erase the defaults.
  const given = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined)) as JdClientConfig;
  const settings = { ...JD_CONFIG_DEFAULTS, ...given };
  const now = deps.now ?? Date.now;
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const limiter = deps.rateLimiter ?? new RateLimiter({ perSecond: settings.rateLimitPerSecond, maxWaitMs: settings.rateLimitMaxWaitMs });
  const observe = quietly(deps.observer);
  const breakerFor = breakerPerMethod({
    failurePercent: settings.breakerFailurePercent,
    minCalls: settings.breakerMinCalls,
    windowMs: settings.breakerWindowMs,
    halfOpenAfterMs: settings.breakerHalfOpenAfterMs,
    onStateChange: quietly(deps.onBreakerStateChange),
  });
  const backoff = { baseDelayMs: settings.retryBaseDelayMs, maxDelayMs: settings.retryMaxDelayMs };
  const readRetry = transientRetry(settings.retryMax, backoff);
  // A write's outcome is unknown after a transient failure; only reads repeat on their own.
  const writeOnce = transientRetry(0, backoff);

  async function sendOnce<M extends JdMethodName>(
    method: M,
    params: JdParamsByMethod[M],
    attempt: number,
    signal?: AbortSignal,
  ): Promise<JdResultByMethod[M]> {
    const request = buildJdRequest(settings, method, params, new Date(now()));
    const started = now();
    try {
      const result = await withTimeout(
        method,
        settings.timeoutMs,
        async (attemptSignal) => {
          let body: string;
          let status: number;
          try {
            const response = await doFetch(request.url, { ...request.init, signal: attemptSignal });
            status = response.status;
            body = await response.text();
          } catch (error) {
            throw attemptSignal.aborted ? error : networkError(method, error);
          }
          return parseJdResponse<JdResultByMethod[M]>(method, status, body);
        },
        signal,
      );
      observe({ method, durationMs: now() - started, outcome: 'ok', attempt });
      return result;
    } catch (error) {
      const code = error instanceof JdApiError ? error.code : undefined;
      observe({ method, durationMs: now() - started, outcome: 'error', code, attempt });
      throw error;
    }
  }

  const call: JdClient['call'] = (method, params, options: JdCallOptions = {}) => {
    let scope;
    try {
      scope = callScope(method, options);
    } catch (stopped) {
      return Promise.reject(stopped);
    }
    const { signal } = scope;
    const breaker = breakerFor(method);
    return tracedJdCall(method, (span) => {
      const attempts = (JD_WRITE_METHODS.has(method) ? writeOnce : readRetry).execute(async ({ attempt }) => {
        span.attempt(attempt + 1);
        // Before every attempt, retries included: nothing goes to JD for a caller who left or ran out of time.
        throwIfStopped(method, { signal, deadline: options.deadline });
        // Refuse before queueing for a rate-limit slot: an open circuit must not spend the app key's budget.
        breaker.admit();
        // Never waits past the request's deadline: without a slot in time the call fails at once (JD_BUDGET_EXHAUSTED).
        // The options' background and caller set its priority (a refresh never waits; fairness per caller).
        await limiter.acquire(method, { ...options, signal });
        return breaker.execute(() => sendOnce(method, params, attempt + 1, signal));
      }, signal);
      return untilAborted(attempts, signal).finally(scope.done);
    });
  };

  return {
    call,
    createAfterSalesApplication: async (params: JdAfsApplyCreateParams, options: JdCallOptions = {}) => {
      // One scope for the whole exchange, so the pauses between its calls end with the deadline too.
      const scope = callScope(JD_METHODS.afsApplyCreate, options);
      try {
        return await createAfterSalesApplication({ call, maxAttempts: settings.createMaxAttempts, backoff }, params, {
          ...options,
          signal: scope.signal,
        });
      } finally {
        scope.done();
      }
    },
  };
}
