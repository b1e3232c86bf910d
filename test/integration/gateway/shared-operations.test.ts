import type { StubSubgraph } from './helpers/stub-subgraph';
import type { Harness } from './helpers/gateway-harness';
import { allArrived, callerOf, startHeldGraph, type HeldGraph } from './helpers/held-answers';

describe('identical operations in flight run once (OPERATION_SHARING, on by default)', () => {
  let orders: StubSubgraph;
  let notes: StubSubgraph;
  let h: Harness;
  let graph: HeldGraph;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    graph = await startHeldGraph();
    ({ orders, notes, h, alice, bob } = graph);
  });
  afterAll(() => graph.close());
  beforeEach(() => graph.reset());

  const sharedOperations = async () => (await h.gateway.metrics.operationsShared.get()).values.reduce((sum, v) => sum + v.value, 0);
  const sharedFetches = async () => (await h.gateway.metrics.subgraphSharedFetches.get()).values.reduce((sum, v) => sum + v.value, 0);
  const ask = (query: string, token?: string, headers: Record<string, string> = {}, signal?: AbortSignal) =>
    fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query }),
      signal,
    }).then((res) => res.json() as Promise<{ data?: Record<string, unknown>; errors?: unknown[] }>);

  it('runs concurrent identical queries of one customer once: one fetch per subgraph, every request its answer', async () => {
    const before = { operations: await sharedOperations(), fetches: await sharedFetches() };
    const query = '{ whoami(tag: "x") order { id note } }';
    const answers = Array.from({ length: 8 }, () => ask(query, alice));
    await allArrived(async () => orders.received.length === 1 && (await sharedOperations()) - before.operations === 7);
    graph.open();
    for (const answer of await Promise.all(answers)) {
      expect(answer.data).toEqual({ whoami: 'jd_demo_alice:x', order: { id: 'order-1', note: `writes so far: ${graph.writes()}` } });
    }
    // One plan run: orders once (both root fields in one fetch), notes once; nothing left for fetch-level sharing to do.
    expect(orders.received).toHaveLength(1);
    expect(notes.received).toHaveLength(1);
    expect((await sharedFetches()) - before.fetches).toBe(0);
  });

  it('never shares across customers: concurrent alice and bob each run their own and get their own answers', async () => {
    const tokens = Array.from({ length: 10 }, (_, i) => (i % 2 ? bob : alice));
    const before = await sharedOperations();
    const answers = tokens.map((token) => ask('{ whoami(tag: "x") }', token));
    await allArrived(async () => orders.received.length === 2 && (await sharedOperations()) - before === 8);
    graph.open();
    const got = (await Promise.all(answers)).map((a) => a.data?.whoami);
    expect(got).toEqual(tokens.map((t) => (t === alice ? 'jd_demo_alice:x' : 'jd_demo_bob:x')));
    expect(orders.received.map((r) => callerOf(r).pin).sort()).toEqual(['jd_demo_alice', 'jd_demo_bob']);
  });

  it('keeps apart different variables, languages, anonymous callers and customers', async () => {
    const answers = [
      ask('{ whoami(tag: "x") }'),
      ask('{ whoami(tag: "x") }', alice),
      ask('{ whoami(tag: "y") }', alice),
      ask('{ whoami(tag: "x") }', alice, { 'accept-language': 'zh-CN' }),
    ];
    await allArrived(async () => orders.received.length === 4);
    graph.open();
    expect((await Promise.all(answers)).map((a) => a.data?.whoami)).toEqual([
      'anonymous:x',
      'jd_demo_alice:x',
      'jd_demo_alice:y',
      'jd_demo_alice:x:zh-CN',
    ]);
  });

  it('never shares a mutation, and a query that starts after a write never joins one from before it', async () => {
    const before = await sharedOperations();
    const query = '{ whoami(tag: "w") }';
    const early = ask(query, alice);
    await allArrived(async () => orders.received.length === 1);
    const writesBefore = graph.writes();
    const mutations = [ask('mutation { touch(tag: "w") { id } }', alice), ask('mutation { touch(tag: "w") { id } }', alice)];
    await allArrived(async () => orders.received.length === 3);
    // Identical to the query in flight, but sent after alice's writes began: it must run on its own.
    const late = ask(query, alice);
    await allArrived(async () => orders.received.length === 4);
    graph.open();
    expect((await Promise.all(mutations)).map((a) => (a.data?.touch as { id: string }).id)).toEqual(['order-1', 'order-1']);
    expect(graph.writes() - writesBefore).toBe(2);
    expect([(await early).data?.whoami, (await late).data?.whoami]).toEqual(['jd_demo_alice:w', 'jd_demo_alice:w']);
    expect((await sharedOperations()) - before).toBe(0);
  });

  it('is not a cache: a request after the answer came back runs again', async () => {
    graph.open();
    await ask('{ whoami(tag: "z") }', alice);
    await ask('{ whoami(tag: "z") }', alice);
    expect(orders.received).toHaveLength(2);
  });

  it('keeps the run going when its first client leaves: the others still get their answer', async () => {
    const before = await sharedOperations();
    const leaving = new AbortController();
    const first = ask('{ whoami(tag: "leave") }', alice, {}, leaving.signal).catch(() => 'left');
    await allArrived(async () => orders.received.length === 1);
    const others = Array.from({ length: 6 }, () => ask('{ whoami(tag: "leave") }', alice));
    await allArrived(async () => (await sharedOperations()) - before === 6);
    leaving.abort();
    expect(await first).toBe('left');
    // Time for the gateway to see the disconnect and stop the run, if it (wrongly) would.
    await new Promise((resolve) => setTimeout(resolve, 200));
    graph.open();
    expect((await Promise.all(others)).map((a) => a.data?.whoami)).toEqual(Array(6).fill('jd_demo_alice:leave'));
    expect(orders.received).toHaveLength(1);
  });

  it('gives a request whose own time runs out while it waits its own timeout, not the run’s answer', async () => {
    const before = await sharedOperations();
    const patient = ask('{ whoami(tag: "t") }', alice);
    await allArrived(async () => orders.received.length === 1);
    const hurried = ask('{ whoami(tag: "t") }', alice, { timeout: '300' });
    await allArrived(async () => (await sharedOperations()) - before === 1);
    const answer = await hurried;
    expect(answer.data?.whoami ?? null).toBeNull();
    expect(answer.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_TIMEOUT', subgraph: 'orders' }) }),
    ]);
    graph.open();
    expect((await patient).data?.whoami).toBe('jd_demo_alice:t');
    expect(orders.received).toHaveLength(1);
  });
});
