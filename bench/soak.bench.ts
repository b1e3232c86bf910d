/**
 * Soak: our gateway (its own process, as the peers bench runs it) under the customer dashboard and the
 * directory at once, for minutes, sampling its RSS, V8 heap and event-loop delay every interval; reports
 * the growth after the warm-up, to tell a bounded working set from a leak.
 *   npm run bench -- soak [--minutes 10] [--warmup-minutes 2] [--interval 30] [--connections 4] [--ours-env NAME=value,…]
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { loadGatewayConfig } from '../gateway/config';
import { issueCustomerToken } from '../gateway/auth';
import { DEMO_PINS } from '../jd/sandbox';
import type { BenchResult } from './lib/report';
import { round } from './lib/stats';
import { cleanEnv } from './peers.bench';
import { startSubgraphs } from './peers/subgraphs';
import { startTarget, TARGET_LABELS } from './peers/targets';
import { dashboardRequest, DIRECTORY_QUERY } from './peers/workloads';
import { runWrk, wrkVersion as readWrkVersion, type WrkResult } from './peers/wrk';

export const SOAK_FLAGS = {
  minutes: 'value',
  'warmup-minutes': 'value',
  interval: 'value',
  connections: 'value',
  'ours-env': 'value',
} as const;

interface SoakOptions {
  minutes: number;
  warmupMinutes: number;
  intervalSeconds: number;
  /** wrk -c for each of the two workloads. */
  connections: number;
  oursEnv: Record<string, string>;
}

function number(flags: Record<string, string | true>, name: string, fallback: number, min: number, max: number): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (typeof raw !== 'string' || !Number.isFinite(n) || n < min || n > max)
    throw new Error(`--${name} must be a number from ${min} to ${max}`);
  return n;
}

function parseSoakOptions(flags: Record<string, string | true>): SoakOptions {
  const minutes = number(flags, 'minutes', 10, 1, 240);
  const warmupMinutes = number(flags, 'warmup-minutes', 2, 0, minutes - 0.5);
  const oursEnv: Record<string, string> = {};
  for (const pair of typeof flags['ours-env'] === 'string' ? flags['ours-env'].split(',').filter(Boolean) : []) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new Error(`--ours-env takes NAME=value[,NAME=value…], got "${pair}"`);
    oursEnv[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return {
    minutes,
    warmupMinutes,
    intervalSeconds: number(flags, 'interval', 30, 5, 600),
    connections: number(flags, 'connections', 4, 1, 256),
    oursEnv,
  };
}

interface Sample {
  atSeconds: number;
  gatewayRssMiB: number;
  heapUsedMiB: number;
  /** Event-loop delay over the interval (prom-client resets its histogram on every scrape). */
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  subgraphRssMiB: number;
  load1: number;
}

/** VmRSS of a process, in MiB, from /proc (the same figure `ps` shows). */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  if (!line) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(line.replace(/\D+/g, '')) / 1024;
}

function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`/metrics has no ${name}`);
  return Number(line.split(' ')[1]);
}

/** The gateway serves /metrics on its API port only behind a token: the soak gives it one for the run. */
const METRICS_TOKEN = randomBytes(24).toString('hex');

async function sample(metricsUrl: string, gatewayPid: number, subgraphPid: number, startedAt: number): Promise<Sample> {
  const response = await fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  if (!response.ok) throw new Error(`soak: GET ${metricsUrl} answered ${response.status}`);
  const text = await response.text();
  return {
    atSeconds: Math.round((Date.now() - startedAt) / 1000),
    gatewayRssMiB: round(rssMiB(gatewayPid)),
    heapUsedMiB: round(metric(text, 'gateway_process_nodejs_heap_size_used_bytes') / 2 ** 20),
    loopDelayP50Ms: round(metric(text, 'gateway_process_nodejs_eventloop_lag_p50_seconds') * 1000),
    loopDelayP99Ms: round(metric(text, 'gateway_process_nodejs_eventloop_lag_p99_seconds') * 1000),
    loopDelayMaxMs: round(metric(text, 'gateway_process_nodejs_eventloop_lag_max_seconds') * 1000),
    subgraphRssMiB: round(rssMiB(subgraphPid)),
    load1: round(loadavg()[0]),
  };
}

