/**
 * Each canonical operation through the whole graph, cold (empty JD cache) and warm, against the
 * fewest JD calls JD's methods allow ("Minimum JD calls per operation" in jd/loaders/README.md).
 * The formula's inputs (orders on the page, services filed, distinct SKUs) come from the sandbox's
 * own data; the sandbox counts what reached it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { issueCustomerToken } from '../../gateway/auth';
import { formatShanghai, JD_CATEGORIES, JD_METHODS as M } from '../../jd/protocol';
import type { RunningStack } from '../../stack';
import { sandboxSeeder } from '../support/sandbox-seed';
import { startTestStack } from './helpers';

const persisted = (file: string) => readFileSync(join(__dirname, '../../persisted-operations', file), 'utf8');
const DASHBOARD = readFileSync(join(__dirname, '../../gateway/explorer/examples/customer/01-dashboard.graphql'), 'utf8');
const ORDER_DETAIL = persisted('order-detail.graphql');
const EXCHANGE_QUOTE = persisted('exchange-quote.graphql');
const APPLY = persisted('apply-for-after-sales.graphql');
const REQUEST_EXCHANGE = persisted('request-exchange.graphql');

type Calls = Record<string, number>;
interface DashboardData {
  orders: {
    edges: {
      node: {
        id: string;
        items: { product: { skuId: string } }[];
        afterSalesEligibility: { skuId: string; eligible: boolean }[];
        afterSalesServices: unknown[];
      };
    }[];
  };
}
interface QuoteData {
  exchangeQuote: { id: string; groups: { options: { product: { skuId: string }; inStock: boolean }[] }[] };
}

const DAY = 86_400_000;
/** Customers seeded here, so the inputs of each formula are known: P orders, S services, two-line orders. */
const PLAIN = 'min_plain'; // 6 orders, no service
const SERVED = 'min_served'; // 5 orders, services on 2 of them
const WRITER = 'min_writer'; // 4 orders to apply and exchange on

interface Line {
  pin: string;
  orderId: string;
  skuId: string;
}
const writerLines: Line[] = [];

let stack: RunningStack;
beforeAll(async () => {
  stack = await startTestStack({ JD_SANDBOX_CUSTOMERS: '0' });
  const seed = sandboxSeeder(stack.sandbox!);
  const now = stack.sandbox!.now().getTime();
  const at = (daysAgo: number) => formatShanghai(new Date(now - daysAgo * DAY));
  // Returnable goods (electronics) from the generated catalog, two per order.
  const skus = [...stack.sandbox!.data.skus.values()].filter((s) => s.category.cid1 === JD_CATEGORIES.electronics && s.stock > 0);
  let next = 0;
  const twoSkus = () => [String(skus[next++ % skus.length].skuId), String(skus[next++ % skus.length].skuId)];
  const orders = (pin: string, count: number, firstId: number) =>
    Array.from({ length: count }, (_, i) => {
      const lines = twoSkus();
      const day = 2 + i / 10; // newest first: the first seeded order is the newest
      const orderId = String(firstId + i);
      seed.order({
        orderId,
        pin,
        lines: lines.map((skuId) => ({ skuId })),
        placedAt: at(day + 2),
        paidAt: at(day + 2),
        receivedAt: at(day),
      });
      return { orderId, lines };
    });
  for (const pin of [PLAIN, SERVED, WRITER]) seed.customer({ pin });
  orders(PLAIN, 6, 91_000_100);
  const served = orders(SERVED, 5, 91_000_200);
  seed.service({ afsServiceId: 91_900_001, orderId: served[0].orderId, skuId: served[0].lines[0], step: 21, applyTime: at(1) });
  seed.service({ afsServiceId: 91_900_002, orderId: served[0].orderId, skuId: served[0].lines[1], step: 10, applyTime: at(1) });
  seed.service({ afsServiceId: 91_900_003, orderId: served[2].orderId, skuId: served[2].lines[0], step: 10, applyTime: at(1) });
  for (const { orderId, lines } of orders(WRITER, 4, 91_000_300)) writerLines.push({ pin: WRITER, orderId, skuId: lines[0] });
});
afterAll(() => stack.stop());

