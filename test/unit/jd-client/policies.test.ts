import { backoffDelay } from '../../../jd/client/policies/backoff';
import { withRetry } from '../../../jd/client/policies/retry';
import { CircuitBreaker } from '../../../jd/client/policies/circuit-breaker';
import { RateLimiter } from '../../../jd/client/policies/rate-limiter';
import { withTimeout } from '../../../jd/client/policies/timeout';
import { JdApiError } from '../../../jd/client/errors';
import { fakeClock } from './fake-jd';

const transient = () => new JdApiError({ kind: 'http', code: 'HTTP_503', zhDesc: '', enDesc: '', method: 'm', retryable: true, httpStatus: 503 });
const definite = () => new JdApiError({ kind: 'system', code: '12', zhDesc: '', enDesc: '', method: 'm', retryable: false });

describe('backoff', () => {
  it('grows exponentially, is capped, and jitters within [step/2, step]', () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, opts, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, opts, () => 0.999999))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(2, opts, () => 0.5)).toBe(150);
  });
});

describe('withRetry', () => {
  it('retries accepted errors with backoff until success', async () => {
    const clock = fakeClock();
    const attempts: number[] = [];
    const result = await withRetry(async (n) => {
      attempts.push(n);
      if (n < 3) throw transient();
      return 'ok';
    }, { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000, shouldRetry: () => true }, clock);
    expect(result).toBe('ok');
    expect(attempts).toEqual([1, 2, 3]);
    expect(clock.sleeps).toEqual([75, 150]);
  });

  it('stops after maxRetries and rethrows the last error', async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(withRetry(async () => {
      calls++;
      throw transient();
    }, { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 100, shouldRetry: () => true }, clock)).rejects.toMatchObject({ code: 'HTTP_503' });
    expect(calls).toBe(3);
  });

  it('never retries what shouldRetry refuses', async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(withRetry(async () => {
      calls++;
      throw definite();
    }, { maxRetries: 5, baseDelayMs: 10, maxDelayMs: 100, shouldRetry: (e) => (e as JdApiError).retryable }, clock)).rejects.toMatchObject({ code: '12' });
    expect(calls).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('CircuitBreaker', () => {
  const make = (clock: ReturnType<typeof fakeClock>) =>
    new CircuitBreaker('jingdong.pop.order.get', { threshold: 3, halfOpenAfterMs: 1000, isFailure: (e) => (e as JdApiError).retryable, now: clock.now });

  it('opens after threshold consecutive failures, refusing without calling', async () => {
    const clock = fakeClock();
    const breaker = make(clock);
    const fn = jest.fn(async () => { throw transient(); });
    for (let i = 0; i < 3; i++) await expect(breaker.execute(fn)).rejects.toMatchObject({ code: 'HTTP_503' });
    expect(breaker.state).toBe('open');
    await expect(breaker.execute(fn)).rejects.toMatchObject({ kind: 'circuit-open', code: 'CIRCUIT_OPEN', method: 'jingdong.pop.order.get' });
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('half-opens after the delay: one trial at a time; success closes, failure re-opens', async () => {
    const clock = fakeClock();
    const breaker = make(clock);
    for (let i = 0; i < 3; i++) await expect(breaker.execute(async () => { throw transient(); })).rejects.toBeDefined();
    clock.time += 999;
    expect(breaker.state).toBe('open');
    clock.time += 1;
    expect(breaker.state).toBe('half-open');

    // A failed trial re-opens immediately (no need for another `threshold` failures).
    await expect(breaker.execute(async () => { throw transient(); })).rejects.toMatchObject({ code: 'HTTP_503' });
    expect(breaker.state).toBe('open');
    clock.time += 1000;

    let release!: (v: string) => void;
    const trial = breaker.execute(() => new Promise<string>((resolve) => { release = resolve; }));
    await expect(breaker.execute(async () => 'second')).rejects.toMatchObject({ kind: 'circuit-open' });
    release('trial');
    await expect(trial).resolves.toBe('trial');
    expect(breaker.state).toBe('closed');
    await expect(breaker.execute(async () => 'after')).resolves.toBe('after');
  });

  it('does not count definite answers (a business rejection means JD is up) and they reset the count', async () => {
    const clock = fakeClock();
    const breaker = make(clock);
    await expect(breaker.execute(async () => { throw transient(); })).rejects.toBeDefined();
    await expect(breaker.execute(async () => { throw transient(); })).rejects.toBeDefined();
    for (let i = 0; i < 5; i++) await expect(breaker.execute(async () => { throw definite(); })).rejects.toMatchObject({ code: '12' });
    await expect(breaker.execute(async () => { throw transient(); })).rejects.toBeDefined();
    expect(breaker.state).toBe('closed');
  });
});

describe('RateLimiter', () => {
  it('lets perSecond calls through at once, then makes callers wait for the window to slide', async () => {
    const clock = fakeClock(0);
    const limiter = new RateLimiter({ perSecond: 2, maxWaitMs: 5000 }, clock);
    const startedAt: number[] = [];
    for (let i = 0; i < 5; i++) {
      await limiter.acquire('m');
      startedAt.push(clock.time);
    }
    expect(startedAt).toEqual([0, 0, 1000, 1000, 2000]);
    // No 1000 ms window holds more than 2 starts.
    for (const t of startedAt) expect(startedAt.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(2);
  });

  it('queues concurrent callers in order and reserves their slots before they sleep', async () => {
    const clock = fakeClock(0);
    const sleeps: number[] = [];
    const limiter = new RateLimiter({ perSecond: 2, maxWaitMs: 5000 }, { now: clock.now, sleep: async (ms) => { sleeps.push(ms); } });
    await Promise.all([0, 1, 2, 3, 4].map(() => limiter.acquire('m')));
    expect(sleeps).toEqual([1000, 1000, 2000]);
  });

  it('fails with kind rate-limited when the wait would exceed the bound, without taking a slot', async () => {
    const clock = fakeClock(0);
    const limiter = new RateLimiter({ perSecond: 1, maxWaitMs: 500 }, { now: clock.now, sleep: async () => undefined });
    await limiter.acquire('jingdong.ware.price.get');
    await expect(limiter.acquire('jingdong.ware.price.get')).rejects.toMatchObject({ kind: 'rate-limited', code: 'RATE_LIMITED', method: 'jingdong.ware.price.get' });
    clock.time = 600; // now the next slot (1000) is 400 ms away: within the bound
    await expect(limiter.acquire('jingdong.ware.price.get')).resolves.toBeUndefined();
  });
});

describe('withTimeout', () => {
  it('aborts the signal and fails with kind timeout when fn is too slow', async () => {
    let seen: AbortSignal | undefined;
    const started = Date.now();
    await expect(withTimeout('m', 30, (signal) => {
      seen = signal;
      return new Promise(() => undefined); // ignores the signal entirely
    })).rejects.toMatchObject({ kind: 'timeout', code: 'TIMEOUT', retryable: true });
    expect(seen?.aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('passes results and errors through when fn is quick', async () => {
    await expect(withTimeout('m', 1000, async () => 42)).resolves.toBe(42);
    await expect(withTimeout('m', 1000, async () => { throw definite(); })).rejects.toMatchObject({ code: '12' });
  });

  it('rethrows the caller\'s abort reason, not a timeout', async () => {
    const caller = new AbortController();
    const reason = new Error('caller gave up');
    const pending = withTimeout('m', 1000, () => new Promise(() => undefined), caller.signal);
    caller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});
