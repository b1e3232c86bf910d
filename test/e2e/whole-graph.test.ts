/**
 * The whole graph over HTTP, in one process on free ports: sandbox, four subgraphs, gateway.
 * One stack for the file (booting costs seconds); tests run in order and later ones build on the
 * sandbox state earlier ones left (the after-sales and exchange flows file real applications).
 */
import { JD_METHODS } from '../../jd/protocol';
import type { RunningStack } from '../../stack';
import { callers, DEMO_PINS, errorCodes, jdCalls, sandboxOrdersOf, startTestStack, type Callers } from './helpers';

interface Money {
  amount: string;
  currency?: string;
}
interface DashboardOrder {
  id: string;
  status: string;
  items: { quantity: number; product: { skuId: string; name: string | null; price: Money | null; inStock: boolean | null } }[];
  afterSalesServices: { id: string; status: string; step: string; schedule: { title: string; at: string }[] }[];
  supportContacts: { match: string; office: { city: string } | null } | null;
}
interface Dashboard {
  orders: { totalCount: number; edges: { node: DashboardOrder }[] };
  exchangeQuote: {
    id: string;
    paidUnitPrice: Money;
    options: { product: { skuId: string }; currentPrice: Money; priceDifference: Money; direction: string; inStock: boolean }[];
  };
}

const DASHBOARD = /* GraphQL */ `
  query CustomerDashboard($orderId: ID!, $skuId: ID!) {
    orders(first: 20) {
      totalCount
      edges {
        node {
          id
          status
          items {
            quantity
            product {
              skuId
              name
              price {
                amount
                currency
              }
              inStock
            }
          }
          afterSalesServices {
            id
            status
            step
            schedule {
              title
              at
            }
          }
          supportContacts {
            match
            office {
              city
            }
          }
        }
      }
    }
    exchangeQuote(orderId: $orderId, skuId: $skuId, first: 10) {
      id
      paidUnitPrice {
        amount
      }
      options {
        product {
          skuId
        }
        currentPrice {
          amount
        }
        priceDifference {
          amount
        }
        direction
        inStock
      }
    }
  }
`;

const ORDER_AFTER_SALES = /* GraphQL */ `
  query OrderAfterSales($id: ID!) {
    order(id: $id) {
      id
      afterSalesEligibility {
        skuId
        eligible
      }
      afterSalesServices {
        id
        type
        status
        step
        cancellable
        exchangeSkuId
        priceDifference {
          minorUnits
        }
        schedule {
          title
          at
        }
      }
    }
  }
`;
interface OrderAfterSales {
  order: null | {
    id: string;
    afterSalesEligibility: { skuId: string; eligible: boolean }[];
    afterSalesServices: {
      id: string;
      type: string;
      status: string;
      step: string;
      cancellable: boolean;
      exchangeSkuId: string | null;
      priceDifference: { minorUnits: number } | null;
      schedule: { title: string; at: string }[];
    }[];
  };
}

