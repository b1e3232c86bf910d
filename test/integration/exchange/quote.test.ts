import { JD_METHODS } from '../../../jd/protocol';
import { CAROL, order, PAID_100 } from './fixtures';
import { alice, bob, QUOTE, startHarness, type ExchangeHarness, type QuoteData } from './harness';

describe('exchange quotes (in-process subgraph, real loaders, recording JD sandbox)', () => {
  let h: ExchangeHarness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  const quote = (vars: Record<string, unknown> = {}) => h.run<QuoteData>(QUOTE, { orderId: '1001', skuId: '100', ...vars });

  it('prices every option against the discounted paid unit price, exact to the fen', async () => {
    const { data, errors } = await quote();
    expect(errors).toBeUndefined();
    const q = data!.exchangeQuote;
    expect(q.paidUnitPrice).toEqual({ amount: '191.02', currency: 'CNY', minorUnits: PAID_100 });
    const bySku = Object.fromEntries(q.options.map((o) => [o.product.skuId, o]));
    // Equal price -> EVEN; cheaper -> REFUND (negative); one fen dearer -> PAY_EXTRA; out of stock still quoted, flagged.
    expect(bySku['201']).toMatchObject({
      currentPrice: { minorUnits: 19102 },
      priceDifference: { amount: '0.00', minorUnits: 0 },
      direction: 'EVEN',
      inStock: true,
    });
    expect(bySku['202']).toMatchObject({
      currentPrice: { minorUnits: 15900 },
      priceDifference: { amount: '-32.02', minorUnits: -3202 },
      direction: 'REFUND',
      inStock: true,
    });
    expect(bySku['401']).toMatchObject({ priceDifference: { amount: '0.01', minorUnits: 1 }, direction: 'PAY_EXTRA' });
    expect(bySku['301']).toMatchObject({ priceDifference: { amount: '58.98', minorUnits: 5898 }, direction: 'PAY_EXTRA', inStock: false });
    // Product.price/inStock on an option are the same figures, with no extra JD call.
    expect(bySku['301'].product).toEqual({ skuId: '301', price: { minorUnits: 25000 }, inStock: false });
    expect(q.order).toEqual({ id: '1001' });
    expect(q.original).toEqual({ skuId: '100' });
  });

  it('groups by source in precedence order, de-duplicates, drops the original and SKUs without a price', async () => {
    const q = (await quote()).data!.exchangeQuote;
    expect(q.options.map((o) => [o.source, o.product.skuId])).toEqual([
      ['CART', '202'],
      ['CART', '401'],
      ['SAME_SHOP', '201'],
      ['SAME_SHOP', '301'],
      ['BESTSELLER', '302'],
      ['BESTSELLER', '303'],
    ]);
    expect(q.groups.map((g) => [g.source, g.options.map((o) => o.product.skuId)])).toEqual([
      ['CART', ['202', '401']],
      ['SAME_SHOP', ['201', '301']],
      ['BESTSELLER', ['302', '303']],
    ]);
    // The shop ranked is the original SKU's shop, from JD goods facts.
    expect(
      h.jd
        .callsOf(JD_METHODS.rankQuery)
        .map((c) => c.params.shopId ?? 'platform')
        .sort(),
    ).toEqual([10, 'platform']);
  });

  it('asks only the requested sources, and caps each by first after de-duplication', async () => {
    const q = (await quote({ sources: ['BESTSELLER', 'SAME_SHOP'], first: 1 })).data!.exchangeQuote;
    expect(q.options.map((o) => [o.source, o.product.skuId])).toEqual([
      ['SAME_SHOP', '201'],
      ['BESTSELLER', '301'],
    ]);
    expect(q.groups.map((g) => g.source)).toEqual(['SAME_SHOP', 'BESTSELLER']);
    expect(h.jd.callsOf(JD_METHODS.cartGet)).toHaveLength(0);
  });

  it('quotes at the clock and expires after the configured TTL, in +08:00', async () => {
    const q = (await quote()).data!.exchangeQuote;
    expect(q.quotedAt).toBe('2025-06-01T12:00:00+08:00');
    expect(q.expiresAt).toBe('2025-06-01T12:15:00+08:00');
  });

  it('60 candidates cost exactly one price call with 60 J_ ids and one stock call with 60 ids', async () => {
    const { seed } = h.jd;
    seed.shop({ shopId: 30 });
    seed.sku({ skuId: '5000', priceFen: 10_000, shopId: 30 });
    seed.order(order('3001', CAROL, { lines: [{ skuId: '5000' }], discountFen: 0 }));
    const ids = (from: number) => Array.from({ length: 20 }, (_, i) => String(from + i));
    for (const sku of [...ids(5001), ...ids(6000), ...ids(7000)]) seed.sku({ skuId: sku, priceFen: 10_000 + Number(sku), stock: 1 });
    seed.bestsellers(30, ['5000', ...ids(5001)]);
    seed.bestsellers('platform', ids(6000));
    seed.cart(CAROL, ids(7000));
    const { jd } = h;
    const { data, errors } = await h.run<QuoteData>(QUOTE, { orderId: '3001', skuId: '5000', first: 20 }, { kind: 'customer', pin: CAROL });
    expect(errors).toBeUndefined();
    expect(data!.exchangeQuote.options).toHaveLength(60);
    const price = jd.callsOf(JD_METHODS.priceGet);
    const stock = jd.callsOf(JD_METHODS.stockGet);
    expect(price).toHaveLength(1);
    expect(stock).toHaveLength(1);
    const sent = String(price[0].params.sku_id).split(',');
    expect(sent).toHaveLength(60);
    expect(sent.every((id) => /^J_\d+$/.test(id))).toBe(true);
    expect(new Set(sent)).toEqual(new Set([...ids(7000), ...ids(5001), ...ids(6000)].map((id) => `J_${id}`)));
    expect(String(stock[0].params.skuIds).split(',')).toHaveLength(60);
    expect([price[0].batchSize, stock[0].batchSize]).toEqual([60, 60]);
  });

  it('refuses a per-source cap outside 1..33 and an empty source list before calling JD', async () => {
    for (const vars of [{ first: 0 }, { first: 34 }, { sources: [] }]) {
      const { errors } = await quote(vars);
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(h.jd.calls).toHaveLength(0);
  });

  it('a sku the order does not have is BAD_USER_INPUT', async () => {
    const { errors } = await quote({ skuId: '555' });
    expect(errors?.[0]).toMatchObject({ message: 'This order has no item with this sku', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it("only the order's customer: anonymous UNAUTHENTICATED, partners FORBIDDEN, someone else's order reads like a missing one", async () => {
    expect((await h.run(QUOTE, { orderId: '1001', skuId: '100' }, { kind: 'anonymous' })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await h.run(QUOTE, { orderId: '1001', skuId: '100' }, { kind: 'partner', partnerId: 'p', scopes: ['orders:read'] })).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');
    const foreign = await h.run(QUOTE, { orderId: '1001', skuId: '100' }, bob);
    const missing = await h.run(QUOTE, { orderId: '424242', skuId: '100' }, bob);
    expect(foreign.errors?.[0]).toMatchObject({ message: 'No order with this id', extensions: { code: 'NOT_FOUND' } });
    expect(missing.errors?.[0].message).toBe(foreign.errors?.[0].message);
    // Nothing beyond the order itself was read for the foreign order.
    expect(h.jd.calls.map((c) => c.method).every((m) => m === JD_METHODS.orderGet)).toBe(true);
  });

  it("Order.exchangeQuote through _entities: the quote for the caller's order, null for someone else's", async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id exchangeQuote(skuId: "100", sources: [CART]) { paidUnitPrice { minorUnits } options { product { skuId } direction } } } } }`;
    const reps = [
      { __typename: 'Order', id: '1001' },
      { __typename: 'Order', id: '2001' },
    ];
    const mine = await h.run<{
      _entities: { id: string; exchangeQuote: { paidUnitPrice: { minorUnits: number }; options: unknown[] } | null }[];
    }>(query, { reps }, alice);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!._entities[0].exchangeQuote).toEqual({
      paidUnitPrice: { minorUnits: PAID_100 },
      options: [
        { product: { skuId: '202' }, direction: 'REFUND' },
        { product: { skuId: '401' }, direction: 'PAY_EXTRA' },
      ],
    });
    expect(mine.data!._entities[1]).toEqual({ id: '2001', exchangeQuote: null });
  });
});

describe('Product.price and Product.inStock for any query (_entities)', () => {
  let h: ExchangeHarness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product { skuId price { amount minorUnits currency } inStock } } }`;

  it('resolves many products with one batched price call and one stock call, for anonymous callers too', async () => {
    const reps = ['202', '301', '888'].map((skuId) => ({ __typename: 'Product', skuId }));
    const { data, errors } = await h.run<{ _entities: unknown[] }>(query, { reps }, { kind: 'anonymous' });
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { skuId: '202', price: { amount: '159.00', minorUnits: 15900, currency: 'CNY' }, inStock: true },
      { skuId: '301', price: { amount: '250.00', minorUnits: 25000, currency: 'CNY' }, inStock: false },
      // JD does not know 888: no price, no stock answer.
      { skuId: '888', price: null, inStock: null },
    ]);
    expect(h.jd.callsOf(JD_METHODS.priceGet).map((c) => c.params.sku_id)).toEqual(['J_202,J_301,J_888']);
    expect(h.jd.callsOf(JD_METHODS.stockGet).map((c) => c.params.skuIds)).toEqual(['202,301,888']);
  });
});
