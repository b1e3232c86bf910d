import { createJdCache, type JdCache } from '../../../jd/loaders';
import { eventually } from '../../support/eventually';
import { startPrivateRedis, type PrivateRedis } from '../../support/private-redis';

// Redis is an optimisation for the JD cache, never a dependency: a dead Redis must cost each read a
// fast failure (the loaders count it and go to JD), never the operation timeout, and it comes back by itself.
describe('JD cache with Redis dead', () => {
  const OPERATION_TIMEOUT_MS = 3_000;
  let redis: PrivateRedis;
  let cache: JdCache;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    cache = createJdCache({ redisUrl: redis.url, namespace: 'dead-redis-test', operationTimeoutMs: OPERATION_TIMEOUT_MS });
  });
  afterAll(async () => {
    await cache?.close();
    await redis?.stop();
  });

  it('writes right after start-up reach Redis (the first operations wait for the connection)', async () => {
    await cache.set('k', { v: 1 }, 60_000);
    expect(await cache.get('k')).toEqual({ v: 1 });
  });

  it('once Redis is gone every operation fails at once instead of waiting out the timeout, and recovers when it returns', async () => {
    await redis.kill();
    const failures: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      await expect(cache.getMany(['k', 'other'])).rejects.toThrow();
      failures.push(Date.now() - started);
    }
    // The bound separates "refused at once" from "waited for the 3 s operation timeout".
    expect(Math.max(...failures.slice(1))).toBeLessThan(OPERATION_TIMEOUT_MS / 3);
    await redis.restart();
    await eventually(
      async () => {
        try {
          await cache.set('k', { v: 2 }, 60_000);
          return true;
        } catch {
          return false;
        }
      },
      'the cache writing to the restarted Redis again',
      10_000,
    );
    expect(await cache.get('k')).toEqual({ v: 2 });
  });
});
