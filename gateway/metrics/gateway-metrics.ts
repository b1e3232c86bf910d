import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per gateway instance (tests run several); other layers add theirs through registerExternalMetrics. */
export function createGatewayMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gateway_process_' });
  const registers = [registry];
  // The HTTP server's own count, once server.ts has one (see countRequestsInFlightWith).
  let countInFlight = () => 0;
  return {
    registry,
    requests: new Counter({
      name: 'gateway_requests_total',
      help: 'GraphQL requests by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      registers,
    }),
    clientRequests: new Counter({
      name: 'gateway_client_requests_total',
      help: 'GraphQL requests by client name (apollographql-client-name, __none__ when absent) and operation name',
      labelNames: ['client', 'operation'],
      registers,
    }),
    errors: new Counter({
      name: 'gateway_errors_total',
      help: 'GraphQL errors in responses, by error code (extensions.code)',
      labelNames: ['code'],
      registers,
    }),
    latency: new Histogram({
      name: 'gateway_request_duration_seconds',
      help: 'GraphQL request latency by operation name',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    subgraphFetches: new Counter({
      name: 'gateway_subgraph_fetches_total',
      help: 'Fetches from subgraphs by subgraph and outcome, as the query plans ask for them (shared ones included)',
      labelNames: ['subgraph', 'outcome'],
      registers,
    }),
    operationsShared: new Counter({
      name: 'gateway_operations_shared_total',
      help: 'Requests answered by an identical query of the same caller already in flight (one plan run, one set of subgraph fetches) instead of running their own',
      labelNames: ['caller'],
      registers,
    }),
    subgraphSharedFetches: new Counter({
      name: 'gateway_subgraph_fetches_shared_total',
      help: 'Subgraph fetches answered by an identical fetch already in flight (same subgraph, operation, variables and caller) instead of being sent',
      labelNames: ['subgraph'],
      registers,
    }),
    subgraphLatency: new Histogram({
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Subgraph fetch latency',
      labelNames: ['subgraph'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    subgraphBreakerState: new Gauge({
      name: 'gateway_subgraph_breaker_state',
      help: "Each subgraph's circuit: 0 closed, 1 half-open (one trial fetch), 2 open (fetches refused at once)",
      labelNames: ['subgraph'],
      registers,
    }),
    subgraphBreakerRefused: new Counter({
      name: 'gateway_subgraph_breaker_refused_total',
      help: 'Subgraph fetches refused without being sent because the subgraph circuit was open',
      labelNames: ['subgraph'],
      registers,
    }),
    apq: new Counter({
      name: 'gateway_apq_total',
      help: 'Automatic persisted queries: hit, miss, register',
      labelNames: ['result'],
      registers,
    }),
    responseCache: new Counter({
      name: 'gateway_response_cache_total',
      help: 'Public response cache lookups of anonymous queries: hit (answered without the subgraphs) or miss',
      labelNames: ['result'],
      registers,
    }),
    apqRedisFailures: new Counter({
      name: 'gateway_apq_redis_failures_total',
      help: 'APQ store operations on Redis that failed or timed out and were answered by memory alone',
      labelNames: ['operation'],
      registers,
    }),
    responseCacheRedisFailures: new Counter({
      name: 'gateway_response_cache_redis_failures_total',
      help: 'Response cache operations on Redis that failed or timed out and were answered by memory alone',
      labelNames: ['operation'],
      registers,
    }),
    operationLimitRefusals: new Counter({
      name: 'gateway_operation_limit_refusals_total',
      help: 'Operations refused by an operation limit (tokens, depth, aliases, rootFields, directives, batchSize)',
      labelNames: ['limit'],
      registers,
    }),
    operationCost: new Histogram({
      name: 'gateway_operation_estimated_cost',
      help: 'Estimated cost of each priced operation (demand control), by kind of caller',
      labelNames: ['caller'],
      buckets: [0, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 100000],
      registers,
    }),
    operationsOverBudget: new Counter({
      name: 'gateway_operations_over_cost_budget_total',
      help: "Operations whose estimated cost was over their caller's budget, by kind of caller and whether they were refused (enforce) or only measured",
      labelNames: ['caller', 'refused'],
      registers,
    }),
    redisUp: new Gauge({
      name: 'gateway_redis_up',
      help: "1 while the gateway's Redis connection (rate-limit counters, response cache) answers, 0 while it falls back to memory (absent without REDIS_URL)",
      registers,
    }),
    requestsInFlight: new Gauge({
      name: 'gateway_http_requests_in_flight',
      help: 'HTTP requests the gateway has read and not yet answered (what a SIGTERM would drain)',
      registers,
      // Read at each scrape: the drain tracker already counts them, so no request pays for a second count.
      collect() {
        this.set(countInFlight());
      },
    }),
    /** Where gateway_http_requests_in_flight reads its count (the HTTP server's drain tracker). */
    countRequestsInFlightWith(count: () => number): void {
      countInFlight = count;
    },
    safelistUnknown: new Counter({
      name: 'gateway_safelist_unknown_total',
      help: 'Operations not in the safelist, by client and whether they were rejected',
      labelNames: ['client', 'rejected'],
      registers,
    }),
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;

/** Caps distinct label values: operation names come from clients, and each one is a new time series. */
export function boundedLabel(max = 500): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    const v = value.slice(0, 100);
    if (seen.has(v)) return v;
    if (seen.size >= max) return '__other__';
    seen.add(v);
    return v;
  };
}

/** Counts operations the safelist did not know, per client name. */
export function safelistObserver(metrics: GatewayMetrics): (client: string | undefined, rejected: boolean) => void {
  const label = boundedLabel(100);
  return (client, rejected) => metrics.safelistUnknown.inc({ client: label(client ?? '__none__'), rejected: String(rejected) });
}
