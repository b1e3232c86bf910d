/**
 * Open-loop load: requests start on a fixed schedule (rate × duration), whether or not earlier ones
 * have answered, so a slow server meets the same arrivals a real crowd would send (a closed loop
 * would slow down with it and hide the queue). Latency counts from the scheduled start.
 */

export interface PlannedRequest {
  kind: string;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Outcome {
  kind: string;
  /** When it was scheduled, from the step's start. */
  scheduledAtMs: number;
  latencyMs: number;
  /** 'ok'; 'partial' (data with errors); 'error' (no data, HTTP error, timeout). */
  result: 'ok' | 'partial' | 'error';
  /** Error codes seen in the answer's `errors`. */
  codes: string[];
  /** extensions.staleness.oldestAgeMs when the answer says it holds stale data. */
  staleAgeMs?: number;
}

interface GraphAnswer {
  data?: unknown;
  errors?: { extensions?: { code?: string } }[];
  extensions?: { staleness?: { oldestAgeMs?: number } };
}

async function send(planned: PlannedRequest, startedAt: number, scheduledAt: number, timeoutMs: number): Promise<Outcome> {
  const done = (result: Outcome['result'], codes: string[] = [], staleAgeMs?: number): Outcome => ({
    kind: planned.kind,
    scheduledAtMs: scheduledAt - startedAt,
    latencyMs: performance.now() - scheduledAt,
    result,
    codes,
    staleAgeMs,
  });
  try {
    const res = await fetch(planned.url, {
      method: planned.method,
      headers: planned.headers,
      body: planned.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (res.status !== 200) return done('error', [`HTTP ${res.status}`]);
    const answer = JSON.parse(text) as GraphAnswer;
    const codes = (answer.errors ?? []).map((e) => e.extensions?.code ?? 'UNKNOWN');
    const stale = answer.extensions?.staleness?.oldestAgeMs;
    if (!codes.length) return done('ok', [], stale);
    return done(answer.data ? 'partial' : 'error', codes, stale);
  } catch (err) {
    return done('error', [err instanceof Error && err.name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'NETWORK']);
  }
}

/** Sends `ratePerSecond × durationS` requests from `next()` on schedule; resolves when all have answered. */
export async function openLoop(options: {
  ratePerSecond: number;
  durationS: number;
  timeoutMs: number;
  next: () => PlannedRequest;
}): Promise<Outcome[]> {
  const { ratePerSecond, durationS, timeoutMs } = options;
  const total = Math.round(ratePerSecond * durationS);
  const gapMs = 1000 / ratePerSecond;
  const started = performance.now();
  const pending: Promise<Outcome>[] = [];
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (pending.length < total && started + pending.length * gapMs <= now) {
        pending.push(send(options.next(), started, started + pending.length * gapMs, timeoutMs));
      }
      if (pending.length >= total) resolve();
      else setTimeout(tick, Math.max(0, Math.min(gapMs, started + pending.length * gapMs - performance.now())));
    };
    tick();
  });
  const outcomes = await Promise.all(pending);
  return outcomes;
}
