/**
 * The after-sales subgraph over HTTP against the in-process JD sandbox, with the real JD client,
 * loaders and cache: signatures are enforced, and the demo customer's flow works end to end.
 */
import { DEMO_PINS, type Sandbox } from '../../../jd/sandbox';
import { JD_METHODS, type JdMethodName } from '../../../jd/protocol';
import { signIdentity, type Identity, type RunningSubgraph } from '../../../subgraphs/kit';
import { startAfterSalesSubgraph } from '../../../subgraphs/after-sales/server';
import { startRecordingJd, type RecordingJd } from '../../support/recording-jd';

const SECRET = 'after-sales-http-test-secret-0123456789';
let jd: RecordingJd;
let sandbox: Sandbox;
let subgraph: RunningSubgraph;

beforeAll(async () => {
  jd = await startRecordingJd({ seed: 'after-sales-http' });
  sandbox = jd.sandbox;
  subgraph = await startAfterSalesSubgraph({
    port: 0,
    signingSecret: SECRET,
    policy: { standardDays: 30, plusDays: 45 },
    now: () => sandbox.now(),
    createLoaders: jd.createLoaders,
  });
});
afterAll(async () => {
  await subgraph?.stop();
  await jd?.close();
});

/** Posts `payload`, with identity headers signed (by `sign`) for exactly the bytes sent. */
const post = (payload: object, sign: (body: string) => Record<string, string>) => {
  const body = JSON.stringify(payload);
  return fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', ...sign(body) }, body });
};
const signedBy =
  (identity: Identity, secret = SECRET) =>
  (body: string) =>
    signIdentity(identity, secret, { subgraph: 'after-sales', body });
const gql = async <T>(query: string, variables: object, identity: Identity = { kind: 'customer', pin: DEMO_PINS.alice }) => {
  const res = await post({ query, variables }, signedBy(identity));
  return (await res.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] };
};
const callsOf = (method: JdMethodName) => jd.callsOf(method).length;

describe('after-sales over HTTP', () => {
  it('refuses unsigned and wrongly signed requests, _service and _entities included, before any JD call', async () => {
    const before = jd.calls.length;
    for (const query of ['{ _service { sdl } }', '{ _entities(representations: [{__typename: "Order", id: "1"}]) { __typename } }']) {
      const unsigned = await post({ query }, () => ({}));
      expect(unsigned.status).toBe(401);
      expect(((await unsigned.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const wrong = await post({ query }, signedBy({ kind: 'customer', pin: DEMO_PINS.alice }, 'not-the-secret-not-the-secret-xx'));
      expect(wrong.status).toBe(401);
    }
    expect(jd.calls.length).toBe(before);
    expect((await gql<{ _service: { sdl: string } }>('{ _service { sdl } }', {})).data?._service.sdl).toContain('type AfterSalesService');
  });

  it('runs the demo flow: eligibility, apply, idempotent retry, the order lists it, cancel', async () => {
    const aliceOrders = [...sandbox.data.orders.values()].filter((o) => o.pin === DEMO_PINS.alice);
    const returnable = aliceOrders.find(
      (o) =>
        o.orderState === 'FINISHED_L' &&
        o.itemInfoList.length === 1 &&
        sandbox.data.skus.get(Number(o.itemInfoList[0].skuId))?.category.key === 'electronics' &&
        ![...sandbox.data.afsServices.values()].some((s) => s.orderId === o.orderId),
    )!;
    expect(returnable).toBeDefined();
    const skuId = returnable.itemInfoList[0].skuId;

    const reps = aliceOrders.map((o) => ({ __typename: 'Order', id: o.orderId }));
    const elig = await gql<{
      _entities: { id: string; afterSalesEligibility: { skuId: string; eligible: boolean; reasons: { code: string }[] }[] }[];
    }>(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id afterSalesEligibility { skuId eligible reasons { code } } } } }',
      { r: reps },
    );
    expect(elig.errors).toBeUndefined();
    const codes = elig.data!._entities.flatMap((e) => e.afterSalesEligibility.flatMap((l) => l.reasons.map((r) => r.code)));
    // The demo data covers the rules: personalised, cancelled, unpaid, expired, digital, open application.
    for (const code of ['PERSONALISED_GOODS', 'ORDER_CANCELLED', 'WINDOW_EXPIRED', 'DIGITAL_GOODS', 'OPEN_APPLICATION'])
      expect(codes).toContain(code);
    expect(elig.data!._entities.find((e) => e.id === returnable.orderId)!.afterSalesEligibility).toEqual([
      { skuId, eligible: true, reasons: [] },
    ]);

    const APPLY =
      'mutation ($i: ApplyForAfterSalesInput!) { applyForAfterSales(input: $i) { service { id status type schedule { title at } order { id } } userErrors { code } } }';
    const input = {
      orderId: returnable.orderId,
      skuId,
      quantity: 1,
      type: 'RETURN',
      expectation: 'REFUND',
      description: 'Does not power on',
      imageUrls: ['https://img.jd.com/a.jpg'],
      idempotencyKey: 'demo-1',
    };
    type ApplyOut = {
      applyForAfterSales: { service: { id: string; status: string; schedule: unknown[] } | null; userErrors: { code: string }[] };
    };
    const createsBefore = callsOf(JD_METHODS.afsApplyCreate);
    const first = await gql<ApplyOut>(APPLY, { i: input });
    expect(first.errors).toBeUndefined();
    expect(first.data!.applyForAfterSales.userErrors).toEqual([]);
    const id = first.data!.applyForAfterSales.service!.id;
    const again = await gql<ApplyOut>(APPLY, { i: input });
    expect(again.data!.applyForAfterSales.service!.id).toBe(id);
    expect(callsOf(JD_METHODS.afsApplyCreate) - createsBefore).toBe(1);

    const list = await gql<{ _entities: { afterSalesServices: { id: string }[] }[] }>(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { afterSalesServices { id } } } }',
      { r: [{ __typename: 'Order', id: returnable.orderId }] },
    );
    expect(list.data!._entities[0].afterSalesServices.map((s) => s.id)).toContain(id);

    // Bob cannot see or cancel it.
    const bob: Identity = { kind: 'customer', pin: DEMO_PINS.bob };
    const CANCEL = 'mutation ($id: ID!) { cancelAfterSales(id: $id) { service { id status cancellable } userErrors { code } } }';
    const bobs = await gql<{ cancelAfterSales: { service: null; userErrors: { code: string }[] } }>(CANCEL, { id }, bob);
    expect(bobs.data!.cancelAfterSales).toEqual({ service: null, userErrors: [{ code: 'SERVICE_NOT_FOUND' }] });

    const cancelled = await gql<{ cancelAfterSales: { service: { status: string; cancellable: boolean }; userErrors: unknown[] } }>(
      CANCEL,
      { id },
    );
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelAfterSales).toEqual({ service: { id, status: 'CANCELLED', cancellable: false }, userErrors: [] });
  });
});
