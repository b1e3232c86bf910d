/**
 * Plain counters for the loaders, per JD method. The gateway turns them into Prometheus metrics
 * later; keeping them plain keeps prom-client out of jd/.
 */

/** Upper bounds of the keys-per-JD-call histogram (JD allows at most 100). */
export const BATCH_SIZE_BUCKETS = [1, 5, 10, 25, 50, 100] as const;

export interface MethodStats {
  cacheHits: number;
  cacheMisses: number;
  /** Misses answered by another loader's call already on its way (in-flight de-duplication). */
  inFlightJoins: number;
  jdCalls: number;
  jdCallErrors: number;
  /** Keys answered from an entry past its TTL, within its grace (stale-while-revalidate). */
  staleServed: number;
  /** Background refreshes of stale keys that did not happen (no free budget slot) or failed. */
  refreshesSkipped: number;
  keysSent: number;
  /** JD calls the cross-request batch window saved: participants merged into a call beyond its first. */
  windowSavedCalls: number;
  /** Cumulative counts per bucket upper bound, Prometheus style (`le`). */
  batchSizeBuckets: Record<string, number>;
}

export interface JdLoaderStatsSnapshot {
  methods: Record<string, MethodStats>;
  /** Cache reads/writes that failed (Redis down): the loaders carried on as if it were a miss. */
  cacheErrors: number;
}

export interface JdLoaderStats {
  cacheHit(method: string, count?: number): void;
  cacheMiss(method: string, count?: number): void;
  inFlightJoin(method: string, count?: number): void;
  jdCall(method: string, keys: number): void;
  jdCallError(method: string): void;
  staleServed(method: string, count: number): void;
  refreshSkipped(method: string): void;
  /** One merged call of the batch window left; `saved` = its participants beyond the first. */
  windowSaved(method: string, saved: number): void;
  cacheError(): void;
  snapshot(): JdLoaderStatsSnapshot;
  reset(): void;
}

function emptyMethodStats(): MethodStats {
  const batchSizeBuckets: Record<string, number> = {};
  for (const le of BATCH_SIZE_BUCKETS) batchSizeBuckets[String(le)] = 0;
  batchSizeBuckets['+Inf'] = 0;
  return {
    cacheHits: 0,
    cacheMisses: 0,
    inFlightJoins: 0,
    jdCalls: 0,
    jdCallErrors: 0,
    staleServed: 0,
    refreshesSkipped: 0,
    keysSent: 0,
    windowSavedCalls: 0,
    batchSizeBuckets,
  };
}

/** Process-wide loader counters; share one instance between every request's loaders. */
export function createJdLoaderStats(): JdLoaderStats {
  let methods = new Map<string, MethodStats>();
  let cacheErrors = 0;
  const of = (method: string): MethodStats => {
    let s = methods.get(method);
    if (!s) methods.set(method, (s = emptyMethodStats()));
    return s;
  };
  return {
    cacheHit: (method, count = 1) => {
      of(method).cacheHits += count;
    },
    cacheMiss: (method, count = 1) => {
      of(method).cacheMisses += count;
    },
    inFlightJoin: (method, count = 1) => {
      of(method).inFlightJoins += count;
    },
    jdCall(method, keys) {
      const s = of(method);
      s.jdCalls += 1;
      s.keysSent += keys;
      for (const le of BATCH_SIZE_BUCKETS) if (keys <= le) s.batchSizeBuckets[String(le)] += 1;
      s.batchSizeBuckets['+Inf'] += 1;
    },
    jdCallError: (method) => {
      of(method).jdCallErrors += 1;
    },
    staleServed: (method, count) => {
      if (count > 0) of(method).staleServed += count;
    },
    refreshSkipped: (method) => {
      of(method).refreshesSkipped += 1;
    },
    windowSaved: (method, saved) => {
      if (saved > 0) of(method).windowSavedCalls += saved;
    },
    cacheError: () => {
      cacheErrors += 1;
    },
    snapshot: () => ({
      methods: Object.fromEntries([...methods].map(([m, s]) => [m, { ...s, batchSizeBuckets: { ...s.batchSizeBuckets } }])),
      cacheErrors,
    }),
    reset() {
      methods = new Map();
      cacheErrors = 0;
    },
  };
}
