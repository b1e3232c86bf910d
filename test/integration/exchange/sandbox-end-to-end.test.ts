/**
 * The exchange subgraph against the real stack below it: jd/client over HTTP to the in-process JD
 * sandbox, real loaders and cache. Quote, exchange, then see the service the way after-sales will.
 */
import { JD_METHODS } from '../../../jd/protocol';
import { DEMO_PINS } from '../../../jd/sandbox';
import type { Identity } from '../../../subgraphs/kit';
import { createExchangeContext, type ExchangeContext } from '../../../subgraphs/exchange/context';
import { QuoteTokens } from '../../../subgraphs/exchange/quote/quote-token';
import { buildSchema } from '../../../subgraphs/exchange/schema';
import { startRecordingJd, type RecordingJd } from '../../support/recording-jd';
import { createTestServer } from '../../support/test-server';
import { QUOTE, REQUEST, type QuoteData, type RequestData } from './harness';

const NOW = new Date('2026-06-15T04:00:00.000Z');
const alice: Identity = { kind: 'customer', pin: DEMO_PINS.alice };

describe('exchange over the JD sandbox', () => {
  let jd: RecordingJd;
  let server: ReturnType<typeof createTestServer<ExchangeContext>>;

  beforeAll(async () => {
    jd = await startRecordingJd({ seed: 'exchange-it', now: NOW, scale: { customers: 10, ordersPerCustomer: 3, skus: 240 } });
    server = createTestServer(buildSchema().schema, {
      createContext: (base) =>
        createExchangeContext(base, {
          createLoaders: jd.createLoaders,
          quotes: new QuoteTokens('sandbox-e2e-quote-secret'),
          quoteSettings: { ttlSeconds: 900 },
        }),
    });
  });
  afterAll(async () => {
    await server.stop();
    await jd.close();
  });

  it('quotes the discounted demo order with one price and one stock call, files the exchange, and JD lists the service', async () => {
    // The demo's discounted multi-item order (20.00 off, first line ×2).
    const order = [...jd.sandbox.data.orders.values()].find(
      (o) => o.pin === DEMO_PINS.alice && o.sellerDiscount === '20.00' && o.itemInfoList.length === 3,
    )!;
    expect(order).toBeDefined();
    const skuId = order.itemInfoList[0].skuId;
    jd.forgetCalls();

    const quoted = await server.execute<QuoteData>(QUOTE, { orderId: order.orderId, skuId, first: 5 }, alice);
    expect(quoted.errors).toBeUndefined();
    const quote = quoted.data!.exchangeQuote;
    const [prices, stocks] = [jd.callsOf(JD_METHODS.priceGet), jd.callsOf(JD_METHODS.stockGet)];
    expect(prices).toHaveLength(1);
    expect(stocks).toHaveLength(1);
    expect(prices[0].batchSize).toBeGreaterThanOrEqual(quote.options.length);
    expect(stocks[0].batchSize).toBe(prices[0].batchSize);
    expect(quote.groups.find((g) => g.source === 'SAME_SHOP')!.options.length).toBeGreaterThan(0);

    // The paid unit price follows the documented allocation from the sandbox's own order figures.
    const { paidLineOf } = await import('../../../subgraphs/exchange/quote/paid-unit-price');
    expect(quote.paidUnitPrice.minorUnits).toBe(paidLineOf(order, skuId)!.paidUnitFen);
    expect(quote.paidUnitPrice.minorUnits).toBeLessThan(Number(order.itemInfoList[0].jdPrice.replace('.', '')));

    const target = quote.options.find((o) => o.inStock)!;
    const requested = await server.execute<RequestData>(
      REQUEST,
      {
        input: { orderId: order.orderId, skuId, targetSkuId: target.product.skuId, quoteId: quote.id, idempotencyKey: 'e2e-1' },
      },
      alice,
    );
    expect(requested.errors).toBeUndefined();
    const payload = requested.data!.requestExchange;
    expect(payload.userErrors).toEqual([]);
    expect(payload.settlement!.priceDifference.minorUnits).toBe(target.priceDifference.minorUnits);

    // What the after-sales subgraph reads: the order's services through the same loaders and cache.
    const loaders = jd.createLoaders(DEMO_PINS.alice);
    const services = await loaders.afsServicesByOrder.load(order.orderId);
    const listed = services.find((s) => String(s.afsServiceId) === payload.service!.id)!;
    expect(listed).toMatchObject({ skuId, afsApplyType: 20 });
    const detail = await loaders.afsDetail.load(listed.afsServiceId);
    expect(detail).toMatchObject({
      customerExpect: 20,
      exchangeSkuId: target.product.skuId,
      priceDifferenceFen: target.priceDifference.minorUnits,
    });
  });
});
