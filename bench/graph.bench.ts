/**
 * Bench 4 — the whole graph: autocannon against the gateway of a full stack (startStack in a child
 * process) for the public directory query (anonymous GET by APQ hash) and the customer dashboard
 * (bearer token, POST); requests/s, latency, JD calls per request, and the stack process's RSS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildMessage, ChildProbe } from './graph/stack-child';
import { runLoad, type AutocannonOptions, type AutocannonResult } from './graph/autocannon';
import { apqGetUrl, isCleanAnswer, readExample, registerApq } from './graph/queries';
import { forkIpcChild } from '../test/support/processes';
import { checkoutBaseline } from './peers/targets';
import type { BenchResult } from './lib/report';
import { median, round } from './lib/stats';
import { NO_EDGE_RATE_LIMITS } from './lib/no-edge-rate-limits';

const CONNECTIONS = 10;
const DURATION_S = 10;
const LATENCY = { latencyMs: 4, jitterMs: 2 };
const MiB = 2 ** 20;

interface Child {
  ready: Extract<ChildMessage, { type: 'ready' }>;
  probe(): Promise<ChildProbe>;
  /** CPU seconds (user + system) the stack process has used, from /proc: works for any commit's stack. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

// Linux clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on every mainstream kernel).
const USER_HZ = 100;

function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at ") "; utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
}

/** The stack to measure: this checkout's, or another commit's (root), with extra environment. */
async function startChild(root = join(__dirname, '..'), extraEnv: Record<string, string> = {}): Promise<Child> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'silent',
    ...NO_EDGE_RATE_LIMITS,
    JD_SANDBOX_FAULTS: JSON.stringify({ '*': LATENCY }),
  };
  // The bench measures the default in-memory wiring; a REDIS_URL or real JD in the shell must not leak in.
  for (const name of Object.keys(env))
    if (name === 'REDIS_URL' || name === 'JD_API_URL' || name.startsWith('SUBGRAPH_URL_')) delete env[name];
  Object.assign(env, extraEnv);
  const { child, next, ask, stop } = forkIpcChild<ChildMessage>(join(root, 'bench', 'graph', 'stack-child.ts'), env, 'stack child');
  const ready = await next('ready', 60_000);
  return {
    ready,
    probe: async () => (await ask('probe', 'probe')).probe,
    cpuSeconds: () => cpuSecondsOf(child.pid as number),
    stop,
  };
}

interface Scenario {
  name: string;
  load: AutocannonOptions;
  /** One request outside the load, to check the answer and count a cold request's JD calls. */
  once(): Promise<Response>;
}

interface RunSample {
  scenario: string;
  result: Pick<AutocannonResult, 'requests' | 'latency' | 'errors' | 'timeouts' | 'mismatches' | 'non2xx' | '2xx'>;
  jdCalls: number;
  jdCallsByMethod: Record<string, number>;
  rssBeforeBytes: number;
  rssAfterBytes: number;
}

function diff(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([m, n]) => [m, n - (before[m] ?? 0)])
      .filter(([, n]) => (n as number) > 0),
  );
}

export interface GraphBenchOptions {
  rounds: number;
  /** A git commit whose stack runs beside this checkout's, interleaved: an A/B of a code change in one run. */
  baseline?: string;
  /** Extra environment for a third stack of this checkout (e.g. OTEL_TRACES_EXPORTER=…). */
  variantEnv?: Record<string, string>;
}

