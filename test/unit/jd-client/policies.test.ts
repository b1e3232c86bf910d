import { backoffDelays, jdBackoff } from '../../../jd/client/policies/backoff';
import { transientRetry } from '../../../jd/client/policies/retry';
import { MethodBreaker, type JdBreakerState } from '../../../jd/client/policies/breaker';
import { RateLimiter } from '../../../jd/client/policies/rate-limiter';
import { withTimeout } from '../../../jd/client/policies/attempt-timeout';
import { sleep, untilAborted } from '../../../jd/client/policies/abort';
import { JdApiError } from '../../../jd/client/errors';
import { fakeTime, restoreTime, settle } from './fake-jd';

const transient = () =>
  new JdApiError({ kind: 'http', code: 'HTTP_503', zhDesc: '', enDesc: '', method: 'm', retryable: true, httpStatus: 503 });
const definite = () => new JdApiError({ kind: 'system', code: '12', zhDesc: '', enDesc: '', method: 'm', retryable: false });
const refusal = () => new JdApiError({ kind: 'rate-limited', code: 'RATE_LIMITED', zhDesc: '', enDesc: '', method: 'm', retryable: true });

beforeEach(() => fakeTime(0));
afterEach(() => restoreTime());

const firstDelays = (n: number, options: { baseDelayMs: number; maxDelayMs: number }) => {
  const delays = backoffDelays(options);
  return Array.from({ length: n }, () => delays.next().value);
};

describe('backoff', () => {
  it('grows exponentially, is capped, and jitters within [step/2, step)', () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 1000 };
    jest.spyOn(Math, 'random').mockReturnValue(0);
    expect(firstDelays(5, opts)).toEqual([50, 100, 200, 400, 500]);
    jest.spyOn(Math, 'random').mockReturnValue(0.999999);
    expect(firstDelays(5, opts)).toEqual([99, 199, 399, 799, 999]);
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    expect(firstDelays(2, opts)).toEqual([75, 150]);
  });

  it('stays within the bounds for any random value, and the retry policy uses the same sequence', () => {
    jest.restoreAllMocks();
    const opts = { baseDelayMs: 100, maxDelayMs: 1000 };
    for (let run = 0; run < 50; run++) {
      firstDelays(6, opts).forEach((delay, i) => {
        const step = Math.min(1000, 100 * 2 ** i);
        expect(delay).toBeGreaterThanOrEqual(step / 2);
        expect(delay).toBeLessThan(step);
      });
    }
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    expect(jdBackoff(opts).next().duration).toBe(75);
  });
});

describe('transientRetry', () => {
  it('retries transient upstream failures with backoff until success', async () => {
    const attempts: { attempt: number; at: number }[] = [];
    const result = await settle(
      transientRetry(5, { baseDelayMs: 100, maxDelayMs: 1000 }).execute(async ({ attempt }) => {
        attempts.push({ attempt, at: Date.now() });
        if (attempt < 2) throw transient();
        return 'ok';
      }),
    );
    expect(result).toBe('ok');
    expect(attempts).toEqual([
      { attempt: 0, at: 0 },
      { attempt: 1, at: 75 },
      { attempt: 2, at: 225 },
    ]);
  });

  it('stops after maxRetries and rethrows the last error', async () => {
    let calls = 0;
    await expect(
      settle(
        transientRetry(2, { baseDelayMs: 10, maxDelayMs: 100 }).execute(async () => {
          calls++;
          throw transient();
        }),
      ),
    ).rejects.toMatchObject({ code: 'HTTP_503' });
    expect(calls).toBe(3);
  });

  it.each([
    ['a definite answer', definite],
    ['a local refusal (nothing was sent)', refusal],
    ['a non-JD error', () => new Error('bug')],
  ])('never retries %s', async (_name, error) => {
    let calls = 0;
    const thrown = error();
    await expect(
      settle(
        transientRetry(5, { baseDelayMs: 10, maxDelayMs: 100 }).execute(async () => {
          calls++;
          throw thrown;
        }),
      ),
    ).rejects.toBe(thrown);
    expect(calls).toBe(1);
    expect(Date.now()).toBe(0);
  });

  it('with 0 retries (writes) makes exactly one attempt', async () => {
    let calls = 0;
    await expect(
      settle(
        transientRetry(0, { baseDelayMs: 10, maxDelayMs: 100 }).execute(async () => {
          calls++;
          throw transient();
        }),
      ),
    ).rejects.toMatchObject({ code: 'HTTP_503' });
    expect(calls).toBe(1);
  });
});

