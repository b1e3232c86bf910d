import { GraphQLError } from 'graphql';
import { type JdAfsApplyCreateParams, JD_METHODS } from '../../../jd/protocol';
import { createStalenessRecord } from '../../../jd/loaders';
import { JdSource, type BaseContext, type Identity, type LoadersFactory } from '../../../subgraphs/kit';
import { AfterSalesSource } from '../../../subgraphs/after-sales/data/after-sales.source';
import { ExchangeSource } from '../../../subgraphs/exchange/data/exchange.source';
import { OrdersSource } from '../../../subgraphs/orders/data/orders.source';
import { startRecordingJd, type RecordingJd } from '../../support/recording-jd';

const ALICE = 'alice_pin';
const BOB = 'bob_pin';
const alice: Identity = { kind: 'customer', pin: ALICE };

/** The base's protected tools, reached the way a subgraph's source reaches them. */
class ProbeSource extends JdSource {
  cartOf(pin: string) {
    return this.read(() => this.loaders.cart.load(pin));
  }
  cancel(afsServiceId: number, orderId: string) {
    return this.write(() => this.loaders.cancelAfterSales(afsServiceId, orderId), ['id']);
  }
  apply(params: JdAfsApplyCreateParams) {
    return this.write(() => this.loaders.applyForAfterSales(params), ['input']);
  }
  /** Builds the request's loaders (once), as the first JD read of a request does. */
  touch() {
    return this.loaders;
  }
}

let jd: RecordingJd;
let loadersBuilt: (string | undefined)[];
const factory: LoadersFactory = (pin) => {
  loadersBuilt.push(pin);
  return jd.createLoaders(pin);
};
const ctx = (identity: Identity = alice, language: BaseContext['language'] = 'en') => ({ identity, language });
const probe = (identity?: Identity, language?: BaseContext['language']) => new ProbeSource(ctx(identity, language), factory);
const sent = () => jd.calls.map((c) => [c.method, c.params]);

beforeAll(async () => {
  jd = await startRecordingJd({ client: { retryMax: 0 } });
  jd.seed.shop({ shopId: 7 });
  jd.seed.sku({ skuId: '100', priceFen: 19900, shopId: 7 });
  for (const pin of [ALICE, BOB]) jd.seed.customer({ pin });
  const received = { placedAt: '2025-05-20 10:00:00', paidAt: '2025-05-20 10:05:00', receivedAt: '2025-05-25 14:00:00' };
  jd.seed.order({ orderId: '1001', pin: ALICE, lines: [{ skuId: '100' }], ...received });
  jd.seed.order({ orderId: '2001', pin: BOB, lines: [{ skuId: '100' }], ...received });
  jd.seed.service({ afsServiceId: 501, orderId: '1001', step: 33, applyTime: '2025-05-26 09:00:00' });
  jd.seed.service({ afsServiceId: 901, orderId: '2001', step: 21, applyTime: '2025-05-26 09:00:00', thirdApplyId: 'bobs-application' });
});
afterAll(() => jd.close());
beforeEach(async () => {
  jd.sandbox.faults.clear();
  await jd.freshCache();
  jd.forgetCalls();
  loadersBuilt = [];
});

const codeOf = async (pending: Promise<unknown>) => {
  const err = await pending.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GraphQLError);
  return (err as GraphQLError).extensions;
};

describe('JdSource: ownership', () => {
  it("answers the caller's own order, after one order.get with its id", async () => {
    expect(await probe().ownedOrder(ALICE, '1001')).toMatchObject({ orderId: '1001', pin: ALICE });
    expect(sent()).toEqual([[JD_METHODS.orderGet, { order_id: '1001' }]]);
    expect(loadersBuilt).toEqual([ALICE]);
  });

  it("answers someone else's order exactly like a missing one, and reads nothing else of it", async () => {
    const source = probe();
    expect(await source.ownedOrder(ALICE, '2001')).toBeNull();
    expect(await source.ownedOrder(ALICE, '424242')).toBeNull();
    expect(sent()).toEqual([
      [JD_METHODS.orderGet, { order_id: '2001' }],
      [JD_METHODS.orderGet, { order_id: '424242' }],
    ]);
  });

  it('answers null for an id that is not digits, without calling JD or building loaders', async () => {
    const source = probe();
    for (const id of ['abc', '1001 OR 1=1', '', '１００１']) expect(await source.ownedOrder(ALICE, id)).toBeNull();
    expect(await source.serviceSummaries('abc')).toEqual([]);
    expect(jd.calls).toEqual([]);
    expect(loadersBuilt).toEqual([]);
  });

  it("lists an order's services through afsservice.order.get for the caller", async () => {
    expect((await probe().serviceSummaries('1001')).map((s) => s.afsServiceId)).toEqual([501]);
    expect(sent()).toEqual([[JD_METHODS.afsOrderGet, { orderId: '1001', customerPin: ALICE }]]);
  });

  it("answers the caller's own service, and null for someone else's or a missing one", async () => {
    const source = probe();
    expect(await source.ownedService(ALICE, 501)).toMatchObject({ afsServiceId: 501, orderId: '1001' });
    expect(await source.ownedService(ALICE, 901)).toBeNull();
    expect(await source.ownedService(ALICE, 999999)).toBeNull();
    expect(sent()).toEqual([501, 901, 999999].map((afsServiceId) => [JD_METHODS.afsDetailGet, { afsServiceId }]));
  });

  it("reads another customer's data as not there, without asking JD", async () => {
    expect(await probe().cartOf(BOB)).toBeNull();
    expect(jd.calls).toEqual([]);
  });

  it("every subgraph's source refuses a non-digit order id without calling JD", async () => {
    const orders = new OrdersSource(ctx(), factory);
    const afterSales = new AfterSalesSource(ctx(), factory);
    const exchange = new ExchangeSource(ctx(), factory);
    expect(await orders.order('1001x')).toBeNull();
    expect(await afterSales.ownedOrder(ALICE, '1001x')).toBeNull();
    expect(await afterSales.servicesOfOrder(ALICE, '1001x')).toEqual([]);
    expect(await exchange.ownedOrder(ALICE, '1001x')).toBeNull();
    expect(jd.calls).toEqual([]);
    // The same sources do call JD for a well-formed id.
    expect((await orders.order('1001'))?.id).toBe('1001');
    expect(sent()).toEqual([[JD_METHODS.orderGet, { order_id: '1001' }]]);
  });
});

