import { JD_WRITE_METHODS, type JdMethodName, type JdParamsByMethod, type JdResultByMethod } from '../protocol/methods';
import type { JdAfsApplyCreateParams } from '../protocol/after-sales';
import type { JdCallOptions, JdClient } from './types';
import type { JdConfig } from './config';
import { JD_CONFIG_DEFAULTS } from './config';
import { buildJdRequest } from './request';
import { parseJdResponse } from './envelope';
import { isTransientUpstreamFailure, JdApiError, networkError } from './errors';
import { createAfterSalesApplication } from './create-application';
import { CircuitBreaker } from './policies/circuit-breaker';
import { RateLimiter } from './policies/rate-limiter';
import { withRetry } from './policies/retry';
import { withTimeout } from './policies/timeout';
import { systemClock, type PolicyClock } from './policies/clock';

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
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  observer?: (observation: JdCallObservation) => void;
  /** Share one limiter between clients of the same app key in one process. */
  rateLimiter?: RateLimiter;
}

/** The credentials are required; every policy number falls back to JD_CONFIG_DEFAULTS. */
export type JdClientConfig = Pick<JdConfig, 'apiUrl' | 'appKey' | 'appSecret' | 'accessToken'> & Partial<Omit<JdConfig, 'apiUrl' | 'appKey' | 'appSecret' | 'accessToken'>>;

/** Creates the JOS client: signs, rate-limits per app key, times out, retries reads, breaks circuits per method. */
export function createJdClient(config: JdClientConfig, deps: JdClientDeps = {}): JdClient {
  // Explicit `undefined`s (e.g. from optional settings passed through) must not erase the defaults.
  const given = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined)) as JdClientConfig;
  const settings = { ...JD_CONFIG_DEFAULTS, ...given };
  const clock: PolicyClock = {
    now: deps.now ?? systemClock.now,
    sleep: deps.sleep ?? systemClock.sleep,
    random: deps.random ?? systemClock.random,
  };
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const limiter = deps.rateLimiter ?? new RateLimiter({ perSecond: settings.rateLimitPerSecond, maxWaitMs: settings.rateLimitMaxWaitMs }, clock);
  const observe = (observation: JdCallObservation) => {
    try {
      deps.observer?.(observation);
    } catch {
      // A metrics bug must never fail or retry a JD call.
    }
  };
  const breakers = new Map<string, CircuitBreaker>();
  const backoff = { baseDelayMs: settings.retryBaseDelayMs, maxDelayMs: settings.retryMaxDelayMs };

  const breakerFor = (method: string) => {
    let breaker = breakers.get(method);
    if (!breaker) {
      breaker = new CircuitBreaker(method, {
        threshold: settings.breakerThreshold,
        halfOpenAfterMs: settings.breakerHalfOpenAfterMs,
        isFailure: isTransientUpstreamFailure,
        now: clock.now,
      });
      breakers.set(method, breaker);
    }
    return breaker;
  };

  async function sendOnce<M extends JdMethodName>(method: M, params: JdParamsByMethod[M], attempt: number, signal?: AbortSignal): Promise<JdResultByMethod[M]> {
    const request = buildJdRequest(settings, method, params, new Date(clock.now()));
    const started = clock.now();
    try {
      const result = await withTimeout(method, settings.timeoutMs, async (attemptSignal) => {
        let response: Response;
        try {
          response = await doFetch(request.url, { ...request.init, signal: attemptSignal });
        } catch (error) {
          if (attemptSignal.aborted) throw error;
          throw networkError(method, error);
        }
        const body = await response.text();
        return parseJdResponse<JdResultByMethod[M]>(method, response.status, body);
      }, signal);
      observe({ method, durationMs: clock.now() - started, outcome: 'ok', attempt });
      return result;
    } catch (error) {
      const code = error instanceof JdApiError ? error.code : undefined;
      observe({ method, durationMs: clock.now() - started, outcome: 'error', code, attempt });
      throw error;
    }
  }

  const call: JdClient['call'] = (method, params, options: JdCallOptions = {}) => {
    const breaker = breakerFor(method);
    return withRetry(
      (attempt) => breaker.execute(async () => {
        await limiter.acquire(method, options.signal);
        return sendOnce(method, params, attempt, options.signal);
      }),
      {
        ...backoff,
        // A write's outcome is unknown after a transient failure; only reads repeat on their own.
        maxRetries: JD_WRITE_METHODS.has(method) ? 0 : settings.retryMax,
        shouldRetry: isTransientUpstreamFailure,
        signal: options.signal,
      },
      clock,
    );
  };

  return {
    call,
    createAfterSalesApplication: (params: JdAfsApplyCreateParams, options?: JdCallOptions) =>
      createAfterSalesApplication({ call, clock, maxAttempts: settings.createMaxAttempts, backoff }, params, options),
  };
}
