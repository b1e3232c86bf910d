/**
 * Bench 5 — peers: our gateway side by side with Hive Gateway (plain and with the Rust query planner)
 * and the offices subgraph itself, all in front of one subgraph process, each gateway in its own
 * process, with the same identity contract. wrk loads them in interleaved rounds; every gateway's
 * answer is checked against ours first. See bench/README.md ("5. Peers") and bench/peers/.
 */
import { loadavg } from 'node:os';
import { loadGatewayConfig } from '../gateway/config';
import { issueCustomerToken } from '../gateway/auth';
import { DEMO_PINS } from '../jd/sandbox';
import type { BenchResult, BenchTable } from './lib/report';
import { round } from './lib/stats';
import { compareAnswers, type Answer, type AnswerVerdict } from './peers/answers';
import { ensurePeersInstalled } from './peers/install';
import { parsePeersOptions, type PeersOptions, type TargetId } from './peers/options';
import { cpuMs, hasMapped } from './lib/managed-process';
import { startSubgraphs, type RunningSubgraphs } from './peers/subgraphs';
import { aggregate, ratio, workloadTable, type RunSample } from './peers/summary';
import { baselineCommit, startTarget, TARGET_LABELS, type RunningTarget, type TargetSettings } from './peers/targets';
import { buildWorkloads, dashboardRequest, exchangeQuoteRequest, orderLinesOf, type Workload } from './peers/workloads';
import { completedBetween, runWrk, wrkVersion as readWrkVersion } from './peers/wrk';
import { send } from './peers/http';
import { checkIsolation, type IsolationResult } from './peers/isolation';
import { NO_EDGE_RATE_LIMITS } from './lib/no-edge-rate-limits';

const ROUTER_ADDON = 'hive_router_query_planner';

const diffCounts = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(after)
      .map(([k, v]) => [k, v - (before[k] ?? 0)])
      .filter(([, v]) => (v as number) > 0),
  );

/** The environment the children start from: the sandbox defaults, nothing from the shell that would change what is measured. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'silent', ...NO_EDGE_RATE_LIMITS };
  // The direct workload's headers are signed once per wrk run: the longest window lets a run reuse them.
  env.SUBGRAPH_SIGNATURE_MAX_AGE_MS = '60000';
  for (const name of Object.keys(env)) {
    const ours =
      name === 'REDIS_URL' ||
      name === 'JD_API_URL' ||
      name === 'NODE_ENV' ||
      name.startsWith('SUBGRAPH_URL_') ||
      name.startsWith('GATEWAY_') ||
      name.startsWith('JWT_');
    // Hive Gateway's CLI reads these too (FORK would spawn workers).
    const hive = name === 'FORK' || name === 'PORT' || name === 'HOST' || name.startsWith('HIVE_');
    if (ours || hive) delete env[name];
  }
  return env;
}

interface CheckedAnswer extends AnswerVerdict {
  workload: string;
  target: TargetId;
  how: string;
  fetches: Record<string, number>;
}

/** One request per target, one after another, with the subgraph requests each caused; compared with ours. */
async function checkAnswers(workload: Workload, targets: RunningTarget[], subgraphs: RunningSubgraphs): Promise<CheckedAnswer[]> {
  const ask = async () => {
    const answers: (Answer & { fetches: Record<string, number> })[] = [];
    for (const t of targets) {
      const before = await subgraphs.counts();
      const { status, body } = await send(workload.request(t));
      answers.push({ from: t.id, status, body, fetches: diffCounts(await subgraphs.counts(), before) });
    }
    return answers;
  };
  let answers = await ask();
  let verdicts = compareAnswers(answers, workload.volatile);
  // Opening hours can flip on a minute boundary between two answers: ask everyone once more before failing.
  if (verdicts.some((v) => !v.identical)) {
    answers = await ask();
    verdicts = compareAnswers(answers, workload.volatile);
  }
  const wrong = verdicts.filter((v) => !v.identical);
  if (wrong.length > 0)
    throw new Error(
      `peers: ${workload.id}: answers are not identical to ours:\n${wrong.map((v) => `  ${v.from}: ${v.problem}`).join('\n')}`,
    );
  return verdicts.map((v, i) => ({
    ...v,
    workload: workload.id,
    target: targets[i].id,
    how: workload.how(targets[i].id),
    fetches: answers[i].fetches,
  }));
}

