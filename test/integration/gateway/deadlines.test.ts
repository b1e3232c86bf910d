/**
 * Every request has a deadline and every subgraph fetch a timeout within it: a hung subgraph costs its
 * own fields (SUBGRAPH_TIMEOUT, named), a dead one SUBGRAPH_UNAVAILABLE, never the rest of the answer,
 * and the subgraph is told how long it has left. Bounds on elapsed time are generous: they prove
 * "gave up", not speed.
 */
import type { IncomingMessage } from 'node:http';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { body, startGateway, type Harness } from './helpers/gateway-harness';
import { eventually } from '../../support/eventually';

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';
const SLACK_MS = 1000;

describe('gateway deadlines and subgraph timeouts', () => {
  let fast: StubSubgraph;
  let slow: StubSubgraph;
  let h: Harness;
  const never = new Promise<string>(() => undefined);
  /** Each request the slow subgraph got: whether it ended before its answer was sent (the gateway gave up). */
  const slowConnections: { abandoned?: boolean }[] = [];

  beforeAll(async () => {
    fast = await startStubSubgraph('fast', `${FEDERATION} type Query { fast: String }`, { Query: { fast: () => 'here' } });
    slow = await startStubSubgraph(
      'slow',
      `${FEDERATION} type Query { slow: String }`,
      { Query: { slow: () => never } },
      {
        context: (req: IncomingMessage) => {
          const seen: { abandoned?: boolean } = {};
          slowConnections.push(seen);
          req.socket.once('close', () => (seen.abandoned ??= true));
          return {};
        },
      },
    );
    h = await startGateway([fast, slow], { SUBGRAPH_TIMEOUT_MS: '30000', SUBGRAPH_TIMEOUT_MS_SLOW: '300', REQUEST_TIMEOUT_MS: '20000' });
  });
  afterAll(async () => {
    await h.close();
    await Promise.all([fast.stop(), slow.stop()]);
  });
  beforeEach(() => {
    slowConnections.length = 0;
    slow.received.length = 0;
    fast.received.length = 0;
  });

  const post = (query: string, headers: Record<string, string> = {}, signal?: AbortSignal) =>
    fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
      signal,
    });

  it('a hung subgraph costs only its own fields, after its own timeout (SUBGRAPH_TIMEOUT_MS_<NAME>), and the connection is dropped', async () => {
    const started = Date.now();
    const res = await post('{ fast slow }');
    const elapsed = Date.now() - started;
    const json = await body(res);
    expect(json.data).toEqual({ fast: 'here', slow: null });
    expect(json.errors).toMatchObject([
      { message: expect.stringContaining('slow'), extensions: { code: 'SUBGRAPH_TIMEOUT', subgraph: 'slow' } },
    ]);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(300 + SLACK_MS);
    await eventually(() => slowConnections[0]?.abandoned === true, 'the hung fetch closed by the gateway');
  });

  it("tells each subgraph how long it has left (x-deadline-ms), never more than the fetch's timeout", async () => {
    await post('{ fast slow }');
    const budget = (headers: IncomingMessage['headers']) => Number(headers['x-deadline-ms']);
    expect(budget(fast.received[0])).toBeGreaterThan(19_000);
    expect(budget(fast.received[0])).toBeLessThanOrEqual(20_000);
    expect(budget(slow.received[0])).toBeGreaterThan(0);
    expect(budget(slow.received[0])).toBeLessThanOrEqual(300);
  });

  it("a client's timeout header shortens the request's deadline, and the fetches' budgets with it", async () => {
    const started = Date.now();
    const json = await body(await post('{ fast slow }', { timeout: '150' }));
    expect(Date.now() - started).toBeLessThan(150 + SLACK_MS);
    expect(json.errors).toMatchObject([{ extensions: { code: 'SUBGRAPH_TIMEOUT', subgraph: 'slow' } }]);
    expect(Number(fast.received[0]['x-deadline-ms'])).toBeLessThanOrEqual(150);
  });

  it("a client's timeout longer than the gateway's cannot stretch it; a malformed one is ignored", async () => {
    await post('{ fast }', { timeout: '999999' });
    await post('{ fast }', { timeout: 'soon' });
    for (const headers of fast.received) expect(Number(headers['x-deadline-ms'])).toBeLessThanOrEqual(20_000);
  });

  it('a client that disconnects stops the fetches made for it, long before any timeout', async () => {
    // Timeouts of 30 s here, so only the client's departure can end the fetch within the wait below.
    const patient = await startGateway([fast, slow], { SUBGRAPH_TIMEOUT_MS: '30000', REQUEST_TIMEOUT_MS: '30000' });
    try {
      const client = new AbortController();
      const pending = fetch(patient.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ slow }' }),
        signal: client.signal,
      }).catch(() => 'aborted');
      await eventually(() => slowConnections.length === 1, 'the fetch at the slow subgraph');
      client.abort();
      expect(await pending).toBe('aborted');
      await eventually(() => slowConnections[0].abandoned === true, 'the fetch closed once the client left', 5000);
    } finally {
      await patient.close();
    }
  });

  it('a subgraph that refuses connections is SUBGRAPH_UNAVAILABLE, named, with no address in the error', async () => {
    const gone = await startStubSubgraph('gone', `${FEDERATION} type Query { gone: String }`, { Query: { gone: () => 'x' } });
    const harness = await startGateway([fast, gone]);
    await gone.stop();
    try {
      const res = await fetch(harness.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ fast gone }' }),
      });
      const json = await body(res);
      expect(json.data).toEqual({ fast: 'here', gone: null });
      expect(json.errors).toMatchObject([{ extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'gone' } }]);
      const text = JSON.stringify((json.errors ?? []).map(({ message, extensions: { code, subgraph } }) => ({ message, code, subgraph })));
      expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|localhost|:\d{2,5}\b/);
    } finally {
      await harness.close();
    }
  });
});
