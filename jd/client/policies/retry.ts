import { backoffDelay, type BackoffOptions } from './backoff';
import type { PolicyClock } from './clock';

export interface RetryOptions extends BackoffOptions {
  /** Retries after the first attempt (0 = one attempt only). */
  maxRetries: number;
  /** Only errors this accepts are retried; everything else is thrown at once. */
  shouldRetry(error: unknown): boolean;
  signal?: AbortSignal;
}

/** Runs `attempt(1..)` until it succeeds, a non-retryable error occurs, or retries run out. */
export async function withRetry<T>(attempt: (attemptNo: number) => Promise<T>, options: RetryOptions, clock: Pick<PolicyClock, 'sleep' | 'random'>): Promise<T> {
  for (let attemptNo = 1; ; attemptNo++) {
    try {
      return await attempt(attemptNo);
    } catch (error) {
      const retriesUsed = attemptNo - 1;
      if (retriesUsed >= options.maxRetries || !options.shouldRetry(error) || options.signal?.aborted) throw error;
      await clock.sleep(backoffDelay(attemptNo, options, clock.random), options.signal);
    }
  }
}
