/**
 * One JD budget per app key across processes: two processes, each with the JD runtime a subgraph
 * process builds (its own client, limiter, cache and Redis connection: helpers/jd-budget-child.ts),
 * over one private Redis together keep to JD_RATE_LIMIT_PER_SECOND, counted where the calls arrive
 * (the sandbox, in this test's process). Without Redis, JD_PROCESSES splits the budget: each process
 * takes its share.
 */
import { join } from 'node:path';
import { JD_METHODS } from '../../../jd/protocol';
import { createSandbox, type Sandbox } from '../../../jd/sandbox';
import { forkIpcChild, type IpcChild } from '../../support/processes';
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

type ChildMessage = { type: 'ready' } | { type: 'warmed' } | { type: 'spent'; describe: string } | { type: 'error'; message: string };

/**
 * Two JD processes with these settings, each given its own `CALLS_EACH` SKUs (no cache can spare one).
 * No batch window: each price load must be its own JD call, or the window merges a process's 15 into one.
 */
async function startProcesses(env: Record<string, string>, redisUrl?: string): Promise<IpcChild<ChildMessage>[]> {
  const skus = [...sandbox.data.skus.keys()].map(String);
  const children = [0, 1].map((i) =>
    forkIpcChild<ChildMessage>(
      join(__dirname, 'helpers', 'jd-budget-child.ts'),
      {
        ...process.env,
        JD_RATE_LIMIT_MAX_WAIT_MS: '10000',
        JD_BATCH_WINDOW_MS: '0',
        ...env,
        BUDGET_JD_URL: sandbox.routerUrl,
        REDIS_URL: redisUrl ?? '',
        BUDGET_NAMESPACE: `budget-${process.pid}`,
        BUDGET_WARM_SKU: skus[100 + i],
        BUDGET_SKUS: skus.slice(i * CALLS_EACH, (i + 1) * CALLS_EACH).join(','),
      },
      `JD process ${i + 1}`,
    ),
  );
  await Promise.all(children.map((c) => c.next('ready', 15_000)));
  return children;
}

/**
 * Both processes' price calls at once. First one call each, then a quiet second: connections are
 * open, so a slow first connect cannot bunch the first second's calls into the next one at the sandbox.
 * Resolves with each process's description of its budget.
 */
async function spend(children: IpcChild<ChildMessage>[]): Promise<string[]> {
  await Promise.all(children.map((c) => c.ask('warm', 'warmed')));
  await new Promise((resolve) => setTimeout(resolve, 1100));
  arrivals = [];
  const spent = await Promise.all(children.map((c) => c.ask('spend', 'spent', 15_000)));
  return spent.map((s) => s.describe);
}

const redisSuite = hasRedisServer() || process.env.CI === 'true' ? describe : describe.skip;

redisSuite('one JD budget for every process of an app key, through Redis', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterAll(() => redis.stop());

  it('two processes together stay within the budget (each alone could spend all of it)', async () => {
    const both = await startProcesses({ JD_RATE_LIMIT_PER_SECOND: String(BUDGET) }, redis.url);
    try {
      expect((await spend(both))[0]).toContain('shared through Redis');
    } finally {
      await Promise.all(both.map((c) => c.stop()));
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
    const both = await startProcesses(env);
    try {
      expect((await spend(both))[0]).toContain(`${BUDGET / 2} JD calls/s in this process`);
    } finally {
      await Promise.all(both.map((c) => c.stop()));
    }
    expect(arrivals).toHaveLength(2 * CALLS_EACH);
    expect(peakPerSecond(arrivals)).toBeLessThanOrEqual(BUDGET);
  }, 20_000);
});