async function customer(pin: string): Promise<GraphQLClient> {
  const token = await issueCustomerToken(stack.config.gateway.jwt, pin);
  return new GraphQLClient(stack.urls.gateway, { headers: { authorization: `Bearer ${token}` } });
}

/** JD calls per method that reached the sandbox while `work` ran; `cold` empties the JD cache first. */
async function jdCallsOf<T>(work: () => Promise<T>, { cold }: { cold: boolean }): Promise<{ result: T; calls: Calls }> {
  if (cold) await stack.jd.cache.clear();
  stack.sandbox!.stats.reset();
  const result = await work();
  const calls = Object.fromEntries(Object.entries(stack.sandbox!.stats.snapshot().methods).map(([m, s]) => [m, s.calls]));
  return { result, calls };
}

const total = (calls: Calls) => Object.values(calls).reduce((a, b) => a + b, 0);
const servicesOn = (pin: string, orderIds: string[]) =>
  [...stack.sandbox!.data.afsServices.values()].filter((s) => s.customerPin === pin && orderIds.includes(s.orderId)).length;
const skusOf = (orderIds: string[]) =>
  new Set(orderIds.flatMap((id) => stack.sandbox!.data.orders.get(id)!.itemInfoList.map((l) => String(l.skuId)))).size;
/** One call per 100 SKUs of each batch method: price, stock and goods. */
const batches = (skus: number) => Math.ceil(skus / 100);

/** Dashboard minimum: 1 search + N afsservice.order.get + S (detail + schedule) + ⌈K/100⌉ × (price, stock, goods). */
function dashboardMinimum(n: number, s: number, k: number): Calls {
  const out: Calls = {
    [M.orderSearch]: 1,
    [M.afsOrderGet]: n,
    [M.priceGet]: batches(k),
    [M.stockGet]: batches(k),
    [M.goodsInfo]: batches(k),
  };
  if (s) Object.assign(out, { [M.afsDetailGet]: s, [M.afsScheduleGet]: s });
  return out;
}