/** `--baseline <commit>` and `--variant-env NAME=value[,NAME=value…]`, checked up front. */
export function parseGraphFlags(flags: Record<string, string | true>): Omit<GraphBenchOptions, 'rounds'> {
  const baseline = typeof flags.baseline === 'string' ? flags.baseline : undefined;
  if (baseline !== undefined && !/^[\w./^~-]+$/.test(baseline)) throw new Error(`--baseline takes a git commit or ref, got "${baseline}"`);
  const variantEnv: Record<string, string> = {};
  const raw = typeof flags['variant-env'] === 'string' ? flags['variant-env'] : '';
  for (const pair of raw.split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq < 1 || !/^[A-Z_][A-Z0-9_]*$/.test(pair.slice(0, eq)))
      throw new Error(`--variant-env takes NAME=value[,NAME=value…], got "${pair}"`);
    variantEnv[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { baseline, variantEnv };
}

interface Target {
  id: 'ours' | 'base' | 'variant';
  label: string;
  child: Child;
}

export async function runGraphBench(options: GraphBenchOptions): Promise<BenchResult> {
  const baseline = options.baseline ? checkoutBaseline(options.baseline) : undefined;
  const variantEnv = options.variantEnv ?? {};
  const targets: Target[] = [];
  const child = await startChild();
  targets.push({ id: 'ours', label: 'this checkout', child });
  try {
    if (baseline) targets.push({ id: 'base', label: `baseline ${baseline.sha.slice(0, 7)}`, child: await startChild(baseline.root) });
    if (Object.keys(variantEnv).length > 0)
      targets.push({
        id: 'variant',
        label: `this checkout with ${Object.entries(variantEnv)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
        child: await startChild(undefined, variantEnv),
      });
    return await measure(options, targets, baseline?.sha);
  } finally {
    for (const t of targets) await t.child.stop();
    baseline?.remove();
  }
}

async function measure(options: GraphBenchOptions, targets: Target[], baselineSha?: string): Promise<BenchResult> {
  const child = targets[0].child;
  {
    const { token, pin } = child.ready;
    const directory = readExample('partner/01-support-offices.graphql');
    const dashboard = readExample('customer/01-dashboard.graphql');
    const getHeaders = { 'apollo-require-preflight': 'true' };
    const postHeaders = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const dashboardBody = JSON.stringify({
      operationName: dashboard.operationName,
      query: dashboard.query,
      variables: dashboard.variables,
    });

    const scenariosAt = (gatewayUrl: string): Scenario[] => [
      {
        name: 'directory (anonymous, GET by APQ hash)',
        load: {
          url: apqGetUrl(gatewayUrl, directory),
          method: 'GET',
          headers: getHeaders,
          connections: CONNECTIONS,
          duration: DURATION_S,
          verifyBody: isCleanAnswer,
        },
        once: () => fetch(apqGetUrl(gatewayUrl, directory), { headers: getHeaders }),
      },
      {
        name: `customer dashboard (bearer token for ${pin}, POST)`,
        load: {
          url: gatewayUrl,
          method: 'POST',
          headers: postHeaders,
          body: dashboardBody,
          connections: CONNECTIONS,
          duration: DURATION_S,
          verifyBody: isCleanAnswer,
        },
        once: () => fetch(gatewayUrl, { method: 'POST', headers: postHeaders, body: dashboardBody }),
      },
    ];
    // Register the directory query's hash once per stack, as an APQ client's first miss would.
    for (const t of targets) await registerApq(t.child.ready.gatewayUrl, directory);
    const scenariosOf = new Map(targets.map((t) => [t.id, scenariosAt(t.child.ready.gatewayUrl)]));
    const scenarios = scenariosOf.get('ours') as Scenario[];
    // The other stacks' answers are checked too, and warmed the same way.
    for (const t of targets.slice(1))
      for (const s of scenariosOf.get(t.id) as Scenario[]) {
        const res = await s.once();
        const body = await res.text();
        if (res.status !== 200 || !isCleanAnswer(body)) throw new Error(`${t.label}, ${s.name}: HTTP ${res.status}, ${body.slice(0, 500)}`);
      }

    // One request each before any load: checks the answers and counts a cold request's JD calls.
    const cold: Record<string, { jdCalls: number; byMethod: Record<string, number> }> = {};
    for (const s of scenarios) {
      const before = await child.probe();
      const res = await s.once();
      const body = await res.text();
      if (res.status !== 200 || !isCleanAnswer(body)) throw new Error(`${s.name}: HTTP ${res.status}, ${body.slice(0, 500)}`);
      const after = await child.probe();
      cold[s.name] = { jdCalls: after.jdCalls - before.jdCalls, byMethod: diff(after.jdCallsByMethod, before.jdCallsByMethod) };
    }

    const startRss = (await child.probe()).rssBytes;
    const samples: RunSample[] = [];
    const others: {
      target: Target['id'];
      scenario: string;
      rps: number;
      p50: number;
      p99: number;
      failed: number;
      cpuMsPerRequest: number;
    }[] = [];
    const oursCpu: { scenario: string; cpuMsPerRequest: number }[] = [];
    const cpuMsPer = (seconds: number, result: AutocannonResult) => (seconds * 1000) / Math.max(1, result['2xx'] + result.non2xx);
    for (let r = 0; r < options.rounds; r++) {
      for (const [i, s] of scenarios.entries()) {
        // Interleaved (base, variant, ours, base, …): the shared machine's noise hits every target alike.
        for (const t of targets.slice(1)) {
          const cpuBefore = t.child.cpuSeconds();
          const result = await runLoad((scenariosOf.get(t.id) as Scenario[])[i].load);
          const cpu = t.child.cpuSeconds() - cpuBefore;
          others.push({
            cpuMsPerRequest: cpuMsPer(cpu, result),
            target: t.id,
            scenario: s.name,
            rps: result.requests.average,
            p50: result.latency.p50,
            p99: result.latency.p99,
            failed: result.non2xx + result.mismatches + result.errors + result.timeouts,
          });
        }
        const before = await child.probe();
        const cpuBefore = child.cpuSeconds();
        const result = await runLoad(s.load);
        oursCpu.push({ scenario: s.name, cpuMsPerRequest: cpuMsPer(child.cpuSeconds() - cpuBefore, result) });
        const after = await child.probe();
        samples.push({
          scenario: s.name,
          result: {
            requests: result.requests,
            latency: result.latency,
            errors: result.errors,
            timeouts: result.timeouts,
            mismatches: result.mismatches,
            non2xx: result.non2xx,
            '2xx': result['2xx'],
          },
          jdCalls: after.jdCalls - before.jdCalls,
          jdCallsByMethod: diff(after.jdCallsByMethod, before.jdCallsByMethod),
          rssBeforeBytes: before.rssBytes,
          rssAfterBytes: after.rssBytes,
        });
      }
    }
    const endRss = (await child.probe()).rssBytes;

    const rows = scenarios.map((s) => {
      const mine = samples.filter((x) => x.scenario === s.name);
      const m = (f: (x: RunSample) => number) => round(median(mine.map(f)));
      const answered = (x: RunSample) => x.result['2xx'] + x.result.non2xx;
      return [
        s.name,
        m((x) => x.result.requests.average),
        m((x) => x.result.latency.p50),
        m((x) => x.result.latency.p99),
        mine.reduce((n, x) => n + answered(x), 0),
        mine.reduce((n, x) => n + x.result.non2xx + x.result.mismatches + x.result.errors + x.result.timeouts, 0),
        cold[s.name].jdCalls,
        m((x) => x.jdCalls / Math.max(1, answered(x))),
        `${m((x) => x.rssBeforeBytes / MiB)} → ${m((x) => x.rssAfterBytes / MiB)}`,
      ];
    });
    const result: BenchResult = {
      name: 'graph',
      title: 'Bench 4 — whole graph: autocannon against the gateway (directory by APQ GET, customer dashboard)',
      method: [
        'The whole stack (`startStack`: JD sandbox + orders, after-sales, exchange, offices subgraphs + gateway) runs in one child process on free loopback ports; autocannon runs in the parent process, so the load generator shares the 2 cores but not the event loop or the RSS.',
        `Stack settings: defaults (in-memory JD cache and APQ store, no REDIS_URL), LOG_LEVEL=silent, JD sandbox latency ${LATENCY.latencyMs} ms + uniform 0..${LATENCY.jitterMs} ms on every method.`,
        `Directory: \`${directory.file}\` (${directory.operationName}, variables ${JSON.stringify(directory.variables)}), anonymous GET naming the query only by its APQ sha256 (registered once beforehand), header \`apollo-require-preflight\` for CSRF prevention.`,
        `Dashboard: \`${dashboard.file}\` (${dashboard.operationName}, variables ${JSON.stringify(dashboard.variables)}), POST with a customer bearer token for ${pin} issued with the sandbox JWT settings.`,
        `autocannon: ${CONNECTIONS} connections, ${DURATION_S} s per run; ${options.rounds} round(s) of (directory, dashboard), medians over rounds. Every answer is checked: HTTP 2xx, \`data\` present and no \`errors\` (failures counted below).`,
        'JD calls are counted by the sandbox; "cold" is one request before any load (empty cache), "under load" is sandbox calls during the run ÷ answered requests (the shared cache answers most of them).',
        "RSS is the stack process's (gateway + subgraphs + sandbox in one process), read over IPC just before and after each run.",
      ],
      tables: [
        {
          title: 'Results',
          columns: [
            'scenario',
            'requests/s (mean)',
            'p50 ms',
            'p99 ms',
            'requests answered',
            'failed answers',
            'JD calls, cold request',
            'JD calls per request under load',
            'RSS MiB before → after run',
          ],
          rows,
        },
        {
          title: 'Stack process RSS',
          columns: ['when', 'RSS MiB'],
          rows: [
            ['after start-up and one request of each kind', round(startRss / MiB)],
            ['after all runs', round(endRss / MiB)],
          ],
        },
      ],
      notes: [
        `JD calls of the cold requests by method: ${JSON.stringify(Object.fromEntries(Object.entries(cold).map(([k, v]) => [k, v.byMethod])))}.`,
        'RSS of a V8 process grows until the garbage collector settles; two 10-s runs show growth, not whether it is bounded. A leak check needs longer runs (future work).',
        'Side by side with Hive Gateway (plain and with its Rust query planner): `npm run bench -- peers` (bench/results/peers.md).',
      ],
      raw: {
        connections: CONNECTIONS,
        durationS: DURATION_S,
        latency: LATENCY,
        rounds: options.rounds,
        cold,
        samples,
        startRss,
        endRss,
        ...(targets.length > 1
          ? { targets: targets.map((t) => ({ id: t.id, label: t.label })), baseline: baselineSha, others, oursCpu }
          : {}),
      },
    };
    if (targets.length === 1) return result;
    // The A/B: each target's medians beside this checkout's, and the ratio of requests/s.
    const abRows = scenarios.flatMap((s) => {
      const mine = samples.filter((x) => x.scenario === s.name);
      const oursRps = median(mine.map((x) => x.result.requests.average));
      const oursCpuMs = median(oursCpu.filter((c) => c.scenario === s.name).map((c) => c.cpuMsPerRequest));
      const oursRow = [
        s.name,
        targets[0].label,
        round(oursRps),
        round(median(mine.map((x) => x.result.latency.p50))),
        round(median(mine.map((x) => x.result.latency.p99))),
        1,
        round(oursCpuMs),
        1,
      ];
      return [
        oursRow,
        ...targets.slice(1).map((t) => {
          const theirs = others.filter((o) => o.target === t.id && o.scenario === s.name);
          const rps = median(theirs.map((o) => o.rps));
          return [
            s.name,
            t.label,
            round(rps),
            round(median(theirs.map((o) => o.p50))),
            round(median(theirs.map((o) => o.p99))),
            round(rps / oursRps),
            round(median(theirs.map((o) => o.cpuMsPerRequest))),
            round(median(theirs.map((o) => o.cpuMsPerRequest)) / oursCpuMs),
          ];
        }),
      ];
    });
    return {
      ...result,
      name: 'graph-ab',
      title: `Bench 4 A/B — whole graph, this checkout against ${targets
        .slice(1)
        .map((t) => t.label)
        .join(' and ')}`,
      method: [
        ...result.method,
        `A/B: ${targets.length} stacks run at once, each in its own child process (${targets.map((t) => t.label).join('; ')}); every round runs each scenario on every stack in turn, so load from elsewhere on the machine hits them alike. Medians over rounds; "× ours" is relative to this checkout. CPU per request is the stack process's user + system CPU time during the run (from /proc/<pid>/stat) ÷ requests answered: unlike requests/s, it barely moves when other jobs take the cores, so it is the figure to compare on a busy machine.`,
      ],
      tables: [
        {
          title: 'A/B (medians over rounds)',
          columns: [
            'scenario',
            'stack',
            'requests/s (mean)',
            'p50 ms',
            'p99 ms',
            'requests/s × ours',
            'stack CPU ms per request',
            'CPU per request × ours',
          ],
          rows: abRows,
        },
        ...result.tables,
      ],
    };
  }
}
