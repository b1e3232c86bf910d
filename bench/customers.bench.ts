/**
 * Bench — many customers within JD's call budget: an open-loop mix (60% dashboard, 20% order detail,
 * 10% directory, 10% exchange quote) over N sandbox customers, at rising fixed arrival rates, against
 * the whole graph in a child process with 50 ms JD latency and the default budget
 * (JD_RATE_LIMIT_PER_SECOND 50). The sustainable rate is the highest with p99 under 1 s and no error.
 */
import { join, resolve } from 'node:path';
import { loadGatewayConfig } from '../gateway/config';
import { issueCustomerToken } from '../gateway/auth';
import { forkIpcChild, freePort } from '../test/support/processes';
import { spawnOurGateway } from './lib/gateway-process';
import { cpuMs, waitUntilReady } from './lib/managed-process';
import { NO_EDGE_RATE_LIMITS } from './lib/no-edge-rate-limits';
import { openLoop, type Outcome } from './customers/open-loop';
import type { StackMessage, StackProbe } from './customers/stack-child';
import type { SandboxMessage, SandboxProbe } from './customers/sandbox-child';
import { mixedWorkload, MIX } from './customers/workload';
import type { MethodStats } from '../jd/loaders';
import type { BenchResult, BenchTable } from './lib/report';
import { quantile, round } from './lib/stats';

export const CUSTOMERS_FLAGS = {
  quick: 'switch',
  customers: 'value',
  rates: 'value',
  seconds: 'value',
  warmup: 'value',
  profile: 'value',
} as const;

const JD_LATENCY_MS = 50;
/** The rate of the unmeasured warm-up: well inside the budget, so every customer's data gets cached. */
const WARMUP_RATE = 20;
const P99_LIMIT_MS = 1000;
/** A request that has not answered by then counts as an error. */
const CLIENT_TIMEOUT_MS = 10_000;

interface Step {
  customers: number;
  rate: number;
  requests: number;
  /** From the first scheduled start to the last answer. */
  elapsedS: number;
  achievedPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  partial: number;
  errorCodes: Record<string, number>;
  staleAnswers: number;
  oldestStaleMs: number;
  jdCalls: number;
  jdCallsByMethod: Record<string, number>;
  peakJdCallsPerSecond: number;
  cacheHitRatio: number;
  /** JD calls the cross-request batch window saved (price, stock, goods misses of concurrent requests merged). */
  windowSavedCalls: number;
  limiterWaitMsPerRequest: number;
  limiterWaited: number;
  limiterRefused: number;
  eventLoopDelayP99Ms: number;
  /** Share of one core the subgraph process (the four subgraphs) used during the step. */
  stackCpuShare: number;
  /** Share of one core the gateway process used during the step. */
  gatewayCpuShare: number;
  /** Share of one core the JD sandbox's process used during the step (JD's, not the graph's). */
  jdCpuShare: number;
  sustainable: boolean;
}

function parseList(value: string | true | undefined, fallback: number[], what: string): number[] {
  if (value === undefined || value === true) return fallback;
  const list = value.split(',').map(Number);
  if (list.some((n) => !Number.isFinite(n) || n <= 0))
    throw new Error(`--${what} takes positive numbers separated by commas, got ${value}`);
  return list;
}

/** Probes of the subgraph and sandbox processes, with the gateway process's CPU read at the same moment. */
type Probe = StackProbe & { jd: SandboxProbe; gatewayCpuMs: number };

