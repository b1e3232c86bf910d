/**
 * The JD sandbox in its own process for the customers bench: JD is remote in production, so its CPU
 * is not the graph's, and the times its calls arrive are read on an event loop the graph does not
 * delay (with the sandbox inside the subgraph process, calls answered late bunched up and the
 * "peak calls in any second" overstated what the graph sent). Over IPC it sends { ready } with the
 * router URL and the customers GET /__sandbox/customers lists, with their orders; { ask: 'probe' }
 * answers with the JD calls so far (total, per method, the most in any 1 s window) and its CPU time.
 */
import { createSandbox, DEMO_PINS, loadSandboxConfig } from '../../jd/sandbox';

export interface CustomerOrders {
  pin: string;
  /** [orderId, skuId of its first line] for each of the customer's orders. */
  orders: [string, string][];
}

export interface SandboxProbe {
  jdCalls: number;
  jdCallsByMethod: Record<string, number>;
  /** Most JD calls the sandbox received in any 1000 ms window since the previous probe. */
  peakCallsPerSecond: number;
  /** CPU time this process used since start (ms, user + system). */
  cpuMs: number;
}

export type SandboxMessage =
  | { type: 'ready'; routerUrl: string; customers: CustomerOrders[] }
  | { type: 'probe'; probe: SandboxProbe }
  | { type: 'error'; message: string };

const send = (message: SandboxMessage) => process.send?.(message);

/** The most entries of sorted `times` (ms) inside any window of `windowMs`. */
export function peakInWindow(times: number[], windowMs: number): number {
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= windowMs) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

async function main(): Promise<void> {
  const sandbox = await createSandbox({ ...loadSandboxConfig(process.env), port: 0 });
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
  process.on('message', (msg: { ask?: string }) => {
    if (msg.ask === 'probe') {
      const cpu = process.cpuUsage();
      const s = sandbox.stats.snapshot();
      const peak = peakInWindow(callTimes, 1000);
      // Keep the last second, so a window straddling two probes is still seen whole.
      callTimes = callTimes.filter((t) => t > Date.now() - 1000);
      send({
        type: 'probe',
        probe: {
          jdCalls: s.total,
          jdCallsByMethod: Object.fromEntries(Object.entries(s.methods).map(([m, v]) => [m, v.calls])),
          peakCallsPerSecond: peak,
          cpuMs: (cpu.user + cpu.system) / 1000,
        },
      });
    }
    if (msg.ask === 'stop') void sandbox.stop().then(() => process.exit(0));
  });
  // The bench is gone (crashed or killed): do not outlive it.
  process.once('disconnect', () => void sandbox.stop().finally(() => process.exit(0)));
  send({ type: 'ready', routerUrl: sandbox.routerUrl, customers });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
