import { writeFileSync } from 'node:fs';
import { GraphQLClient } from 'graphql-request';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { composeStubs, startGateway, type Harness } from './helpers/gateway-harness';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('supergraph hot reload', () => {
  let v1: StubSubgraph;
  let v2: StubSubgraph;
  let h: Harness;
  beforeAll(async () => {
    v1 = await startStubSubgraph('offices', 'type Query { offices: [String!]! slow: String }', {
      Query: { offices: () => ['v1'], slow: async () => (await delay(700), 'slow-v1') },
    });
    v2 = await startStubSubgraph('offices', 'type Query { offices: [String!]! slow: String hotline: String }', {
      Query: { offices: () => ['v2'], slow: () => 'slow-v2', hotline: () => '950618' },
    });
    h = await startGateway([v1]);
  });
  afterAll(async () => {
    await h.close();
    await Promise.all([v1.stop(), v2.stop()]);
  });

  it('serves a new field after the file changes, without a restart, finishing the request in flight', async () => {
    const client = new GraphQLClient(h.gateway.url);
    await expect(client.request('{ hotline }')).rejects.toThrow(/hotline/);

    const inFlight = client.request<{ slow: string }>('{ slow }');
    await delay(100); // the slow request is now waiting on v1
    const reloaded = h.gateway.supergraph.nextReload();
    writeFileSync(h.supergraphPath, composeStubs([v2]));
    await reloaded;

    expect(await client.request('{ hotline }')).toEqual({ hotline: '950618' });
    expect(await inFlight).toEqual({ slow: 'slow-v1' });
    expect(await client.request('{ offices }')).toEqual({ offices: ['v2'] });
  });

  it('keeps the previous schema and logs an error when the new file is broken', async () => {
    const reloaded = h.gateway.supergraph.nextReload();
    writeFileSync(h.supergraphPath, 'this is not a supergraph {');
    await reloaded;
    expect(h.logs.some((l) => l.level === 50 && l.msg === 'supergraph reload failed; still serving the previous schema')).toBe(true);
    expect(await new GraphQLClient(h.gateway.url).request('{ hotline }')).toEqual({ hotline: '950618' });
  });
});
