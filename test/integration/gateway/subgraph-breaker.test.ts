/**
 * A circuit per subgraph at the gateway: failed fetches in a row open it, an open circuit refuses at
 * once (SUBGRAPH_UNAVAILABLE, nothing sent) instead of waiting on a dead subgraph, a trial after the
 * pause closes it again, and each change is a metric and a log line. A client's own short deadline
 * never counts against the subgraph.
 */
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { body, startGateway, type Harness } from './helpers/gateway-harness';
import { eventually } from '../../support/eventually';

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

describe('subgraph circuit breaker', () => {
  let flaky: StubSubgraph;
  let h: Harness;
  let hang = true;

  beforeEach(async () => {
    hang = true;
    flaky = await startStubSubgraph('flaky', `${FEDERATION} type Query { flaky: String }`, {
      Query: { flaky: () => (hang ? new Promise(() => undefined) : 'back') },
    });
    h = await startGateway([flaky], {
      SUBGRAPH_TIMEOUT_MS: '200',
      SUBGRAPH_BREAKER_THRESHOLD: '2',
      SUBGRAPH_BREAKER_HALF_OPEN_AFTER_MS: '600',
    });
  });
  afterEach(async () => {
    await h.close();
    await flaky.stop();
  });

  const ask = async (headers: Record<string, string> = {}) =>
    body(
      await fetch(h.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ flaky }' }),
      }),
    );
  const codeOf = (json: Awaited<ReturnType<typeof ask>>) => json.errors?.[0]?.extensions.code;
  const metric = async (name: string) => {
    const text = await h.gateway.metrics.registry.getSingleMetricAsString(name);
    return Number(new RegExp(`^${name}\\{subgraph="flaky"\\} (\\S+)$`, 'm').exec(text)?.[1]);
  };
  const logged = (message: RegExp) => h.logs.some((line) => typeof line.msg === 'string' && message.test(line.msg));

  it('opens after the threshold, refuses without sending, then a trial closes it', async () => {
    expect(codeOf(await ask())).toBe('SUBGRAPH_TIMEOUT');
    expect(codeOf(await ask())).toBe('SUBGRAPH_TIMEOUT');
    expect(await metric('gateway_subgraph_breaker_state')).toBe(2);
    expect(logged(/flaky: circuit open/)).toBe(true);

    const sent = flaky.received.length;
    const refused = await ask();
    expect(refused.errors).toMatchObject([{ extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'flaky' } }]);
    expect(flaky.received.length).toBe(sent);
    expect(await metric('gateway_subgraph_breaker_refused_total')).toBe(1);

    hang = false;
    await new Promise((resolve) => setTimeout(resolve, 650));
    await eventually(async () => (await ask()).data?.flaky === 'back', 'the trial fetch through and the circuit closed');
    expect(await metric('gateway_subgraph_breaker_state')).toBe(0);
    expect(logged(/flaky: circuit closed/)).toBe(true);
  });

  it("a client's own short timeout never opens the subgraph's circuit", async () => {
    for (let i = 0; i < 4; i++) expect(codeOf(await ask({ timeout: '60' }))).toBe('SUBGRAPH_TIMEOUT');
    expect(await metric('gateway_subgraph_breaker_state')).toBe(0);
    // Still closed: the next fetch is sent, and it is its own timeout that ends it.
    const sent = flaky.received.length;
    expect(codeOf(await ask())).toBe('SUBGRAPH_TIMEOUT');
    expect(flaky.received.length).toBe(sent + 1);
  });
});
