/**
 * One JD budget per app key across processes: two JD runtimes (each what one subgraph process
 * builds: its own client, limiter, cache and Redis connection) over one private Redis together
 * keep to JD_RATE_LIMIT_PER_SECOND, counted where the calls arrive (the sandbox). Without Redis,
 * JD_PROCESSES splits the budget: each process takes its share.
 */
import { loadJdConfig } from '../../../jd/client';
import { JD_METHODS } from '../../../jd/protocol';
import { createSandbox, type Sandbox } from '../../../jd/sandbox';
import { createJdRuntime, type JdRuntime } from '../../../subgraphs/kit';
import { hasRedisServer, startPrivateRedis, type PrivateRedis } from '../../support/private-redis';

const BUDGET = 10;
const CALLS_EACH = 15;

/**
 * Most entries of sorted `times` inside any window of 800 ms. The limiters space each second's calls
 * 1000 ms apart when they leave; where they arrive, a call's own delay (up to ~100 ms for the first
 * calls on new connections) can move two seconds' calls closer than 1000 ms, never closer than 800.
 */
function peakPerSecond(times: number[]): number {
  let peak = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= 800) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

let sandbox: Sandbox;
let arrivals: number[];
beforeAll(async () => {
  sandbox = await createSandbox({ seed: 'shared-budget', scale: { customers: 0, ordersPerCustomer: 0, skus: 120 } });
  const count = sandbox.stats.call.bind(sandbox.stats);
  sandbox.stats.call = (method: string) => {
    arrivals.push(Date.now());
    count(method);
  };
});
afterAll(() => sandbox.stop());
beforeEach(() => {
  arrivals = [];
  sandbox.stats.reset();
});

// No batch window: each price load must be its own JD call, or the window merges a runtime's 15 into one.
const runtime = (env: Record<string, string>, redisUrl?: string) =>
  createJdRuntime({
    jd: {
      ...loadJdConfig({ JD_RATE_LIMIT_MAX_WAIT_MS: '10000', JD_BATCH_WINDOW_MS: '0', ...env }),
      apiUrl: sandbox.routerUrl,
      ...sandbox.credentials,
    },
    redisUrl,
    cacheNamespace: `budget-${process.pid}`,
  });

/**
 * `CALLS_EACH` price calls from each runtime at once, each a distinct SKU (no cache can spare one).
 * First one call each, then a quiet second: connections are open, so a slow first connect cannot
 * bunch the first second's calls into the next one at the sandbox.
 */
async function spend(runtimes: JdRuntime[]): Promise<void> {
  const skus = [...sandbox.data.skus.keys()].map(String);
  await Promise.all(runtimes.map((r, i) => r.createLoaders(undefined).goods.load(skus[100 + i])));
  await new Promise((resolve) => setTimeout(resolve, 1100));
  arrivals = [];
  await Promise.all(
    runtimes.flatMap((r, i) => skus.slice(i * CALLS_EACH, (i + 1) * CALLS_EACH).map((sku) => r.createLoaders(undefined).price.load(sku))),
  );
}

const redisSuite = hasRedisServer() || process.env.CI === 'true' ? describe : describe.skip;

redisSuite('one JD budget for every process of an app key, through Redis', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterAll(() => redis.stop());

  it('two processes together stay within the budget (each alone could spend all of it)', async () => {
    const both = [
      runtime({ JD_RATE_LIMIT_PER_SECOND: String(BUDGET) }, redis.url),
      runtime({ JD_RATE_LIMIT_PER_SECOND: String(BUDGET) }, redis.url),
    ];
    try {
      await spend(both);
    } finally {
      await Promise.all(both.map((r) => r.close()));
    }
    expect(sandbox.stats.snapshot().methods[JD_METHODS.priceGet]?.calls).toBe(2 * CALLS_EACH);
    expect(arrivals).toHaveLength(2 * CALLS_EACH);
    // Each process's own limiter would allow BUDGET a second, so without sharing they would reach twice that.
    expect(peakPerSecond(arrivals)).toBeLessThanOrEqual(BUDGET);
    // 30 calls at 10 a second: the last cannot arrive before the third second has begun.
    expect(arrivals.at(-1)! - arrivals[0]).toBeGreaterThanOrEqual(1800);
  }, 20_000);
});

describe('without Redis, JD_PROCESSES splits the budget', () => {
  it('each process takes JD_RATE_LIMIT_PER_SECOND / JD_PROCESSES', async () => {
    const env = { JD_RATE_LIMIT_PER_SECOND: String(BUDGET), JD_PROCESSES: '2' };
    const both = [runtime(env), runtime(env)];
    try {
      expect(both[0].describeJd()).toContain(`${BUDGET / 2} JD calls/s in this process`);
      await spend(both);
    } finally {
      await Promise.all(both.map((r) => r.close()));
    }
    expect(arrivals).toHaveLength(2 * CALLS_EACH);
    expect(peakPerSecond(arrivals)).toBeLessThanOrEqual(BUDGET);
  }, 20_000);
});