describe('JdSource: JD failures', () => {
  it('turns a transient JD failure into UPSTREAM_UNAVAILABLE', async () => {
    jd.sandbox.faults.set({ [JD_METHODS.orderGet]: { errorRate: 1, errorCode: '66' } });
    expect(await codeOf(probe().ownedOrder(ALICE, '1001'))).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      jdCode: '66',
      jdMethod: JD_METHODS.orderGet,
    });
    expect(jd.callsOf(JD_METHODS.orderGet)).toHaveLength(1);
  });

  it("turns a definite JD refusal into UPSTREAM_REJECTED in the caller's language", async () => {
    jd.sandbox.faults.set({ [JD_METHODS.afsOrderGet]: { errorRate: 1, errorCode: '24' } });
    const err = await probe(alice, 'zh')
      .serviceSummaries('1001')
      .catch((e: GraphQLError) => e);
    expect(err).toBeInstanceOf(GraphQLError);
    expect((err as GraphQLError).message).toBe('无权调用此API');
    expect((err as GraphQLError).extensions).toMatchObject({ code: 'UPSTREAM_REJECTED', jdCode: '24' });
  });
});

describe('JdSource: writes', () => {
  it("returns JD's not-cancellable refusal as a NOT_CANCELLABLE user error at the given field", async () => {
    const outcome = await probe().cancel(501, '1001');
    expect(outcome).toEqual({
      refused: { field: ['id'], code: 'NOT_CANCELLABLE', message: 'The service can no longer be cancelled (JD 3003)' },
    });
    expect(sent()).toEqual([[JD_METHODS.afsCancel, { afsServiceId: 501, customerPin: ALICE }]]);
  });

  it('returns any other business refusal as JD_REJECTED, worded for the caller', async () => {
    const params: JdAfsApplyCreateParams = {
      afsApplyType: 10,
      customerExpect: 10,
      orderId: '1001',
      skuId: '100',
      skuNum: 1,
      questionDesc: 'Broken',
      isNeedDetectionReport: 0,
      images: [],
      customerPin: ALICE,
      thirdApplyId: 'bobs-application',
    };
    expect(await probe().apply(params)).toEqual({ refused: { field: ['input'], code: 'JD_REJECTED', message: 'No permission (JD 403)' } });
    expect(await probe(alice, 'zh').apply(params)).toEqual({
      refused: { field: ['input'], code: 'JD_REJECTED', message: 'thirdApplyId belongs to another customer (JD 403)' },
    });
    expect(jd.callsOf(JD_METHODS.afsApplyCreate).map((c) => c.params)).toEqual([params, params]);
  });

  it('throws a transient failure of a write (outcome unknown) instead of calling it a refusal', async () => {
    jd.seed.service({ afsServiceId: 502, orderId: '1001', step: 21, applyTime: '2025-05-27 09:00:00' });
    jd.sandbox.faults.set({ [JD_METHODS.afsCancel]: { errorRate: 1, errorCode: '500' } });
    expect(await codeOf(probe().cancel(502, '1001'))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', jdCode: '500' });
    // Writes are never retried blindly.
    expect(jd.callsOf(JD_METHODS.afsCancel)).toHaveLength(1);
    expect(jd.sandbox.data.afsServices.get(502)!.step).toBe(21);
  });

  it('answers a successful write with its result', async () => {
    jd.seed.service({ afsServiceId: 503, orderId: '1001', step: 21, applyTime: '2025-05-27 09:00:00' });
    expect(await probe().cancel(503, '1001')).toEqual({ ok: undefined });
    expect(jd.sandbox.data.afsServices.get(503)!.step).toBe(60);
  });
});

describe("JdSource: the request's loaders", () => {
  it('hands them the request signal, deadline, staleness record and its caller, a customer or a partner, once per request', () => {
    const built: Parameters<LoadersFactory>[] = [];
    const recording: LoadersFactory = (...args) => {
      built.push(args);
      return jd.createLoaders(...args);
    };
    const signal = new AbortController().signal;
    const staleness = createStalenessRecord();
    const request = { signal, deadline: 123, staleness, language: 'en' as const };
    const customer = new ProbeSource({ ...request, identity: alice }, recording);
    customer.touch();
    customer.touch();
    new ProbeSource({ ...request, identity: { kind: 'partner', partnerId: 'p1', scopes: [] } }, recording).touch();
    new ProbeSource({ ...request, identity: { kind: 'anonymous' } }, recording).touch();
    expect(built).toEqual([
      [ALICE, { signal, deadline: 123, caller: `customer:${ALICE}` }, staleness],
      [undefined, { signal, deadline: 123, caller: 'partner:p1' }, staleness],
      [undefined, { signal, deadline: 123, caller: undefined }, staleness],
    ]);
    expect(built[0][2]).toBe(staleness);
  });
});
