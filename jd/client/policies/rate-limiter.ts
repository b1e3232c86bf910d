import { rateLimitedError } from '../errors';
import { sleep } from './abort';

export interface RateLimiterOptions {
  /** At most this many calls start in any 1000 ms window. */
  perSecond: number;
  /** A caller waits at most this long for a slot; beyond it the call fails with kind 'rate-limited'. */
  maxWaitMs: number;
}

const WINDOW_MS = 1000;

/**
 * Sliding-window limiter for one app key: callers wait for a free slot instead of earning JD's
 * code 2. Slots are handed out in call order; any 1000 ms window holds at most `perSecond` starts.
 * cockatiel has no rate limiter (its bulkhead bounds concurrency, not starts per second).
 */
export class RateLimiter {
  /** Start times already granted (non-decreasing), at most `perSecond` of them kept. */
  private readonly granted: number[] = [];

  constructor(private readonly options: RateLimiterOptions) {}

  /**
   * Resolves when the caller may send; throws JdApiError kind 'rate-limited' when the wait would
   * exceed the bound, and the signal's reason when the caller aborts first.
   */
  async acquire(method: string, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const now = Date.now();
    const { perSecond, maxWaitMs } = this.options;
    const last = this.granted.at(-1) ?? -Infinity;
    const windowStart = this.granted.length >= perSecond ? this.granted[this.granted.length - perSecond] + WINDOW_MS : -Infinity;
    const slot = Math.max(now, last, windowStart);
    const wait = slot - now;
    if (wait > maxWaitMs) throw rateLimitedError(method, wait, maxWaitMs);
    // Reserve before sleeping so concurrent callers queue behind this one.
    this.granted.push(slot);
    if (this.granted.length > perSecond) this.granted.shift();
    if (wait > 0) await sleep(wait, signal);
  }
}
