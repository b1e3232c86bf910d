/**
 * Demand control over HTTP (issue 10 §2): the gateway prices each operation from the supergraph's
 * @cost/@listSize, reports it in extensions.cost and a histogram, and with DEMAND_CONTROL_MODE=enforce
 * refuses one over its caller's budget before any subgraph is fetched; in measure mode it only counts it.
 */
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { body, startGateway, type Harness } from './helpers/gateway-harness';

const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])
  type Query {
    offices: [Office!]! @listSize(assumedSize: 50)
    office(id: ID!): Office @cost(weight: 3)
  }
  type Office { id: ID! }
`;
const OFFICES = Array.from({ length: 3 }, (_, i) => ({ id: `o${i}` }));
const PARTNER_KEYS = JSON.stringify([{ key: 'acme-partner-key-0123456789', partnerId: 'acme', scopes: ['directory:read'] }]);
const BUDGETS = { DEMAND_CONTROL_MAX_COST_ANONYMOUS: '100', DEMAND_CONTROL_MAX_COST_PARTNER: '1000', PARTNER_API_KEYS: PARTNER_KEYS };

const THREE_LISTS = '{ a: offices { id } b: offices { id } c: offices { id } }'; // 3 × 50 = 150

describe('demand control', () => {
  let stub: StubSubgraph;
  beforeAll(async () => {
    stub = await startStubSubgraph('offices', SDL, {
      Query: { offices: () => OFFICES, office: (_: unknown, { id }: { id: string }) => ({ id }) },
    });
  });
  afterAll(() => stub.stop());
  beforeEach(() => void (stub.received.length = 0));

  const post = (h: Harness, query: string, headers: Record<string, string> = {}) =>
    fetch(h.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const fetchesSent = async (h: Harness) => (await h.gateway.metrics.subgraphFetches.get()).values.reduce((n, v) => n + v.value, 0);
  const metricsText = (h: Harness) => h.gateway.metrics.registry.metrics();

  describe('enforce', () => {
    let h: Harness;
    beforeAll(async () => void (h = await startGateway([stub], { ...BUDGETS, DEMAND_CONTROL_MODE: 'enforce' })));
    afterAll(() => h.close());

    it('serves an operation within budget and reports its cost in extensions.cost', async () => {
      const res = await post(h, '{ offices { id } office(id: "x") { id } }');
      expect(res.status).toBe(200);
      const json = await body(res);
      expect(json.data).toEqual({ offices: OFFICES, office: { id: 'x' } });
      expect((json as { extensions?: unknown }).extensions).toEqual({ cost: { estimated: 50 + 3, max: 100, mode: 'enforce' } });
    });

    it('refuses an operation over the anonymous budget before any subgraph fetch', async () => {
      const before = await fetchesSent(h);
      const res = await post(h, THREE_LISTS);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { data?: unknown; errors: { extensions: Record<string, unknown> }[]; extensions?: unknown };
      expect(json.data).toBeUndefined();
      expect(json.errors).toHaveLength(1);
      expect(json.errors[0].extensions).toMatchObject({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', cost: { estimated: 150, max: 100 } });
      expect(json.extensions).toEqual({ cost: { estimated: 150, max: 100, mode: 'enforce' } });
      expect(stub.received).toHaveLength(0);
      expect(await fetchesSent(h)).toBe(before);
    });

    it('weighs the same operation against the budget of the caller: a partner may send it', async () => {
      const res = await post(h, THREE_LISTS, { 'x-api-key': 'acme-partner-key-0123456789' });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { extensions: unknown }).extensions).toEqual({ cost: { estimated: 150, max: 1000, mode: 'enforce' } });
      expect(stub.received.length).toBeGreaterThan(0);
    });

    it('records every estimate in a histogram and every refusal in a counter', async () => {
      const text = await metricsText(h);
      expect(text).toMatch(/gateway_operation_estimated_cost_bucket\{le="100",caller="anonymous"\} 1\b/);
      expect(text).toMatch(/gateway_operation_estimated_cost_count\{caller="anonymous"\} 2\b/);
      expect(text).toMatch(/gateway_operation_estimated_cost_sum\{caller="partner"\} 150\b/);
      expect(text).toMatch(/gateway_operations_over_cost_budget_total\{caller="anonymous",refused="true"\} 1\b/);
    });
  });

  describe('measure', () => {
    let h: Harness;
    beforeAll(async () => void (h = await startGateway([stub], { ...BUDGETS, DEMAND_CONTROL_MODE: 'measure' })));
    afterAll(() => h.close());

    it('serves an operation over budget, and counts and logs it', async () => {
      const res = await post(h, THREE_LISTS);
      expect(res.status).toBe(200);
      const json = (await res.json()) as { data: Record<string, unknown>; extensions: unknown };
      expect(Object.keys(json.data)).toEqual(['a', 'b', 'c']);
      expect(json.extensions).toEqual({ cost: { estimated: 150, max: 100, mode: 'measure' } });
      expect(stub.received.length).toBeGreaterThan(0);
      expect(await metricsText(h)).toMatch(/gateway_operations_over_cost_budget_total\{caller="anonymous",refused="false"\} 1\b/);
      expect(h.logs).toContainEqual(
        expect.objectContaining({ msg: 'operation over its cost budget', estimatedCost: 150, maxCost: 100, refused: false }),
      );
    });
  });

  describe('off', () => {
    let h: Harness;
    beforeAll(async () => void (h = await startGateway([stub], { ...BUDGETS, DEMAND_CONTROL_MODE: 'off' })));
    afterAll(() => h.close());

    it('prices nothing', async () => {
      const json = (await (await post(h, THREE_LISTS)).json()) as { extensions?: unknown };
      expect(json.extensions).toBeUndefined();
      expect(await metricsText(h)).not.toMatch(/gateway_operation_estimated_cost_count/);
    });
  });
});
