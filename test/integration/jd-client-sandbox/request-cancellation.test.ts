/**
 * A request's signal and deadline reach every JD call its loaders make: queued batches never leave once
 * the request is gone, and a request that joined another's load is not failed by that request's end.
 * Counted at the sandbox (recording JD), not inferred from what the loaders return.
 */
import { JD_METHODS } from '../../../jd/protocol';
import { startRecordingJd, type RecordingJd } from '../../support/recording-jd';
import { eventually } from '../../support/eventually';

const PIN = 'cancel_pin';
const ORDERS = Array.from({ length: 40 }, (_, i) => String(880000 + i));

let jd: RecordingJd;
beforeAll(async () => {
  jd = await startRecordingJd({ client: { retryMax: 0 } });
  jd.seed.shop({ shopId: 9 });
  jd.seed.sku({ skuId: '500', priceFen: 1000, shopId: 9 });
  jd.seed.customer({ pin: PIN });
  for (const orderId of ORDERS) jd.seed.order({ orderId, pin: PIN, lines: [{ skuId: '500' }], placedAt: '2026-01-02 10:00:00' });
});
afterAll(() => jd.close());
beforeEach(async () => {
  jd.sandbox.faults.set({});
  await jd.freshCache();
  jd.forgetCalls();
});

const settled = (promises: Promise<unknown>[]) => Promise.allSettled(promises);

describe('a request that stops sends nothing more to JD', () => {
  it('an aborted request: the calls on their way end, and the queued ones never leave (8 sent of 40)', async () => {
    jd.sandbox.faults.set({ [JD_METHODS.orderGet]: { latencyMs: 300 } });
    const request = new AbortController();
    const loaders = jd.createLoaders(PIN, { signal: request.signal });
    const loads = settled(ORDERS.map((id) => loaders.order.load(id)));
    await eventually(() => jd.callsOf(JD_METHODS.orderGet).length === 8, 'the first 8 order calls sent');
    request.abort(new Error('client went away'));
    const outcomes = await loads;
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    // Give the queue every chance to drain: nothing more may leave.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(jd.callsOf(JD_METHODS.orderGet)).toHaveLength(8);
  });

  it('a request past its deadline: batches still queued when it passes never leave', async () => {
    jd.sandbox.faults.set({ [JD_METHODS.orderGet]: { latencyMs: 250 } });
    const loaders = jd.createLoaders(PIN, { deadline: Date.now() + 100 });
    const outcomes = await settled(ORDERS.map((id) => loaders.order.load(id)));
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: { kind: 'deadline' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(jd.callsOf(JD_METHODS.orderGet)).toHaveLength(8);
  });

  it('a deadline already passed costs no JD call at all', async () => {
    const loaders = jd.createLoaders(PIN, { deadline: Date.now() - 1 });
    const outcomes = await settled([loaders.order.load(ORDERS[0]), loaders.price.load('500')]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(jd.calls).toHaveLength(0);
  });

  it("a request that joined another's load gets its answer even when the other request stops first", async () => {
    jd.sandbox.faults.set({ [JD_METHODS.priceGet]: { latencyMs: 200, times: 1 } });
    const leaving = new AbortController();
    const first = jd.createLoaders(undefined, { signal: leaving.signal }).price.load('500');
    first.catch(() => undefined);
    await eventually(() => jd.callsOf(JD_METHODS.priceGet).length === 1, 'the first price call sent');
    // Same SKU while the first call is on its way: joins it rather than calling JD.
    const second = jd.createLoaders(undefined, { deadline: Date.now() + 5000 }).price.load('500');
    leaving.abort(new Error('client went away'));
    await expect(first).rejects.toThrow('client went away');
    await expect(second).resolves.toMatchObject({ skuId: '500', priceFen: 1000 });
    // The second request fetched the key itself once the first gave up on it.
    expect(jd.callsOf(JD_METHODS.priceGet)).toHaveLength(2);
  });
});
