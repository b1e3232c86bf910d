/** The state of one caller's bucket: tokens left and when they were last counted. */
interface Bucket {
  tokens: number;
  at: number;
}

export type TakeResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Token buckets keyed by caller: `capacity` requests at once, refilled at `capacity` per `windowMs`.
 * A full bucket is dropped, so memory grows only with callers seen within one window.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    private readonly capacity: number,
    windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    if (!(windowMs > 0)) throw new RangeError('windowMs must be positive');
    this.refillPerMs = capacity / windowMs;
  }

  /** Takes one token for `key`, or says how many whole seconds until one is available. */
  take(key: string): TakeResult {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.refillPerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens) };
    }
    const waitMs = (1 - bucket.tokens) / this.refillPerMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Number of callers currently tracked (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  // Buckets that would be full again carry no information; forget them (at most once a second).
  private lastSweep = 0;
  private sweep(now: number): void {
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.refillPerMs >= this.capacity) this.buckets.delete(key);
    }
  }
}
