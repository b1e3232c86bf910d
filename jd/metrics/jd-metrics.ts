/**
 * Prometheus view of the JD layer: what the client sent (attempts by method and outcome, latency,
 * error codes) and what the loaders saved (cache hits and misses, in-flight joins, calls merged by the batch window, keys per call).
 * It lives beside jd/client and jd/loaders so they stay free of prom-client; the process that owns
 * them registers this registry with the gateway's /metrics.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JdBreakerState, JdCallObservation } from '../client';
import type { JdLoaderStats, MethodStats } from '../loaders';

export interface JdMetrics {
  /** Only JD series; merge it into /metrics with the gateway's `registerExternalMetrics`. */
  registry: Registry;
  /** Pass as `createJdClient(config, { observer })`: counts every HTTP attempt the client makes. */
  observe(observation: JdCallObservation): void;
  /** Pass as `createJdClient(config, { onBreakerStateChange })`: the gauge of each method's circuit. */
  observeBreaker(method: string, state: JdBreakerState): void;
}

export interface JdMetricsOptions {
  /** The process-wide loader counters (the same instance every request's loaders get). */
  loaderStats: JdLoaderStats;
}

/** Labels a client-supplied method name could otherwise explode; JD method names are a closed set, so this only guards bugs. */
const MAX_METHODS = 100;

/** Gauge values: higher is worse, so `max by (method)` and alerts on `> 0` read naturally. */
const BREAKER_STATE_VALUES: Record<JdBreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/** Counters whose values are read from the loader-stats snapshot at scrape time. */
const LOADER_COUNTERS: { name: string; help: string; pick: (s: MethodStats) => number }[] = [
  { name: 'jd_loader_cache_hits_total', help: 'JD loader keys answered from the cache, by JD method', pick: (s) => s.cacheHits },
  { name: 'jd_loader_cache_misses_total', help: 'JD loader keys not in the cache, by JD method', pick: (s) => s.cacheMisses },
  {
    name: 'jd_loader_inflight_joins_total',
    help: 'Cache misses that joined a JD call already on its way (in-flight de-duplication), by JD method',
    pick: (s) => s.inFlightJoins,
  },
  {
    name: 'jd_loader_window_saved_calls_total',
    help: 'JD calls the cross-request batch window saved (requests merged into one call beyond the first), by JD method',
    pick: (s) => s.windowSavedCalls,
  },
  { name: 'jd_loader_calls_total', help: 'JD calls made by the loaders (one per batch), by JD method', pick: (s) => s.jdCalls },
  { name: 'jd_loader_call_errors_total', help: 'JD calls by the loaders that failed, by JD method', pick: (s) => s.jdCallErrors },
  {
    name: 'jd_loader_keys_sent_total',
    help: 'Keys sent to JD by the loaders (keys_sent / calls = mean batch size), by JD method',
    pick: (s) => s.keysSent,
  },
];

/** Creates the JD metrics registry: client observations are counted as they happen, loader stats are read on each scrape. */
export function createJdMetrics(options: JdMetricsOptions): JdMetrics {
  const registry = new Registry();
  const registers = [registry];
  const seenMethods = new Set<string>();
  const methodLabel = (method: string) => {
    if (seenMethods.has(method) || seenMethods.size < MAX_METHODS) {
      seenMethods.add(method);
      return method;
    }
    return '__other__';
  };

  const attempts = new Counter({
    name: 'jd_client_calls_total',
    help: 'HTTP attempts to the JD router (retries count again), by JD method and outcome',
    labelNames: ['method', 'outcome'],
    registers,
  });
  const errors = new Counter({
    name: 'jd_client_errors_total',
    help: 'Failed JD attempts by JD method and JdApiError code',
    labelNames: ['method', 'code'],
    registers,
  });
  const retries = new Counter({
    name: 'jd_client_retries_total',
    help: 'Attempts to the JD router that repeated a failed one (attempt 2 and later), by JD method',
    labelNames: ['method'],
    registers,
  });
  const latency = new Histogram({
    name: 'jd_client_call_duration_seconds',
    help: 'Latency of one HTTP attempt to the JD router, by JD method',
    labelNames: ['method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const breakerState = new Gauge({
    name: 'jd_client_breaker_state',
    help: 'Circuit breaker of each JD method: 0 closed, 1 half-open (one trial call in flight), 2 open (calls refused)',
    labelNames: ['method'],
    registers,
  });

  for (const spec of LOADER_COUNTERS) {
    new Counter({
      name: spec.name,
      help: spec.help,
      labelNames: ['method'],
      registers,
      collect() {
        // The snapshot is cumulative, so the counter is re-set to it rather than incremented.
        this.reset();
        for (const [method, stats] of Object.entries(options.loaderStats.snapshot().methods))
          this.inc({ method: methodLabel(method) }, spec.pick(stats));
      },
    });
  }
  new Counter({
    name: 'jd_cache_errors_total',
    help: 'JD cache reads or writes that failed (e.g. Redis down); the loaders treated them as misses',
    registers,
    collect() {
      this.reset();
      this.inc(options.loaderStats.snapshot().cacheErrors);
    },
  });

  return {
    registry,
    observe(o) {
      const method = methodLabel(o.method);
      attempts.inc({ method, outcome: o.outcome });
      if (o.attempt > 1) retries.inc({ method });
      if (o.outcome === 'error') errors.inc({ method, code: o.code ?? 'unknown' });
      latency.observe({ method }, o.durationMs / 1000);
    },
    observeBreaker(method, state) {
      breakerState.set({ method: methodLabel(method) }, BREAKER_STATE_VALUES[state]);
    },
  };
}