/** The first order line of the customer whose exchange quote ours answers cleanly. */
async function pickExchangeLine(ours: RunningTarget, token: string): Promise<{ orderId: string; skuId: string }> {
  const dashboard = await send(dashboardRequest(ours.url, token));
  const lines = orderLinesOf(dashboard.body);
  for (const line of lines) {
    const quote = await send(exchangeQuoteRequest(ours.url, token, line));
    if (quote.status === 200 && !quote.body.includes('"errors"')) return line;
  }
  throw new Error(`peers: no order line of the dashboard (${lines.length} lines) gets a clean exchange quote from ours`);
}

interface Snapshot {
  gatewayCpuMs?: number;
  subgraphCpuMs: number;
  counts: Record<string, number>;
}

// Counts first (one IPC round trip), then the two /proc reads: all within a millisecond or two of the second's start.
async function snapshot(target: RunningTarget, subgraphs: RunningSubgraphs): Promise<Snapshot> {
  const counts = await subgraphs.counts();
  return { counts, subgraphCpuMs: cpuMs(subgraphs.pid), gatewayCpuMs: target.pid === undefined ? undefined : cpuMs(target.pid) };
}

const sleepUntil = (epochMs: number) => new Promise((r) => setTimeout(r, Math.max(0, epochMs - Date.now())));

/**
 * One wrk run. CPU and subgraph requests are read inside the run, at the starts of two wall-clock
 * seconds (≥ 1 s after wrk starts, ≥ 1 s before it stops), and divided by the answers wrk completed
 * between those seconds (its per-second marks): neither the ramp-up nor the up to -c requests still
 * in flight when wrk stops skew the per-request figures. Runs too short for that use the whole run.
 */
async function measure(
  workload: Workload,
  target: RunningTarget,
  connections: number,
  seconds: number,
  round: number,
  subgraphs: RunningSubgraphs,
): Promise<RunSample> {
  const request = workload.request(target);
  const startedMs = Date.now();
  const fromSecond = Math.floor(startedMs / 1000) + 2;
  const toSecond = Math.floor((startedMs + seconds * 1000) / 1000) - 1;
  const windowed = toSecond > fromSecond;
  const before = windowed ? undefined : await snapshot(target, subgraphs);
  const running = runWrk(request, connections, seconds);
  // Awaited below; until then a failure must not count as an unhandled rejection (which ends the process).
  running.catch(() => undefined);
  const inside = windowed
    ? await (async () => {
        await sleepUntil(fromSecond * 1000);
        const first = await snapshot(target, subgraphs);
        await sleepUntil(toSecond * 1000);
        return [first, await snapshot(target, subgraphs)] as const;
      })()
    : undefined;
  const wrk = await running;
  const gone = target.exited();
  if (gone) throw new Error(`peers: ${target.label} died during ${workload.id} -c${connections}: ${gone}`);
  const [from, to] = inside ?? [before as Snapshot, await snapshot(target, subgraphs)];
  return {
    workload: workload.id,
    target: target.id,
    connections,
    round,
    wrk,
    windowSeconds: windowed ? toSecond - fromSecond : wrk.durationUs / 1e6,
    windowRequests: windowed ? completedBetween(wrk, fromSecond, toSecond) : wrk.requests,
    gatewayCpuMs: from.gatewayCpuMs === undefined || to.gatewayCpuMs === undefined ? undefined : to.gatewayCpuMs - from.gatewayCpuMs,
    subgraphCpuMs: to.subgraphCpuMs - from.subgraphCpuMs,
    subgraphFetches: diffCounts(to.counts, from.counts),
  };
}

