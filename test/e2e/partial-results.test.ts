/**
 * Partial results by design: with any one subgraph killed (connection refused) or hung (accepts, never
 * answers), the customer dashboard still carries everything the other three provide. Only the fields
 * that subgraph resolves are null, each error names it with SUBGRAPH_UNAVAILABLE or SUBGRAPH_TIMEOUT,
 * and a hung subgraph costs its timeout, never a hang.
 * One stack serves the healthy subgraphs; each case runs its own gateway whose SUBGRAPH_URL_<NAME>
 * points that subgraph at the fault.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { issueCustomerToken } from '../../gateway/auth';
import { loadGatewayConfig, subgraphEnvName } from '../../gateway/config';
import { createGateway, type RunningGateway } from '../../gateway/server';
import { createLogger } from '../../gateway/logger';
import type { RunningStack } from '../../stack';
import { DEMO_PINS, startTestStack } from './helpers';

const DASHBOARD = readFileSync(join(__dirname, '../../gateway/explorer/examples/customer/01-dashboard.graphql'), 'utf8');
const TIMEOUT_MS = 1000;
type SubgraphName = 'orders' | 'after-sales' | 'exchange' | 'offices';

interface Dashboard {
  data?: { orders: { edges: { node: Record<string, unknown> & { items: { product: Record<string, unknown> }[] } }[] } | null } | null;
  errors?: { message: string; extensions?: { code?: string; subgraph?: string } }[];
}

/** A TCP server that accepts connections and never answers: a hung subgraph. */
async function hungServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nobody listens on any more: a killed subgraph. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/graphql`;
}

describe('the dashboard with one subgraph down', () => {
  let stack: RunningStack;
  let bearer: string;
  let healthy: Dashboard;
  let healthyMs: number;

  const ask = async (gatewayUrl: string): Promise<[Dashboard, number]> => {
    const started = Date.now();
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: bearer },
      body: JSON.stringify({ query: DASHBOARD, variables: { first: 5 } }),
    });
    return [(await res.json()) as Dashboard, Date.now() - started];
  };

  /** A gateway over the stack's subgraphs, with `down` pointed at `url`. */
  const gatewayWith = (down: SubgraphName, url: string): Promise<RunningGateway> => {
    const urls = Object.fromEntries(Object.entries(stack.urls.subgraphs).map(([name, u]) => [`SUBGRAPH_URL_${subgraphEnvName(name)}`, u]));
    const config = loadGatewayConfig({
      NODE_ENV: 'test',
      GATEWAY_PORT: '0',
      SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS),
      ...urls,
      [`SUBGRAPH_URL_${subgraphEnvName(down)}`]: url,
    });
    return createGateway(config, { logger: createLogger('silent') });
  };

  beforeAll(async () => {
    stack = await startTestStack();
    bearer = `Bearer ${await issueCustomerToken(stack.config.gateway.jwt, DEMO_PINS.alice)}`;
    await ask(stack.urls.gateway); // warm: plans and JD cache, so the timed runs compare like with like
    [healthy, healthyMs] = await ask(stack.urls.gateway);
    // The slower of two warm runs: one lucky fast run must not make the bound below tighter than the issue's.
    healthyMs = Math.max(healthyMs, (await ask(stack.urls.gateway))[1]);
    expect(healthy.errors).toBeUndefined();
    expect(healthy.data?.orders?.edges.length).toBeGreaterThan(0);
  });
  afterAll(() => stack.stop());

  /** The healthy dashboard with the fields `down` resolves set to null: what a partial answer must equal. */
  const withoutFieldsOf = (down: SubgraphName): Dashboard['data'] => {
    // Everything hangs off the caller's orders, so with orders gone nothing else is reachable: Query.orders
    // is the dashboard's only root field and non-null, so data is null (a query with other roots keeps them).
    if (down === 'orders') return null;
    const copy = structuredClone(healthy.data)!;
    for (const { node } of copy.orders!.edges) {
      if (down === 'after-sales') Object.assign(node, { afterSalesEligibility: null, afterSalesServices: null });
      if (down === 'offices') Object.assign(node, { supportContacts: null });
      if (down === 'exchange') for (const item of node.items) Object.assign(item.product, { price: null, inStock: null });
    }
    return copy;
  };

  const cases: [SubgraphName, 'killed' | 'hung'][] = (['orders', 'after-sales', 'exchange', 'offices'] as const).flatMap((name) => [
    [name, 'killed'] as [SubgraphName, 'killed'],
    [name, 'hung'] as [SubgraphName, 'hung'],
  ]);

  it.each(cases)('%s %s: everything the other three provide, only its fields null, its errors coded and named', async (down, fault) => {
    const hung = fault === 'hung' ? await hungServer() : undefined;
    const gateway = await gatewayWith(down, hung?.url ?? (await deadUrl()));
    try {
      const [answer, elapsed] = await ask(gateway.url);
      expect(answer.data).toEqual(withoutFieldsOf(down));
      const code = fault === 'hung' ? 'SUBGRAPH_TIMEOUT' : 'SUBGRAPH_UNAVAILABLE';
      expect(answer.errors?.length).toBeGreaterThan(0);
      for (const error of answer.errors ?? []) expect(error.extensions).toMatchObject({ code, subgraph: down });
      expect(JSON.stringify(answer.errors?.map((e) => e.message))).not.toMatch(/127\.0\.0\.1|ECONN|socket/);
      // A hung subgraph costs its timeout, not a hang. Generous on purpose (the suite runs in parallel on shared
      // cores): the issue's "timeout + 100 ms" figure is measured by the chaos suite, not asserted here.
      if (fault === 'hung') expect(elapsed).toBeLessThanOrEqual(healthyMs + TIMEOUT_MS + 1000);
    } finally {
      await gateway.stop();
      await hung?.close();
    }
  });
});
