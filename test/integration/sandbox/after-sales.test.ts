/** The five afsservice methods: rules, business codes, idempotency, cancel, and watching a schedule grow. */
import type { JdOrderInfo } from '../../../jd/protocol';
import type { Sandbox } from '../../../jd/sandbox';
import { jos, startTestSandbox, unwrap } from './jos-call';

const CREATE = 'jingdong.afsservice.apply.create';
const ORDER_GET = 'jingdong.afsservice.order.get';
const DETAIL = 'jingdong.afsservice.service.detail.get';
const SCHEDULE = 'jingdong.afsservice.service.schedule.get';
const CANCEL = 'jingdong.afsservice.service.cancel';

describe('sandbox after-sales', () => {
  let sandbox: Sandbox;
  let order: JdOrderInfo;
  let seq = 0;
  const apply = (overrides: Record<string, unknown> = {}) =>
    jos(sandbox, CREATE, {
      afsApplyType: 10,
      customerExpect: 10,
      orderId: order.orderId,
      skuId: order.itemInfoList[0].skuId,
      skuNum: 1,
      questionDesc: "The phone won't power on",
      isNeedDetectionReport: 0,
      images: ['https://img.jd.com/abc.jpg'],
      thirdApplyId: `t-${++seq}`,
      customerPin: 'jd_demo_alice',
      ...overrides,
    }).then((r) => unwrap(r, CREATE));

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    order = [...sandbox.data.orders.values()].find(
      (o) => o.pin === 'jd_demo_alice' && o.orderState === 'FINISHED_L' && o.itemInfoList.length > 1,
    )!;
  });
  afterAll(() => sandbox.stop());

  it('creates a service at step 10 / status 1 with a schedule entry, visible through order.get, detail and schedule', async () => {
    const created = await apply({ thirdApplyId: 'first' });
    expect(created).toEqual({ resultCode: 100, resultComment: expect.any(String), afsServiceId: expect.any(Number) });
    const list = unwrap(await jos(sandbox, ORDER_GET, { orderId: order.orderId, customerPin: 'jd_demo_alice' }), ORDER_GET);
    expect(list.resultCode).toBe(100);
    expect(list.afsServiceList).toContainEqual(
      expect.objectContaining({
        afsServiceId: created.afsServiceId,
        orderId: order.orderId,
        serviceStatus: 1,
        afsServiceStep: 10,
        thirdApplyId: 'first',
      }),
    );
    const detail = unwrap(await jos(sandbox, DETAIL, { afsServiceId: created.afsServiceId }), DETAIL);
    expect(detail.customerInfo).toEqual({ linkMan: order.consigneeInfo.fullname, phone: expect.any(String), customerPin: 'jd_demo_alice' });
    expect(detail.serviceDetailInfo).toMatchObject({
      afsServiceId: created.afsServiceId,
      serviceStatus: 1,
      afsServiceStep: 10,
      cancelable: 1,
      status: 'Pending',
      processResult: '',
      questionPic: 'https://img.jd.com/abc.jpg',
      skuNum: 1,
    });
    const schedule = unwrap(await jos(sandbox, SCHEDULE, { afsServiceId: created.afsServiceId }), SCHEDULE);
    expect(schedule.scheduleList).toEqual([
      { step: 'Application Submitted', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) },
    ]);
  });

  it('thirdApplyId makes create idempotent: the same id returns the same service, no duplicate', async () => {
    const before = sandbox.data.afsServices.size;
    const a = await apply({ thirdApplyId: 'retry-me' });
    const b = await apply({ thirdApplyId: 'retry-me' });
    expect(b.afsServiceId).toBe(a.afsServiceId);
    expect(sandbox.data.afsServices.size).toBe(before + 1);
    expect((await apply({ thirdApplyId: 'retry-me', customerPin: 'jd_demo_bob' })).resultCode).toBe(403);
  });

  it.each([
    ['type and expectation disagree', { afsApplyType: 10, customerExpect: 20 }],
    ['questionDesc over 1000 characters', { questionDesc: 'x'.repeat(1001) }],
    ['a non-JD image URL', { images: ['https://example.com/a.jpg'] }],
    ['plain http JD image', { images: ['http://img.jd.com/a.jpg'] }],
    [
      'images longer than 2000 characters joined',
      { images: Array.from({ length: 30 }, (_, i) => `https://img10.360buyimg.com/${'p'.repeat(60)}${i}.jpg`) },
    ],
    ['skuNum above the quantity bought', { skuNum: 99 }],
  ])('refuses with 3001: %s', async (_label, overrides) => {
    const before = sandbox.data.afsServices.size;
    expect(await apply(overrides)).toMatchObject({ resultCode: 3001 });
    expect(sandbox.data.afsServices.size).toBe(before);
  });

  it('accepts 20/20 and 30/30, exactly 1000 characters and 360buyimg images', async () => {
    expect((await apply({ afsApplyType: 20, customerExpect: 20, questionDesc: 'y'.repeat(1000) })).resultCode).toBe(100);
    expect((await apply({ afsApplyType: 30, customerExpect: 30, images: ['https://img14.360buyimg.com/n1/a.jpg'] })).resultCode).toBe(100);
  });

  it("refuses with 403 an order line that is not the customer's", async () => {
    expect(await apply({ customerPin: 'jd_demo_bob' })).toMatchObject({ resultCode: 403 });
    expect(await apply({ skuId: '123456' })).toMatchObject({ resultCode: 403 });
    expect(unwrap(await jos(sandbox, ORDER_GET, { orderId: order.orderId, customerPin: 'jd_demo_bob' }), ORDER_GET).resultCode).toBe(403);
  });

  it('cancel: only the owner (403), only while cancelable (3003); cancelled is step 60 / status 4 with a schedule entry', async () => {
    const { afsServiceId } = await apply();
    expect(unwrap(await jos(sandbox, CANCEL, { afsServiceId, customerPin: 'jd_demo_bob' }), CANCEL).resultCode).toBe(403);
    expect(unwrap(await jos(sandbox, CANCEL, { afsServiceId, customerPin: 'jd_demo_alice' }), CANCEL)).toEqual({
      resultCode: 100,
      resultComment: expect.any(String),
    });
    const detail = unwrap(await jos(sandbox, DETAIL, { afsServiceId }), DETAIL).serviceDetailInfo;
    expect(detail).toMatchObject({ afsServiceStep: 60, serviceStatus: 4, cancelable: 0, status: 'Cancelled' });
    const schedule = unwrap(await jos(sandbox, SCHEDULE, { afsServiceId }), SCHEDULE).scheduleList;
    expect(schedule.map((s: { step: string }) => s.step)).toEqual(['Application Submitted', 'Application Cancelled']);
    expect(unwrap(await jos(sandbox, CANCEL, { afsServiceId, customerPin: 'jd_demo_alice' }), CANCEL).resultCode).toBe(3003);
  });

  it('POST /__sandbox/afs/advance walks a service through its steps; cancel stops at step 31', async () => {
    const { afsServiceId } = await apply();
    const steps: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${sandbox.url}/__sandbox/afs/advance`, { method: 'POST', body: JSON.stringify({ afsServiceId }) });
      expect(res.status).toBe(200);
      steps.push(((await res.json()) as { step: number }).step);
    }
    expect(steps[0]).toBe(21);
    expect(steps[1]).toBe(22);
    expect([31, 32]).toContain(steps[2]);
    const detail = unwrap(await jos(sandbox, DETAIL, { afsServiceId }), DETAIL).serviceDetailInfo;
    expect(detail).toMatchObject({ afsServiceStep: steps[2], serviceStatus: 2, cancelable: 0 });
    expect(unwrap(await jos(sandbox, SCHEDULE, { afsServiceId }), SCHEDULE).scheduleList).toHaveLength(4);
    expect(unwrap(await jos(sandbox, CANCEL, { afsServiceId, customerPin: 'jd_demo_alice' }), CANCEL).resultCode).toBe(3003);

    for (;;) {
      const res = await fetch(`${sandbox.url}/__sandbox/afs/advance`, { method: 'POST', body: JSON.stringify({ afsServiceId }) });
      if (res.status === 409) break;
      expect(res.status).toBe(200);
    }
    const done = unwrap(await jos(sandbox, DETAIL, { afsServiceId }), DETAIL).serviceDetailInfo;
    expect(done).toMatchObject({ afsServiceStep: 50, serviceStatus: 3, status: 'Completed', processResult: 'Return and refund' });
    expect(
      (await fetch(`${sandbox.url}/__sandbox/afs/advance`, { method: 'POST', body: JSON.stringify({ afsServiceId: 1 }) })).status,
    ).toBe(404);
  });

  it('an unknown afsServiceId is 3001 for detail and schedule', async () => {
    expect(unwrap(await jos(sandbox, DETAIL, { afsServiceId: 1 }), DETAIL).resultCode).toBe(3001);
    expect(unwrap(await jos(sandbox, SCHEDULE, { afsServiceId: 1 }), SCHEDULE).resultCode).toBe(3001);
  });

  it('invalid enum values are 61, missing thirdApplyId is 60', async () => {
    expect(
      (
        await jos(sandbox, CREATE, {
          afsApplyType: 40,
          customerExpect: 10,
          orderId: order.orderId,
          skuId: '1',
          skuNum: 1,
          thirdApplyId: 'x',
          customerPin: 'p',
        })
      ).body.error_response.code,
    ).toBe('61');
    expect(
      (
        await jos(sandbox, CREATE, {
          afsApplyType: 10,
          customerExpect: 10,
          orderId: order.orderId,
          skuId: '1',
          skuNum: 1,
          customerPin: 'p',
        })
      ).body.error_response.code,
    ).toBe('60');
  });
});