describe('MethodBreaker', () => {
  const make = (changes: JdBreakerState[] = []) =>
    new MethodBreaker('jingdong.pop.order.get', {
      failurePercent: 50,
      minCalls: 3,
      windowMs: 10_000,
      halfOpenAfterMs: 1000,
      onStateChange: (_m, s) => changes.push(s),
    });
  const fail = (breaker: MethodBreaker, error = transient) =>
    expect(
      breaker.execute(async () => {
        throw error();
      }),
    ).rejects.toBeDefined();

  it('opens once the window holds minCalls calls and more than failurePercent of them failed, refusing without calling', async () => {
    const breaker = make();
    const fn = jest.fn(async () => {
      throw transient();
    });
    // Two failures are 100% but under minCalls: too few calls to judge JD by.
    for (let i = 0; i < 2; i++) await expect(breaker.execute(fn)).rejects.toMatchObject({ code: 'HTTP_503' });
    expect(breaker.state).toBe('closed');
    await expect(breaker.execute(fn)).rejects.toMatchObject({ code: 'HTTP_503' });
    expect(breaker.state).toBe('open');
    await expect(breaker.execute(fn)).rejects.toMatchObject({
      kind: 'circuit-open',
      code: 'CIRCUIT_OPEN',
      method: 'jingdong.pop.order.get',
    });
    expect(() => breaker.admit()).toThrow(
      expect.objectContaining({ kind: 'circuit-open', enDesc: expect.stringContaining('next trial in 1000 ms') }),
    );
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('half-opens after the delay: one trial at a time; success closes, failure re-opens', async () => {
    const changes: JdBreakerState[] = [];
    const breaker = make(changes);
    for (let i = 0; i < 3; i++) await fail(breaker);
    jest.advanceTimersByTime(999);
    expect(() => breaker.admit()).toThrow(
      expect.objectContaining({ kind: 'circuit-open', enDesc: expect.stringContaining('next trial in 1 ms') }),
    );
    jest.advanceTimersByTime(1);
    expect(() => breaker.admit()).not.toThrow();

    // A failed trial re-opens immediately (no need for another minCalls failures).
    await expect(
      breaker.execute(async () => {
        throw transient();
      }),
    ).rejects.toMatchObject({ code: 'HTTP_503' });
    expect(breaker.state).toBe('open');
    await expect(breaker.execute(async () => 'too soon')).rejects.toMatchObject({ kind: 'circuit-open' });
    jest.advanceTimersByTime(1000);

    let release!: (v: string) => void;
    const trial = breaker.execute(
      () =>
        new Promise<string>((resolve) => {
          release = resolve;
        }),
    );
    expect(breaker.state).toBe('half-open');
    await expect(breaker.execute(async () => 'second')).rejects.toMatchObject({ kind: 'circuit-open' });
    release('trial');
    await expect(trial).resolves.toBe('trial');
    expect(breaker.state).toBe('closed');
    await expect(breaker.execute(async () => 'after')).resolves.toBe('after');
    expect(changes).toEqual(['closed', 'open', 'half-open', 'open', 'half-open', 'closed']);
  });

  it('counts definite answers (a business rejection means JD is up) as healthy calls in the rate', async () => {
    const breaker = make();
    await fail(breaker);
    await fail(breaker);
    for (let i = 0; i < 5; i++)
      await expect(
        breaker.execute(async () => {
          throw definite();
        }),
      ).rejects.toMatchObject({ code: '12' });
    await fail(breaker);
    await fail(breaker);
    // 4 failures of 9 calls, then 5 of 10: not more than 50%.
    expect(breaker.state).toBe('closed');
    await fail(breaker);
    expect(breaker.state).toBe('closed');
    // 6 of 11.
    await fail(breaker);
    expect(breaker.state).toBe('open');
  });

  it('a definite answer to a half-open trial closes the circuit', async () => {
    const breaker = make();
    for (let i = 0; i < 3; i++) await fail(breaker);
    jest.advanceTimersByTime(1000);
    await expect(
      breaker.execute(async () => {
        throw definite();
      }),
    ).rejects.toMatchObject({ code: '12' });
    expect(breaker.state).toBe('closed');
  });

  it("neither counts nor resets on errors that say nothing about JD (a caller's abort)", async () => {
    const breaker = make();
    await fail(breaker);
    await fail(breaker);
    const reason = new Error('caller gave up');
    await expect(
      breaker.execute(async () => {
        throw reason;
      }),
    ).rejects.toBe(reason);
    expect(breaker.state).toBe('closed');
    await fail(breaker);
    expect(breaker.state).toBe('open');
  });
});

describe('RateLimiter', () => {
  it('lets perSecond calls through at once, then makes callers wait for the window to slide', async () => {
    const limiter = new RateLimiter({ perSecond: 2, maxWaitMs: 5000 });
    const startedAt: number[] = [];
    for (let i = 0; i < 5; i++) {
      await settle(limiter.acquire('m'));
      startedAt.push(Date.now());
    }
    expect(startedAt).toEqual([0, 0, 1000, 1000, 2000]);
    // No 1000 ms window holds more than 2 starts.
    for (const t of startedAt) expect(startedAt.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(2);
  });

  it('counts the starts that happened: callers whose timers fire late (a held-up event loop) do not bunch past perSecond', async () => {
    // Real time: the point is timers firing late, which fake timers never do.
    jest.useRealTimers();
    const limiter = new RateLimiter({ perSecond: 2, maxWaitMs: 5000 });
    const t0 = Date.now();
    const startedAt: number[] = [];
    const go = () => limiter.acquire('m').then(() => startedAt.push(Date.now() - t0));
    const calls = [go(), go(), go(), go()]; // two now, two planned for 1000 ms
    const held = new Promise<void>((resolve) =>
      setTimeout(() => {
        // The event loop is held up from 950 to 1550 ms: the two planned for 1000 go late, at ~1550…
        while (Date.now() - t0 < 1550);
        // …while two callers arriving now are planned for 2000 (the plan's window after 1000–1000).
        calls.push(go(), go());
        resolve();
      }, 950),
    );
    await held;
    await Promise.all(calls);
    expect(startedAt).toHaveLength(6);
    // JD must never see more than 2 starts in any 1000 ms, late timers or not.
    for (const t of startedAt) expect(startedAt.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(2);
  }, 10_000);

  it('queues concurrent callers in order and reserves their slots before they sleep', async () => {
    const limiter = new RateLimiter({ perSecond: 2, maxWaitMs: 5000 });
    const grantedAt: number[] = [];
    await settle(
      Promise.all(
        [0, 1, 2, 3, 4].map((i) =>
          limiter.acquire('m').then(() => {
            grantedAt[i] = Date.now();
          }),
        ),
      ),
    );
    expect(grantedAt).toEqual([0, 0, 1000, 1000, 2000]);
  });

  it('fails with kind rate-limited when the wait would exceed the bound, without taking a slot', async () => {
    const limiter = new RateLimiter({ perSecond: 1, maxWaitMs: 500 });
    await limiter.acquire('jingdong.ware.price.get');
    await expect(limiter.acquire('jingdong.ware.price.get')).rejects.toMatchObject({
      kind: 'rate-limited',
      code: 'RATE_LIMITED',
      method: 'jingdong.ware.price.get',
    });
    jest.advanceTimersByTime(600); // now the next slot (1000) is 400 ms away: within the bound
    const next = limiter.acquire('jingdong.ware.price.get');
    await jest.advanceTimersByTimeAsync(399);
    let granted = false;
    void next.then(() => {
      granted = true;
    });
    await Promise.resolve();
    expect(granted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(next).resolves.toBeUndefined();
  });

  it('counts grants, waits (and how long they were told to wait) and refusals in its snapshot', async () => {
    const limiter = new RateLimiter({ perSecond: 1, maxWaitMs: 1500 });
    await limiter.acquire('m'); // free at once
    const second = limiter.acquire('m'); // told to wait 1000 ms
    await expect(limiter.acquire('m')).rejects.toMatchObject({ kind: 'rate-limited' }); // 2000 ms > 1500
    await jest.advanceTimersByTimeAsync(1000);
    await second;
    expect(limiter.snapshot()).toEqual({ granted: 2, waited: 1, waitedMs: 1000, refused: 1, backgroundRefused: 0, overShareRefused: 0 });
  });

  it('gives a background refresh only a slot free now and outside the foreground reserve; a customer still gets the reserve', async () => {
    const limiter = new RateLimiter({ perSecond: 5, maxWaitMs: 5000 });
    await limiter.acquire('m', { background: true }); // window empty: granted
    await limiter.acquire('m');
    await limiter.acquire('m');
    await limiter.acquire('m'); // 4 of 5 used: the last 20% is the customers'
    await expect(limiter.acquire('m', { background: true })).rejects.toMatchObject({ kind: 'rate-limited' });
    await expect(limiter.acquire('m')).resolves.toBeUndefined(); // a customer's call takes the fifth slot at once
    // Window full: a customer waits for the next slot; a refresh never waits.
    await expect(limiter.acquire('m', { background: true })).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(limiter.snapshot()).toMatchObject({ granted: 5, backgroundRefused: 2, waited: 0 });
  });

  it("with a shared budget, a refresh it refuses fails at once, while a customer's call waits for its next window", async () => {
    let open = false;
    const take = jest.fn(async () => (open ? { allowed: true, resetMs: 0 } : { allowed: false, resetMs: 300 }));
    const limiter = new RateLimiter({ perSecond: 10, maxWaitMs: 1000, shared: { take } });
    await expect(limiter.acquire('m', { background: true })).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(take).toHaveBeenCalledTimes(1);
    const customer = limiter.acquire('m', { caller: 'customer:alice' });
    await jest.advanceTimersByTimeAsync(100);
    open = true;
    await jest.advanceTimersByTimeAsync(200);
    await expect(customer).resolves.toBeUndefined();
    expect(take).toHaveBeenCalledTimes(3);
    expect(limiter.snapshot()).toMatchObject({ backgroundRefused: 1, refused: 0, waited: 1, waitedMs: 300 });
  });

  it("refuses at once a slot that would come after the caller's deadline, and grants one before it", async () => {
    const limiter = new RateLimiter({ perSecond: 1, maxWaitMs: 5000 });
    await limiter.acquire('m');
    // The next slot is at 1000 ms: a caller due at 500 ms is refused now, not at 500 ms.
    await expect(limiter.acquire('m', { deadline: 500 })).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(Date.now()).toBe(0);
    const granted = limiter.acquire('m', { deadline: 1500 });
    await jest.advanceTimersByTimeAsync(1000);
    await expect(granted).resolves.toBeUndefined();
    expect(limiter.snapshot()).toMatchObject({ granted: 2, refused: 1 });
  });

  it('under contention a caller past its share queues ahead of nobody; alone it may use the whole budget', async () => {
    const limiter = new RateLimiter({ perSecond: 10, maxWaitMs: 5000, callerShare: 0.5 });
    const as = (caller: string, n: number) => Promise.allSettled(Array.from({ length: n }, () => limiter.acquire('m', { caller })));
    // Alone, Alice takes the whole second and queues for the next like anyone.
    const alone = as('customer:alice', 12);
    await jest.advanceTimersByTimeAsync(1000);
    expect((await alone).every((r) => r.status === 'fulfilled')).toBe(true);
    jest.advanceTimersByTime(1000);
    // With Bob in the window, Alice's calls past her half that would have to wait are refused, not queued.
    await as('customer:bob', 1);
    const shared = await as('customer:alice', 12);
    expect(shared.filter((r) => r.status === 'fulfilled')).toHaveLength(9); // the free slots of this second
    expect(shared.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.kind)).toEqual(
      Array(3).fill('rate-limited'),
    );
    // So Bob's next call takes the first slot of the next second, not a place behind Alice's queue.
    const bob = limiter.acquire('m', { caller: 'customer:bob' });
    await jest.advanceTimersByTimeAsync(1000);
    await bob;
    expect(Date.now()).toBe(3000);
    expect(limiter.snapshot()).toMatchObject({ overShareRefused: 3 });
  });

  it('a waiting caller who aborts gets their own reason at once; an already aborted caller takes no slot', async () => {
    const limiter = new RateLimiter({ perSecond: 1, maxWaitMs: 5000 });
    await limiter.acquire('m');
    const caller = new AbortController();
    const reason = new Error('client went away');
    const waiting = limiter.acquire('m', { signal: caller.signal });
    waiting.catch(() => undefined);
    await jest.advanceTimersByTimeAsync(100);
    caller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(Date.now()).toBe(100);
    await expect(limiter.acquire('m', { signal: caller.signal })).rejects.toBe(reason);
    // Slots so far: 0 and 1000 (the aborted waiter's stays spent); had the refused caller taken one, this would be 3000.
    const next = limiter.acquire('m');
    await jest.advanceTimersByTimeAsync(1900);
    await expect(next).resolves.toBeUndefined();
    expect(Date.now()).toBe(2000);
  });
});

describe('withTimeout', () => {
  it('aborts the signal and fails with kind timeout when fn is too slow', async () => {
    let seen: AbortSignal | undefined;
    await expect(
      settle(
        withTimeout('m', 30, (signal) => {
          seen = signal;
          return new Promise(() => undefined); // ignores the signal entirely
        }),
      ),
    ).rejects.toMatchObject({ kind: 'timeout', code: 'TIMEOUT', retryable: true, method: 'm' });
    expect(seen?.aborted).toBe(true);
    expect(Date.now()).toBe(30);
  });

  it('reports a timeout, not the AbortError, when fn rejects because its signal aborted', async () => {
    await expect(
      settle(
        withTimeout(
          'm',
          30,
          (signal) =>
            new Promise((_, reject) => {
              signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
            }),
        ),
      ),
    ).rejects.toMatchObject({ kind: 'timeout', code: 'TIMEOUT' });
  });

  it('passes results and errors through when fn is quick', async () => {
    await expect(withTimeout('m', 1000, async () => 42)).resolves.toBe(42);
    await expect(
      withTimeout('m', 1000, async () => {
        throw definite();
      }),
    ).rejects.toMatchObject({ code: '12' });
  });

  it("rethrows the caller's abort reason, not a timeout", async () => {
    const caller = new AbortController();
    const reason = new Error('caller gave up');
    const pending = withTimeout('m', 1000, () => new Promise(() => undefined), caller.signal);
    caller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    let called = false;
    await expect(
      withTimeout(
        'm',
        1000,
        async () => {
          called = true;
        },
        caller.signal,
      ),
    ).rejects.toBe(reason);
    expect(called).toBe(false);
  });
});

describe('sleep and untilAborted', () => {
  it("sleep resolves after the delay, or rejects with the signal's reason and drops its timer", async () => {
    const done = sleep(50);
    await jest.advanceTimersByTimeAsync(50);
    await expect(done).resolves.toBeUndefined();
    const caller = new AbortController();
    const waiting = sleep(50, caller.signal);
    caller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('untilAborted settles like the work, or with the reason the moment the signal aborts', async () => {
    await expect(untilAborted(Promise.resolve(1), new AbortController().signal)).resolves.toBe(1);
    const caller = new AbortController();
    const pending = untilAborted(new Promise(() => undefined), caller.signal);
    caller.abort(new Error('gone'));
    await expect(pending).rejects.toThrow('gone');
    await expect(untilAborted(Promise.resolve(1), caller.signal)).rejects.toThrow('gone');
  });
});
