/**
 * Profiles the whole stack under the graph bench's directory load: forks bench/graph/stack-child.ts (via stack-variant.ts)
 * with `--cpu-prof` (or `--prof`), registers the directory query by APQ, runs autocannon against it,
 * then stops the child so V8 writes the profile. Summarise with summarise-cpuprofile.ts.
 *   node -r @swc-node/register bench/profile/profile-directory.ts [--seconds 15] [--out bench/profile/out]
 *        [--scenario directory|dashboard] [--prof]   (extra child env: PROFILE_ENV='{"STACK_VARIANT":"no-memo,no-fetcher"}')
 */
import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChildMessage } from '../graph/stack-child';
import { runLoad } from '../graph/autocannon';
import { apqGetUrl, isCleanAnswer, readExample, registerApq } from '../graph/queries';
import { NO_EDGE_RATE_LIMITS } from '../lib/no-edge-rate-limits';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

async function main(): Promise<void> {
  const seconds = Number(arg('seconds', '15'));
  const out = resolve(arg('out', join(__dirname, 'out')));
  const scenario = arg('scenario', 'directory');
  mkdirSync(out, { recursive: true });
  const profFlags = process.argv.includes('--prof')
    ? ['--prof', `--logfile=${join(out, 'v8.log')}`, '--no-logfile-per-isolate']
    : ['--cpu-prof', `--cpu-prof-dir=${out}`];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'silent',
    ...NO_EDGE_RATE_LIMITS,
    JD_SANDBOX_FAULTS: JSON.stringify({ '*': { latencyMs: 4, jitterMs: 2 } }),
    ...(JSON.parse(process.env.PROFILE_ENV ?? '{}') as Record<string, string>),
  };
  for (const name of Object.keys(env))
    if (name === 'REDIS_URL' || name === 'JD_API_URL' || name.startsWith('SUBGRAPH_URL_')) delete env[name];
  const child = fork(join(__dirname, 'stack-variant.ts'), [], {
    execArgv: ['-r', '@swc-node/register', ...profFlags],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Extract<ChildMessage, { type: 'ready' }>>((res, rej) => {
    child.on('message', (m: ChildMessage) => (m.type === 'ready' ? res(m) : m.type === 'error' ? rej(new Error(m.message)) : undefined));
    child.on('exit', (c) => rej(new Error(`child exited ${c}`)));
  });
  const { gatewayUrl, token } = ready;
  let load;
  if (scenario === 'dashboard') {
    const op = readExample('customer/01-dashboard.graphql');
    load = {
      url: gatewayUrl,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ operationName: op.operationName, query: op.query, variables: op.variables }),
    };
  } else {
    const op = readExample('partner/01-support-offices.graphql');
    await registerApq(gatewayUrl, op);
    load = { url: apqGetUrl(gatewayUrl, op), method: 'GET' as const, headers: { 'apollo-require-preflight': 'true' } };
  }
  const r = await runLoad({ ...load, connections: 10, duration: seconds, verifyBody: isCleanAnswer });
  console.log(
    `${scenario}: ${r.requests.mean} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non2xx ${r.non2xx}, mismatches ${r.mismatches}, errors ${r.errors}`,
  );
  await new Promise<void>((res) => {
    child.once('exit', () => res());
    child.send({ ask: 'stop' });
  });
  console.log(`profile written to ${out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
