/**
 * The whole graph's shutdown, step by step (issue order and Kubernetes' needs): report not-ready, keep
 * serving through the readiness delay, stop accepting, let requests in flight finish within the drain
 * window, answer what is left SHUTTING_DOWN, then close the subgraphs and the sandbox.
 */
import { request as httpRequest } from 'node:http';
import { issueCustomerToken } from '../../gateway/auth';
import { JD_METHODS } from '../../jd/protocol';
import type { RunningStack } from '../../stack';
import { DEMO_PINS, sandboxOrdersOf, startTestStack } from './helpers';

const READINESS_DELAY_MS = 2000;
const DRAIN_MS = 1500;

/** One request on a fresh connection: its status and body, or the connection error's code. */
function post(
  url: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end(JSON.stringify(body));
  });
}

const getStatus = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(3000) }).then(
    async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }),
    (e: Error) => ({ status: 0, body: { error: String((e.cause as NodeJS.ErrnoException | undefined)?.code ?? e.message) } }),
  );

describe('shutdown of the whole graph', () => {
  let stack: RunningStack;
  afterEach(() => stack.stop());

  it('reports not-ready, serves through the delay, stops accepting, drains, ends the rest SHUTTING_DOWN, then closes everything', async () => {
    stack = await startTestStack({ SHUTDOWN_READINESS_DELAY_MS: String(READINESS_DELAY_MS), SHUTDOWN_DRAIN_MS: String(DRAIN_MS) });
    const auth = { authorization: `Bearer ${await issueCustomerToken(stack.config.gateway.jwt, DEMO_PINS.alice)}` };
    const orderId = sandboxOrdersOf(stack, DEMO_PINS.alice)[0].orderId;
    // The order list answers within the window; one order's detail takes longer than the whole shutdown allows.
    stack.sandbox!.faults.set({
      [JD_METHODS.orderSearch]: { latencyMs: 700 },
      [JD_METHODS.orderGet]: { latencyMs: 10_000 },
    });
    const gateway = stack.urls.gateway;
    const { gatewayBase } = stack.urls;
    const finishing = post(gateway, { query: '{ orders(first: 2) { edges { node { id } } } }' }, auth);
    const leftover = post(gateway, { query: `{ order(id: "${orderId}") { id status } }` }, auth);
    await new Promise((resolve) => setTimeout(resolve, 150));

    const t0 = Date.now();
    const stopped = stack.stop().then(() => Date.now() - t0);

    // 1. Not ready at once, while still alive and still serving.
    const [ready, subgraphReady, live, duringDelay] = await Promise.all([
      getStatus(`${gatewayBase}/health/ready`),
      getStatus(`${stack.subgraphs.orders.url.replace('/graphql', '')}/health/ready`),
      getStatus(`${gatewayBase}/health/live`),
      post(gateway, { query: '{ supportOffices { id } }' }),
    ]);
    expect(Date.now() - t0).toBeLessThan(READINESS_DELAY_MS);
    expect(ready).toEqual({ status: 503, body: { status: 'shutting down' } });
    expect(subgraphReady.status).toBe(503);
    expect(live.status).toBe(200);
    expect(duringDelay).toMatchObject({ status: 200 });

    // 2. After the delay, new connections are refused.
    await new Promise((resolve) => setTimeout(resolve, READINESS_DELAY_MS - (Date.now() - t0) + 100));
    expect(await post(gateway, { query: '{ supportOffices { id } }' })).toEqual({ error: 'ECONNREFUSED' });

    // 3. What was in flight and could finish, finished.
    const finished = await finishing;
    expect(finished).toMatchObject({ status: 200 });
    expect(JSON.parse((finished as { body: string }).body).data.orders.edges.length).toBeGreaterThan(0);

    // 4. What could not finish within the window is answered with a clear, coded error, after the window.
    const ended = await leftover;
    const endedAt = Date.now() - t0;
    expect(ended).toMatchObject({ status: 503 });
    expect(JSON.parse((ended as { body: string }).body).errors[0].extensions).toEqual({ code: 'SHUTTING_DOWN' });
    expect(endedAt).toBeGreaterThanOrEqual(READINESS_DELAY_MS + DRAIN_MS - 50);

    // 5. Then the subgraphs and the sandbox close, and the stop ends within the delay plus the window plus a little.
    const took = await stopped;
    expect(took).toBeLessThan(READINESS_DELAY_MS + DRAIN_MS + 2000);
    for (const url of [stack.subgraphs.orders.url, stack.subgraphs.offices.url, `${stack.urls.sandbox}/routerjson`]) {
      expect(await post(url, {})).toEqual({ error: 'ECONNREFUSED' });
    }
  });
});
