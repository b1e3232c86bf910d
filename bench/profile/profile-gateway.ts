/**
 * Profiles our gateway process alone, as the peers bench runs it: the one subgraph process
 * (peers/subgraphs-child.ts), the gateway (`gateway/index.ts`) in its own process with `--cpu-prof`,
 * wrk on one peers workload; then SIGTERM, on which the gateway drains and V8 writes the profile.
 *   node -r @swc-node/register bench/profile/profile-gateway.ts [--workload dashboard|directory|…]
 *        [--seconds 15] [--warmup 3] [--connections 32] [--out bench/profile/out] [--env NAME=value,…]
 * Summarise with summarise-cpuprofile.ts.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadGatewayConfig } from '../../gateway/config';
import { issueCustomerToken } from '../../gateway/auth';
import { DEMO_PINS } from '../../jd/sandbox';
import { waitUntilReady } from '../lib/managed-process';
import { spawnOurGateway } from '../lib/gateway-process';
import { freePort } from '../../test/support/processes';
import { startSubgraphs } from '../peers/subgraphs';
import { buildWorkloads } from '../peers/workloads';
import { runWrk } from '../peers/wrk';
import type { RunningTarget } from '../peers/targets';
import { NO_EDGE_RATE_LIMITS } from '../lib/no-edge-rate-limits';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

async function main(): Promise<void> {
  const seconds = Number(arg('seconds', '15'));
  const connections = Number(arg('connections', '32'));
  const workloadId = arg('workload', 'dashboard');
  const out = resolve(arg('out', join(__dirname, 'out')));
  const extraEnv = Object.fromEntries(
    arg('env', '')
      .split(',')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  mkdirSync(out, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'silent', ...NO_EDGE_RATE_LIMITS };
  for (const name of Object.keys(env))
    if (name === 'REDIS_URL' || name === 'JD_API_URL' || name.startsWith('SUBGRAPH_URL_') || name.startsWith('GATEWAY_')) delete env[name];
  const config = loadGatewayConfig(env);
  const subgraphs = await startSubgraphs(env);
  const port = await freePort();
  const before = new Set(readdirSync(out));
  let loadStartedUs: bigint | undefined;
  const gateway = spawnOurGateway({
    port,
    subgraphUrls: subgraphs.subgraphUrls,
    env: { ...env, ...extraEnv },
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${out}`],
  });
  try {
    const url = `http://127.0.0.1:${port}/graphql`;
    await waitUntilReady('gateway', gateway, async () => (await fetch(url, { headers: { 'apollo-require-preflight': '1' } })).status > 0);
    const target: RunningTarget = { id: 'ours', label: 'ours', url, pid: gateway.pid, exited: () => undefined, stop: gateway.stop };
    const token = await issueCustomerToken(config.jwt, DEMO_PINS.alice);
    const workload = buildWorkloads({
      token,
      pin: DEMO_PINS.alice,
      signingSecret: config.subgraphSigningSecret,
      exchangeLine: { orderId: '', skuId: '' },
    }).find((w) => w.id === workloadId);
    if (!workload) throw new Error(`unknown workload ${workloadId}`);
    await workload.prepare?.(target);
    await runWrk(workload.request(target), connections, Number(arg('warmup', '3')));
    // V8 stamps profile samples with the monotonic clock, as hrtime does: the summary can leave start-up out.
    loadStartedUs = process.hrtime.bigint() / 1000n;
    const r = await runWrk(workload.request(target), connections, seconds);
    console.log(
      `${workloadId} -c${connections}: ${r.requestsPerSecond.toFixed(1)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, bad ${r.badAnswers}`,
    );
  } finally {
    await gateway.stop();
    await subgraphs.stop();
  }
  const written = readdirSync(out).filter((f) => f.endsWith('.cpuprofile') && !before.has(f));
  for (const f of written)
    console.log(`summary: node -r @swc-node/register bench/profile/summarise-cpuprofile.ts ${join(out, f)} --from-us ${loadStartedUs}`);
  if (written.length === 0) console.log('no profile written');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
