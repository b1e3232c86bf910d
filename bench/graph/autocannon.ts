/** The slice of autocannon's programmatic API the benches use (the package ships no types). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

export interface AutocannonOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Responses for which it returns false are counted in `mismatches`. */
  verifyBody?: (body: string) => boolean;
  timeout?: number;
}

interface Histogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p99: number;
  total: number;
}

export interface AutocannonResult {
  requests: Histogram & { sent: number };
  latency: Histogram & { p2_5: number; p97_5: number };
  throughput: Histogram;
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
  '2xx': number;
  duration: number;
}

/** Runs one bounded autocannon load (count and time bounded by `connections` and `duration`). */
export function runLoad(options: AutocannonOptions): Promise<AutocannonResult> {
  return autocannon(options);
}
