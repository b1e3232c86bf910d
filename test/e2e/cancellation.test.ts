/**
 * The deadline travels from the client to JD: a request the client abandons, or one whose deadline
 * passes, stops costing JD calls. Counted at the sandbox, over the whole stack on free ports.
 */
import { issueCustomerToken } from '../../gateway/auth';
import { JD_METHODS } from '../../jd/protocol';
import type { RunningStack } from '../../stack';
import { eventually } from '../support/eventually';
import { DEMO_PINS, jdCalls, startTestStack } from './helpers';

// The issue's report used 3,000; 1,000 keeps the gateway's own work on the document (seconds on a
// loaded machine) from dominating npm test, and still leaves ~125 rounds of calls to cut short.
const ALIASES = 1000;
// Digit ids JD does not know: each still costs one jingdong.pop.order.get (JD has no batch order read).
const manyOrders = (aliases: number) =>
  `{ ${Array.from({ length: aliases }, (_, i) => `o${i}: order(id: "${7_000_000 + i}") { id }`).join(' ')} }`;

describe('cancellation reaches JD', () => {
  let stack: RunningStack;
  let bearer: string;

  beforeAll(async () => {
    // The operation limits would refuse these documents before any JD call; this is about one that runs.
    // Demand control off as well: 1000 aliased order(id) cost 5000, over a customer's budget.
    stack = await startTestStack({
      MAX_OPERATION_TOKENS: '0',
      MAX_OPERATION_ALIASES: '0',
      MAX_OPERATION_ROOT_FIELDS: '0',
      DEMAND_CONTROL_MODE: 'off',
    });
    bearer = `Bearer ${await issueCustomerToken(stack.config.gateway.jwt, DEMO_PINS.alice)}`;
  });
  afterAll(() => stack.stop());
  beforeEach(() => {
    stack.sandbox!.faults.set({ [JD_METHODS.orderGet]: { latencyMs: 100 } });
    stack.sandbox!.stats.reset();
  });
  afterEach(() => stack.sandbox!.faults.set({}));

  const orderCalls = () => jdCalls(stack, JD_METHODS.orderGet).calls;
  const send = (aliases: number, headers: Record<string, string>, signal?: AbortSignal) =>
    fetch(stack.urls.gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: bearer, ...headers },
      body: JSON.stringify({ query: manyOrders(aliases) }),
      signal,
    });

  it(`a client that aborts ${ALIASES} aliased order(id) fields: JD calls stop within one round of calls in flight`, async () => {
    const client = new AbortController();
    const pending = send(ALIASES, {}, client.signal).catch(() => 'aborted');
    try {
      await eventually(() => orderCalls() >= 16, 'order calls under way', 30_000);
    } finally {
      client.abort();
    }
    expect(await pending).toBe('aborted');
    const atAbort = orderCalls();
    // Well past several rounds of 100 ms calls: without cancellation dozens more would have gone out.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = orderCalls();
    // At most the calls already on their way (8 per request) can still arrive after the abort.
    expect(after - atAbort).toBeLessThanOrEqual(8);
    expect(after).toBeLessThan(ALIASES / 10);
  });

  it("a client's timeout header ends the JD work at the deadline", async () => {
    // 200 aliases: few enough that the gateway's own work on the document leaves JD calls most of the budget;
    // at 8 calls at a time of 100 ms each, all 200 would take 2.5 s.
    const started = Date.now();
    const res = await send(200, { timeout: '1500' });
    const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    // Either the deadline passed with calls still to make, or the JD budget (50 calls/s) could not
    // give the rest a slot before it, and those fields failed at once: nothing waited past it.
    const codes = new Set(json.errors?.map((e) => e.extensions?.code));
    expect(codes.has('SUBGRAPH_TIMEOUT') || codes.has('JD_BUDGET_EXHAUSTED')).toBe(true);
    expect(Date.now() - started).toBeLessThan(1500 + 1000);
    const atAnswer = orderCalls();
    expect(atAnswer).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(orderCalls() - atAnswer).toBeLessThanOrEqual(8);
    expect(orderCalls()).toBeLessThan(200);
  });
});