function methodLines(opts: PeersOptions, versions: Record<string, string>, wrkVersion: string): string[] {
  return [
    "One subgraph process (`bench/peers/subgraphs-child.ts`: `startStack` with the JD sandbox and the four subgraphs on free loopback ports, in-memory JD cache, no added JD latency, logs silent; the stack's own gateway stays idle) serves every target. Each gateway runs in its own process; wrk runs outside Node.",
    `Targets: **ours** — \`node -r @swc-node/register gateway/index.ts\` (createGateway over the committed \`schema/supergraph.graphql\`, \`SUBGRAPH_URL_*\` at the running subgraphs, in-memory APQ, LOG_LEVEL=silent${
      Object.keys(opts.oursEnv).length
        ? `, plus ${Object.entries(opts.oursEnv)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')}`
        : ''
    }); **Hive Gateway** — its CLI, \`hive-gateway supergraph schema/supergraph.graphql -c bench/peers/hive.config.ts\` (one process, no fork); **Hive Gateway + Rust planner** — the same with \`--hive-router-runtime\`, which sets @graphql-hive/router-runtime's \`unifiedGraphHandler\` (checked: the native planner addon is mapped in that process and not in the plain one); **offices subgraph directly** — the directory workload only. Versions: ${Object.entries(
      versions,
    )
      .map(([n, v]) => `${n} ${v}`)
      .join(', ')} (bench/peers/package.json, installed on demand by \`npm ci --prefix bench/peers\`).`,
    ...(opts.baseline !== undefined
      ? [
          `**Ours at the baseline commit** — the gateway of commit ${baselineCommit(opts.baseline)} (\`--baseline ${opts.baseline}\`: \`git archive\` into a temporary folder with this checkout's node_modules), started exactly as ours: an A/B of a code change inside one run.`,
        ]
      : []),
    ...(Object.keys(opts.variantEnv).length > 0
      ? [
          `**Ours with the variant settings** — ours once more, plus ${Object.entries(opts.variantEnv)
            .map(([k, v]) => `\`${k}=${v}\``)
            .join(' ')} (\`--variant-env\`).`,
        ]
      : []),
    "Same identity contract everywhere: the peers verify the customer JWT on every request with jose and the sandbox HS256 settings of `gateway/config.ts`, and sign the identity headers of every subgraph fetch with `bench/peers/identity-contract.ts` (docs/identity-headers.md); the direct workload signs its own headers there too. Hive Gateway otherwise runs with its defaults (logging off), including its sharing of identical in-flight subgraph requests: the plugin puts the caller's identity header on each subgraph request (as Hive's own header propagation does), so that sharing is per customer; without it Hive handed customers each other's dashboards in a trial run.",
    "Customers kept apart: before the load, 32 concurrent dashboards (jd_demo_alice and jd_demo_bob interleaved) through each gateway; every answer must be its own customer's (as answered one at a time), else the bench stops.",
    "Before any load every target answers each workload once; the answers must be identical to ours after JSON canonicalisation (keys sorted; a quote's id, quotedAt and expiresAt masked, they change on every call), else the bench stops. The same single requests give the subgraph fetches of one request.",
    `Load: ${wrkVersion}, \`wrk -t1 -c<C> -d${opts.seconds}s\` for C in ${opts.connections.join(', ')}; a warm-up of ${opts.warmupSeconds} s per workload and target first (not measured); then ${opts.rounds} round(s), each running every workload × connections × target in turn (ours, Hive, Hive + Rust, direct, ours, …), so machine noise hits every target alike. Medians over rounds; ratios are the median ÷ the median of ours at the same -c.`,
    'Every answer under load is checked by the wrk script (HTTP 200, `data`, no `errors`); failures, socket errors and timeouts are counted in "failed answers".',
    "Per request: CPU = utime + stime from `/proc/<pid>/stat` (the gateway process and its descendants; the subgraph process, which also holds the JD sandbox and an idle gateway); subgraph fetches = HTTP requests reaching each subgraph's /graphql, counted inside the subgraph process through Node's `http.server.request.start` diagnostics channel (no proxy in between). Both are read inside each run, at the starts of two wall-clock seconds at least 1 s after wrk starts and 1 s before it stops, and divided by the answers wrk completed between those seconds (the wrk script marks them per second): neither the ramp-up nor the up to -c requests still in flight when wrk stops skew them. Runs under 4 s use the whole run.",
  ];
}

