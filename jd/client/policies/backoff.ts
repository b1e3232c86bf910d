export interface BackoffOptions {
  /** Delay scale of the first retry. */
  baseDelayMs: number;
  /** Ceiling of any single delay. */
  maxDelayMs: number;
}

/**
 * Exponential backoff with "equal jitter": half the exponential step is fixed, half random, so
 * retries from many callers spread out yet never collapse to zero. `retry` counts from 1.
 */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
