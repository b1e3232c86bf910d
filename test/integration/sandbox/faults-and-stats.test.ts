/** Fault injection (config, HTTP and in-process), seeded fault rolls, call statistics and reset. */
import type { Sandbox } from '../../../jd/sandbox';
import { jos, startTestSandbox, unwrap } from './jos-call';

const PRICE = 'jingdong.ware.price.get';
const ORDER_GET = 'jingdong.pop.order.get';

const postJson = (sandbox: Sandbox, path: string, body: unknown) =>
  fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('sandbox faults and stats', () => {
  let sandbox: Sandbox;
  let skuIds: number[];
  let orderId: string;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    skuIds = [...sandbox.data.skus.keys()];
    orderId = [...sandbox.data.orders.keys()][0];
  });
  afterAll(() => sandbox.stop());
  afterEach(() => sandbox.reset());

  it('GET /__sandbox/customers lists every customer pin (demo and generated) and nothing else', async () => {
    const answer = (await (await fetch(`${sandbox.url}/__sandbox/customers`)).json()) as { customers: string[] };
    expect(answer).toEqual({ customers: [...sandbox.data.customers.keys()] });
    expect(answer.customers.length).toBe(sandbox.data.customers.size);
    expect(answer.customers).toEqual(expect.arrayContaining(['jd_demo_alice', 'jd_demo_bob']));
  });

  it('GET /__sandbox/stats counts calls and batch sizes per method; reset clears them', async () => {
    await jos(sandbox, PRICE, {
      sku_id: skuIds
        .slice(0, 100)
        .map((s) => `J_${s}`)
        .join(','),
    });
    await jos(sandbox, PRICE, {
      sku_id: skuIds
        .slice(100, 120)
        .map((s) => `J_${s}`)
        .join(','),
    });
    await jos(sandbox, ORDER_GET, { order_id: orderId });
    await jos(sandbox, ORDER_GET, {}); // 60, still a call
    await jos(sandbox, ORDER_GET, { order_id: orderId }, { after: { sign: 'x' } }); // refused before counting
    const stats = await (await fetch(`${sandbox.url}/__sandbox/stats`)).json();
    expect(stats).toEqual({
      methods: {
        [PRICE]: { calls: 2, batchSizes: [100, 20], errors: {} },
        [ORDER_GET]: { calls: 2, batchSizes: [], errors: { 60: 1 } },
      },
      total: 4,
    });
    expect((await postJson(sandbox, '/__sandbox/reset', {})).status).toBe(200);
    expect(sandbox.stats.snapshot()).toEqual({ methods: {}, total: 0 });
  });

  it('POST /__sandbox/faults: errorRate 1 answers the chosen code for that method only', async () => {
    const res = await postJson(sandbox, '/__sandbox/faults', { [PRICE]: { errorRate: 1, errorCode: '43' } });
    expect(res.status).toBe(200);
    expect((await jos(sandbox, PRICE, { sku_id: `J_${skuIds[0]}` })).body.error_response.code).toBe('43');
    expect(unwrap(await jos(sandbox, ORDER_GET, { order_id: orderId }), ORDER_GET).code).toBe('0');
    expect(sandbox.stats.snapshot().methods[PRICE]).toEqual({ calls: 1, batchSizes: [], errors: { 43: 1 } });
  });

  it('times limits a fault to the next N calls (a transient failure); httpStatus changes the HTTP status', async () => {
    sandbox.faults.set({ '*': { errorRate: 1, errorCode: '66', httpStatus: 503, times: 2 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await jos(sandbox, ORDER_GET, { order_id: orderId })).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it("JD's after-sales 500 (system exception) travels as resultCode inside the wrapper", async () => {
    sandbox.faults.set({ 'jingdong.afsservice.order.get': { errorRate: 1, errorCode: '500' } });
    const r = unwrap(await jos(sandbox, 'jingdong.afsservice.order.get', { orderId }), 'jingdong.afsservice.order.get');
    expect(r.resultCode).toBe(500);
  });

  it('latencyMs + jitterMs delay the answer', async () => {
    sandbox.faults.set({ [ORDER_GET]: { latencyMs: 150, jitterMs: 50 } });
    const t0 = Date.now();
    await jos(sandbox, ORDER_GET, { order_id: orderId });
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(145);
    expect(took).toBeLessThan(1500);
  });

  it('hangMs processes the call, then holds the answer past a client timeout', async () => {
    const order = [...sandbox.data.orders.values()].find((o) => o.pin === 'jd_demo_bob' && o.orderState === 'FINISHED_L')!;
    sandbox.faults.set({ 'jingdong.afsservice.apply.create': { hangMs: 2000, times: 1 } });
    const create = {
      afsApplyType: 10,
      customerExpect: 10,
      orderId: order.orderId,
      skuId: order.itemInfoList[0].skuId,
      skuNum: 1,
      thirdApplyId: 'hang-1',
      customerPin: 'jd_demo_bob',
    };
    const timedOut = await Promise.race([
      jos(sandbox, 'jingdong.afsservice.apply.create', create).then(() => 'answered'),
      new Promise((r) => setTimeout(() => r('timeout'), 300)),
    ]);
    expect(timedOut).toBe('timeout');
    // The application exists although the caller never heard back: exactly the unknown-outcome case.
    const list = unwrap(await jos(sandbox, 'jingdong.afsservice.order.get', { orderId: order.orderId }), 'jingdong.afsservice.order.get');
    expect(list.afsServiceList.filter((s: { thirdApplyId: string }) => s.thirdApplyId === 'hang-1')).toHaveLength(1);
  });

  it('hangRate holds only that share of the answers; the others come at once', async () => {
    sandbox.faults.set({ [ORDER_GET]: { hangMs: 600, hangRate: 0.5 } });
    const took = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const t0 = Date.now();
        await jos(sandbox, ORDER_GET, { order_id: orderId });
        return Date.now() - t0;
      }),
    );
    const held = took.filter((ms) => ms >= 600).length;
    expect(held).toBeGreaterThan(2);
    expect(held).toBeLessThan(18);
  });

  it('callsPerSecond per method answers code 2 beyond the limit and recovers after a second', async () => {
    sandbox.faults.set({ [ORDER_GET]: { callsPerSecond: 2 } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await jos(sandbox, ORDER_GET, { order_id: orderId })).body.error_response?.code ?? 'ok');
    expect(codes).toEqual(['ok', 'ok', '2', '2']);
    expect(unwrap(await jos(sandbox, PRICE, { sku_id: `J_${skuIds[0]}` }), PRICE).code).toBe('0');
    await new Promise((r) => setTimeout(r, 1050));
    expect(unwrap(await jos(sandbox, ORDER_GET, { order_id: orderId }), ORDER_GET).code).toBe('0');
  });

  it('fault rolls are seeded: the same seed fails the same calls', async () => {
    const pattern = async (s: Sandbox) => {
      s.faults.set({ '*': { errorRate: 0.5 } });
      const out = [];
      for (let i = 0; i < 12; i++) out.push((await jos(s, ORDER_GET, { order_id: orderId })).body.error_response ? 'x' : '.');
      return out.join('');
    };
    const first = await pattern(sandbox);
    sandbox.reset();
    expect(await pattern(sandbox)).toBe(first);
    expect(first).toMatch(/x/);
    expect(first).toMatch(/\./);
  });

  it('rejects an invalid fault configuration with 400 and keeps the old one', async () => {
    sandbox.faults.set({ [PRICE]: { latencyMs: 1 } });
    const res = await postJson(sandbox, '/__sandbox/faults', { [PRICE]: { errorRate: 2 } });
    expect(res.status).toBe(400);
    expect((await postJson(sandbox, '/__sandbox/faults', { 'no.such.method': {} })).status).toBe(400);
    expect(sandbox.faults.get()).toEqual({ [PRICE]: { latencyMs: 1 } });
  });

  it('start-up faults apply from the first call and come back after reset; reset {data:true} regenerates data', async () => {
    const faulty = await startTestSandbox({ faults: { [ORDER_GET]: { errorRate: 1, errorCode: '1' } } });
    try {
      expect((await jos(faulty, ORDER_GET, { order_id: orderId })).body.error_response.code).toBe('1');
      faulty.faults.set({});
      expect(unwrap(await jos(faulty, ORDER_GET, { order_id: orderId }), ORDER_GET).code).toBe('0');
      await postJson(faulty, '/__sandbox/reset', {});
      expect((await jos(faulty, ORDER_GET, { order_id: orderId })).body.error_response.code).toBe('1');

      const services = faulty.data.afsServices.size;
      faulty.data.afsServices.clear();
      await postJson(faulty, '/__sandbox/reset', { data: true });
      expect(faulty.data.afsServices.size).toBe(services);
    } finally {
      await faulty.stop();
    }
  });

  it('GET / describes the sandbox; unknown paths are 404', async () => {
    const info = await (await fetch(`${sandbox.url}/`)).json();
    expect(info).toMatchObject({ routerUrl: sandbox.routerUrl, demoCustomers: ['jd_demo_alice', 'jd_demo_bob'] });
    expect((await fetch(`${sandbox.url}/nope`)).status).toBe(404);
  });
});