/** Bench entry: see the file comment. */
export async function runPeersBench(options: { rounds?: number; flags: Record<string, string | true> }): Promise<BenchResult> {
  const opts = parsePeersOptions(options.rounds, options.flags);
  const log = (line: string) => console.log(line);
  const wrkVersion = readWrkVersion();
  const versions = opts.targets.some((t) => t.startsWith('hive')) ? ensurePeersInstalled(log) : {};
  const env = cleanEnv();
  const gatewayConfig = loadGatewayConfig(env);
  const subgraphs = await startSubgraphs(env);
  const targets: RunningTarget[] = [];
  try {
    const settings: TargetSettings = {
      subgraphUrls: subgraphs.subgraphUrls,
      signingSecret: gatewayConfig.subgraphSigningSecret,
      jwt: gatewayConfig.jwt,
      env,
      oursEnv: opts.oursEnv,
      baseline: opts.baseline,
      variantEnv: opts.variantEnv,
    };
    for (const id of opts.targets) {
      log(`peers: starting ${TARGET_LABELS[id]}`);
      targets.push(await startTarget(id, settings));
    }
    const ours = targets[0];
    const token = await issueCustomerToken(gatewayConfig.jwt, DEMO_PINS.alice);
    const exchangeLine = await pickExchangeLine(ours, token);
    const workloads = buildWorkloads({
      token,
      pin: DEMO_PINS.alice,
      signingSecret: gatewayConfig.subgraphSigningSecret,
      exchangeLine,
    }).filter((w) => opts.workloads.includes(w.id));
    const targetsOf = (w: Workload) => targets.filter((t) => w.targets.includes(t.id));

    const checked: CheckedAnswer[] = [];
    for (const w of workloads) {
      for (const t of targetsOf(w)) await w.prepare?.(t);
      checked.push(...(await checkAnswers(w, targetsOf(w), subgraphs)));
      log(
        `peers: ${w.id}: answers identical across ${targetsOf(w)
          .map((t) => t.id)
          .join(', ')}`,
      );
    }
    const bob = { pin: DEMO_PINS.bob, token: await issueCustomerToken(gatewayConfig.jwt, DEMO_PINS.bob) };
    const isolation = await checkIsolation(
      targets.filter((t) => t.id !== 'direct'),
      [{ pin: DEMO_PINS.alice, token }, bob],
      subgraphs,
    );
    log(
      `peers: concurrent dashboards of ${DEMO_PINS.alice} and ${DEMO_PINS.bob} kept apart by ${isolation.map((i) => i.target).join(', ')}`,
    );
    for (const t of targets) {
      if (t.pid === undefined || !t.id.startsWith('hive')) continue;
      const loaded = hasMapped(t.pid, ROUTER_ADDON);
      if (loaded !== (t.id === 'hive-rust')) throw new Error(`peers: ${t.label}: the Rust planner addon is ${loaded ? '' : 'not '}loaded`);
    }

    if (opts.warmupSeconds > 0) {
      for (const w of workloads)
        for (const t of targetsOf(w)) await runWrk(w.request(t), Math.max(...opts.connections), opts.warmupSeconds);
      log('peers: warmed up');
    }
    const samples: RunSample[] = [];
    for (let r = 1; r <= opts.rounds; r++) {
      for (const w of workloads) {
        for (const c of opts.connections) {
          for (const t of targetsOf(w)) {
            const s = await measure(w, t, c, opts.seconds, r, subgraphs);
            samples.push(s);
            log(
              `peers: round ${r}/${opts.rounds} ${w.id} -c${c} ${t.id}: ${round(s.wrk.requestsPerSecond)} req/s, p99 ${round(s.wrk.p99Ms)} ms, load ${loadavg()[0].toFixed(2)}`,
            );
          }
        }
      }
    }
    return report(opts, workloads, samples, checked, isolation, versions, wrkVersion);
  } finally {
    for (const t of targets.reverse()) await t.stop().catch(() => undefined);
    await subgraphs.stop();
  }
}

