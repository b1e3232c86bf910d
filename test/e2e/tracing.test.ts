/**
 * One OpenTelemetry trace from client to JD, against the whole graph on free ports: the SDK is set up
 * as in production (startTracing) but exports into memory. A customer's dashboard request yields one
 * trace: gateway request → Apollo's phases → one fetch per subgraph → each subgraph's operation →
 * its JD loads and calls. No span carries a token, secret, key or pin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { issueCustomerToken } from '../../gateway/auth';
import { SANDBOX_PARTNER_KEY } from '../../config';
import { JD_METHODS } from '../../jd/protocol';
import type { RunningStack } from '../../stack';
import { startInMemoryTracing, type InMemoryTracing } from '../support/in-memory-tracing';
import { createLogger } from '../../gateway/logger';
import { DEMO_PINS, startTestStack } from './helpers';

const DASHBOARD = readFileSync(join(__dirname, '../../gateway/explorer/examples/customer/01-dashboard.graphql'), 'utf8');
const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

let tracing: InMemoryTracing;
let stack: RunningStack;
let token: string;
let spans: ReadableSpan[];
const logLines: Record<string, unknown>[] = [];

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;
const childrenOf = (span: ReadableSpan) => spans.filter((s) => parentOf(s) === idOf(span));
const named = (name: string) => spans.filter((s) => s.name === name);
const one = (name: string) => {
  const found = named(name);
  if (found.length !== 1) throw new Error(`expected one span "${name}", got ${found.length}: ${spans.map((s) => s.name).join(', ')}`);
  return found[0];
};
/** Every span below `span`, depth first. */
const descendantsOf = (span: ReadableSpan): ReadableSpan[] => childrenOf(span).flatMap((c) => [c, ...descendantsOf(c)]);

/** Every string the configuration holds under a name that says it is a credential. */
function secretsIn(value: unknown, name = ''): string[] {
  if (typeof value === 'string') return /secret|token|password|key/i.test(name) && value.length >= 8 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => secretsIn(v, name));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => secretsIn(v, k));
  return [];
}

