/**
 * The exchange subgraph against the real stack below it: jd/client over HTTP to the in-process JD
 * sandbox, real loaders and cache. Quote, exchange, then see the service the way after-sales will.
 */
import { createJdClient, loadJdConfig } from '../../../jd/client';
import { createJdCache, createJdLoaders } from '../../../jd/loaders';
import { JD_METHODS } from '../../../jd/protocol/methods';
import { createSandbox, type Sandbox } from '../../../jd/sandbox';
import { DEMO_PINS } from '../../../jd/sandbox/data/demo';
import type { Identity } from '../../../subgraphs/kit';
import { createTestServer } from '../../support/test-server';
import { createExchangeContext, type ExchangeContext } from '../../../subgraphs/exchange/context';
import { QuoteTokens } from '../../../subgraphs/exchange/quote/quote-token';
import { buildSchema } from '../../../subgraphs/exchange/schema';
import { QUOTE, REQUEST, type QuoteData, type RequestData } from './harness';

const NOW = new Date('2026-06-15T04:00:00.000Z');
const alice: Identity = { kind: 'customer', pin: DEMO_PINS.alice };

describe('exchange over the JD sandbox', () => {
  let sandbox: Sandbox;
  let cache: ReturnType<typeof createJdCache>;
  let server: ReturnType<typeof createTestServer<ExchangeContext>>;
  let client: ReturnType<typeof createJdClient>;

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 'exchange-it', now: NOW, scale: { customers: 10, ordersPerCustomer: 3, skus: 240 } });
    client = createJdClient(loadJdConfig({ JD_SANDBOX_PORT: String(sandbox.port) }));
    cache = createJdCache();
    server = createTestServer(buildSchema().schema, {
      createContext: (base) => createExchangeContext(base, {
        createLoaders: (customerPin) => createJdLoaders({ client, cache, customerPin }),
        quotes: new QuoteTokens('sandbox-e2e-quote-secret'),
        quoteSettings: { ttlSeconds: 900 },
      }),
    });
  });
  afterAll(async () => {
    await server.stop();
    await cache.close();
    await sandbox.stop();
  });

  it('quotes the discounted demo order with one price and one stock call, files the exchange, and JD lists the service', async () => {
    // The demo's discounted multi-item order (20.00 off, first line ×2).
    const order = [...sandbox.data.orders.values()].find((o) => o.pin === DEMO_PINS.alice && o.sellerDiscount === '20.00' && o.itemInfoList.length === 3)!;
    expect(order).toBeDefined();
    const skuId = order.itemInfoList[0].skuId;
    sandbox.stats.reset();

    const quoted = await server.execute<QuoteData>(QUOTE, { orderId: order.orderId, skuId, first: 5 }, alice);
    expect(quoted.errors).toBeUndefined();
    const quote = quoted.data!.exchangeQuote;
    const stats = sandbox.stats.snapshot().methods;
    expect(stats[JD_METHODS.priceGet].calls).toBe(1);
    expect(stats[JD_METHODS.stockGet].calls).toBe(1);
    expect(stats[JD_METHODS.priceGet].batchSizes[0]).toBeGreaterThanOrEqual(quote.options.length);
    expect(quote.groups.find((g) => g.source === 'SAME_SHOP')!.options.length).toBeGreaterThan(0);

    // The paid unit price follows the documented allocation from the sandbox's own order figures.
    const { paidLineOf } = await import('../../../subgraphs/exchange/quote/paid-unit-price');
    expect(quote.paidUnitPrice.minorUnits).toBe(paidLineOf(order, skuId)!.paidUnitFen);
    expect(quote.paidUnitPrice.minorUnits).toBeLessThan(Number(order.itemInfoList[0].jdPrice.replace('.', '')));

    const target = quote.options.find((o) => o.inStock)!;
    const requested = await server.execute<RequestData>(REQUEST, {
      input: { orderId: order.orderId, skuId, targetSkuId: target.product.skuId, quoteId: quote.id, idempotencyKey: 'e2e-1' },
    }, alice);
    expect(requested.errors).toBeUndefined();
    const payload = requested.data!.requestExchange;
    expect(payload.userErrors).toEqual([]);
    expect(payload.settlement!.priceDifference.minorUnits).toBe(target.priceDifference.minorUnits);

    // What the after-sales subgraph reads: the order's services through the same loaders and cache.
    const loaders = createJdLoaders({ client, cache, customerPin: DEMO_PINS.alice });
    const services = await loaders.afsServicesByOrder.load(order.orderId);
    const listed = services.find((s) => String(s.afsServiceId) === payload.service!.id)!;
    expect(listed).toMatchObject({ skuId, afsApplyType: 20 });
    const detail = await loaders.afsDetail.load(listed.afsServiceId);
    expect(detail).toMatchObject({ customerExpect: 20, exchangeSkuId: target.product.skuId, priceDifferenceFen: target.priceDifference.minorUnits });
  });
});