function report(
  opts: PeersOptions,
  workloads: Workload[],
  samples: RunSample[],
  checked: CheckedAnswer[],
  isolation: IsolationResult[],
  versions: Record<string, string>,
  wrkVersion: string,
): BenchResult {
  const maxC = Math.max(...opts.connections);
  const headline: BenchTable = {
    title: `Summary at wrk -c${maxC}: requests/s (median) and × ours`,
    columns: ['workload', ...opts.targets.map((t) => TARGET_LABELS[t])],
    rows: workloads.map((w) => {
      const mine = samples.filter((s) => s.workload === w.id && s.connections === maxC);
      const ours = aggregate(mine.filter((s) => s.target === 'ours'));
      return [
        w.id,
        ...opts.targets.map((t) => {
          const own = mine.filter((s) => s.target === t);
          if (own.length === 0) return '—';
          const a = aggregate(own);
          if (a.rps === 0) return '0 (no request completed)';
          return t === 'ours' ? `${round(a.rps)}` : `${round(a.rps)} (${ratio(a.rps, ours.rps)})`;
        }),
      ];
    }),
  };
  const answers: BenchTable = {
    title: 'Answers checked before the load (one request each)',
    columns: [
      'workload',
      'target',
      'how it is asked',
      'identical to ours (canonical JSON)',
      'byte-identical to ours (but a trailing newline)',
      'subgraph fetches of one request',
    ],
    rows: checked.map((c) => [
      c.workload,
      TARGET_LABELS[c.target],
      c.how,
      c.identical ? 'yes' : 'NO',
      c.byteIdentical ? 'yes' : 'no',
      Object.entries(c.fetches)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || '0',
    ]),
  };
  const apart: BenchTable = {
    title: `Customers kept apart: ${isolation[0]?.requests ?? 0} concurrent dashboards per gateway, ${DEMO_PINS.alice} and ${DEMO_PINS.bob} interleaved`,
    columns: ['target', 'requests', "answers not the customer's own", 'subgraph fetches for the burst'],
    rows: isolation.map((i) => [TARGET_LABELS[i.target], i.requests, i.wrongAnswers, i.subgraphFetches]),
  };
  return {
    name: 'peers',
    title: 'Bench 5 — peers: ours vs Hive Gateway (plain, Rust planner) vs the subgraph directly',
    method: methodLines(opts, versions, wrkVersion),
    tables: [
      headline,
      answers,
      apart,
      ...workloads.map((w) =>
        workloadTable(
          `${w.id}: ${w.label}`,
          samples.filter((s) => s.workload === w.id),
          TARGET_LABELS,
        ),
      ),
    ],
    notes: [
      `Load average at the end (1/5/15 min): ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' / ')}. Other jobs share the 2 cores: read the ratios within this run, not the absolute figures.`,
      "Hive Gateway has no APQ registration (register-on-miss); for the persisted-operation workload it gets the very same GET by hash and resolves it from the project's persisted-operation manifest through its `persistedDocuments` option.",
      'wrk and all processes share the machine: at -c32 the load generator, the gateway and the subgraph process compete for the 2 cores, so requests/s is a system figure; CPU ms per request is the per-process cost.',
    ],
    raw: { options: opts, versions, wrk: wrkVersion, answers: checked, isolation, samples },
  };
}
