import { createHash } from 'node:crypto';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { body, startGateway, type Harness } from './helpers/gateway-harness';

const NODES = 'type Query { node: Node! } type Node { id: ID! child: Node! }';
const resolvers = { Query: { node: () => ({ id: 'n0' }) }, Node: { child: (n: { id: string }) => ({ id: `${n.id}'` }) } };
const nested = (depth: number) => `{ ${'node { '.repeat(1)}${'child { '.repeat(depth - 2)}id${' }'.repeat(depth - 1)} }`;
const aliases = (n: number) => `{ node { ${Array.from({ length: n }, (_, i) => `a${i}: id`).join(' ')} } }`;
const sha = (q: string) => createHash('sha256').update(q).digest('hex');

describe('operation limits: refused with OPERATION_LIMIT_EXCEEDED before anything is planned', () => {
  let nodes: StubSubgraph;
  let h: Harness;
  const post = (payload: unknown) =>
    fetch(h.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });

  beforeAll(async () => {
    nodes = await startStubSubgraph('nodes', NODES, resolvers);
    h = await startGateway([nodes]);
  });
  afterAll(async () => {
    await h.close();
    await nodes.stop();
  });
  beforeEach(() => void (nodes.received.length = 0));

  const refused = async (res: Response, limitName: string, limit: number, actual?: number) => {
    expect(res.status).toBe(400);
    const { errors } = await body(res);
    expect(errors).toHaveLength(1);
    expect(errors?.[0].extensions).toEqual({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limitName,
      limit,
      ...(actual === undefined ? {} : { actual }),
    });
    expect(nodes.received).toHaveLength(0); // nothing planned, nothing sent
  };

  it('answers an operation within every limit', async () => {
    const res = await post({ query: nested(12) });
    expect(res.status).toBe(200);
    expect(nodes.received).toHaveLength(1);
  });

  it('refuses depth over 12 with the depth found', async () => {
    await refused(await post({ query: nested(13) }), 'depth', 12, 13);
    await refused(await post({ query: nested(40) }), 'depth', 12, 40);
  });

  it('counts depth through fragments without counting the fragments themselves', async () => {
    const query = `query Deep { node { ...F } } fragment F on Node { child { child { child { child { child { child { child { child { child { child { child { child { id } } } } } } } } } } } } }`;
    await refused(await post({ query }), 'depth', 12, 14);
  });

  it('refuses more than 30 aliases', async () => {
    await refused(await post({ query: aliases(31) }), 'aliases', 30, 31);
  });

  it('refuses more than 20 root fields, fragments included', async () => {
    const query = `{ ${'node { id } '.repeat(15)} ...R } fragment R on Query { ${'node { id } '.repeat(6)} }`;
    await refused(await post({ query }), 'rootFields', 20, 21);
  });

  it('refuses more than 30 directives', async () => {
    const query = `{ node { ${'id @include(if: true) '.repeat(31)} } }`;
    await refused(await post({ query }), 'directives', 30, 31);
  });

  it('refuses more than 2000 tokens while parsing, with the exact count up to ten times the limit', async () => {
    await refused(await post({ query: aliases(6000) }), 'tokens', 2000, 6000 * 3 + 5);
    // 20,000 aliases: 60,005 tokens; counting them all would cost more than the refusal should.
    const res = await post({ query: aliases(20_000) });
    expect(res.status).toBe(400);
    expect((await body(res)).errors?.[0].extensions).toEqual({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limitName: 'tokens',
      limit: 2000,
      actualAtLeast: 20_001,
    });
    expect(nodes.received).toHaveLength(0);
  });

  it('refuses an HTTP batch (batching is off by default)', async () => {
    await refused(await post([{ query: '{ node { id } }' }, { query: '{ node { id } }' }]), 'batchSize', 1, 2);
  });

  it('refuses an APQ registration over a limit, so the hash never becomes runnable', async () => {
    const query = nested(20);
    const persistedQuery = { version: 1, sha256Hash: sha(query) };
    await refused(await post({ query, extensions: { persistedQuery } }), 'depth', 12, 20);
    const byHash = await post({ extensions: { persistedQuery } });
    expect((await body(byHash)).errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(nodes.received).toHaveLength(0);
  });

  it('counts refusals by limit in gateway_operation_limit_refusals_total', async () => {
    const text = await h.gateway.metrics.registry.metrics();
    expect(text).toMatch(/gateway_operation_limit_refusals_total\{limit="depth"\} [1-9]/);
    expect(text).toMatch(/gateway_operation_limit_refusals_total\{limit="tokens"\} [1-9]/);
  });
});

describe('operation limits set from the environment', () => {
  let nodes: StubSubgraph;
  beforeAll(async () => void (nodes = await startStubSubgraph('nodes', NODES, resolvers)));
  afterAll(() => nodes.stop());

  it('0 turns a limit off, and a batch limit above 1 turns HTTP batching on', async () => {
    // Demand control off: this is about the limits alone (its estimates would show up in extensions.cost).
    const h = await startGateway([nodes], {
      MAX_OPERATION_DEPTH: '0',
      MAX_OPERATION_ALIASES: '0',
      MAX_BATCH_OPERATIONS: '3',
      DEMAND_CONTROL_MODE: 'off',
    });
    try {
      const post = (payload: unknown) =>
        fetch(h.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
      expect((await post({ query: nested(40) })).status).toBe(200);
      expect((await post({ query: aliases(100) })).status).toBe(200);
      const batch = await post([{ query: '{ node { id } }' }, { query: '{ node { id } }' }]);
      expect(await batch.json()).toEqual([{ data: { node: { id: 'n0' } } }, { data: { node: { id: 'n0' } } }]);
      const tooMany = await post(Array.from({ length: 4 }, () => ({ query: '{ node { id } }' })));
      expect(tooMany.status).toBe(400);
      expect((await body(tooMany)).errors?.[0].extensions).toEqual({
        code: 'OPERATION_LIMIT_EXCEEDED',
        limitName: 'batchSize',
        limit: 3,
        actual: 4,
      });
    } finally {
      await h.close();
    }
  });
});
