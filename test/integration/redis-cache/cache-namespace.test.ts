/**
 * JD_CACHE_NAMESPACE over a real Redis: two deployments sharing one Redis (here "blue" and "green")
 * never read each other's JD entries, while the replicas of one deployment share theirs. The setting
 * goes the way production takes it: environment → subgraph config → JD runtime → loaders.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { CACHE_KEY_VERSION, createJdLoaders } from '../../../jd/loaders';
import { JD_METHODS } from '../../../jd/protocol';
import { createJdRuntime, type JdRuntime } from '../../../subgraphs/kit';
import { loadOrdersConfig } from '../../../subgraphs/orders/config';
import { callsOf, recordingJd } from '../../unit/jd-loaders/fake-jd';
import { redisSuite, TEST_REDIS_URL as redisUrl } from '../../support/redis';

const { describe: suite, reachable, requireRedis } = redisSuite();

suite('JD_CACHE_NAMESPACE: deployments sharing one Redis', () => {
  const run = randomUUID();
  const blue = `ns-test-blue-${run}`;
  const green = `ns-test-green-${run}`;
  const admin = createClient({ url: redisUrl, socket: { reconnectStrategy: false, connectTimeout: 2000 } });
  const runtimes: JdRuntime[] = [];
  const runtimeFor = (namespace: string) => {
    const config = loadOrdersConfig({ REDIS_URL: redisUrl, JD_CACHE_NAMESPACE: namespace });
    const runtime = createJdRuntime({ jd: config.jd, redisUrl: config.redisUrl, cacheNamespace: config.cacheNamespace });
    runtimes.push(runtime);
    return runtime;
  };
  const keysOf = async (namespace: string) => {
    const keys: string[] = [];
    for await (const batch of admin.scanIterator({ MATCH: `${namespace}::*`, COUNT: 500 })) keys.push(...batch);
    return keys.sort();
  };

  beforeAll(async () => {
    requireRedis();
    await admin.connect();
  });

  afterAll(async () => {
    if (!reachable) return;
    const keys = [...(await keysOf(blue)), ...(await keysOf(green))];
    if (keys.length > 0) await admin.del(keys);
    await Promise.all(runtimes.map((r) => r.close()));
    admin.destroy();
  });

  it('keeps each deployment to its own entries, and shares them between replicas of one deployment', async () => {
    const [blueA, blueB, greenA] = [runtimeFor(blue), runtimeFor(blue), runtimeFor(green)];
    const [jdOfBlueA, callsOfBlueA] = recordingJd();
    const [jdOfGreen, callsOfGreen] = recordingJd();
    const [jdOfBlueB, callsOfBlueB] = recordingJd();
    const prices = (runtime: JdRuntime, client: typeof jdOfBlueA) =>
      createJdLoaders({ client, cache: runtime.cache }).price.loadMany(['300001', '300002']);

    const fromBlue = await prices(blueA, jdOfBlueA);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the write-back reaches Redis
    await prices(greenA, jdOfGreen);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fromBlueB = await prices(blueB, jdOfBlueB);

    expect(callsOf(callsOfBlueA, JD_METHODS.priceGet)).toHaveLength(1);
    expect(callsOf(callsOfGreen, JD_METHODS.priceGet)).toHaveLength(1); // blue's entries were not green's to read
    expect(callsOfBlueB).toEqual([]); // the other blue replica reads blue's entries
    expect(fromBlueB).toEqual(fromBlue);
    expect(await keysOf(blue)).toEqual([`${blue}::${CACHE_KEY_VERSION}:price:300001`, `${blue}::${CACHE_KEY_VERSION}:price:300002`]);
    expect(await keysOf(green)).toEqual([`${green}::${CACHE_KEY_VERSION}:price:300001`, `${green}::${CACHE_KEY_VERSION}:price:300002`]);
  });

  it('is validated at start-up, and defaults to "jd"', () => {
    expect(loadOrdersConfig({}).cacheNamespace).toBe('jd');
    expect(() => loadOrdersConfig({ JD_CACHE_NAMESPACE: 'prod:eu' })).toThrow(
      /JD_CACHE_NAMESPACE: must be 1 to 64 letters, digits, "\.", "_" or "-", starting with a letter or digit, e\.g\. jd-staging; got "prod:eu"/,
    );
  });
});
