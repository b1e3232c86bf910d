import { JD_METHODS, type JdMethodName } from '../../../jd/protocol';
import { receivedOrder, ALICE } from './fixtures';
import { alice, bob, startHarness, type AfterSalesHarness } from './harness';
import { ORDER_ENTITIES, ORDER_SERVICES, SERVICE, orderReps } from './queries';

let h: AfterSalesHarness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.stop());

describe('AfterSalesService', () => {
  it('resolves every field from detail.get and schedule.get', async () => {
    const { data, errors, cacheControl } = await h.run(SERVICE, { id: '501' });
    expect(errors).toBeUndefined();
    // A customer's after-sales data: private, and no longer-lived than the loaders' JD cache.
    expect(cacheControl).toBe('max-age=15, private');
    expect(data).toEqual({
      afterSalesService: {
        id: '501',
        skuId: '100',
        quantity: 1,
        type: 'RETURN',
        expectation: 'REFUND',
        status: 'IN_PROGRESS',
        step: 'CUSTOMER_SERVICE_REVIEW',
        description: 'Cracked screen',
        images: ['https://img.jd.com/a.jpg', 'https://img10.360buyimg.com/b.jpg'],
        needsDetectionReport: true,
        appliedAt: '2025-05-30T09:15:00+08:00',
        result: null,
        cancellable: true,
        exchangeSkuId: null,
        priceDifference: null,
        schedule: [
          { title: 'Application Submitted', at: '2025-05-30T09:15:00+08:00' },
          { title: 'Customer Service Reviewing', at: '2025-05-30T14:00:00+08:00' },
        ],
        order: { id: '1006' },
      },
    });
    expect(h.jd.calls.map((c) => [c.method, c.params])).toEqual([
      [JD_METHODS.afsDetailGet, { afsServiceId: 501 }],
      [JD_METHODS.afsScheduleGet, { afsServiceId: 501 }],
    ]);
  });

  it("shows an exchange's target sku and settled difference, and a decided result", async () => {
    const { data } = await h.run(SERVICE, { id: '504' });
    expect(data?.afterSalesService).toEqual(
      expect.objectContaining({
        type: 'EXCHANGE',
        expectation: 'EXCHANGE',
        status: 'COMPLETED',
        step: 'DONE',
        cancellable: false,
        result: 'Exchange for a new item',
        exchangeSkuId: '450',
        priceDifference: { amount: '-12.50', currency: 'CNY', minorUnits: -1250 },
      }),
    );
  });

  it("answers null for someone else's service, a missing one and a malformed id, exactly alike", async () => {
    for (const id of ['901', '999999', 'abc', '0']) {
      const { data, errors } = await h.run(SERVICE, { id }, alice);
      expect(errors).toBeUndefined();
      expect(data).toEqual({ afterSalesService: null });
    }
    expect(h.jd.callsOf(JD_METHODS.afsScheduleGet)).toHaveLength(0);
    expect((await h.run(SERVICE, { id: '901' }, bob)).data?.afterSalesService).toEqual(expect.objectContaining({ id: '901' }));
  });

  it('resolves AfterSalesService through _entities for the owner only', async () => {
    const q = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on AfterSalesService { id status } } }';
    const reps = [
      { __typename: 'AfterSalesService', id: '501' },
      { __typename: 'AfterSalesService', id: '901' },
    ];
    expect((await h.run(q, { r: reps }, alice)).data).toEqual({ _entities: [{ id: '501', status: 'IN_PROGRESS' }, null] });
  });

  it('refuses anonymous callers and partners', async () => {
    const anon = await h.run(SERVICE, { id: '501' }, { kind: 'anonymous' });
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const partner = await h.run(SERVICE, { id: '501' }, { kind: 'partner', partnerId: 'acme', scopes: ['orders:read'] });
    expect(partner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(h.jd.calls).toHaveLength(0);
  });
});

