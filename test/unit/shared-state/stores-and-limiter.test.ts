import Keyv from 'keyv';
import { connectRedis, createSharedLimiter, GuardedRedisStore, TieredStore, type RedisConnection } from '../../../shared-state';
import { eventually } from '../../support/eventually';
import { hasRedisServer, startPrivateRedis, type PrivateRedis } from '../../support/private-redis';

const suite = hasRedisServer() || process.env.CI === 'true' ? describe : describe.skip;

suite('shared-state: tiered store and shared limiter over one Redis', () => {
  let redis: PrivateRedis;
  let a: RedisConnection;
  let b: RedisConnection;

  beforeEach(async () => {
    redis = await startPrivateRedis();
    a = connectRedis({ url: redis.url, operationTimeoutMs: 100, failuresToOpen: 2, retryAfterMs: 300 });
    b = connectRedis({ url: redis.url, operationTimeoutMs: 100, failuresToOpen: 2, retryAfterMs: 300 });
    await eventually(() => a.state === 'up' && b.state === 'up', 'up');
  });

  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    await redis.stop();
  });

  const tiered = (connection: RedisConnection, onRedisFailure?: () => void) =>
    new Keyv<string>({
      store: new TieredStore({ maxMemoryEntries: 100, redis: new GuardedRedisStore(connection), onRedisFailure }),
      namespace: 'apq',
    });

  it('serves an entry written through one process from another, and keeps the expiry', async () => {
    const one = tiered(a);
    const two = tiered(b);
    await one.set('hash', 'query { a }', 300);
    expect(await two.get('hash')).toBe('query { a }');
    await new Promise((r) => setTimeout(r, 350));
    // Copied into two's memory tier, the entry still expires when it would have in Redis.
    expect(await two.get('hash')).toBeUndefined();
  });

  it('carries on in memory while Redis is dead, and says so', async () => {
    const failures = jest.fn();
    const store = tiered(a, failures);
    await redis.kill();
    await eventually(() => a.state === 'down', 'down');
    await store.set('hash', 'query { b }');
    expect(await store.get('hash')).toBe('query { b }');
    expect(await store.get('unknown')).toBeUndefined();
    expect(failures).toHaveBeenCalled();
  });

  it('holds one budget across two processes, and falls back to memory counters without failing', async () => {
    const fallbacks = jest.fn();
    const limiterA = createSharedLimiter({ keyPrefix: 'rl:test', points: 5, windowSeconds: 60, redis: a, onFallback: fallbacks });
    const limiterB = createSharedLimiter({ keyPrefix: 'rl:test', points: 5, windowSeconds: 60, redis: b, onFallback: fallbacks });
    const decisions = [];
    for (let i = 0; i < 8; i++) decisions.push(await (i % 2 ? limiterB : limiterA).consume('partner-1'));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false, false]);
    expect(decisions.every((d) => d.decidedBy === 'redis')).toBe(true);
    expect(decisions[4]).toMatchObject({ limit: 5, remaining: 0 });
    expect(decisions[5].resetMs).toBeGreaterThan(0);
    expect(decisions[5].resetMs).toBeLessThanOrEqual(60_000);
    expect(fallbacks).not.toHaveBeenCalled();

    await redis.kill();
    await eventually(() => a.state === 'down', 'down');
    const during = await limiterA.consume('partner-1');
    expect(during).toMatchObject({ allowed: true, decidedBy: 'memory', remaining: 4 });
    expect(fallbacks).toHaveBeenCalledTimes(1);
  });

  it('without Redis counts in memory', async () => {
    const limiter = createSharedLimiter({ keyPrefix: 'rl:mem', points: 2, windowSeconds: 1 });
    const outcomes = [await limiter.consume('k'), await limiter.consume('k'), await limiter.consume('k')];
    expect(outcomes.map((d) => [d.allowed, d.decidedBy])).toEqual([
      [true, 'memory'],
      [true, 'memory'],
      [false, 'memory'],
    ]);
  });
});