const pct = (from: number, to: number) => `${to >= from ? '+' : ''}${round(((to - from) / from) * 100)}%`;

/** Bench entry: see the file comment. */
export async function runSoakBench(options: { flags: Record<string, string | true> }): Promise<BenchResult> {
  const opts = parseSoakOptions(options.flags);
  const log = (line: string) => console.log(line);
  const wrkVersion = readWrkVersion();
  const env = cleanEnv();
  const gatewayConfig = loadGatewayConfig(env);
  const subgraphs = await startSubgraphs(env);
  try {
    const ours = await startTarget('ours', {
      subgraphUrls: subgraphs.subgraphUrls,
      signingSecret: gatewayConfig.subgraphSigningSecret,
      jwt: gatewayConfig.jwt,
      env,
      oursEnv: { METRICS_TOKEN, ...opts.oursEnv },
      variantEnv: {},
    });
    try {
      if (ours.pid === undefined) throw new Error('soak: our gateway has no pid to sample');
      const gatewayPid = ours.pid;
      const metricsUrl = ours.url.replace(/\/graphql$/, '/metrics');
      const token = await issueCustomerToken(gatewayConfig.jwt, DEMO_PINS.alice);
      const seconds = Math.round(opts.minutes * 60);
      const directory = {
        method: 'POST' as const,
        url: ours.url,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: DIRECTORY_QUERY }),
      };
      const startedAt = Date.now();
      await sample(metricsUrl, gatewayPid, subgraphs.pid, startedAt); // resets the event-loop histogram
      log(`soak: ${opts.minutes} min of dashboard and directory, -c${opts.connections} each, sampling every ${opts.intervalSeconds} s`);
      const loads: Promise<WrkResult>[] = [
        runWrk(dashboardRequest(ours.url, token), opts.connections, seconds),
        runWrk(directory, opts.connections, seconds),
      ];
      const samples: Sample[] = [];
      let loadDone = false;
      const all = Promise.all(loads).finally(() => (loadDone = true));
      all.catch(() => undefined);
      for (let next = opts.intervalSeconds; next <= seconds && !loadDone; next += opts.intervalSeconds) {
        await new Promise((r) => setTimeout(r, Math.max(0, startedAt + next * 1000 - Date.now())));
        if (ours.exited() !== undefined) throw new Error(`soak: our gateway exited: ${ours.exited()}`);
        const s = await sample(metricsUrl, gatewayPid, subgraphs.pid, startedAt);
        samples.push(s);
        log(
          `soak: ${s.atSeconds} s: gateway RSS ${s.gatewayRssMiB} MiB, heap ${s.heapUsedMiB} MiB, loop delay p99 ${s.loopDelayP99Ms} ms, load ${s.load1}`,
        );
      }
      const [dash, dir] = await all;
      return report(opts, samples, { dashboard: dash, directory: dir }, wrkVersion, ours.label ?? TARGET_LABELS.ours);
    } finally {
      await ours.stop().catch(() => undefined);
    }
  } finally {
    await subgraphs.stop();
  }
}

