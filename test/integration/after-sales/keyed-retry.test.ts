/**
 * A retry with a known idempotency key must not depend on a read succeeding: when JD cannot list the
 * order's applications, the idempotent create (same thirdApplyId) decides, and JD answers it with the
 * service it already filed. Faults come from the sandbox; every JD call sent is counted.
 */
import { JD_METHODS } from '../../../jd/protocol';
import { thirdApplyIdFor } from '../../../subgraphs/after-sales/apply/third-apply-id';
import { ALICE, receivedOrder } from './fixtures';
import { startHarness, type AfterSalesHarness } from './harness';
import { APPLY } from './queries';

type Payload = { service: { id: string } | null; userErrors: { code: string }[] };
type Answer = { data?: { applyForAfterSales: Payload } | null; errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> };

const input = (orderId: string, idempotencyKey: string, skuId = '100') => ({
  orderId,
  skuId,
  quantity: 1,
  type: 'RETURN',
  expectation: 'REFUND',
  description: 'Screen cracked on arrival',
  idempotencyKey,
});
const LIST_DOWN = { [JD_METHODS.afsOrderGet]: { errorRate: 1, errorCode: '66' as const } };

let h: AfterSalesHarness;
afterEach(() => h.stop());

const apply = (orderId: string, key: string, skuId?: string) =>
  h.run<{ applyForAfterSales: Payload }>(APPLY, { input: input(orderId, key, skuId) }) as Promise<Answer>;
const creates = () => h.jd.callsOf(JD_METHODS.afsApplyCreate);
const servicesFiledWith = (thirdApplyId: string) =>
  [...h.jd.sandbox.data.afsServices.values()].filter((s) => s.thirdApplyId === thirdApplyId);