beforeAll(async () => {
  // Before the stack is built, as the process entries do.
  tracing = startInMemoryTracing('trace-test');
  const logger = createLogger('info', { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) });
  stack = await startTestStack({}, { logger });
  token = await issueCustomerToken(stack.config.gateway.jwt, DEMO_PINS.alice);
  // Warm up (supergraph load, first connections), then record only the request under test.
  await fetch(stack.urls.gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ hotlines { number } }' }),
  });
  await new Promise((r) => setTimeout(r, 50));
  tracing.exporter.reset();
  logLines.length = 0;

  const response = await fetch(stack.urls.gateway, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'apollographql-client-name': 'trace-test-client',
      traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`,
    },
    body: JSON.stringify({ query: DASHBOARD, operationName: 'CustomerDashboard', variables: { first: 5 } }),
  });
  const body = (await response.json()) as { data?: { orders: { edges: unknown[] } }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  expect(body.data?.orders.edges.length).toBeGreaterThan(0);
  spans = await tracing.settledSpans();
}, 30_000);

afterAll(async () => {
  await stack?.stop();
  await tracing?.stop();
});

describe('one dashboard request', () => {
  it('is one trace, continuing the caller’s traceparent', () => {
    expect(new Set(spans.map((s) => s.spanContext().traceId))).toEqual(new Set([CALLER_TRACE]));
    const roots = spans.filter((s) => !spans.some((p) => idOf(p) === parentOf(s)));
    expect(roots.map((s) => [s.name, parentOf(s)])).toEqual([['query CustomerDashboard', CALLER_SPAN]]);
  });

  it('names the operation, client, caller kind and status on the gateway request span, not the pin', () => {
    const root = one('query CustomerDashboard');
    expect(root.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/graphql',
      'http.response.status_code': 200,
      'graphql.operation.name': 'CustomerDashboard',
      'graphql.operation.type': 'query',
      'graphql.client.name': 'trace-test-client',
      'jd.caller.kind': 'customer',
    });
    expect(childrenOf(root).map((s) => s.name)).toEqual(expect.arrayContaining(['graphql.parse', 'graphql.validate', 'gateway.request']));
  });

  it('goes gateway → plan and execute → one fetch per subgraph, each continued by that subgraph', () => {
    const request = one('gateway.request');
    expect(childrenOf(request).map((s) => s.name)).toEqual(expect.arrayContaining(['gateway.plan', 'gateway.execute']));
    const fetches = named('gateway.fetch');
    for (const f of fetches) expect(descendantsOf(one('gateway.execute'))).toContain(f);
    const subgraphFetches = spans.filter((s) => s.name.startsWith('subgraph.fetch '));
    expect(new Set(subgraphFetches.map((s) => s.attributes['jd.subgraph.name']))).toEqual(
      new Set(['orders', 'after-sales', 'exchange', 'offices']),
    );
    for (const fetch of subgraphFetches) {
      // Apollo's gateway.fetch → our client span → the subgraph's server span, across HTTP.
      const parent = spans.find((s) => idOf(s) === parentOf(fetch));
      expect(parent?.name).toBe('gateway.fetch');
      expect(parent?.attributes.service).toBe(fetch.attributes['jd.subgraph.name']);
      const served = childrenOf(fetch);
      expect(served.map((s) => s.name)).toEqual([`subgraph ${fetch.attributes['jd.subgraph.name']}`]);
      expect(served[0].attributes).toMatchObject({ 'jd.caller.kind': 'customer', 'graphql.operation.type': 'query' });
      expect(String(served[0].attributes['graphql.operation.name'])).toMatch(/^CustomerDashboard__/);
    }
  });

  it('ends in the JD calls, each under a load that counts keys, hits and misses', () => {
    const subgraphOf = (span: ReadableSpan): string | undefined => {
      for (let s: ReadableSpan | undefined = span; s; s = spans.find((p) => idOf(p) === parentOf(s!)))
        if (s.name.startsWith('subgraph ')) return String(s.attributes['jd.subgraph.name']);
      return undefined;
    };
    const calls = spans.filter((s) => s.name.startsWith('jd.call '));
    const methodsBySubgraph = new Map<string, Set<unknown>>();
    for (const call of calls) {
      const load = spans.find((s) => idOf(s) === parentOf(call))!;
      expect(load.name).toBe(`jd.load ${call.attributes['jd.method']}`);
      expect(call.attributes['jd.batch.keys']).toBeGreaterThanOrEqual(1);
      expect(call.attributes['jd.batch.keys']).toBeLessThanOrEqual(Number(load.attributes['jd.cache.misses']));
      expect(call.attributes).toMatchObject({ 'jd.attempts': 1, 'jd.retries': 0 });
      const subgraph = subgraphOf(call)!;
      methodsBySubgraph.set(subgraph, (methodsBySubgraph.get(subgraph) ?? new Set()).add(call.attributes['jd.method']));
    }
    expect(methodsBySubgraph.get('orders')).toContain(JD_METHODS.orderSearch);
    expect(methodsBySubgraph.get('exchange')).toEqual(new Set([JD_METHODS.priceGet, JD_METHODS.stockGet]));
    expect(methodsBySubgraph.get('after-sales')?.size).toBeGreaterThan(0);
    expect(methodsBySubgraph.has('offices')).toBe(false); // the directory is a data file

    for (const load of spans.filter((s) => s.name.startsWith('jd.load '))) {
      const { 'jd.keys': keys, 'jd.cache.hits': hits, 'jd.cache.misses': misses } = load.attributes as Record<string, number>;
      expect(hits + misses).toBe(keys);
      expect(keys).toBeGreaterThan(0);
    }
  });

  it('puts the trace and the request span in the gateway’s log line for the request', () => {
    const root = one('query CustomerDashboard');
    const access = logLines.filter((l) => l.msg === 'request' && l.path === '/graphql');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ trace_id: CALLER_TRACE, span_id: idOf(root), status: 200 });
  });

  it('carries no token, key, secret or pin in any span', () => {
    const forbidden = [token, SANDBOX_PARTNER_KEY, ...Object.values(DEMO_PINS), ...secretsIn(stack.config)];
    expect(forbidden.length).toBeGreaterThan(5);
    const text = JSON.stringify(
      spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status, links: s.links })),
    );
    for (const value of forbidden) expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
  });
});
