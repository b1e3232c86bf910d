import { RateLimiter, type JdCallOptions } from '../../jd/client';

/** A real JD rate limiter (1000 calls/s) that records the method and call options of every slot it is asked for. */
export function recordingLimiter(): { limiter: RateLimiter; asked: { method: string; options?: JdCallOptions }[] } {
  const limiter = new RateLimiter({ perSecond: 1000, maxWaitMs: 1000 });
  const asked: { method: string; options?: JdCallOptions }[] = [];
  const acquire = limiter.acquire.bind(limiter);
  limiter.acquire = (method, options) => {
    asked.push({ method, options });
    return acquire(method, options);
  };
  return { limiter, asked };
}
