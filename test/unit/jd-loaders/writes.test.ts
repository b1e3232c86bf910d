import { createJdLoaders, type JdCache } from '../../../jd/loaders';
import { JD_METHODS, type JdAfsApplyCreateParams } from '../../../jd/protocol';
import { callsOf, makeOrder, makeService, recordingJd, freshCachePerTest } from './fake-jd';

const application = (customerPin: string): JdAfsApplyCreateParams => ({
  afsApplyType: 10,
  orderId: 'A1',
  skuId: '100001',
  skuNum: 1,
  customerExpect: 10,
  questionDesc: 'It leaks',
  isNeedDetectionReport: 0,
  images: [],
  thirdApplyId: 'third-1',
  customerPin,
});

describe('jd/loaders writes evict what they change', () => {
  let cache: JdCache;
  freshCachePerTest((c) => (cache = c));

  const world = () =>
    recordingJd({ orders: [makeOrder('A1', 'alice'), makeOrder('A2', 'alice')], services: [makeService(5, 'A1'), makeService(6, 'A2')] });

  it("refetches the order's after-sales list after an application, in this request and the next", async () => {
    const [client, calls] = world();
    const loaders = createJdLoaders({ client, cache, customerPin: 'alice' });
    expect((await loaders.afsServicesByOrder.load('A1')).map((s) => s.afsServiceId)).toEqual([5]);
    await loaders.afsServicesByOrder.load('A2');
    const created = await loaders.applyForAfterSales(application('alice'));
    expect(callsOf(calls, 'createAfterSalesApplication')).toEqual([
      { method: 'createAfterSalesApplication', params: application('alice') },
    ]);

    expect((await loaders.afsServicesByOrder.load('A1')).map((s) => s.afsServiceId)).toEqual([5, created.afsServiceId]);
    expect(callsOf(calls, JD_METHODS.afsOrderGet).map((c) => c.params.orderId)).toEqual(['A1', 'A2', 'A1']);
    // Another request sees the fresh list from the cache; the untouched order's list stayed cached.
    const next = createJdLoaders({ client, cache, customerPin: 'alice' });
    expect((await next.afsServicesByOrder.load('A1')).map((s) => s.afsServiceId)).toEqual([5, created.afsServiceId]);
    await next.afsServicesByOrder.load('A2');
    expect(callsOf(calls, JD_METHODS.afsOrderGet)).toHaveLength(3);
  });

  it("cancel evicts the service's detail and schedule and the order's list, nothing else", async () => {
    const [client, calls] = world();
    const loaders = createJdLoaders({ client, cache, customerPin: 'alice' });
    await Promise.all([
      loaders.afsDetail.load(5),
      loaders.afsSchedule.load(5),
      loaders.afsDetail.load(6),
      loaders.afsServicesByOrder.load('A1'),
    ]);
    expect(await loaders.afsDetail.load(5)).toMatchObject({ cancelable: 1 });
    calls.length = 0;

    await loaders.cancelAfterSales(5, 'A1');
    expect(calls).toEqual([{ method: JD_METHODS.afsCancel, params: { afsServiceId: 5, customerPin: 'alice' } }]);
    calls.length = 0;
    const next = createJdLoaders({ client, cache, customerPin: 'alice' });
    for (const l of [loaders, next]) {
      expect(await l.afsDetail.load(5)).toMatchObject({ serviceStatus: 4, cancelable: 0 });
      await Promise.all([l.afsSchedule.load(5), l.afsServicesByOrder.load('A1'), l.afsDetail.load(6)]);
    }
    // Refetched once each (then cached for the next request); service 6 was never refetched.
    expect(calls.map((c) => [c.method, c.params.afsServiceId ?? c.params.orderId]).sort()).toEqual(
      [
        [JD_METHODS.afsOrderGet, 'A1'],
        [JD_METHODS.afsDetailGet, 5],
        [JD_METHODS.afsScheduleGet, 5],
      ].sort(),
    );
  });

  it('evicts even when the write fails with an unknown outcome', async () => {
    const [client, calls] = world();
    const loaders = createJdLoaders({ client, cache, customerPin: 'alice' });
    await loaders.afsServicesByOrder.load('A1');
    client.createAfterSalesApplication = () => Promise.reject(new Error('timeout'));
    await expect(loaders.applyForAfterSales(application('alice'))).rejects.toThrow('timeout');
    await loaders.afsServicesByOrder.load('A1');
    expect(callsOf(calls, JD_METHODS.afsOrderGet)).toHaveLength(2);
  });

  it('does not let a read that was in flight during a write put its stale answer back', async () => {
    const [client, calls] = recordingJd({ orders: [makeOrder('A1', 'alice')], services: [makeService(5, 'A1')], latencyMs: 20 });
    const reader = createJdLoaders({ client, cache, customerPin: 'alice' });
    const writer = createJdLoaders({ client, cache, customerPin: 'alice' });
    const stale = reader.afsServicesByOrder.load('A1');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await writer.applyForAfterSales(application('alice'));
    expect(await stale).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await createJdLoaders({ client, cache, customerPin: 'alice' }).afsServicesByOrder.load('A1')).toHaveLength(2);
    expect(callsOf(calls, JD_METHODS.afsOrderGet)).toHaveLength(2);
  });

  it('refuses writes without a customer or for another customer, sending nothing', async () => {
    const [client, calls] = world();
    await expect(createJdLoaders({ client, cache }).applyForAfterSales(application('alice'))).rejects.toMatchObject({
      code: 'NO_CUSTOMER',
    });
    await expect(createJdLoaders({ client, cache }).cancelAfterSales(5, 'A1')).rejects.toMatchObject({ code: 'NO_CUSTOMER' });
    await expect(createJdLoaders({ client, cache, customerPin: 'bob' }).applyForAfterSales(application('alice'))).rejects.toMatchObject({
      code: 'FOREIGN_CUSTOMER',
    });
    expect(calls).toEqual([]);
  });
});
