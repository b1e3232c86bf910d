/** The client's policies against injected sandbox faults: read retries, no blind write retries, idempotent create. */
import { JD_METHODS, type JdAfsApplyCreateParams } from '../../../jd/protocol';
import type { Sandbox } from '../../../jd/sandbox';
import { clientFor, rejection, startSandbox } from './harness';

describe('jd/client against the sandbox: faults', () => {
  let sandbox: Sandbox;
  let seq = 0;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.stop());
  beforeEach(() => sandbox.reset());

  const application = (): JdAfsApplyCreateParams => {
    const order = [...sandbox.data.orders.values()].find((o) => o.pin === 'jd_demo_alice' && o.orderState === 'FINISHED_L')!;
    return {
      afsApplyType: 10,
      customerExpect: 10,
      orderId: order.orderId,
      skuId: order.itemInfoList[0].skuId,
      skuNum: 1,
      questionDesc: 'Arrived broken',
      isNeedDetectionReport: 0,
      images: [],
      thirdApplyId: `resilience-${++seq}`,
      customerPin: 'jd_demo_alice',
    };
  };
  const servicesWith = (thirdApplyId: string) => [...sandbox.data.afsServices.values()].filter((s) => s.thirdApplyId === thirdApplyId);

  it.each([
    ['code 66 (HTTP 200)', { errorCode: '66' }],
    ['code 43 with HTTP 503', { errorCode: '43', httpStatus: 503 }],
  ])('retries a read through two transient failures: %s', async (_label, fault) => {
    sandbox.faults.set({ [JD_METHODS.priceGet]: { errorRate: 1, times: 2, ...fault } });
    const sku = [...sandbox.data.skus.keys()][0];
    const result = await clientFor(sandbox).call(JD_METHODS.priceGet, { sku_id: `J_${sku}` });
    expect(result.price_changes).toHaveLength(1);
    const stats = sandbox.stats.snapshot().methods[JD_METHODS.priceGet];
    expect(stats.calls).toBe(3);
    expect(stats.batchSizes).toEqual([1]);
    expect(Object.values(stats.errors).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('gives up after JD_RETRY_MAX and does not retry a non-transient code', async () => {
    sandbox.faults.set({
      [JD_METHODS.cartGet]: { errorRate: 1, errorCode: '66' },
      [JD_METHODS.rankQuery]: { errorRate: 1, errorCode: '24' },
    });
    const client = clientFor(sandbox, { JD_RETRY_MAX: '2', JD_BREAKER_MIN_CALLS: '50' });
    expect(await rejection(client.call(JD_METHODS.cartGet, { customerPin: 'jd_demo_bob' }))).toMatchObject({ code: '66' });
    expect(await rejection(client.call(JD_METHODS.rankQuery, {}))).toMatchObject({ code: '24' });
    const stats = sandbox.stats.snapshot().methods;
    expect(stats[JD_METHODS.cartGet].calls).toBe(3);
    expect(stats[JD_METHODS.rankQuery].calls).toBe(1);
  });

  it('never retries a write blindly: a transient create failure is checked with order.get, then re-sent once', async () => {
    sandbox.faults.set({ [JD_METHODS.afsApplyCreate]: { errorRate: 1, errorCode: '66', times: 1 } });
    const params = application();
    const created = await clientFor(sandbox).createAfterSalesApplication(params);
    expect(created.reused).toBe(false);
    expect(servicesWith(params.thirdApplyId)).toHaveLength(1);
    const stats = sandbox.stats.snapshot().methods;
    expect(stats[JD_METHODS.afsApplyCreate].calls).toBe(2);
    expect(stats[JD_METHODS.afsOrderGet].calls).toBe(1);
  });

  it('idempotent create under a hang: the client times out, finds the application, and does not create a second', async () => {
    sandbox.faults.set({ [JD_METHODS.afsApplyCreate]: { hangMs: 1500, times: 1 } });
    const params = application();
    const created = await clientFor(sandbox, { JD_TIMEOUT_MS: '200' }).createAfterSalesApplication(params);
    expect(created.reused).toBe(true);
    const services = servicesWith(params.thirdApplyId);
    expect(services).toHaveLength(1);
    expect(created.afsServiceId).toBe(services[0].afsServiceId);
    const stats = sandbox.stats.snapshot().methods;
    expect(stats[JD_METHODS.afsApplyCreate].calls).toBe(1);
    expect(stats[JD_METHODS.afsOrderGet].calls).toBe(1);
  });

  it('a read that hangs past the timeout is retried and succeeds', async () => {
    sandbox.faults.set({ [JD_METHODS.orderGet]: { hangMs: 1500, times: 1 } });
    const orderId = [...sandbox.data.orders.keys()][0];
    const got = await clientFor(sandbox, { JD_TIMEOUT_MS: '200' }).call(JD_METHODS.orderGet, { order_id: orderId });
    expect(got.orderDetailInfo.orderInfo?.orderId).toBe(orderId);
    expect(sandbox.stats.snapshot().methods[JD_METHODS.orderGet].calls).toBe(2);
  });

  it('latency within the timeout is just slower', async () => {
    sandbox.faults.set({ '*': { latencyMs: 100 } });
    const t0 = Date.now();
    await clientFor(sandbox).call(JD_METHODS.cartGet, { customerPin: 'jd_demo_alice' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(95);
    expect(sandbox.stats.snapshot().total).toBe(1);
  });
});
