/**
 * Side-by-side A/B of this profile's fixes on the whole graph: one stack child per variant (all running
 * at once, idle while another is loaded), autocannon against each in turn, rounds interleaved
 * (before, memos, fetcher, after, before, …) so machine noise hits every variant alike. Reports medians and the
 * ratio of requests/s to "before".
 *   node -r @swc-node/register bench/profile/ab-graph.ts [--rounds 3] [--seconds 8]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { ChildMessage } from '../graph/stack-child';
import { runLoad, type AutocannonOptions } from '../graph/autocannon';
import { apqGetUrl, isCleanAnswer, readExample, registerApq } from '../graph/queries';
import { NO_EDGE_RATE_LIMITS } from '../lib/no-edge-rate-limits';

const VARIANTS = {
  'before (luxon every call, make-fetch-happen)': 'no-memo,no-fetcher',
  'offices memos only': 'no-fetcher',
  'keep-alive node:http fetcher only': 'no-memo',
  'after (memos + fetcher)': '',
} as const;

const arg = (n: string, d: number) => {
  const i = process.argv.indexOf(`--${n}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function startVariant(variant: string): Promise<{ child: ChildProcess; ready: Extract<ChildMessage, { type: 'ready' }> }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'silent',
    ...NO_EDGE_RATE_LIMITS,
    JD_SANDBOX_FAULTS: JSON.stringify({ '*': { latencyMs: 4, jitterMs: 2 } }),
    STACK_VARIANT: variant,
  };
  for (const name of Object.keys(env))
    if (name === 'REDIS_URL' || name === 'JD_API_URL' || name.startsWith('SUBGRAPH_URL_')) delete env[name];
  const child = fork(join(__dirname, 'stack-variant.ts'), [], {
    execArgv: ['-r', '@swc-node/register'],
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Extract<ChildMessage, { type: 'ready' }>>((res, rej) => {
    child.on('message', (m: ChildMessage) => (m.type === 'ready' ? res(m) : m.type === 'error' ? rej(new Error(m.message)) : undefined));
    child.once('exit', (c) => rej(new Error(`stack child (${variant}) exited ${c}`)));
  });
  return { child, ready };
}

async function main(): Promise<void> {
  const rounds = arg('rounds', 3);
  const seconds = arg('seconds', 8);
  const directory = readExample('partner/01-support-offices.graphql');
  const dashboard = readExample('customer/01-dashboard.graphql');
  const stacks: Record<string, Awaited<ReturnType<typeof startVariant>>> = {};
  for (const [name, variant] of Object.entries(VARIANTS)) stacks[name] = await startVariant(variant);
  try {
    const scenarios: Record<string, (name: string) => Promise<AutocannonOptions>> = {
      directory: async (name) => {
        const url = stacks[name].ready.gatewayUrl;
        await registerApq(url, directory);
        return {
          url: apqGetUrl(url, directory),
          method: 'GET',
          headers: { 'apollo-require-preflight': 'true' },
          connections: 10,
          duration: seconds,
          verifyBody: isCleanAnswer,
        };
      },
      dashboard: async (name) => ({
        url: stacks[name].ready.gatewayUrl,
        method: 'POST',
        connections: 10,
        duration: seconds,
        verifyBody: isCleanAnswer,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stacks[name].ready.token}` },
        body: JSON.stringify({ operationName: dashboard.operationName, query: dashboard.query, variables: dashboard.variables }),
      }),
    };
    const samples: Record<string, Record<string, { rps: number[]; p50: number[]; p99: number[]; bad: number }>> = {};
    for (let r = 0; r < rounds; r++) {
      for (const [scenario, options] of Object.entries(scenarios)) {
        for (const name of Object.keys(VARIANTS)) {
          const res = await runLoad(await options(name));
          const s = ((samples[scenario] ??= {})[name] ??= { rps: [], p50: [], p99: [], bad: 0 });
          s.rps.push(res.requests.mean);
          s.p50.push(res.latency.p50);
          s.p99.push(res.latency.p99);
          s.bad += res.non2xx + res.mismatches + res.errors + res.timeouts;
          console.error(`round ${r + 1} ${scenario} ${name}: ${res.requests.mean} req/s`);
        }
      }
    }
    console.log(
      `\n${rounds} interleaved rounds × ${seconds} s, 10 connections, load average ${loadavg()
        .map((l: number) => l.toFixed(2))
        .join(' / ')}\n`,
    );
    console.log(
      '| scenario | variant | req/s (median) | × before | p50 ms | p99 ms | failed answers |\n| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const [scenario, byVariant] of Object.entries(samples)) {
      const base = median(Object.values(byVariant)[0].rps);
      for (const [name, s] of Object.entries(byVariant))
        console.log(
          `| ${scenario} | ${name} | ${median(s.rps).toFixed(1)} | ${(median(s.rps) / base).toFixed(2)} | ${median(s.p50)} | ${median(s.p99)} | ${s.bad} |`,
        );
    }
  } finally {
    await Promise.all(
      Object.values(stacks).map(
        ({ child }) =>
          new Promise<void>((res) => {
            if (child.exitCode !== null) return res();
            child.once('exit', () => res());
            child.send({ ask: 'stop' });
          }),
      ),
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
