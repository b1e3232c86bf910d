/**
 * The orders subgraph wired for real: the recording JD (in-process sandbox, the real signing JD
 * client, every call recorded), a JD cache and per-request loaders, executed through the test
 * server (signed identity verified exactly as over HTTP).
 */
import type { JdOrderInfo } from '../../../jd/protocol';
import type { Sandbox } from '../../../jd/sandbox';
import { createOrdersContext } from '../../../subgraphs/orders/context';
import { buildSchema } from '../../../subgraphs/orders/schema';
import { startRecordingJd, type RecordedJdCall } from '../../support/recording-jd';
import { createTestServer } from '../../support/test-server';

export interface OrdersHarness {
  sandbox: Sandbox;
  /** Every JD call the subgraph made, in order. */
  calls: RecordedJdCall[];
  execute: ReturnType<typeof createTestServer>['execute'];
  /** The sandbox's orders of one customer, as JD holds them. */
  ordersOf(pin: string): JdOrderInfo[];
  /** Forget recorded calls, sandbox stats and faults, and start with an empty cache (so the next call goes to JD). */
  freshCache(): Promise<void>;
  close(): Promise<void>;
}

/** Starts everything; `close()` stops it all. */
export async function startOrdersHarness(): Promise<OrdersHarness> {
  // The generator's default scale: the demo customers plus enough other customers' orders to mix in.
  const jd = await startRecordingJd({
    seed: 'orders-integration',
    now: new Date('2025-06-01T04:00:00Z'),
    scale: {},
    client: { retryMax: 0 },
  });
  const server = createTestServer(buildSchema().schema, { createContext: (base) => createOrdersContext(base, jd.createLoaders) });
  return {
    sandbox: jd.sandbox,
    calls: jd.calls,
    execute: server.execute,
    ordersOf: (pin) => [...jd.sandbox.data.orders.values()].filter((o) => o.pin === pin),
    async freshCache() {
      await jd.freshCache();
      jd.forgetCalls();
      jd.sandbox.faults.clear();
    },
    async close() {
      await server.stop();
      await jd.close();
    },
  };
}
