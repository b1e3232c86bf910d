import { JD_METHODS } from '../../../jd/protocol';
import { PAID_100 } from './fixtures';
import {
  alice,
  bob,
  QUOTE,
  QUOTE_TTL_SECONDS,
  REQUEST,
  startHarness,
  type ExchangeHarness,
  type QuoteData,
  type RequestData,
} from './harness';

describe('requestExchange', () => {
  let h: ExchangeHarness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  const quoteFor = async (orderId = '1001', skuId = '100', who = alice) => {
    const { data, errors } = await h.run<QuoteData>(QUOTE, { orderId, skuId }, who);
    expect(errors).toBeUndefined();
    return data!.exchangeQuote.id;
  };
  const request = (input: Record<string, unknown>, who = alice) =>
    h.run<RequestData>(REQUEST, { input: { orderId: '1001', skuId: '100', ...input } }, who).then((r) => {
      expect(r.errors).toBeUndefined();
      return r.data!.requestExchange;
    });
  const applyCalls = () => h.jd.callsOf(JD_METHODS.afsApplyCreate);

  it('files a JD exchange application with the target and the settled difference, and returns a service reference', async () => {
    const quoteId = await quoteFor();
    const result = await request({ quoteId, targetSkuId: '202', idempotencyKey: 'k-1' });
    expect(result.userErrors).toEqual([]);
    expect(result.settlement).toEqual({
      paidUnitPrice: { minorUnits: PAID_100 },
      targetPrice: { minorUnits: 15900 },
      priceDifference: { amount: '-32.02', minorUnits: -3202 },
      direction: 'REFUND',
    });
    expect(applyCalls()).toHaveLength(1);
    expect(applyCalls()[0].params).toMatchObject({
      afsApplyType: 20,
      customerExpect: 20,
      orderId: '1001',
      skuId: '100',
      skuNum: 1,
      customerPin: 'alice_pin',
      exchangeSkuId: '202',
      priceDifferenceFen: -3202,
      images: [],
      isNeedDetectionReport: 0,
    });
    expect(String(applyCalls()[0].params.thirdApplyId)).toMatch(/^xchg-[0-9a-f]{32}$/);
    const filed = [...h.jd.sandbox.data.afsServices.values()].find((s) => s.exchangeSkuId === '202')!;
    expect(result.service).toEqual({ id: String(filed.afsServiceId) });
  });

  it("the JD layer evicts the order's after-sales list: the new service shows on the order at once", async () => {
    // Warm the cached list in this process first (the open-application check reads it).
    const quoteId = await quoteFor();
    await request({ quoteId, targetSkuId: '201' });
    const listCalls = h.jd.callsOf(JD_METHODS.afsOrderGet).length;
    // A second request for the same line is refused as an open application: the list was read afresh from JD.
    const again = await request({ quoteId: await quoteFor(), targetSkuId: '202' });
    expect(again.userErrors.map((e) => e.code)).toEqual(['OPEN_APPLICATION']);
    expect(h.jd.callsOf(JD_METHODS.afsOrderGet).length).toBe(listCalls + 1);
  });

  it('an idempotent retry returns the first filing and sends nothing new, even after the quote expired', async () => {
    const quoteId = await quoteFor();
    const first = await request({ quoteId, targetSkuId: '401', idempotencyKey: 'retry-me' });
    h.clock.now = new Date(h.clock.now.getTime() + (QUOTE_TTL_SECONDS + 60) * 1000);
    const second = await request({ quoteId, targetSkuId: '401', idempotencyKey: 'retry-me' });
    expect(second.service).toEqual(first.service);
    expect(second.settlement).toEqual(first.settlement);
    expect(second.settlement?.priceDifference).toEqual({ amount: '0.01', minorUnits: 1 });
    expect(applyCalls()).toHaveLength(1);
  });

  it('without a key, the same quote and target never file twice', async () => {
    const quoteId = await quoteFor();
    const first = await request({ quoteId, targetSkuId: '202' });
    const second = await request({ quoteId, targetSkuId: '202' });
    expect(second.service).toEqual(first.service);
    expect(applyCalls()).toHaveLength(1);
  });

  it('refuses an expired quote', async () => {
    const quoteId = await quoteFor();
    h.clock.now = new Date(h.clock.now.getTime() + QUOTE_TTL_SECONDS * 1000 + 1);
    const result = await request({ quoteId, targetSkuId: '202' });
    expect(result.userErrors).toEqual([
      { field: ['input', 'quoteId'], code: 'QUOTE_EXPIRED', message: 'This quote has expired. Ask for a new quote.' },
    ]);
    expect(applyCalls()).toHaveLength(0);
  });

  it('accepts a quote up to its last millisecond', async () => {
    const quoteId = await quoteFor();
    h.clock.now = new Date(h.clock.now.getTime() + QUOTE_TTL_SECONDS * 1000);
    expect((await request({ quoteId, targetSkuId: '202' })).userErrors).toEqual([]);
  });

  it('refuses a moved price with the NEW difference, and files nothing', async () => {
    const quoteId = await quoteFor();
    h.jd.seed.price('202', 18000);
    // A new process (empty cache) a minute later; the same move within the cache TTL is covered below.
    await h.jd.freshCache();
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    const result = await request({ quoteId, targetSkuId: '202' });
    expect(result.service).toBeNull();
    expect(result.userErrors).toHaveLength(1);
    expect(result.userErrors[0].code).toBe('PRICE_CHANGED');
    // Paid 191.02, now 180.00: refund 11.02 instead of 32.02.
    expect(result.userErrors[0].message).toContain('now 180.00 CNY');
    expect(result.userErrors[0].message).toContain('the difference is now -11.02 CNY (REFUND)');
    expect(result.settlement).toEqual({
      paidUnitPrice: { minorUnits: PAID_100 },
      targetPrice: { minorUnits: 18000 },
      priceDifference: { amount: '-11.02', minorUnits: -1102 },
      direction: 'REFUND',
    });
    expect(applyCalls()).toHaveLength(0);
  });

  it('decides on a fresh JD price: a move while the old price is still cached is refused with the NEW difference', async () => {
    const quoteId = await quoteFor();
    // The quote cached 159.00 for 202 (price TTL 30 s); JD moves it moments later, same process, same cache.
    h.jd.seed.price('202', 18000);
    h.jd.forgetCalls();
    const result = await request({ quoteId, targetSkuId: '202' });
    expect(result.userErrors.map((e) => e.code)).toEqual(['PRICE_CHANGED']);
    expect(result.userErrors[0].message).toContain('the difference is now -11.02 CNY (REFUND)');
    expect(result.settlement).toEqual({
      paidUnitPrice: { minorUnits: PAID_100 },
      targetPrice: { minorUnits: 18000 },
      priceDifference: { amount: '-11.02', minorUnits: -1102 },
      direction: 'REFUND',
    });
    // The price and stock of the target went to JD despite the cached entries, once each.
    expect(h.jd.callsOf(JD_METHODS.priceGet).map((c) => c.params)).toEqual([{ sku_id: 'J_202' }]);
    expect(h.jd.callsOf(JD_METHODS.stockGet).map((c) => c.params)).toEqual([{ skuIds: '202' }]);
    expect(applyCalls()).toHaveLength(0);
    // The fresh answer was written back: a new quote shows 180.00 without asking JD for 202's price again.
    h.jd.forgetCalls();
    const { data } = await h.run<QuoteData>(QUOTE, { orderId: '1001', skuId: '100' });
    expect(data!.exchangeQuote.options.find((o) => o.product.skuId === '202')!.currentPrice).toEqual({ minorUnits: 18000 });
    expect(h.jd.callsOf(JD_METHODS.priceGet).flatMap((c) => String(c.params.sku_id).split(','))).not.toContain('J_202');
  });

  it('decides on fresh JD stock: a target that sold out after the quote is refused even while "in stock" is cached', async () => {
    const quoteId = await quoteFor();
    h.jd.seed.stock('202', 0);
    const result = await request({ quoteId, targetSkuId: '202' });
    expect(result.userErrors.map((e) => e.code)).toEqual(['TARGET_OUT_OF_STOCK']);
    expect(applyCalls()).toHaveLength(0);
  });

  it('files at the quoted price when JD still has it, reading price and stock afresh in one call each', async () => {
    const quoteId = await quoteFor();
    h.jd.forgetCalls();
    const result = await request({ quoteId, targetSkuId: '202' });
    expect(result.userErrors).toEqual([]);
    expect(h.jd.callsOf(JD_METHODS.priceGet).map((c) => c.params)).toEqual([{ sku_id: 'J_202' }]);
    expect(h.jd.callsOf(JD_METHODS.stockGet).map((c) => c.params)).toEqual([{ skuIds: '202' }]);
    expect(applyCalls()).toHaveLength(1);
  });

  it('refuses a quote issued to another customer, tampered with, for another line, or a target it did not offer', async () => {
    const bobsQuote = await quoteFor('2001', '100', bob);
    const alicesQuote = await quoteFor();
    const invalid = [
      { field: ['input', 'quoteId'], code: 'QUOTE_INVALID', message: 'This quote is not valid for this order item. Ask for a new quote.' },
    ];
    expect((await request({ orderId: '2001', quoteId: bobsQuote, targetSkuId: '202' })).userErrors).toEqual(invalid);
    expect((await request({ quoteId: alicesQuote, targetSkuId: '202' }, bob)).userErrors).toEqual(invalid);
    expect((await request({ skuId: '101', quoteId: alicesQuote, targetSkuId: '202' })).userErrors).toEqual(invalid);
    const [prefix, body, sig] = alicesQuote.split('.');
    expect((await request({ quoteId: `${prefix}.${body}x.${sig}`, targetSkuId: '202' })).userErrors).toEqual(invalid);
    expect((await request({ quoteId: alicesQuote, targetSkuId: '999' })).userErrors.map((e) => e.code)).toEqual(['TARGET_NOT_QUOTED']);
    expect(applyCalls()).toHaveLength(0);
  });

  it('refuses an out-of-stock target', async () => {
    const result = await request({ quoteId: await quoteFor(), targetSkuId: '301' });
    expect(result.userErrors.map((e) => [e.code, e.field])).toEqual([['TARGET_OUT_OF_STOCK', ['input', 'targetSkuId']]]);
    expect(applyCalls()).toHaveLength(0);
  });

  it('refuses lines that cannot be exchanged: cancelled or unpaid order, an open application', async () => {
    for (const [orderId, code] of [
      ['1002', 'ORDER_CANCELLED'],
      ['1004', 'ORDER_UNPAID'],
      ['1003', 'OPEN_APPLICATION'],
    ]) {
      const result = await request({ orderId, quoteId: await quoteFor(orderId), targetSkuId: '202' });
      expect(result.userErrors.map((e) => e.code)).toEqual([code]);
    }
    // A completed earlier application does not block a new one.
    expect((await request({ orderId: '1005', quoteId: await quoteFor('1005'), targetSkuId: '202' })).userErrors).toEqual([]);
    expect(applyCalls()).toHaveLength(1);
  });

  it("someone else's order reads like a missing one; anonymous callers are UNAUTHENTICATED", async () => {
    const bobsQuote = await quoteFor('2001', '100', bob);
    // Even with Bob's own valid quote for his order, Alice learns nothing: the quote is not hers.
    expect((await request({ orderId: '2001', quoteId: bobsQuote, targetSkuId: '202' })).userErrors.map((e) => e.code)).toEqual([
      'QUOTE_INVALID',
    ]);
    const anonymous = await h.run(
      REQUEST,
      { input: { orderId: '1001', skuId: '100', quoteId: 'x', targetSkuId: '202' } },
      { kind: 'anonymous' },
    );
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a bad idempotency key or an over-long description before calling JD', async () => {
    const result = await request({ quoteId: 'x', targetSkuId: '202', idempotencyKey: '', description: 'x'.repeat(1001) });
    expect(result.userErrors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_INVALID', 'DESCRIPTION_TOO_LONG']);
    expect(h.jd.calls).toHaveLength(0);
  });
});