describe('applyForAfterSales with an idempotency key while JD cannot list the applications', () => {
  beforeEach(async () => {
    h = await startHarness({ retryMax: 1, retryBaseDelayMs: 1, retryMaxDelayMs: 2 });
    h.jd.seed.shop({ shopId: 1 });
    h.jd.seed.sku({ skuId: '100', category: 'electronics', priceFen: 19900, shopId: 1 });
    h.jd.seed.sku({ skuId: '300', category: 'digital', priceFen: 990, shopId: 1 });
    h.jd.seed.customer({ pin: ALICE });
    h.jd.seed.order(receivedOrder('1001', ALICE));
    h.jd.seed.order(receivedOrder('1005', ALICE, { lines: [{ skuId: '300' }] }));
  });

  it('answers a retry of a filed application with that service: one create with the same thirdApplyId, nothing filed twice', async () => {
    const thirdApplyId = thirdApplyIdFor(ALICE, 'key-filed');
    // An earlier attempt landed at JD but its answer was lost.
    const filed = h.jd.seed.service({ afsServiceId: 7001, orderId: '1001', step: 10, applyTime: '2025-06-01 11:59:00', thirdApplyId });
    h.jd.sandbox.faults.set(LIST_DOWN);
    h.jd.forgetCalls();

    const out = await apply('1001', 'key-filed');

    expect(out.errors).toBeUndefined();
    expect(out.data!.applyForAfterSales).toEqual({ service: expect.objectContaining({ id: String(filed.afsServiceId) }), userErrors: [] });
    expect(creates().map((c) => c.params.thirdApplyId)).toEqual([thirdApplyId]);
    expect(servicesFiledWith(thirdApplyId)).toHaveLength(1);
    // The list was asked for (and failed, retried once by the read policy) before the create decided.
    expect(h.jd.callsOf(JD_METHODS.afsOrderGet)).toHaveLength(2);
  });

  it('files a first application once when the list cannot be read and every other check passes', async () => {
    h.jd.sandbox.faults.set(LIST_DOWN);
    const out = await apply('1001', 'key-new');
    expect(out.errors).toBeUndefined();
    expect(out.data!.applyForAfterSales.userErrors).toEqual([]);
    expect(creates()).toHaveLength(1);
    expect(servicesFiledWith(thirdApplyIdFor(ALICE, 'key-new'))).toHaveLength(1);
  });

  it('answers "retry" (UPSTREAM_UNAVAILABLE), not a refusal, when a check fails while the list is unknown, and sends no create', async () => {
    h.jd.sandbox.faults.set(LIST_DOWN);
    // A digital download is never returnable, but the key may have filed something before: only JD's list can say.
    const out = await apply('1005', 'key-digital', '300');
    expect(out.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(creates()).toHaveLength(0);

    h.jd.sandbox.faults.set({});
    const listed = await apply('1005', 'key-digital', '300');
    expect(listed.data!.applyForAfterSales.userErrors.map((e) => e.code)).toEqual(['DIGITAL_GOODS']);
  });

  it('without a key (every call a new application) a failed list read still fails the request and files nothing', async () => {
    h.jd.sandbox.faults.set(LIST_DOWN);
    const out = (await h.run(APPLY, { input: { ...input('1001', 'x'), idempotencyKey: null } })) as Answer;
    expect(out.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(creates()).toHaveLength(0);
  });
});

describe('keyed applications under random JD faults and post-commit hangs', () => {
  const KEYS = 12;
  const CLIENT_ATTEMPTS = 12;

  it('every key a client keeps retrying ends with exactly one service, and the client hears of it: 0 lost, 0 duplicated', async () => {
    // A short attempt timeout so that hung creates (filed, answer held past it) are unknown outcomes; a breaker that
    // stays closed, so every attempt reaches the faults instead of being refused.
    h = await startHarness({ timeoutMs: 1000, retryMax: 1, retryBaseDelayMs: 5, retryMaxDelayMs: 20, breakerMinCalls: 1000 });
    h.jd.seed.shop({ shopId: 1 });
    h.jd.seed.sku({ skuId: '100', category: 'electronics', priceFen: 19900, shopId: 1 });
    h.jd.seed.customer({ pin: ALICE });
    const orders = Array.from({ length: KEYS }, (_, i) => String(3000 + i));
    for (const id of orders) h.jd.seed.order(receivedOrder(id, ALICE));
    h.jd.sandbox.faults.set({
      '*': { errorRate: 0.2, errorCode: '66' },
      [JD_METHODS.afsApplyCreate]: { errorRate: 0.2, errorCode: '66', hangMs: 1300, hangRate: 0.25 },
    });

    const heard = new Map<string, string>();
    await Promise.all(
      orders.map(async (orderId) => {
        for (let attempt = 0; attempt < CLIENT_ATTEMPTS && !heard.has(orderId); attempt++) {
          const out = await apply(orderId, `key-${orderId}`);
          const service = out.data?.applyForAfterSales?.service;
          if (service) heard.set(orderId, service.id);
          else expect(out.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
        }
      }),
    );
    h.jd.sandbox.faults.set({});

    const filedByOrder = new Map<string, string[]>();
    for (const s of h.jd.sandbox.data.afsServices.values()) {
      filedByOrder.set(s.orderId, [...(filedByOrder.get(s.orderId) ?? []), String(s.afsServiceId)]);
    }
    const lost = orders.filter((id) => (filedByOrder.get(id)?.length ?? 0) > 0 && !heard.has(id));
    const duplicated = orders.filter((id) => (filedByOrder.get(id)?.length ?? 0) > 1);
    expect({ lost, duplicated }).toEqual({ lost: [], duplicated: [] });
    // Every key was heard of, and what the client heard is what JD filed.
    expect(heard.size).toBe(KEYS);
    for (const id of orders) expect(filedByOrder.get(id)).toEqual([heard.get(id)]);
    // The faults were real: some creates were sent more than once for one key (hung or failed), all with one thirdApplyId each.
    const sent = creates();
    expect(sent.length).toBeGreaterThan(KEYS);
    expect(new Set(sent.map((c) => c.params.thirdApplyId)).size).toBe(KEYS);
  });
});
