/**
 * Over real HTTP: the orders subgraph refuses every request the gateway did not sign (queries,
 * `_service`, `_entities`) before anything runs, and serves the ones it did.
 */
import { signIdentity, type Identity, type RunningSubgraph } from '../../../subgraphs/kit';
import { startOrdersSubgraph } from '../../../subgraphs/orders/server';
import { fakeJd, jdOrder } from '../../unit/orders/fake-jd';

const SECRET = 'orders-http-test-signing-secret-0123456789';
const alice: Identity = { kind: 'customer', pin: 'jd_demo_alice' };

describe('orders subgraph over HTTP: signed identity', () => {
  const jd = fakeJd([jdOrder({ orderId: '1001' }), jdOrder({ orderId: '2001', pin: 'jd_demo_bob' })]);
  let loadersBuilt = 0;
  let running: RunningSubgraph;

  beforeAll(async () => {
    running = await startOrdersSubgraph({
      port: 0,
      signingSecret: SECRET,
      createLoaders: (pin) => {
        loadersBuilt += 1;
        return jd.factory(pin);
      },
    });
  });
  afterAll(() => running.stop());
  beforeEach(() => {
    loadersBuilt = 0;
    jd.rec.orderBatches.length = 0;
  });

  type Signer = (body: string) => Record<string, string>;
  /** Posts `payload` with identity headers `sign` makes for exactly the bytes sent. */
  const post = (payload: unknown, sign: Signer) => {
    const body = JSON.stringify(payload);
    return fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json', ...sign(body) }, body });
  };
  const signedBy =
    (identity: Identity, secret = SECRET, now?: number): Signer =>
    (body) =>
      signIdentity(identity, secret, { subgraph: 'orders', body }, now);

  const orderQuery = { query: '{ order(id: "1001") { id } }' };
  const entitiesQuery = {
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id } } }',
    variables: { r: [{ __typename: 'Order', id: '1001' }] },
  };
  const serviceQuery = { query: '{ _service { sdl } }' };

  const refusals: [string, Signer][] = [
    ['no identity headers', () => ({})],
    ['a signature made with another secret', signedBy(alice, 'not-the-gateway-secret-0123456789')],
    [
      'a tampered identity',
      (body) => ({
        ...signedBy(alice)(body),
        'x-jd-identity': Buffer.from('{"kind":"customer","pin":"jd_demo_bob"}').toString('base64url'),
      }),
    ],
    ['a stale timestamp', signedBy(alice, SECRET, Date.now() - 3_600_000)],
    ['a timestamp from the future', signedBy(alice, SECRET, Date.now() + 60_000)],
    ['a garbage signature', (body) => ({ ...signedBy(alice)(body), 'x-jd-identity-sig': 'deadbeef' })],
    ['a signature for another subgraph', (body) => signIdentity(alice, SECRET, { subgraph: 'after-sales', body })],
    [
      'a signature for another body',
      () => signIdentity(alice, SECRET, { subgraph: 'orders', body: JSON.stringify({ query: '{ __typename }' }) }),
    ],
  ];

  for (const [why, headers] of refusals) {
    for (const [what, body] of [
      ['order(id)', orderQuery],
      ['_entities', entitiesQuery],
      ['_service', serviceQuery],
    ] as const) {
      it(`refuses ${what} with ${why}: UNAUTHENTICATED, nothing executed`, async () => {
        const res = await post(body, headers);
        expect(res.status).toBe(401);
        const json = (await res.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
        expect(json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
        expect(json.data).toBeUndefined();
        expect(loadersBuilt).toBe(0);
        expect(jd.rec.orderBatches).toEqual([]);
      });
    }
  }

  it('serves a correctly signed request, ownership intact', async () => {
    const res = await post(
      { query: '{ mine: order(id: "1001") { id shipTo { recipientName } } theirs: order(id: "2001") { id } }' },
      signedBy(alice),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { mine: { id: '1001', shipTo: { recipientName: 'Z** San' } }, theirs: null } });
    expect(jd.rec.orderBatches).toEqual([['1001', '2001']]);
  });

  it('serves _service to a signed caller, with the Order key', async () => {
    const res = await post(serviceQuery, signedBy({ kind: 'anonymous' }));
    const json = (await res.json()) as { data: { _service: { sdl: string } } };
    expect(json.data._service.sdl).toMatch(/type Order\s+@key\(fields: "id"\)/);
  });
});
