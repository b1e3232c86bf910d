import { JD_METHODS } from '../../../jd/protocol';
import { alice, bob, startHarness, type AfterSalesHarness } from './harness';
import { CANCEL, ORDER_SERVICES, SERVICE, orderReps } from './queries';

let h: AfterSalesHarness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.stop());

type Payload = {
  service: { id: string; status: string; step: string; cancellable: boolean; schedule: { title: string }[] } | null;
  userErrors: { field: string[]; code: string; message: string }[];
};
const cancel = async (id: string, who = alice) => {
  const { data, errors } = await h.run<{ cancelAfterSales: Payload }>(CANCEL, { id }, who);
  expect(errors).toBeUndefined();
  return data!.cancelAfterSales;
};
const cancels = () => h.jd.callsOf(JD_METHODS.afsCancel);

describe('cancelAfterSales', () => {
  it("cancels the owner's cancellable service and answers with its fresh state", async () => {
    // Warm the cache with the pre-cancel state.
    await h.run(SERVICE, { id: '501' });
    await h.run(ORDER_SERVICES, { reps: orderReps('1006') });
    const out = await cancel('501');
    expect(out.userErrors).toEqual([]);
    expect(out.service).toEqual({
      id: '501',
      status: 'CANCELLED',
      step: 'CANCELLED',
      cancellable: false,
      schedule: [{ title: 'Application Submitted' }, { title: 'Customer Service Reviewing' }, { title: 'Application Cancelled' }],
    });
    expect(cancels().map((c) => c.params)).toEqual([{ afsServiceId: 501, customerPin: 'alice_pin' }]);
    // Evicted: the next request reads the cancelled state, not the cached one.
    const { data } = await h.run<{ afterSalesService: { status: string } }>(SERVICE, { id: '501' });
    expect(data!.afterSalesService.status).toBe('CANCELLED');
    const list = await h.run<{ _entities: { afterSalesServices: { id: string; status: string }[] }[] }>(ORDER_SERVICES, {
      reps: orderReps('1006'),
    });
    expect(list.data!._entities[0].afterSalesServices.find((s) => s.id === '501')?.status).toBe('CANCELLED');
  });

  it("answers SERVICE_NOT_FOUND for someone else's service, exactly as for a missing one, and sends no cancel", async () => {
    const foreign = await cancel('901', alice);
    const missing = await cancel('999999', alice);
    const malformed = await cancel('abc', alice);
    expect(foreign).toEqual({
      service: null,
      userErrors: [{ field: ['id'], code: 'SERVICE_NOT_FOUND', message: 'No after-sales service with this id.' }],
    });
    expect(missing).toEqual(foreign);
    expect(malformed).toEqual(foreign);
    expect(cancels()).toHaveLength(0);
    expect((await cancel('901', bob)).userErrors).toEqual([]);
  });

  it('refuses a service that is no longer cancellable without calling JD', async () => {
    const out = await cancel('502');
    expect(out.userErrors).toEqual([expect.objectContaining({ code: 'NOT_CANCELLABLE', field: ['id'] })]);
    expect(out.service).toEqual(expect.objectContaining({ id: '502', cancellable: false }));
    expect(cancels()).toHaveLength(0);
  });

  /** Alice reads 503 while it is cancellable; before she cancels, JD receives the goods (the cached detail is now stale). */
  const staleThenCancel = async (headers: Record<string, string> = {}) => {
    await h.run(SERVICE, { id: '503' });
    h.jd.sandbox.advance(503);
    h.jd.forgetCalls();
    return h.run<{ cancelAfterSales: Payload }>(CANCEL, { id: '503' }, alice, headers);
  };

  it("turns JD's refusal (3003) into a NOT_CANCELLABLE user error", async () => {
    const out = (await staleThenCancel()).data!.cancelAfterSales;
    expect(cancels()).toHaveLength(1);
    expect(out.userErrors).toEqual([
      { field: ['id'], code: 'NOT_CANCELLABLE', message: 'The service can no longer be cancelled (JD 3003)' },
    ]);
    expect(out.service).toEqual(expect.objectContaining({ id: '503', status: 'IN_PROGRESS' }));
  });

  it("gives a zh caller JD's own comment (its zh description), not the English table", async () => {
    const res = await staleThenCancel({ 'accept-language': 'zh-CN,zh;q=0.9' });
    // JD's own comment fills the Chinese description; the sandbox writes it in English.
    expect(res.data!.cancelAfterSales.userErrors).toEqual([
      { field: ['id'], code: 'NOT_CANCELLABLE', message: 'service at step 31 can no longer be cancelled (JD 3003)' },
    ]);
  });
});
