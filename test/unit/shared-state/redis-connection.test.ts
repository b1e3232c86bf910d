import Keyv from 'keyv';
import { connectRedis, GuardedRedisStore, RedisUnavailableError, type RedisConnection, type RedisState } from '../../../shared-state';
import { eventually } from '../../support/eventually';
import { hasRedisServer, startPrivateRedis, type PrivateRedis } from '../../support/private-redis';

const suite = hasRedisServer() || process.env.CI === 'true' ? describe : describe.skip;

suite('shared-state: the guarded Redis connection', () => {
  let redis: PrivateRedis;
  let connection: RedisConnection;
  const states: RedisState[] = [];

  beforeEach(async () => {
    redis = await startPrivateRedis();
    states.length = 0;
    connection = connectRedis({
      url: redis.url,
      operationTimeoutMs: 100,
      failuresToOpen: 2,
      retryAfterMs: 300,
      onStateChange: (s) => states.push(s),
    });
    await eventually(() => connection.state === 'up', 'up');
  });

  afterEach(async () => {
    await connection.close();
    await redis.stop();
  });

  it('runs commands and shares entries between connections through keyv', async () => {
    const other = connectRedis({ url: redis.url });
    try {
      await eventually(() => other.state === 'up', 'up');
      const a = new Keyv({ store: new GuardedRedisStore(connection), namespace: 'ns' });
      const b = new Keyv({ store: new GuardedRedisStore(other), namespace: 'ns' });
      await a.set('k', { v: 1 }, 10_000);
      expect(await b.get('k')).toEqual({ v: 1 });
      expect(states).toEqual(['down', 'up']);
    } finally {
      await other.close();
    }
  });

  it('refuses at once while Redis is dead, and recovers by itself when it is back', async () => {
    await redis.kill();
    await eventually(() => connection.state === 'down', 'down');
    const operation = jest.fn(async () => 'never');
    const started = Date.now();
    await expect(connection.run(operation)).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(operation).not.toHaveBeenCalled();
    // Refused locally, not after a timeout: far below the 100 ms operation timeout.
    expect(Date.now() - started).toBeLessThan(100);

    await redis.restart();
    await eventually(() => connection.state === 'up', 'back up');
    await expect(connection.run((c) => c.set('after', '1'))).resolves.toBe('OK');
    expect(states).toEqual(['down', 'up', 'down', 'up']);
  });

  it('times out on a hung Redis, then stops sending until the retry delay has passed', async () => {
    redis.pause();
    try {
      for (let i = 0; i < 2; i++) await expect(connection.run((c) => c.get('x'))).rejects.toBeInstanceOf(RedisUnavailableError);
      expect(connection.state).toBe('down');
      const operation = jest.fn(async () => 'never');
      await expect(connection.run(operation)).rejects.toBeInstanceOf(RedisUnavailableError);
      expect(operation).not.toHaveBeenCalled();
    } finally {
      redis.resume();
    }
    // After retryAfterMs one trial goes through; its success closes the breaker.
    await new Promise((r) => setTimeout(r, 350));
    await expect(connection.run((c) => c.set('trial', '1'))).resolves.toBe('OK');
    expect(connection.state).toBe('up');
  });
});