/** `profileDir`: each process writes a V8 CPU profile there when it stops (summarise with bench/profile/summarise-cpuprofile.ts). */
async function startGraph(customers: number, profileDir?: string) {
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'silent',
    APOLLO_TELEMETRY_DISABLED: '1',
    JD_SANDBOX_CUSTOMERS: String(customers),
    JD_SANDBOX_FAULTS: JSON.stringify({ '*': { latencyMs: JD_LATENCY_MS } }),
  };
  // Default in-memory wiring and the default budget: a shell's REDIS_URL, real JD or budget must not leak in.
  for (const name of Object.keys(env))
    if (
      ['REDIS_URL', 'JD_API_URL', 'JD_RATE_LIMIT_PER_SECOND', 'JD_PROCESSES'].includes(name) ||
      name.startsWith('SUBGRAPH_URL_') ||
      name.startsWith('GATEWAY_')
    )
      delete env[name];
  // JD in a process of its own, as it is remote in production: its CPU is not the graph's, and its clock is not delayed by it.
  const jd = forkIpcChild<SandboxMessage>(join(__dirname, 'customers', 'sandbox-child.ts'), env, 'JD sandbox');
  const started: { stop(): Promise<void> }[] = [jd];
  const stopAll = () => Promise.all(started.map((p) => p.stop()));
  try {
    const sandbox = await jd.next('ready', 120_000);
    const child = forkIpcChild<StackMessage>(
      join(__dirname, 'customers', 'stack-child.ts'),
      { ...env, JD_SANDBOX_URL: sandbox.routerUrl },
      'customers subgraphs',
      nodeArgs,
    );
    started.push(child);
    const ready = await child.next('ready', 120_000);
    // The gateway as it is deployed: its own process, so the subgraphs' event loop never delays it.
    const port = await freePort();
    const gateway = spawnOurGateway({ port, subgraphUrls: ready.subgraphUrls, env: { ...env, ...NO_EDGE_RATE_LIMITS }, nodeArgs });
    started.push(gateway);
    await waitUntilReady('gateway', gateway, async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok);
    const jwt = loadGatewayConfig(env).jwt;
    const withTokens = await Promise.all(sandbox.customers.map(async (c) => ({ ...c, token: await issueCustomerToken(jwt, c.pin) })));
    return {
      gatewayUrl: `http://127.0.0.1:${port}/graphql`,
      customers: withTokens,
      probe: async (): Promise<Probe> => {
        const [stack, calls] = await Promise.all([child.ask('probe', 'probe'), jd.ask('probe', 'probe')]);
        return { ...stack.probe, jd: calls.probe, gatewayCpuMs: cpuMs(gateway.pid) };
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

function diff(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([k, v]) => [k, v - (before[k] ?? 0)])
      .filter(([, v]) => (v as number) > 0),
  );
}
function hitsAndMisses(p: StackProbe): { hits: number; misses: number } {
  const methods: MethodStats[] = Object.values(p.loader.methods);
  return { hits: methods.reduce((a, m) => a + m.cacheHits, 0), misses: methods.reduce((a, m) => a + m.cacheMisses, 0) };
}

const savedByWindow = (p: StackProbe) => Object.values(p.loader.methods).reduce((a, m) => a + m.windowSavedCalls, 0);

function summarise(customers: number, rate: number, seconds: number, outcomes: Outcome[], before: Probe, after: Probe): Step {
  const latencies = outcomes.map((o) => o.latencyMs);
  const errors = outcomes.filter((o) => o.result === 'error').length;
  const partial = outcomes.filter((o) => o.result === 'partial').length;
  const errorCodes: Record<string, number> = {};
  for (const o of outcomes) for (const c of o.codes) errorCodes[c] = (errorCodes[c] ?? 0) + 1;
  const stale = outcomes.filter((o) => o.staleAgeMs !== undefined);
  const hm0 = hitsAndMisses(before);
  const hm1 = hitsAndMisses(after);
  const hits = hm1.hits - hm0.hits;
  const misses = hm1.misses - hm0.misses;
  const p99 = quantile(latencies, 0.99);
  const lastAnswer = Math.max(...latencies);
  const elapsedS = Math.max(seconds, Math.max(...outcomes.map((o) => o.scheduledAtMs + o.latencyMs)) / 1000);
  return {
    customers,
    rate,
    requests: outcomes.length,
    elapsedS,
    achievedPerSecond: outcomes.length / elapsedS,
    p50: quantile(latencies, 0.5),
    p99,
    max: lastAnswer,
    errors,
    partial,
    errorCodes,
    staleAnswers: stale.length,
    oldestStaleMs: stale.length ? Math.max(...stale.map((o) => o.staleAgeMs as number)) : 0,
    jdCalls: after.jd.jdCalls - before.jd.jdCalls,
    jdCallsByMethod: diff(after.jd.jdCallsByMethod, before.jd.jdCallsByMethod),
    peakJdCallsPerSecond: after.jd.peakCallsPerSecond,
    cacheHitRatio: hits + misses ? hits / (hits + misses) : 1,
    windowSavedCalls: savedByWindow(after) - savedByWindow(before),
    limiterWaitMsPerRequest: (after.limiter.waitedMs - before.limiter.waitedMs) / outcomes.length,
    limiterWaited: after.limiter.waited - before.limiter.waited,
    limiterRefused: after.limiter.refused - before.limiter.refused,
    eventLoopDelayP99Ms: after.eventLoopDelayP99Ms,
    stackCpuShare: (after.cpuMs - before.cpuMs) / 1000 / elapsedS,
    gatewayCpuShare: (after.gatewayCpuMs - before.gatewayCpuMs) / 1000 / elapsedS,
    jdCpuShare: (after.jd.cpuMs - before.jd.cpuMs) / 1000 / elapsedS,
    sustainable: p99 < P99_LIMIT_MS && errors === 0 && partial === 0,
  };
}

export async function runCustomersBench(options: { rounds?: number; flags: Record<string, string | true> }): Promise<BenchResult> {
  const quick = options.flags.quick === true;
  const customerCounts = parseList(options.flags.customers, quick ? [50] : [10, 50, 200], 'customers');
  const rates = parseList(options.flags.rates, quick ? [50, 150] : [25, 50, 100, 150, 200, 300], 'rates');
  const [seconds] = parseList(options.flags.seconds, [quick ? 5 : 15], 'seconds');
  // A graph in production runs warm: by default the first measured rate does not pay for filling the cache.
  const warmupFlag = options.flags.warmup;
  const warmupSeconds = warmupFlag === undefined || warmupFlag === true ? (quick ? 5 : 20) : Number(warmupFlag);
  if (!Number.isInteger(warmupSeconds) || warmupSeconds < 0)
    throw new Error(`--warmup takes whole seconds (0: start cold), got ${String(warmupFlag)}`);
  const steps: Step[] = [];
  for (const customers of customerCounts) {
    const graph = await startGraph(customers, typeof options.flags.profile === 'string' ? resolve(options.flags.profile) : undefined);
    try {
      console.log(`customers ${customers}: ${graph.customers.length} customers listed by GET /__sandbox/customers`);
      const next = mixedWorkload(graph.gatewayUrl, graph.customers);
      if (warmupSeconds > 0) {
        const warm = await openLoop({ ratePerSecond: WARMUP_RATE, durationS: warmupSeconds, timeoutMs: CLIENT_TIMEOUT_MS, next });
        console.log(
          `  warm-up ${WARMUP_RATE}/s × ${warmupSeconds} s (not counted): ${warm.filter((o) => o.result !== 'ok').length} of ${warm.length} not ok`,
        );
      }
      // Every rate is measured, even past the first failure: the curve shows how it degrades.
      for (const rate of rates) {
        const before = await graph.probe();
        const outcomes = await openLoop({ ratePerSecond: rate, durationS: seconds, timeoutMs: CLIENT_TIMEOUT_MS, next });
        const step = summarise(customers, rate, seconds, outcomes, before, await graph.probe());
        steps.push(step);
        console.log(
          `  ${rate}/s: p50 ${round(step.p50)} ms, p99 ${round(step.p99)} ms, errors ${step.errors}, partial ${step.partial}, JD ${round(step.jdCalls / step.elapsedS)}/s (peak ${step.peakJdCallsPerSecond} in 1 s), CPU gateway ${round(step.gatewayCpuShare)} + subgraphs ${round(step.stackCpuShare)} (+ JD ${round(step.jdCpuShare)}) core, subgraph loop delay p99 ${round(step.eventLoopDelayP99Ms)} ms`,
        );
      }
    } finally {
      await graph.stop();
    }
  }
  const tables: BenchTable[] = [
    {
      title: 'Sustainable rate (p99 < 1 s, no error, no partial answer)',
      columns: ['customers', 'sustainable req/s', 'highest rate tried'],
      rows: customerCounts.map((n) => {
        const ok = steps.filter((s) => s.customers === n && s.sustainable).map((s) => s.rate);
        return [n, ok.length ? Math.max(...ok) : 'none of the rates tried', Math.max(...rates)];
      }),
    },
    {
      title: 'Each rate',
      columns: [
        'customers',
        'offered req/s',
        'answered/s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'errors',
        'partial',
        'error codes',
        'stale answers',
        'JD calls/s (over the step until its last answer)',
        'peak JD calls in 1 s',
        'JD calls/request',
        'cache hit ratio',
        'JD calls saved by the batch window',
        'limiter wait ms/request',
        'gateway CPU (cores)',
        'subgraphs CPU (cores)',
        'JD sandbox CPU (cores)',
        'subgraph process event-loop delay p99 ms',
      ],
      rows: steps.map((s) => [
        s.customers,
        s.rate,
        round(s.achievedPerSecond),
        round(s.p50),
        round(s.p99),
        round(s.max),
        s.errors,
        s.partial,
        Object.entries(s.errorCodes)
          .map(([c, n]) => `${c} ${n}`)
          .join(', ') || '-',
        s.staleAnswers ? `${s.staleAnswers} (oldest ${round(s.oldestStaleMs / 1000)} s)` : 0,
        round(s.jdCalls / s.elapsedS),
        s.peakJdCallsPerSecond,
        round(s.jdCalls / s.requests),
        round(s.cacheHitRatio),
        s.windowSavedCalls,
        round(s.limiterWaitMsPerRequest),
        round(s.gatewayCpuShare),
        round(s.stackCpuShare),
        round(s.jdCpuShare),
        round(s.eventLoopDelayP99Ms),
      ]),
    },
    {
      title: 'JD calls per request, by method',
      columns: ['customers', 'offered req/s', 'method', 'calls/request'],
      rows: steps.flatMap((s) =>
        Object.entries(s.jdCallsByMethod)
          .sort(([, a], [, b]) => b - a)
          .map(([m, n]) => [s.customers, s.rate, m, round(n / s.requests)]),
      ),
    },
  ];
  return {
    name: quick ? 'customers-quick' : 'customers',
    title: 'Many customers within the JD call budget (open loop)',
    method: [
      `Open loop: requests start on a fixed schedule (rate × ${seconds} s per step) whatever the answers, latency from the scheduled start; a request unanswered after ${CLIENT_TIMEOUT_MS / 1000} s is an error.`,
      `Mix: ${MIX.map((m) => `${m.weight}% ${m.kind}`).join(', ')}; each request a customer drawn at random (seeded) from the sandbox's GET /__sandbox/customers (demo customers left out), order and SKU from that customer's orders.`,
      `The graph as deployed, in child processes: the four subgraphs in one (startStack, in-memory JD cache), our gateway in another (gateway/index.ts, edge rate limits off as in every bench), and JD — the sandbox — in a third, as it is remote in production (its CPU is reported apart, and the times its calls arrive are read on its own event loop); the load generator in the bench's own process. JD_SANDBOX_CUSTOMERS = N, JD latency ${JD_LATENCY_MS} ms on every method, default budget JD_RATE_LIMIT_PER_SECOND 50, default TTLs.`,
      `Rates run one after another on the same graph, after an unmeasured warm-up of ${warmupSeconds} s at ${WARMUP_RATE} req/s of the same mix (${warmupSeconds ? 'a graph in production runs warm' : 'none: the first rate starts with a cold cache'}). Sustainable: p99 < 1 s with no error and no partial answer (data with errors).`,
      "JD calls are counted where they arrive (the sandbox); the peak is the most in any 1000 ms window. Cache hit ratio: loader keys answered from the JD cache over all keys asked. Calls saved by the batch window: price, stock and goods misses of concurrent requests that joined another request's JD call within JD_BATCH_WINDOW_MS (2 ms) instead of making their own. Limiter wait: ms callers were told to wait for a budget slot, per request.",
    ],
    tables,
    raw: { customerCounts, rates, seconds, warmupSeconds, steps },
  };
}