describe('JD calls per canonical operation: cold equals the documented minimum, warm is none', () => {
  it('dashboard: 9 cold calls for 5 orders without services (not 14: the search writes its orders through to the cache)', async () => {
    const client = await customer(PLAIN);
    const cold = await jdCallsOf(() => client.request<DashboardData>(DASHBOARD, { first: 5 }), { cold: true });
    const ids = cold.result.orders.edges.map((e) => e.node.id);
    expect(ids).toHaveLength(5);
    expect(cold.calls).toEqual(dashboardMinimum(5, 0, skusOf(ids)));
    expect(total(cold.calls)).toBe(9);
    expect(cold.calls[M.orderGet]).toBeUndefined();
    expect((await jdCallsOf(() => client.request(DASHBOARD, { first: 5 }), { cold: false })).calls).toEqual({});
  });

  it('dashboard with services: each service adds its detail and its schedule, nothing else', async () => {
    const pin = SERVED;
    const client = await customer(pin);
    const cold = await jdCallsOf(() => client.request<DashboardData>(DASHBOARD, { first: 5 }), { cold: true });
    const ids = cold.result.orders.edges.map((e) => e.node.id);
    const services = servicesOn(pin, ids);
    expect(services).toBeGreaterThan(0);
    expect(cold.calls).toEqual(dashboardMinimum(ids.length, services, skusOf(ids)));
    expect((await jdCallsOf(() => client.request(DASHBOARD, { first: 5 }), { cold: false })).calls).toEqual({});
  });

  it('order detail: 1 order.get + 1 afsservice.order.get + S (detail + schedule) + one price, stock and goods call', async () => {
    const pin = SERVED;
    const withService = [...stack.sandbox!.data.afsServices.values()].find((s) => s.customerPin === pin)!;
    const client = await customer(pin);
    const cold = await jdCallsOf(() => client.request(ORDER_DETAIL, { id: withService.orderId }), { cold: true });
    const s = servicesOn(pin, [withService.orderId]);
    const k = batches(skusOf([withService.orderId]));
    expect(cold.calls).toEqual({
      [M.orderGet]: 1,
      [M.afsOrderGet]: 1,
      [M.afsDetailGet]: s,
      [M.afsScheduleGet]: s,
      [M.priceGet]: k,
      [M.stockGet]: k,
      [M.goodsInfo]: k,
    });
    expect((await jdCallsOf(() => client.request(ORDER_DETAIL, { id: withService.orderId }), { cold: false })).calls).toEqual({});
  });

  it('exchange quote: order.get, goods of the original → its shop ranking, platform ranking, cart, then price, stock and goods of the options', async () => {
    const line = writerLines[0];
    const client = await customer(line.pin);
    const vars = { orderId: line.orderId, skuId: line.skuId, first: 5 };
    const cold = await jdCallsOf(() => client.request(EXCHANGE_QUOTE, vars), { cold: true });
    // goods twice: the ranking to ask for depends on the original's shop, and the options' names on the ranking.
    expect(cold.calls).toEqual({ [M.orderGet]: 1, [M.goodsInfo]: 2, [M.rankQuery]: 2, [M.cartGet]: 1, [M.priceGet]: 1, [M.stockGet]: 1 });
    expect((await jdCallsOf(() => client.request(EXCHANGE_QUOTE, vars), { cold: false })).calls).toEqual({});
  });

  it('apply: order.get, afsservice.order.get, goods (categories), the create, the new service detail and schedule; warm only the last three', async () => {
    const [coldLine, warmLine] = writerLines.slice(0, 2);
    const input = (line: Line) => ({
      input: {
        orderId: line.orderId,
        skuId: line.skuId,
        quantity: 1,
        type: 'RETURN',
        expectation: 'REFUND',
        description: 'No sound.',
        idempotencyKey: `k${line.orderId}`,
      },
    });
    const created = { [M.afsApplyCreate]: 1, [M.afsDetailGet]: 1, [M.afsScheduleGet]: 1 };
    const coldClient = await customer(coldLine.pin);
    const cold = await jdCallsOf(() => coldClient.request(APPLY, input(coldLine)), { cold: true });
    expect(cold.calls).toEqual({ [M.orderGet]: 1, [M.afsOrderGet]: 1, [M.goodsInfo]: 1, ...created });

    // Warm: the customer has just looked at the order.
    const warmClient = await customer(warmLine.pin);
    await warmClient.request(ORDER_DETAIL, { id: warmLine.orderId });
    expect((await jdCallsOf(() => warmClient.request(APPLY, input(warmLine)), { cold: false })).calls).toEqual(created);
  });

  it('request exchange: order.get, afsservice.order.get, price and stock read fresh (even warm), the create, the new service detail', async () => {
    const [coldLine, warmLine] = writerLines.slice(2, 4);
    const filing = { [M.priceGet]: 1, [M.stockGet]: 1, [M.afsApplyCreate]: 1, [M.afsDetailGet]: 1 };
    const exchange = async (line: Line, cold: boolean) => {
      const client = await customer(line.pin);
      const { exchangeQuote } = await client.request<QuoteData>(EXCHANGE_QUOTE, { orderId: line.orderId, skuId: line.skuId, first: 5 });
      const target = exchangeQuote.groups.flatMap((g) => g.options).find((o) => o.inStock)!;
      // Warm: the customer has just looked at the order, then at the quote.
      if (!cold) await client.request(ORDER_DETAIL, { id: line.orderId });
      const input = {
        orderId: line.orderId,
        skuId: line.skuId,
        targetSkuId: target.product.skuId,
        quoteId: exchangeQuote.id,
        idempotencyKey: `x${line.orderId}`,
      };
      return jdCallsOf(() => client.request<{ requestExchange: { userErrors: unknown[] } }>(REQUEST_EXCHANGE, { input }), { cold });
    };
    const cold = await exchange(coldLine, true);
    expect(cold.result.requestExchange.userErrors).toEqual([]);
    expect(cold.calls).toEqual({ [M.orderGet]: 1, [M.afsOrderGet]: 1, ...filing });
    const warm = await exchange(warmLine, false);
    expect(warm.result.requestExchange.userErrors).toEqual([]);
    expect(warm.calls).toEqual(filing);
  });
});
