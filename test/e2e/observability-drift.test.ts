/**
 * The Grafana dashboards (deploy/grafana/dashboards) and the Prometheus alert rules (deploy/prometheus)
 * cannot drift from the metrics: the whole graph is started, served a few requests and scraped, and
 * every metric and label a panel, legend or rule uses must be one the running graph's registries declare
 * and its /metrics serves. The queries are read with Prometheus's own PromQL grammar.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Registry } from 'prom-client';
import { parse as parseYaml } from 'yaml';
import { SANDBOX_PARTNER_KEY } from '../../config';
import { issueCustomerToken } from '../../gateway/auth';
import type { RunningStack } from '../../stack';
import { promqlProblems, seriesOf, type Family } from '../support/promql-refs';
import { DEMO_PINS, startTestStack } from './helpers';

const root = join(__dirname, '../..');
const DASHBOARDS = join(root, 'deploy/grafana/dashboards');
const RULES = join(root, 'deploy/prometheus');

interface Query {
  where: string;
  expr: string;
  legend: string[];
}

const legendLabels = (text = '') => [...text.matchAll(/\{\{\s*\$?labels\.(\w+)\s*\}\}|\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? m[2]);

interface Panel {
  title: string;
  targets?: { expr: string; legendFormat?: string }[];
  panels?: Panel[];
}

function dashboardQueries(): Query[] {
  return readdirSync(DASHBOARDS)
    .filter((f) => f.endsWith('.json'))
    .flatMap((file) => {
      const dashboard = JSON.parse(readFileSync(join(DASHBOARDS, file), 'utf8')) as { panels: Panel[] };
      const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
      return panels.flatMap((p) =>
        (p.targets ?? []).map((t) => ({ where: `${file} "${p.title}"`, expr: t.expr, legend: legendLabels(t.legendFormat) })),
      );
    });
}

function ruleQueries(): Query[] {
  return readdirSync(RULES)
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((file) => {
      const doc = parseYaml(readFileSync(join(RULES, file), 'utf8')) as {
        groups: { rules: { alert?: string; record?: string; expr: string; annotations?: Record<string, string> }[] }[];
      };
      return doc.groups.flatMap((g) =>
        g.rules.map((r) => ({
          where: `${file} ${r.alert ?? r.record}`,
          expr: r.expr,
          legend: Object.values(r.annotations ?? {}).flatMap((a) => legendLabels(a)),
        })),
      );
    });
}

/** Name, type and label names of every family a registry declares (prom-client keeps label names on each metric). */
async function familiesOf(registry: Registry): Promise<Family[]> {
  const declared = await registry.getMetricsAsJSON();
  return declared.map((m) => {
    const metric = registry.getSingleMetric(m.name) as unknown as { labelNames?: string[] };
    return { name: m.name, type: String(m.type), labels: [...(metric.labelNames ?? [])] };
  });
}

let stack: RunningStack;
let series: Map<string, Set<string>>;
let scraped: string;

beforeAll(async () => {
  // The optional parts on, so that their series are registered: partner rate limit, safelist (log only), APQ.
  const metricsToken = 'drift-test-metrics-token';
  stack = await startTestStack({ PARTNER_RATE_LIMIT_PER_MINUTE: '1', SAFELIST_MODE: 'log-unknown', METRICS_TOKEN: metricsToken });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(stack.urls.gateway, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const token = await issueCustomerToken(stack.config.gateway.jwt, DEMO_PINS.alice);
  await post(
    { query: '{ orders(first: 2) { edges { node { id items { product { price { amount } inStock } } } } } }' },
    { authorization: `Bearer ${token}`, 'apollographql-client-name': 'drift-test' },
  );
  const partner = { 'x-api-key': SANDBOX_PARTNER_KEY };
  await post({ query: '{ hotlines { number } }' }, partner);
  await post({ query: '{ hotlines { number } }' }, partner); // over 1 per minute: refused
  await post({ query: '{ orders(first: 1) { totalCount } }' }); // anonymous: an error with a code
  const apq = '{ supportChannels { kind } }';
  const sha256Hash = createHash('sha256').update(apq).digest('hex');
  await post({ extensions: { persistedQuery: { version: 1, sha256Hash } } });
  await post({ query: apq, extensions: { persistedQuery: { version: 1, sha256Hash } } });
  await post({ extensions: { persistedQuery: { version: 1, sha256Hash } } });

  const scrape = await fetch(`${stack.urls.gatewayBase}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  expect(scrape.status).toBe(200);
  scraped = await scrape.text();
  series = seriesOf([...(await familiesOf(stack.gateway.metrics.registry)), ...(await familiesOf(stack.jd.metrics.registry))]);
}, 30_000);

afterAll(() => stack?.stop());

const queries = [...dashboardQueries(), ...ruleQueries()];

describe('dashboards and alert rules refer to metrics that exist', () => {
  it('has the two dashboards and the alert rules to check', () => {
    expect(readdirSync(DASHBOARDS).sort()).toEqual(['gateway.json', 'jd.json']);
    expect(queries.filter((q) => q.where.startsWith('gateway.json')).length).toBeGreaterThanOrEqual(10);
    expect(queries.filter((q) => q.where.startsWith('jd.json')).length).toBeGreaterThanOrEqual(8);
    expect(ruleQueries().map((q) => q.where.split(' ')[1])).toEqual(
      expect.arrayContaining(['JdErrorRatioHigh', 'JdBreakerOpen', 'SubgraphDown', 'GatewayP99AboveTarget']),
    );
  });

  it('the registries declare the series the scrape serves', () => {
    for (const [name] of series) {
      const family = name.replace(/_(bucket|sum|count)$/, '');
      expect({ name, served: scraped.includes(`# TYPE ${family} `) || scraped.includes(`# TYPE ${name} `) }).toEqual({
        name,
        served: true,
      });
    }
  });

  it.each(queries.map((q) => [q.where, q] as const))('%s', (_where, query) => {
    expect(promqlProblems(query.expr, series, query.legend)).toEqual([]);
  });
});

describe('the reference check can fail', () => {
  const known = seriesOf([
    { name: 'gateway_requests_total', type: 'counter', labels: ['operation', 'outcome'] },
    { name: 'gateway_request_duration_seconds', type: 'histogram', labels: ['operation'] },
  ]);

  it('accepts real references, Grafana intervals and target labels', () => {
    const expr =
      'histogram_quantile(0.99, sum by (le, operation) (rate(gateway_request_duration_seconds_bucket{job="gw"}[$__rate_interval]))) > 0.5';
    expect(promqlProblems(expr, known, ['operation'])).toEqual([]);
  });

  it('names an unknown metric, label, grouping label, legend label and a syntax error', () => {
    expect(promqlProblems('sum(rate(gateway_request_total[5m]))', known)).toEqual(['unknown metric gateway_request_total']);
    expect(promqlProblems('rate(gateway_requests_total{client="x"}[5m])', known)).toEqual(['gateway_requests_total has no label "client"']);
    expect(promqlProblems('sum by (client) (rate(gateway_requests_total[5m]))', known)).toEqual([
      'by (client): gateway_requests_total has no label "client"',
    ]);
    expect(promqlProblems('rate(gateway_requests_total[5m])', known, ['method'])).toEqual([
      'legend {{method}}: no metric of the query has label "method"',
    ]);
    expect(promqlProblems('sum(rate(gateway_requests_total[5m])', known).join()).toMatch(/syntax error/);
  });
});
