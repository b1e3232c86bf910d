/**
 * The JD sandbox and the four subgraphs (startStack; its own gateway stays idle) in one process for
 * the customers bench; the bench runs our gateway in another, as it is deployed, and the open-loop
 * load generator stays in the parent, so none of the three shares an event loop. Over IPC it sends
 * { ready } once listening, with the subgraphs' URLs and the customers the sandbox lists at
 * GET /__sandbox/customers and their orders; { ask: 'probe' } answers with JD calls (total, per method, the most in any 1 s
 * window), the loaders' cache hits and misses, and the rate limiter's waits.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { disableApolloTelemetry } from '../../gateway/apollo-telemetry';
import { DEMO_PINS } from '../../jd/sandbox';
import type { RateLimiterSnapshot } from '../../jd/client';
import type { JdLoaderStatsSnapshot } from '../../jd/loaders';
import { startStack } from '../../stack';

export interface CustomerOrders {
  pin: string;
  /** [orderId, skuId of its first line] for each of the customer's orders. */
  orders: [string, string][];
}

export interface StackProbe {
  jdCalls: number;
  jdCallsByMethod: Record<string, number>;
  /** Most JD calls the sandbox received in any 1000 ms window since the previous probe. */
  peakCallsPerSecond: number;
  loader: JdLoaderStatsSnapshot;
  limiter: RateLimiterSnapshot;
  /** The stack process's event-loop delay since the previous probe (ms): high means it was short of CPU. */
  eventLoopDelayP99Ms: number;
  /** CPU time this process (sandbox and subgraphs) used since start (ms, user + system). */
  cpuMs: number;
}

export type StackMessage =
  | { type: 'ready'; subgraphUrls: Record<string, string>; pid: number; customers: CustomerOrders[] }
  | { type: 'probe'; probe: StackProbe }
  | { type: 'error'; message: string };

const send = (message: StackMessage) => process.send?.(message);

/** The most entries of sorted `times` (ms) inside any window of `windowMs`. */
function peakInWindow(times: number[], windowMs: number): number {
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= windowMs) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

async function main(): Promise<void> {
  disableApolloTelemetry();
  const stack = await startStack(
    { ...process.env },
    { ports: { sandbox: 0, orders: 0, afterSales: 0, exchange: 0, offices: 0, gateway: 0 } },
  );
  const sandbox = stack.sandbox;
  if (!sandbox) throw new Error('the customers bench needs the embedded sandbox: unset JD_API_URL');
  // When each call reached the sandbox, to check the budget over any 1 s window (not just per probe).
  let callTimes: number[] = [];
  const count = sandbox.stats.call.bind(sandbox.stats);
  sandbox.stats.call = (method: string) => {
    callTimes.push(Date.now());
    count(method);
  };

  const listed = (await (await fetch(`${sandbox.url}/__sandbox/customers`)).json()) as { customers: string[] };
  const demo = new Set<string>(Object.values(DEMO_PINS));
  const customers = listed.customers
    .filter((pin) => !demo.has(pin))
    .map((pin) => ({
      pin,
      orders: [...sandbox.data.orders.values()]
        .filter((o) => o.pin === pin)
        .map((o): [string, string] => [o.orderId, String(o.itemInfoList[0].skuId)]),
    }));

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  process.on('message', (msg: { ask?: string }) => {
    if (msg.ask === 'probe') {
      const eventLoopDelayP99Ms = loopDelay.percentile(99) / 1e6;
      loopDelay.reset();
      const cpu = process.cpuUsage();
      const s = sandbox.stats.snapshot();
      const peak = peakInWindow(callTimes, 1000);
      callTimes = callTimes.slice(-1000).filter((t) => t > Date.now() - 1000);
      send({
        type: 'probe',
        probe: {
          jdCalls: s.total,
          jdCallsByMethod: Object.fromEntries(Object.entries(s.methods).map(([m, v]) => [m, v.calls])),
          peakCallsPerSecond: peak,
          loader: stack.jd.stats.snapshot(),
          limiter: stack.jd.limiter.snapshot(),
          eventLoopDelayP99Ms,
          cpuMs: (cpu.user + cpu.system) / 1000,
        },
      });
    }
    if (msg.ask === 'stop') void stack.stop().then(() => process.exit(0));
  });
  // The bench is gone (crashed or killed): do not outlive it.
  process.once('disconnect', () => void stack.stop().finally(() => process.exit(0)));
  send({ type: 'ready', subgraphUrls: stack.urls.subgraphs, pid: process.pid, customers });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
