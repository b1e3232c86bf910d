/** An in-process JD sandbox with injected latency, a real JD client pointed at it, and a workload. */
import { createSandbox, type Sandbox, type FaultConfig } from '../../jd/sandbox';
import { createJdClient, loadJdConfig, type JdClient } from '../../jd/client';
import type { JdCache } from '../../jd/loaders';

export interface JdFixture {
  sandbox: Sandbox;
  client: JdClient;
  /** JD calls the sandbox counted (it is the source of truth, not the loaders' own counters). */
  jdCalls(method?: string): number;
  stop(): Promise<void>;
}

/** `latency` is "5 ms ± 1" as { latencyMs: 4, jitterMs: 2 } (uniform 4..6 ms), applied per method or to '*'. */
export async function startJdFixture(faults: FaultConfig): Promise<JdFixture> {
  const sandbox = await createSandbox({ faults });
  // The client's own rate limit (50/s by default) would make the one-call-per-SKU baseline wait
  // or fail; the benches measure batching and caching, so it is lifted for every variant alike.
  const config = loadJdConfig({ JD_SANDBOX_PORT: String(sandbox.port), JD_RATE_LIMIT_PER_SECOND: '1000000', JD_RETRY_MAX: '0' });
  const client = createJdClient(config);
  return {
    sandbox,
    client,
    jdCalls(method) {
      const s = sandbox.stats.snapshot();
      return method ? (s.methods[method]?.calls ?? 0) : s.total;
    },
    stop: () => sandbox.stop(),
  };
}

export interface OrderLines {
  /** One entry per order line (duplicates kept: two orders can sell the same SKU). */
  skuIds: string[];
  distinct: number;
  orders: number;
}

/** The first `count` order lines of the sandbox's orders, in generation order (deterministic per seed). */
export function orderLines(sandbox: Sandbox, count: number): OrderLines {
  const skuIds: string[] = [];
  let orders = 0;
  for (const order of sandbox.data.orders.values()) {
    orders++;
    for (const item of order.itemInfoList) {
      skuIds.push(item.skuId);
      if (skuIds.length === count) return { skuIds, distinct: new Set(skuIds).size, orders };
    }
  }
  throw new Error(`the sandbox has only ${skuIds.length} order lines, ${count} asked for`);
}

/** Wall time of `work` in milliseconds (monotonic clock). */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** Resolves once every JD answer of earlier requests has been written back (in-flight entries leave after the write). */
export async function settled(cache: JdCache): Promise<void> {
  for (let i = 0; i < 200 && cache.inFlight.size > 0; i++) await new Promise((r) => setTimeout(r, 5));
  if (cache.inFlight.size > 0) throw new Error('cache write-back did not finish within 1 s');
}
