/**
 * Building blocks for tests of several replicas over one Redis: a set of the four subgraphs in this
 * process (one JD runtime of its own, as a separate deployment of them would have), and a gateway in
 * a child process started the way `npm run start:gateway` starts it, on a free port.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Sandbox } from '../../jd/sandbox';
import { subgraphEnvName } from '../../gateway/config';
import { loadStackConfig } from '../../stack/stack-config';
import { startFourSubgraphs } from '../../stack/start-subgraphs';
import { createJdRuntime, type RunningSubgraph } from '../../subgraphs/kit';
import { eventually } from './eventually';
import { freePort } from './processes';

const ROOT = resolve(__dirname, '../..');
const FREE = { sandbox: 0, orders: 0, afterSales: 0, exchange: 0, offices: 0, gateway: 0 };

export interface SubgraphSet {
  /** SUBGRAPH_URL_<NAME> for a gateway that fronts this set. */
  urlEnv: Record<string, string>;
  stop(): Promise<void>;
}

/** The four subgraphs on free ports over one JD runtime of their own (REDIS_URL and JD_CACHE_NAMESPACE from `env`), reading `sandbox`. */
export async function startSubgraphSet(env: Record<string, string>, sandbox: Sandbox): Promise<SubgraphSet> {
  const config = loadStackConfig(env, FREE);
  const jd = createJdRuntime({
    jd: { ...config.jd, apiUrl: sandbox.routerUrl, ...sandbox.credentials },
    redisUrl: config.redisUrl,
    cacheNamespace: config.cacheNamespace,
  });
  const subgraphs: RunningSubgraph[] = [];
  let urls: Record<string, string>;
  try {
    const started = await startFourSubgraphs(config, jd, (s) => subgraphs.push(s));
    urls = Object.fromEntries(Object.entries(started).map(([name, s]) => [`SUBGRAPH_URL_${subgraphEnvName(name)}`, s.url]));
  } catch (err) {
    await Promise.all(subgraphs.map((s) => s.stop()));
    await jd.close();
    throw err;
  }
  return {
    urlEnv: urls,
    stop: async () => {
      await Promise.all(subgraphs.map((s) => s.stop()));
      await jd.close();
    },
  };
}

export interface GatewayProcess {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  /** http://127.0.0.1:<port> (health, metrics) */
  base: string;
  /** What it printed, for failure messages. */
  output(): string;
  /** SIGKILL: the process dies at once, connections in flight break (a crashed pod). */
  kill(): Promise<void>;
  /** SIGTERM, then wait for it to drain and exit. */
  stop(): Promise<void>;
}

/** `gateway/index.ts` in a child process with `env` on a free port; resolves once /health/ready answers 200. */
export async function startGatewayProcess(env: Record<string, string>, label: string): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'gateway', 'index.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, APOLLO_TELEMETRY_DISABLED: '1', ...env, GATEWAY_PORT: String(port), GATEWAY_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => void (output = (output + String(d)).slice(-8000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  const base = `http://127.0.0.1:${port}`;
  const ready = async () => {
    if (child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}:\n${output}`);
    return fetch(`${base}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
  };
  try {
    await eventually(ready, `${label} ready`, 60_000);
  } catch (err) {
    await signal('SIGKILL');
    throw new Error(`${(err as Error).message}\n${output}`, { cause: err });
  }
  return { url: `${base}/graphql`, base, output: () => output, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
