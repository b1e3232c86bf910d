/**
 * A signature captured between the gateway and a subgraph cannot be replayed elsewhere (issue 10 §5):
 * the gateway signs a real fetch, a stub records it on the wire, and subgraphs running the kit's
 * verifier are sent the captured headers again — as captured (accepted: the capture is genuine and
 * live), with another body (a mutation) and at another subgraph (both refused before anything runs).
 */
import { parse } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { SANDBOX_SUBGRAPH_SIGNING_SECRET } from '../../../config';
import { loadGatewayConfig } from '../../../gateway/config';
import { issueCustomerToken } from '../../../gateway/auth';
import { startSubgraph, type RunningSubgraph } from '../../../subgraphs/kit';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { priced, startGateway, type Harness } from './helpers/gateway-harness';

const SDL = 'type Query { ping: String } type Mutation { cancelEverything: Boolean }';

describe('replaying a captured gateway signature', () => {
  let wire: StubSubgraph;
  let h: Harness;
  const kits: Record<string, RunningSubgraph> = {};
  const executed: string[] = [];

  /** A kit subgraph (the real verifier) named `name`, recording what it executes. */
  const startKit = (name: string) =>
    startSubgraph({
      name,
      port: 0,
      signingSecret: SANDBOX_SUBGRAPH_SIGNING_SECRET,
      schema: buildSubgraphSchema({
        typeDefs: parse(SDL),
        resolvers: {
          Query: { ping: () => (executed.push(`${name}:ping`), 'pong') },
          Mutation: { cancelEverything: () => (executed.push(`${name}:cancelEverything`), true) },
        },
      }),
      createContext: (base) => base,
    });

  beforeAll(async () => {
    wire = await startStubSubgraph('orders', SDL, { Query: { ping: () => 'pong' } });
    h = await startGateway([wire]);
    kits.orders = await startKit('orders');
    kits.offices = await startKit('offices');
  });
  afterAll(async () => {
    await h.close();
    await wire.stop();
    await Promise.all(Object.values(kits).map((k) => k.stop()));
  });

  const replay = async (url: string, headers: Record<string, unknown>, body: string) => {
    const signed = Object.fromEntries(
      Object.entries(headers)
        .filter(([name]) => name.startsWith('x-jd-identity'))
        .map(([n, v]) => [n, String(v)]),
    );
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signed }, body });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] } };
  };

  it('is accepted only for the subgraph and the body it was made for', async () => {
    const token = await issueCustomerToken(loadGatewayConfig({}).jwt, 'jd_demo_alice');
    const res = await fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ ping }' }),
    });
    expect(await res.json()).toEqual(priced({ ping: 'pong' }));
    expect(wire.received).toHaveLength(1);
    const [headers, body] = [wire.received[0], wire.bodies[0]];

    // As captured, at the subgraph it was made for: accepted (so the refusals below are about the binding).
    expect(await replay(kits.orders.url, headers, body)).toEqual({ status: 200, body: { data: { ping: 'pong' } } });
    expect(executed).toEqual(['orders:ping']);

    // Another body: a mutation under alice's captured signature.
    const mutation = await replay(kits.orders.url, headers, JSON.stringify({ query: 'mutation { cancelEverything }' }));
    expect(mutation.status).toBe(401);
    expect(mutation.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(mutation.body.data).toBeUndefined();

    // The same body, at another subgraph.
    const elsewhere = await replay(kits.offices.url, headers, body);
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    // The same body with one more space: still another body.
    expect((await replay(kits.orders.url, headers, `${body} `)).status).toBe(401);
    expect(executed).toEqual(['orders:ping']);
  });
});