describe('the whole JD Support Graph end to end', () => {
  let stack: RunningStack;
  let as: Callers;

  beforeAll(async () => {
    // After-sales detail and schedule are normally cached 15 s; 1 ms (and no stale grace) lets the test watch JD-side progress arrive.
    const afterSales = [JD_METHODS.afsDetailGet, JD_METHODS.afsScheduleGet, JD_METHODS.afsOrderGet];
    stack = await startTestStack(
      { METRICS_PORT: '0', JD_CACHE_GRACE_MS: JSON.stringify(Object.fromEntries(afterSales.map((m) => [m, 0]))) },
      { jdTtl: { [JD_METHODS.afsDetailGet]: 1, [JD_METHODS.afsScheduleGet]: 1, [JD_METHODS.afsOrderGet]: 1 } },
    );
    as = await callers(stack);
  }, 30_000);
  afterAll(() => stack?.stop());

  const aliceOrders = () => sandboxOrdersOf(stack, DEMO_PINS.alice);
  // The demo's discounted three-line order from the biggest shop: exchange options exist for it.
  const multiLineOrder = () => aliceOrders().find((o) => o.itemInfoList.length === 3 && o.orderState === 'FINISHED_L')!;

  it("answers a customer's dashboard from all four subgraphs, batching JD price and stock look-ups", async () => {
    const target = multiLineOrder();
    stack.sandbox!.stats.reset();
    const data = await as.alice.request<Dashboard>(DASHBOARD, { orderId: target.orderId, skuId: String(target.itemInfoList[0].skuId) });

    // orders: exactly alice's orders, as the sandbox holds them.
    const mine = aliceOrders();
    const nodes = data.orders.edges.map((e) => e.node);
    expect(data.orders.totalCount).toBe(mine.length);
    expect(nodes.map((n) => n.id).sort()).toEqual(mine.map((o) => o.orderId).sort());
    // exchange: every product has a price and stock answer.
    const products = nodes.flatMap((n) => n.items.map((i) => i.product));
    expect(products.every((p) => p.price !== null && /^\d+\.\d{2}$/.test(p.price.amount) && p.inStock !== null)).toBe(true);
    // after-sales: alice's demo order with an open service shows it with its schedule.
    const services = nodes.flatMap((n) => n.afterSalesServices);
    const jdServices = [...stack.sandbox!.data.afsServices.values()].filter((s) => s.customerPin === DEMO_PINS.alice);
    expect(services.map((s) => s.id).sort()).toEqual(jdServices.map((s) => String(s.afsServiceId)).sort());
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) expect(s.schedule.length).toBeGreaterThan(0);
    // offices: alice ships to the US, so the Los Angeles office.
    expect(nodes.every((n) => n.supportContacts?.office?.city === 'Los Angeles')).toBe(true);
    // exchange quote: options with the signed difference worked out against the paid price.
    expect(data.exchangeQuote.options.length).toBeGreaterThan(0);
    const paidFen = Math.round(Number(data.exchangeQuote.paidUnitPrice.amount) * 100);
    for (const o of data.exchangeQuote.options) {
      const diffFen = Math.round(Number(o.priceDifference.amount) * 100);
      expect(Math.round(Number(o.currentPrice.amount) * 100) - paidFen).toBe(diffFen);
      expect(o.direction).toBe(diffFen > 0 ? 'PAY_EXTRA' : diffFen < 0 ? 'REFUND' : 'EVEN');
    }

    // What JD saw: one search for the list; prices and stock of every product in at most one call per subgraph fetch
    // (the Product entities and the quote are two fetches), never one call per product.
    const distinctSkus = new Set([...products.map((p) => p.skuId), ...data.exchangeQuote.options.map((o) => o.product.skuId)]);
    expect(distinctSkus.size).toBeGreaterThan(10);
    expect(jdCalls(stack, JD_METHODS.orderSearch).calls).toBe(1);
    for (const method of [JD_METHODS.priceGet, JD_METHODS.stockGet]) {
      const seen = jdCalls(stack, method);
      expect(seen.calls).toBeGreaterThanOrEqual(1);
      expect(seen.calls).toBeLessThanOrEqual(2);
      expect(seen.batchSizes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(distinctSkus.size);
      expect(Math.max(...seen.batchSizes)).toBeLessThanOrEqual(100);
    }
  });

  it('serves the same dashboard again from the JD cache: no second order search, price or stock call', async () => {
    const target = multiLineOrder();
    stack.sandbox!.stats.reset();
    const data = await as.alice.request<Dashboard>(DASHBOARD, { orderId: target.orderId, skuId: String(target.itemInfoList[0].skuId) });
    expect(data.orders.edges.length).toBe(aliceOrders().length);
    expect(jdCalls(stack, JD_METHODS.orderSearch).calls).toBe(0);
    expect(jdCalls(stack, JD_METHODS.priceGet).calls).toBe(0);
    expect(jdCalls(stack, JD_METHODS.stockGet).calls).toBe(0);
  });

  describe('who may see what', () => {
    const DIRECTORY = '{ nearestSupportOffice(countryCode: "DE") { match office { city } } }';
    const OWN_ORDERS = '{ orders(first: 50) { edges { node { id } } } }';

    it('anonymous callers read the public directory, but not orders', async () => {
      expect(await as.anonymous.request(DIRECTORY)).toEqual({
        nearestSupportOffice: { match: 'REGIONAL_OFFICE', office: { city: expect.stringContaining('Frankfurt') } },
      });
      expect(await errorCodes(as.anonymous.request(OWN_ORDERS))).toEqual(['UNAUTHENTICATED']);
    });

    it("a customer reads only their own orders; another customer's order id answers null", async () => {
      const bobs = sandboxOrdersOf(stack, DEMO_PINS.bob);
      const seen = await as.bob.request<{ orders: { edges: { node: { id: string } }[] } }>(OWN_ORDERS);
      expect(seen.orders.edges.map((e) => e.node.id).sort()).toEqual(bobs.map((o) => o.orderId).sort());
      const alicesOrder = aliceOrders()[0].orderId;
      expect(await as.bob.request('query($id: ID!) { order(id: $id) { id status } }', { id: alicesOrder })).toEqual({ order: null });
      expect(await as.alice.request('query($id: ID!) { order(id: $id) { id } }', { id: alicesOrder })).toEqual({
        order: { id: alicesOrder },
      });
    });

    it('a partner key reads the directory but no customer orders', async () => {
      expect(await as.partner.request(DIRECTORY)).toMatchObject({ nearestSupportOffice: { match: 'REGIONAL_OFFICE' } });
      expect(await errorCodes(as.partner.request(OWN_ORDERS))).toEqual(['FORBIDDEN']);
    });

    it('ignores identity headers a client forges (the gateway strips them and signs its own)', async () => {
      const forged = Buffer.from(JSON.stringify({ kind: 'customer', pin: DEMO_PINS.alice })).toString('base64url');
      const headers = { 'x-jd-identity': forged, 'x-jd-identity-ts': String(Date.now()), 'x-jd-identity-sig': 'f'.repeat(64) };
      // Anonymous with a forged customer identity: still anonymous.
      expect(await errorCodes(as.anonymous.request({ document: OWN_ORDERS, requestHeaders: headers }))).toEqual(['UNAUTHENTICATED']);
      // Bob claiming to be alice: still bob, and alice's orders stay hidden.
      const seen = await as.bob.request<{ orders: { edges: { node: { id: string } }[] } }>({
        document: OWN_ORDERS,
        requestHeaders: headers,
      });
      const ids = seen.orders.edges.map((e) => e.node.id);
      expect(ids.sort()).toEqual(
        sandboxOrdersOf(stack, DEMO_PINS.bob)
          .map((o) => o.orderId)
          .sort(),
      );
      expect(ids.some((id) => aliceOrders().some((o) => o.orderId === id))).toBe(false);
    });
  });

  it('runs the after-sales workflow: apply, see it on the order, JD advances it, cancel', async () => {
    // A single-line order alice received days ago and that has no application yet.
    const candidates = aliceOrders().filter((o) => o.orderState === 'FINISHED_L' && o.itemInfoList.length === 1);
    let orderId = '';
    let skuId = '';
    for (const o of candidates) {
      const { order } = await as.alice.request<OrderAfterSales>(ORDER_AFTER_SALES, { id: o.orderId });
      const line = order?.afterSalesEligibility.find((l) => l.eligible);
      if (line && order!.afterSalesServices.length === 0) [orderId, skuId] = [o.orderId, line.skuId];
      if (orderId) break;
    }
    expect(orderId).not.toBe('');

    stack.sandbox!.stats.reset();
    const applied = await as.alice.request<{
      applyForAfterSales: { service: { id: string; status: string } | null; userErrors: unknown[] };
    }>(
      `mutation Apply($input: ApplyForAfterSalesInput!) { applyForAfterSales(input: $input) { service { id status } userErrors { field code message } } }`,
      {
        input: {
          orderId,
          skuId,
          quantity: 1,
          type: 'RETURN',
          expectation: 'REFUND',
          description: 'The left earbud has no sound at all.',
          idempotencyKey: `e2e-${orderId}`,
        },
      },
    );
    expect(applied.applyForAfterSales.userErrors).toEqual([]);
    const serviceId = applied.applyForAfterSales.service!.id;
    expect(jdCalls(stack, JD_METHODS.afsApplyCreate).calls).toBe(1);
    expect(stack.sandbox!.data.afsServices.get(Number(serviceId))).toMatchObject({ orderId, skuId, customerPin: DEMO_PINS.alice });

    const onOrder = async () =>
      (await as.alice.request<OrderAfterSales>(ORDER_AFTER_SALES, { id: orderId })).order!.afterSalesServices.find(
        (s) => s.id === serviceId,
      );
    const before = await onOrder();
    expect(before).toMatchObject({ type: 'RETURN', cancellable: true });
    expect(before!.schedule.length).toBeGreaterThan(0);

    stack.sandbox!.advance(Number(serviceId));
    await new Promise((r) => setTimeout(r, 5)); // past the test's 1 ms after-sales TTL
    const after = await onOrder();
    expect(after!.schedule.length).toBe(before!.schedule.length + 1);
    expect(after!.step).not.toBe(before!.step);

    const cancelled = await as.alice.request<{
      cancelAfterSales: { service: { id: string; status: string } | null; userErrors: unknown[] };
    }>('mutation Cancel($id: ID!) { cancelAfterSales(id: $id) { service { id status } userErrors { code message } } }', { id: serviceId });
    expect(cancelled.cancelAfterSales.userErrors).toEqual([]);
    expect(cancelled.cancelAfterSales.service).toEqual({ id: serviceId, status: 'CANCELLED' });
    expect(jdCalls(stack, JD_METHODS.afsCancel).calls).toBe(1);
    expect((await onOrder())!.status).toBe('CANCELLED');
  });

  it('requestExchange files an exchange that then appears on the order', async () => {
    const order = multiLineOrder();
    const skuId = String(order.itemInfoList[1].skuId);
    const quote = await as.alice.request<{
      exchangeQuote: { id: string; options: { product: { skuId: string }; inStock: boolean; priceDifference: { minorUnits: number } }[] };
    }>(
      'query Quote($o: ID!, $s: ID!) { exchangeQuote(orderId: $o, skuId: $s, first: 10) { id options { product { skuId } inStock priceDifference { minorUnits } } } }',
      { o: order.orderId, s: skuId },
    );
    const option = quote.exchangeQuote.options.find((o) => o.inStock)!;
    expect(option).toBeDefined();
    const filed = await as.alice.request<{
      requestExchange: {
        service: { id: string } | null;
        settlement: { priceDifference: { minorUnits: number }; direction: string } | null;
        userErrors: unknown[];
      };
    }>(
      `mutation Exchange($input: RequestExchangeInput!) { requestExchange(input: $input) {
         service { id } settlement { priceDifference { minorUnits } direction } userErrors { field code message } } }`,
      {
        input: {
          orderId: order.orderId,
          skuId,
          targetSkuId: option.product.skuId,
          quoteId: quote.exchangeQuote.id,
          idempotencyKey: `e2e-x-${order.orderId}`,
        },
      },
    );
    expect(filed.requestExchange.userErrors).toEqual([]);
    expect(filed.requestExchange.settlement!.priceDifference.minorUnits).toBe(option.priceDifference.minorUnits);
    const serviceId = filed.requestExchange.service!.id;

    const { order: seen } = await as.alice.request<OrderAfterSales>(ORDER_AFTER_SALES, { id: order.orderId });
    expect(seen!.afterSalesServices.find((s) => s.id === serviceId)).toMatchObject({
      type: 'EXCHANGE',
      exchangeSkuId: option.product.skuId,
      priceDifference: { minorUnits: option.priceDifference.minorUnits },
    });
    // ... and the line that was exchanged can take no second application while this one is open.
    expect(seen!.afterSalesEligibility.find((l) => l.skuId === skuId)?.eligible).toBe(false);
  });

  it('reports ready with every part up, and exposes gateway and JD metrics after traffic', async () => {
    const ready = await fetch(`${stack.urls.gatewayBase}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      supergraph: 'loaded',
      subgraphs: { orders: 'up', 'after-sales': 'up', exchange: 'up', offices: 'up' },
    });
    expect((await fetch(`${stack.urls.gatewayBase}/health/live`)).status).toBe(200);

    const text = await (await fetch(stack.gateway.metricsUrl!)).text();
    const value = (series: string) =>
      Number(
        text
          .split('\n')
          .find((l) => l.startsWith(`${series} `))
          ?.split(' ')[1] ?? NaN,
      );
    expect(value('gateway_requests_total{operation="CustomerDashboard",outcome="ok"}')).toBe(2);
    for (const subgraph of ['orders', 'after-sales', 'exchange', 'offices']) {
      expect(value(`gateway_subgraph_fetches_total{subgraph="${subgraph}",outcome="ok"}`)).toBeGreaterThan(0);
    }
    // JD calls by method and outcome, their latency, and the cache that spared the second dashboard.
    expect(value(`jd_client_calls_total{method="${JD_METHODS.priceGet}",outcome="ok"}`)).toBeGreaterThan(0);
    expect(value(`jd_client_calls_total{method="${JD_METHODS.afsApplyCreate}",outcome="ok"}`)).toBeGreaterThan(0);
    expect(value(`jd_client_call_duration_seconds_count{method="${JD_METHODS.orderSearch}"}`)).toBeGreaterThan(0);
    expect(value(`jd_loader_cache_hits_total{method="${JD_METHODS.priceGet}"}`)).toBeGreaterThan(0);
    expect(value(`jd_loader_cache_misses_total{method="${JD_METHODS.priceGet}"}`)).toBeGreaterThan(0);
    // Every method the client used has a closed circuit.
    expect(value(`jd_client_breaker_state{method="${JD_METHODS.priceGet}"}`)).toBe(0);
    // Loader and client agree on how many price calls went out.
    expect(value(`jd_loader_calls_total{method="${JD_METHODS.priceGet}"}`)).toBe(
      value(`jd_client_calls_total{method="${JD_METHODS.priceGet}",outcome="ok"}`),
    );
  });
});