describe('Order.afterSalesServices', () => {
  it("lists the owner's services of an order", async () => {
    const { data } = await h.run(ORDER_SERVICES, { reps: orderReps('1006', '1001') });
    expect(data).toEqual({
      _entities: [
        {
          id: '1006',
          afterSalesServices: [
            { id: '501', status: 'IN_PROGRESS', type: 'RETURN' },
            { id: '502', status: 'IN_PROGRESS', type: 'RETURN' },
            { id: '503', status: 'IN_PROGRESS', type: 'RETURN' },
            { id: '504', status: 'COMPLETED', type: 'EXCHANGE' },
          ],
        },
        { id: '1001', afterSalesServices: [] },
      ],
    });
  });

  it("resolves someone else's order and an unknown one to null alike, through the order loader", async () => {
    const { data, errors } = await h.run(ORDER_ENTITIES, { reps: orderReps('2001', '424242') }, alice);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ _entities: [null, null] });
    expect(
      h.jd
        .callsOf(JD_METHODS.orderGet)
        .map((c) => (c.params as Record<string, unknown>).order_id)
        .sort(),
    ).toEqual(['2001', '424242']);
    // Nothing of bob's service was read on alice's behalf.
    expect(h.jd.callsOf(JD_METHODS.afsDetailGet)).toHaveLength(0);
  });

  it('resolves an order id that is not digits to null like a missing one, without calling JD', async () => {
    const { data, errors } = await h.run(ORDER_ENTITIES, { reps: orderReps('1001a', '1001') }, alice);
    expect(errors).toBeUndefined();
    expect((data as { _entities: unknown[] })._entities[0]).toBeNull();
    expect(h.jd.callsOf(JD_METHODS.orderGet).map((c) => c.params)).toEqual([{ order_id: '1001' }]);
    expect(h.jd.calls.filter((c) => JSON.stringify(c.params).includes('1001a'))).toEqual([]);
  });

  it('resolves 50 orders with one call per order and method, run concurrently, never a chain of 50', async () => {
    for (let i = 0; i < 50; i += 1) h.jd.seed.order(receivedOrder(String(3000 + i), ALICE));
    h.jd.seed.service({ afsServiceId: 8000, orderId: '3007', step: 21, applyTime: '2025-05-30 09:15:00' });
    const ids = Array.from({ length: 50 }, (_, i) => String(3000 + i));
    const { data, errors } = await h.run(ORDER_SERVICES, { reps: orderReps(...ids) });
    expect(errors).toBeUndefined();
    const entities = (data as { _entities: { id: string; afterSalesServices: { id: string }[] }[] })._entities;
    expect(entities).toHaveLength(50);
    expect(entities[7].afterSalesServices.map((s) => s.id)).toEqual(['8000']);

    const sorted = (m: JdMethodName, key: string) =>
      h.jd
        .callsOf(m)
        .map((c) => String(c.params[key]))
        .sort();
    expect(sorted(JD_METHODS.orderGet, 'order_id')).toEqual([...ids].sort());
    expect(sorted(JD_METHODS.afsOrderGet, 'orderId')).toEqual([...ids].sort());
    expect(sorted(JD_METHODS.afsDetailGet, 'afsServiceId')).toEqual(['8000']);
    expect(h.jd.calls).toHaveLength(101);
    // Distinct keys run side by side (the loaders cap a request's concurrency, but never at 1).
    expect(h.jd.peakInFlight).toBeGreaterThan(1);

    // A second request inside the TTL is served from the cache: no JD call at all.
    h.jd.forgetCalls();
    await h.run(ORDER_SERVICES, { reps: orderReps(...ids) });
    expect(h.jd.calls).toHaveLength(0);
  });
});

describe('Order.afterSalesEligibility', () => {
  const eligibility = async (id: string) => {
    const { data, errors } = await h.run(ORDER_ENTITIES, { reps: orderReps(id) });
    expect(errors).toBeUndefined();
    return (
      data as {
        _entities: {
          afterSalesEligibility: { skuId: string; eligible: boolean; reasons: { code: string }[]; windowEndsAt: string | null }[];
        }[];
      }
    )._entities[0].afterSalesEligibility.map((l) => ({ ...l, reasons: l.reasons.map((r) => r.code) }));
  };

  it('applies every rule per order line', async () => {
    expect(await eligibility('1001')).toEqual([
      { skuId: '100', eligible: true, reasons: [], windowEndsAt: '2025-06-28T06:00:00.000Z' },
      { skuId: '200', eligible: false, reasons: ['PERSONALISED_GOODS'], windowEndsAt: '2025-06-28T06:00:00.000Z' },
    ]);
    expect(await eligibility('1002')).toEqual([{ skuId: '100', eligible: false, reasons: ['ORDER_CANCELLED'], windowEndsAt: null }]);
    expect((await eligibility('1003'))[0].reasons).toEqual(['WINDOW_EXPIRED']);
    expect((await eligibility('1004'))[0].reasons).toEqual(['ORDER_UNPAID']);
    expect((await eligibility('1005'))[0].reasons).toEqual(['DIGITAL_GOODS']);
    expect((await eligibility('1006')).map((l) => [l.skuId, l.reasons])).toEqual([
      ['100', ['OPEN_APPLICATION']],
      ['400', ['OPEN_APPLICATION']],
    ]);
    expect(await eligibility('1007')).toEqual([{ skuId: '100', eligible: true, reasons: [], windowEndsAt: '2025-06-06T06:00:00.000Z' }]);
    expect((await eligibility('1008'))[0]).toEqual({ skuId: '100', eligible: false, reasons: ['NOT_YET_RECEIVED'], windowEndsAt: null });
  });

  it('reads order, goods and after-sales once each, sharing them with afterSalesServices', async () => {
    const { cacheControl } = await h.run(ORDER_ENTITIES, { reps: orderReps('1001') });
    expect(cacheControl).toBe('max-age=15, private');
    expect(h.jd.calls.map((c) => c.method).sort()).toEqual([JD_METHODS.orderGet, JD_METHODS.afsOrderGet, JD_METHODS.goodsInfo].sort());
    expect(h.jd.callsOf(JD_METHODS.goodsInfo)[0].params).toEqual({ skuIds: '100,200' });
  });
});
