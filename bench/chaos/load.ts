/** Load for the chaos scenarios: requests with a client timeout, outcome counts, latency quantiles, leak checks. */
import { quantile, round } from '../lib/stats';

export interface Answer {
  /** HTTP status; 0 when the connection failed, -1 when the client gave up (timeout). */
  status: number;
  body: string;
  ms: number;
  error?: string;
}

/** One HTTP request with a client-side timeout; never throws. */
export async function send(url: string, init: RequestInit & { timeoutMs: number }): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs) });
    const body = await res.text();
    return { status: res.status, body, ms: performance.now() - started };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
    return {
      status: timedOut ? -1 : 0,
      body: '',
      ms: performance.now() - started,
      error: timedOut ? 'client timeout' : (e.cause?.code ?? e.message),
    };
  }
}

/** Runs `count` jobs, at most `concurrency` at once. */
export async function pool<T>(count: number, concurrency: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await job(i);
      }
    }),
  );
  return out;
}

/** p50 and p99 in whole milliseconds. */
export function latency(ms: number[]): { p50: number; p99: number } {
  return { p50: round(quantile(ms, 0.5)), p99: round(quantile(ms, 0.99)) };
}

/**
 * What a client must never read: stack frames, absolute paths, host:port pairs and Node's or our
 * internal error names. Each pattern names itself in the report.
 */
const LEAKS: [string, RegExp][] = [
  ['stack trace', /\bat [\w$.<>]+ \(|\bat (?:async )?\/|"stacktrace"/],
  ['absolute path', /(?:\/(?:work|home|usr|app|opt|tmp|var)\/[\w.-]+)|node_modules/],
  ['host:port', /\b(?:\d{1,3}\.){3}\d{1,3}:\d{2,5}\b|\blocalhost:\d{2,5}\b|\[::1?\]:\d+/],
  [
    'internal name',
    /\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|TypeError|ReferenceError|RangeError|SyntaxError|JdApiError|FetchError|UND_ERR_\w+)\b/,
  ],
];

/** Which kinds of leak a response body shows (empty when none). */
export function leaksIn(body: string): string[] {
  return LEAKS.filter(([, re]) => re.test(body)).map(([name]) => name);
}