/** Median of a list of numbers. */
const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function report(opts: SoakOptions, samples: Sample[], wrk: Record<string, WrkResult>, wrkVersion: string, label: string): BenchResult {
  // RSS and heap follow the garbage collector's sawtooth (tens of MiB between two samples), so growth
  // compares the medians of the first and the last third of the samples after the warm-up, not two points.
  const after = samples.filter((s) => s.atSeconds >= opts.warmupMinutes * 60 - 1);
  const third = Math.max(1, Math.floor(after.length / 3));
  const [early, late] = [after.slice(0, third), after.slice(-third)];
  const span = `${early[0].atSeconds}–${early[early.length - 1].atSeconds} s → ${late[0].atSeconds}–${late[late.length - 1].atSeconds} s`;
  const row = (what: string, pick: (s: Sample) => number) => {
    const [from, to] = [mid(early.map(pick)), mid(late.map(pick))];
    const highest = Math.max(...after.map(pick));
    return [what, from, to, pct(from, to), highest, round(Math.min(...after.map(pick)))];
  };
  const growth = [
    row('gateway RSS (MiB)', (s) => s.gatewayRssMiB),
    row('gateway V8 heap used (MiB)', (s) => s.heapUsedMiB),
    row('gateway event-loop delay p99 (ms)', (s) => s.loopDelayP99Ms),
    row('subgraph process RSS (MiB)', (s) => s.subgraphRssMiB),
  ];
  return {
    name: 'soak',
    title: 'Soak — our gateway under the dashboard and the directory for minutes',
    method: [
      `${label}, in its own process in front of the peers bench's one subgraph process (\`bench/peers/subgraphs-child.ts\`: JD sandbox + the four subgraphs, in-memory JD cache), started as the peers bench starts it${
        Object.keys(opts.oursEnv).length
          ? `, plus ${Object.entries(opts.oursEnv)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')}`
          : ' (default settings: the public response cache is on)'
      }.`,
      `Load: two wrk processes (${wrkVersion}) at once for ${opts.minutes} min, \`-t1 -c${opts.connections}\` each: the customer dashboard (\`gateway/explorer/examples/customer/01-dashboard.graphql\`, bearer token for jd_demo_alice, POST) and the directory (\`${DIRECTORY_QUERY}\`, anonymous POST). Every answer is checked (HTTP 200, \`data\`, no \`errors\`).`,
      `Every ${opts.intervalSeconds} s: the gateway's RSS (VmRSS from /proc), its V8 heap used and its event-loop delay over the interval (p50, p99, max; prom-client's monitorEventLoopDelay histogram on the gateway's /metrics, reset by every scrape), and the subgraph process's RSS.`,
      `Growth leaves out the first ${opts.warmupMinutes} min (the warm-up: JIT, caches and pools filling) and compares the median of the first third of the remaining samples with the median of the last third: RSS and heap follow the garbage collector's sawtooth, so two single samples could differ by tens of MiB either way.`,
    ],
    tables: [
      {
        title: `Growth after the warm-up: median of the first third of the samples against the last third (${span})`,
        columns: ['what', 'first third (median)', 'last third (median)', 'growth', 'highest after warm-up', 'lowest after warm-up'],
        rows: growth,
      },
      {
        title: 'Load',
        columns: ['workload', 'requests', 'requests/s', 'p50 ms', 'p99 ms', 'failed answers'],
        rows: Object.entries(wrk).map(([name, w]) => [
          name,
          w.requests,
          round(w.requestsPerSecond),
          round(w.p50Ms),
          round(w.p99Ms),
          w.badAnswers + w.socketErrors + w.timeouts,
        ]),
      },
      {
        title: 'Samples',
        columns: ['s', 'gateway RSS MiB', 'heap used MiB', 'loop delay p50 ms', 'p99 ms', 'max ms', 'subgraph RSS MiB', 'load (1 min)'],
        rows: samples.map((s) => [
          s.atSeconds,
          s.gatewayRssMiB,
          s.heapUsedMiB,
          s.loopDelayP50Ms,
          s.loopDelayP99Ms,
          s.loopDelayMaxMs,
          s.subgraphRssMiB,
          s.load1,
        ]),
      },
    ],
    raw: { options: opts, samples, wrk },
    notes: ['The machine is shared with other jobs (see the load column): event-loop delay includes time the process waited for a core.'],
  };
}
