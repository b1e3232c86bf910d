import { ExponentialBackoff, halfJitterGenerator, type IBackoff } from 'cockatiel';

export interface BackoffOptions {
  /** Delay scale of the first retry. */
  baseDelayMs: number;
  /** Ceiling of any single delay. */
  maxDelayMs: number;
}

/**
 * Exponential backoff with "equal jitter" (cockatiel's halfJitterGenerator): retry n waits between
 * step/2 and step, step = min(max, base * 2^(n-1)), so callers spread out yet never retry at once.
 */
export function jdBackoff(options: BackoffOptions): ExponentialBackoff<number> {
  return new ExponentialBackoff({ initialDelay: options.baseDelayMs, maxDelay: options.maxDelayMs, generator: halfJitterGenerator });
}

/** The delays of one retry sequence, in order: for loops that wait between attempts themselves. */
export function* backoffDelays(options: BackoffOptions): Generator<number, never> {
  let backoff: IBackoff<unknown> = jdBackoff(options).next();
  for (;;) {
    yield backoff.duration;
    backoff = backoff.next(undefined);
  }
}
