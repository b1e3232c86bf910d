/**
 * The orders subgraph wired for real: in-process JD sandbox, the real signing JD client (wrapped
 * to record every call), a fresh in-memory JD cache and per-request loaders, executed through the
 * test/support/test-server.ts (signed identity verified exactly as over HTTP).
 */
import { createJdClient, type JdClient } from '../../../jd/client';
import { createJdCache, createJdLoaders } from '../../../jd/loaders';
import type { JdMethodName } from '../../../jd/protocol/methods';
import type { JdOrderInfo } from '../../../jd/protocol/orders';
import { createSandbox, type Sandbox } from '../../../jd/sandbox';
import { createTestServer } from '../../support/test-server';
import { createOrdersContext } from '../../../subgraphs/orders/context';
import { buildSchema } from '../../../subgraphs/orders/schema';

export interface RecordedCall {
  method: JdMethodName;
  params: Record<string, unknown>;
}

export interface OrdersHarness {
  sandbox: Sandbox;
  /** Every JD call the subgraph made, in order. */
  calls: RecordedCall[];
  execute: ReturnType<typeof createTestServer>['execute'];
  /** The sandbox's orders of one customer, as JD holds them. */
  ordersOf(pin: string): JdOrderInfo[];
  /** Forget recorded calls and sandbox stats, and start with an empty cache (so the next call goes to JD). */
  freshCache(): Promise<void>;
  close(): Promise<void>;
}

/** Starts everything; `close()` stops it all. */
export async function startOrdersHarness(): Promise<OrdersHarness> {
  const sandbox = await createSandbox({ seed: 'orders-integration', now: new Date('2025-06-01T04:00:00Z') });
  const real = createJdClient({ apiUrl: sandbox.routerUrl, ...sandbox.credentials, retryMax: 0 });
  const calls: RecordedCall[] = [];
  const client: JdClient = {
    call(method, params, options) {
      calls.push({ method, params: { ...params } as Record<string, unknown> });
      return real.call(method, params, options);
    },
    createAfterSalesApplication: () => Promise.reject(new Error('the orders subgraph never writes')),
  };
  let cache = createJdCache({ namespace: 'orders-it' });
  const server = createTestServer(buildSchema().schema, {
    createContext: (base) => createOrdersContext(base, (customerPin) => createJdLoaders({ client, cache, customerPin })),
  });
  return {
    sandbox,
    calls,
    execute: server.execute,
    ordersOf: (pin) => [...sandbox.data.orders.values()].filter((o) => o.pin === pin),
    async freshCache() {
      await cache.close();
      cache = createJdCache({ namespace: 'orders-it' });
      calls.length = 0;
      sandbox.stats.reset();
      sandbox.faults.clear();
    },
    async close() {
      await server.stop();
      await cache.close();
      await sandbox.stop();
    },
  };
}
