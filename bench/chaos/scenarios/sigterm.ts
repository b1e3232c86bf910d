/**
 * SIGTERM to the gateway process with requests in flight over a slow JD: what was in flight must
 * complete, and the process must exit 0 within the drain window (SHUTDOWN_DRAIN_MS).
 */
import { DEMO_PINS } from '../../../jd/sandbox';
import { startChaosGraph, type ChaosGraph } from '../graph';
import { latency, leaksIn, send, type Answer } from '../load';
import type { Scale, ScenarioResult } from '../scenario';
import { eventually } from '../../../test/support/eventually';

// Well below CHAOS_ENV's JD_TIMEOUT_MS (1500): slow, but answered even on a busy machine.
const JD_LATENCY_MS = 600;
const DRAIN_MS = 8000;

/** Ends the gateway of a shared graph, which must run with SHUTDOWN_DRAIN_MS=8000 (CHAOS_ENV). */
export async function sigtermUnderLoad(scale: Scale, shared?: ChaosGraph): Promise<ScenarioResult> {
  const inFlight = scale === 'full' ? 200 : 20;
  const graph = shared ?? (await startChaosGraph({ env: { SHUTDOWN_DRAIN_MS: String(DRAIN_MS) } }));
  try {
    const token = await graph.tokenFor(DEMO_PINS.alice);
    graph.sandbox.faults.set({ '*': { latencyMs: JD_LATENCY_MS } });
    const request = () =>
      send(graph.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ orders(first: 3) { edges { node { id status } } } }' }),
        timeoutMs: 30_000,
      });
    const gateway = graph.gateway.child;
    const exited = new Promise<{ code: number | null; ms: number }>((resolve) =>
      gateway.once('exit', (code) => resolve({ code, ms: Date.now() - signalledAt })),
    );
    let answeredBefore = 0;
    const before = Array.from({ length: inFlight }, () => request().finally(() => answeredBefore++));
    // Every request has reached the gateway (read, or already answered) before the signal: a state, not
    // a guess at how long a burst of connections takes to be accepted on a busy machine. Those still in
    // the listen backlog when it closes would be reset, as any stopped listener resets them.
    let atSignal = 0;
    await eventually(
      async () => {
        atSignal = await requestsInFlight(graph.gatewayMetricsUrl);
        return atSignal + answeredBefore >= inFlight;
      },
      'every request at the gateway',
      20_000,
    );
    const signalledAt = Date.now();
    gateway.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    const after = await Promise.all(Array.from({ length: 10 }, request));
    const answers: Answer[] = await Promise.all(before);
    const exit = await Promise.race([
      exited,
      new Promise<{ code: null; ms: number }>((r) => setTimeout(() => r({ code: null, ms: -1 }), DRAIN_MS + 10_000)),
    ]);
    const completed = answers.filter((a) => a.status === 200 && a.body.includes('"edges"')).length;
    return {
      name: 'SIGTERM under load',
      fault: `SIGTERM to the gateway process with ${inFlight} requests in flight; every JD call takes ${JD_LATENCY_MS} ms; SHUTDOWN_DRAIN_MS=${DRAIN_MS}, no readiness delay`,
      load: `${inFlight} customer order lists sent at once; the signal once the gateway has read them all (its in-flight gauge); then 10 more 200 ms after the signal`,
      outcomes: {
        'requests sent': inFlight,
        'in flight at the signal (gateway_http_requests_in_flight)': atSignal,
        'completed with data': completed,
        'ended SHUTTING_DOWN (503)': answers.filter((a) => a.status === 503).length,
        'other failures': answers.length - completed - answers.filter((a) => a.status === 503).length,
        'sent after the signal: refused': after.filter((a) => a.status === 0).length,
        'sent after the signal: answered': after.filter((a) => a.status > 0).length,
        'exit code': exit.code ?? -1,
        'ms from SIGTERM to exit': exit.ms,
        'responses with a leak': answers.filter((a) => leaksIn(a.body).length > 0).length,
      },
      latency: latency(answers.map((a) => a.ms)),
      targets: [
        { label: 'every request sent before the signal completes', met: completed === inFlight },
        { label: 'exit 0 within the drain window', met: exit.code === 0 && exit.ms >= 0 && exit.ms < DRAIN_MS },
      ],
      notes: [
        ...new Set(
          answers
            .filter((a) => !(a.status === 200 && a.body.includes('"edges"')))
            .map((a) => `${a.status} ${a.error ?? a.body.slice(0, 160)}`),
        ),
      ]
        .slice(0, 3)
        .map((t) => `Example failure: \`${t.replace(/`/g, "'")}\``),
    };
  } finally {
    graph.sandbox.faults.set({});
    if (!shared) await graph.stop();
  }
}

/** gateway_http_requests_in_flight from the gateway's metrics endpoint. */
async function requestsInFlight(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl, { signal: AbortSignal.timeout(2000) })).text();
  const line = text.split('\n').find((l) => l.startsWith('gateway_http_requests_in_flight '));
  return line ? Number(line.split(' ')[1]) : 0;
}
