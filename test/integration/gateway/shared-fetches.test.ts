import type { StubSubgraph } from './helpers/stub-subgraph';
import type { Harness } from './helpers/gateway-harness';
import { allArrived, callerOf, startHeldGraph, type HeldGraph } from './helpers/held-answers';

describe('identical subgraph fetches in flight are shared', () => {
  let orders: StubSubgraph;
  let notes: StubSubgraph;
  let h: Harness;
  let graph: HeldGraph;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    // Operation sharing off: it would answer these identical requests before they reach the subgraph fetches under test.
    graph = await startHeldGraph({ OPERATION_SHARING: 'false' });
    ({ orders, notes, h, alice, bob } = graph);
  });
  afterAll(() => graph.close());
  beforeEach(() => graph.reset());

  const shared = async (subgraph: string) =>
    (await h.gateway.metrics.subgraphSharedFetches.get()).values.find((v) => v.labels.subgraph === subgraph)?.value ?? 0;
  const ask = (query: string, token?: string) =>
    fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    }).then((res) => res.json() as Promise<{ data?: Record<string, unknown>; errors?: unknown[] }>);

  it('sends one fetch for concurrent identical queries of one customer, and each gets the answer', async () => {
    const before = await shared('orders');
    const answers = Array.from({ length: 8 }, () => ask('{ whoami(tag: "x") }', alice));
    await allArrived(async () => orders.received.length + (await shared('orders')) - before === 8);
    graph.open();
    expect((await Promise.all(answers)).map((a) => a.data?.whoami)).toEqual(Array(8).fill('jd_demo_alice:x'));
    expect(orders.received).toHaveLength(1);
    expect((await shared('orders')) - before).toBe(7);
  });

  it('never shares across customers: concurrent alice and bob get one fetch each and their own answers', async () => {
    const before = await shared('orders');
    const tokens = Array.from({ length: 10 }, (_, i) => (i % 2 ? bob : alice));
    const answers = tokens.map((token) => ask('{ whoami(tag: "x") }', token));
    await allArrived(async () => orders.received.length + (await shared('orders')) - before === 10);
    graph.open();
    const got = (await Promise.all(answers)).map((a) => a.data?.whoami);
    expect(got).toEqual(tokens.map((t) => (t === alice ? 'jd_demo_alice:x' : 'jd_demo_bob:x')));
    expect(orders.received.map((r) => callerOf(r).pin).sort()).toEqual(['jd_demo_alice', 'jd_demo_bob']);
  });

  it('keeps different variables and anonymous callers apart from customers', async () => {
    const before = await shared('orders');
    const answers = [ask('{ whoami(tag: "x") }'), ask('{ whoami(tag: "x") }', alice), ask('{ whoami(tag: "y") }', alice)];
    await allArrived(async () => orders.received.length + (await shared('orders')) - before === 3);
    graph.open();
    expect((await Promise.all(answers)).map((a) => a.data?.whoami)).toEqual(['anonymous:x', 'jd_demo_alice:x', 'jd_demo_alice:y']);
    expect(orders.received).toHaveLength(3);
  });

  it('never shares a mutation, nor the reads that follow it', async () => {
    const before = { orders: await shared('orders'), notes: await shared('notes') };
    const answers = Array.from({ length: 4 }, () => ask('mutation { touch(tag: "x") { id note } }', alice));
    // All four writes reached the subgraph (their follow-up reads wait until then): none was shared.
    await allArrived(async () => orders.received.length + (await shared('orders')) - before.orders === 4);
    graph.open();
    const got = await Promise.all(answers);
    expect(got.every((a) => (a.data?.touch as { id: string }).id === 'order-1')).toBe(true);
    expect(orders.received).toHaveLength(4);
    expect(notes.received).toHaveLength(4);
    expect({ orders: await shared('orders'), notes: await shared('notes') }).toEqual(before);
  });

  it('is not a cache: a request after the answer came back is sent again', async () => {
    graph.open();
    await ask('{ whoami(tag: "z") }', alice);
    await ask('{ whoami(tag: "z") }', alice);
    expect(orders.received).toHaveLength(2);
  });

  it('keeps a shared fetch going when its first client leaves: the others still get their answer', async () => {
    const before = await shared('orders');
    const leaving = new AbortController();
    const first = fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${alice}` },
      body: JSON.stringify({ query: '{ whoami(tag: "leave") }' }),
      signal: leaving.signal,
    }).catch(() => 'left');
    await allArrived(async () => orders.received.length === 1);
    const others = Array.from({ length: 6 }, () => ask('{ whoami(tag: "leave") }', alice));
    await allArrived(async () => (await shared('orders')) - before === 6);
    leaving.abort();
    expect(await first).toBe('left');
    // Time for the gateway to see the disconnect and stop the first request's fetch, if it (wrongly) would.
    await new Promise((resolve) => setTimeout(resolve, 200));
    graph.open();
    expect((await Promise.all(others)).map((a) => a.data?.whoami)).toEqual(Array(6).fill('jd_demo_alice:leave'));
    expect(orders.received).toHaveLength(1);
  });
});
