import { JD_METHODS } from '../../../jd/protocol';
import { receivedOrder, BOB } from './fixtures';
import { alice, bob, startHarness, type AfterSalesHarness } from './harness';
import { APPLY, APPLY_THEN_LIST, ORDER_SERVICES, orderReps } from './queries';

let h: AfterSalesHarness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.stop());

const input = (over: Record<string, unknown> = {}) => ({
  orderId: '1001',
  skuId: '100',
  quantity: 1,
  type: 'RETURN',
  expectation: 'REFUND',
  description: 'Screen cracked on arrival',
  needsDetectionReport: true,
  imageUrls: ['https://img14.360buyimg.com/x.jpg'],
  ...over,
});
type Payload = { service: Record<string, unknown> | null; userErrors: { field: string[] | null; code: string; message: string }[] };
const apply = async (over: Record<string, unknown> = {}, who = alice) => {
  const { data, errors } = await h.run<{ applyForAfterSales: Payload }>(APPLY, { input: input(over) }, who);
  expect(errors).toBeUndefined();
  return data!.applyForAfterSales;
};
const creates = () => h.jd.callsOf(JD_METHODS.afsApplyCreate);

describe('applyForAfterSales', () => {
  it('files an application, sending exactly the validated input to JD, and answers with the new service', async () => {
    const out = await apply();
    expect(out.userErrors).toEqual([]);
    expect(out.service).toEqual(
      expect.objectContaining({
        skuId: '100',
        quantity: 1,
        type: 'RETURN',
        expectation: 'REFUND',
        status: 'PENDING',
        step: 'APPLIED',
        description: 'Screen cracked on arrival',
        images: ['https://img14.360buyimg.com/x.jpg'],
        needsDetectionReport: true,
        cancellable: true,
        result: null,
        order: { id: '1001' },
        schedule: [{ title: 'Application Submitted', at: '2025-06-01T12:00:00+08:00' }],
      }),
    );
    expect(creates()).toHaveLength(1);
    expect(creates()[0].params).toEqual({
      afsApplyType: 10,
      customerExpect: 10,
      orderId: '1001',
      skuId: '100',
      skuNum: 1,
      questionDesc: 'Screen cracked on arrival',
      isNeedDetectionReport: 1,
      images: ['https://img14.360buyimg.com/x.jpg'],
      thirdApplyId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      customerPin: 'alice_pin',
    });
    // JD's recommended after-sales workflow: the existing applications are checked before the create.
    const order = h.jd.calls.map((c) => c.method);
    expect(order.indexOf(JD_METHODS.afsOrderGet)).toBeLessThan(order.indexOf(JD_METHODS.afsApplyCreate));
  });

  it.each([
    ['type/expectation mismatch', { type: 'RETURN', expectation: 'EXCHANGE' }, 'TYPE_EXPECTATION_MISMATCH', ['input', 'expectation']],
    ['quantity 0', { quantity: 0 }, 'QUANTITY_OUT_OF_RANGE', ['input', 'quantity']],
    ['quantity above bought', { quantity: 3 }, 'QUANTITY_OUT_OF_RANGE', ['input', 'quantity']],
    ['empty description', { description: ' ' }, 'DESCRIPTION_REQUIRED', ['input', 'description']],
    ['description over 1000 chars', { description: 'x'.repeat(1001) }, 'DESCRIPTION_TOO_LONG', ['input', 'description']],
    ["image off JD's CDN", { imageUrls: ['https://example.com/a.jpg'] }, 'IMAGE_NOT_ON_JD_CDN', ['input', 'imageUrls', '0']],
    ['plain-http image', { imageUrls: ['http://img.jd.com/a.jpg'] }, 'IMAGE_NOT_ON_JD_CDN', ['input', 'imageUrls', '0']],
    [
      'images over 2000 chars',
      { imageUrls: Array.from({ length: 30 }, (_, i) => `https://img.jd.com/${String(i).padStart(60, '0')}.jpg`) },
      'IMAGES_TOO_LONG',
      ['input', 'imageUrls'],
    ],
    ['empty idempotency key', { idempotencyKey: '' }, 'IDEMPOTENCY_KEY_INVALID', ['input', 'idempotencyKey']],
    ["someone else's order", { orderId: '2001' }, 'ORDER_NOT_FOUND', ['input', 'orderId']],
    ['unknown order', { orderId: '424242' }, 'ORDER_NOT_FOUND', ['input', 'orderId']],
    ['sku not in the order', { skuId: '999' }, 'SKU_NOT_IN_ORDER', ['input', 'skuId']],
    ['personalised goods', { skuId: '200' }, 'PERSONALISED_GOODS', ['input', 'skuId']],
    ['digital goods', { orderId: '1005', skuId: '300' }, 'DIGITAL_GOODS', ['input', 'skuId']],
    ['cancelled order', { orderId: '1002' }, 'ORDER_CANCELLED', ['input', 'skuId']],
    ['unpaid order', { orderId: '1004' }, 'ORDER_UNPAID', ['input', 'skuId']],
    ['window expired', { orderId: '1003' }, 'WINDOW_EXPIRED', ['input', 'skuId']],
    ['not yet received', { orderId: '1008' }, 'NOT_YET_RECEIVED', ['input', 'skuId']],
    ['open application on the line', { orderId: '1006', skuId: '100' }, 'OPEN_APPLICATION', ['input', 'skuId']],
  ])('refuses %s with a user error and sends nothing to JD', async (_name, over, code, field) => {
    const out = await apply(over);
    expect(out.service).toBeNull();
    expect(out.userErrors).toContainEqual(expect.objectContaining({ code, field }));
    expect(creates()).toHaveLength(0);
  });

  it('answers an order id that is not digits like a missing one, without calling JD', async () => {
    expect(await apply({ orderId: '10O1' })).toEqual(await apply({ orderId: '424242' }));
    expect(h.jd.calls.map((c) => c.params)).toEqual([{ order_id: '424242' }]);
  });

  it("answers someone else's order exactly like a missing one, reading nothing else of it", async () => {
    const foreign = await apply({ orderId: '2001' });
    const missing = await apply({ orderId: '424242' });
    expect(foreign).toEqual(missing);
    expect(h.jd.calls.filter((c) => c.method !== JD_METHODS.orderGet)).toEqual([]);
  });

  it('lets a JD Plus member apply after 30 days, within the configured longer window', async () => {
    expect((await apply({ orderId: '1007' })).userErrors).toEqual([]);
  });

  it('accepts an exchange and a repair with their matching expectations', async () => {
    expect((await apply({ type: 'EXCHANGE', expectation: 'EXCHANGE' })).service).toEqual(expect.objectContaining({ type: 'EXCHANGE' }));
    expect((await apply({ orderId: '1007', type: 'REPAIR', expectation: 'REPAIR' })).service).toEqual(
      expect.objectContaining({ type: 'REPAIR' }),
    );
    expect(
      creates()
        .map((c) => c.params as { afsApplyType: number; customerExpect: number })
        .map((p) => [p.afsApplyType, p.customerExpect]),
    ).toEqual([
      [20, 20],
      [30, 30],
    ]);
  });

  it('is idempotent with a key: the same key twice gives the same service and one create', async () => {
    const first = await apply({ idempotencyKey: 'client-key-1' });
    const again = await apply({ idempotencyKey: 'client-key-1' });
    expect(first.userErrors).toEqual([]);
    expect(again.userErrors).toEqual([]);
    expect(again.service?.id).toBe(first.service?.id);
    expect(creates()).toHaveLength(1);
    // Without a key a second attempt is a new application, which the open-application rule refuses.
    expect((await apply()).userErrors.map((e) => e.code)).toEqual(['OPEN_APPLICATION']);
  });

  it('derives different JD ids for different customers using the same key', async () => {
    h.jd.seed.order(receivedOrder('2002', BOB));
    await apply({ idempotencyKey: 'same' });
    await apply({ orderId: '2002', idempotencyKey: 'same' }, bob);
    const ids = creates().map((c) => (c.params as { thirdApplyId: string }).thirdApplyId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("refuses a key already used for another order instead of returning that order's service", async () => {
    await apply({ idempotencyKey: 'k' });
    const out = await apply({ orderId: '1007', idempotencyKey: 'k' });
    expect(out.service).toBeNull();
    expect(out.userErrors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it("evicts the order's cached after-sales list: the next request sees the new service", async () => {
    // Warm the shared cache with the empty list.
    expect((await h.run(ORDER_SERVICES, { reps: orderReps('1001') })).data).toEqual({
      _entities: [{ id: '1001', afterSalesServices: [] }],
    });
    const created = (await apply()).service!;
    h.jd.forgetCalls();
    const later = await h.run(ORDER_SERVICES, { reps: orderReps('1001') });
    expect(later.data).toEqual({
      _entities: [{ id: '1001', afterSalesServices: [{ id: created.id, status: 'PENDING', type: 'RETURN' }] }],
    });
    expect(h.jd.callsOf(JD_METHODS.afsOrderGet)).toHaveLength(1);
  });

  it("evicts within the request too: the payload's order lists the new service", async () => {
    await h.run(ORDER_SERVICES, { reps: orderReps('1001') });
    const { data } = await h.run<{ applyForAfterSales: { service: { id: string; order: { afterSalesServices: { id: string }[] } } } }>(
      APPLY_THEN_LIST,
      { input: input() },
    );
    const created = data!.applyForAfterSales.service;
    expect(created.order.afterSalesServices.map((s) => s.id)).toEqual([created.id]);
  });

  it('turns a JD refusal of the create into a user error', async () => {
    // Our check reads the URL's host; JD's own pattern also refuses a port, so JD has the last word.
    const out = await apply({ imageUrls: ['https://img14.360buyimg.com:8443/x.jpg'] });
    expect(creates()).toHaveLength(1);
    expect(out.service).toBeNull();
    expect(out.userErrors).toEqual([{ field: ['input'], code: 'JD_REJECTED', message: 'Parameter format error (JD 3001)' }]);
  });

  it('reports JD being unavailable as an UPSTREAM_UNAVAILABLE error, not a user error', async () => {
    h.jd.sandbox.faults.set({ [JD_METHODS.afsApplyCreate]: { errorRate: 1, errorCode: '66' } });
    const { errors } = await h.run(APPLY, { input: input() });
    expect(errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    // Every create whose outcome was unknown was followed by a look for it (the JD client's idempotent create).
    const sent = h.jd.calls.map((c) => c.method).filter((m) => m === JD_METHODS.afsApplyCreate || m === JD_METHODS.afsOrderGet);
    expect(sent.slice(1)).toEqual([
      JD_METHODS.afsApplyCreate,
      JD_METHODS.afsOrderGet,
      JD_METHODS.afsApplyCreate,
      JD_METHODS.afsOrderGet,
      JD_METHODS.afsApplyCreate,
      JD_METHODS.afsOrderGet,
    ]);
  });
});
