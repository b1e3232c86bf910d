/**
 * The graph as it is deployed, for the chaos suite: the JD sandbox in this process (so a scenario can
 * inject faults and read what JD holds), and the four subgraphs and the gateway as separate processes
 * on free ports (so a scenario can SIGKILL, SIGSTOP or SIGTERM any one of them), in production mode
 * with secrets made up for the run.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { issueCustomerToken } from '../../gateway/auth';
import { loadGatewayConfig } from '../../gateway/config';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../jd/sandbox';
import { freePort } from '../../test/support/processes';
import { startProcess, waitUntilReady, type Managed } from '../lib/managed-process';

export const SUBGRAPHS = ['orders', 'after-sales', 'exchange', 'offices'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

const ROOT = join(__dirname, '..', '..');
const ENTRY: Record<SubgraphName | 'gateway', string> = {
  orders: 'subgraphs/orders/index.ts',
  'after-sales': 'subgraphs/after-sales/index.ts',
  exchange: 'subgraphs/exchange/index.ts',
  offices: 'subgraphs/offices/index.ts',
  gateway: 'gateway/index.ts',
};
const PORT_VAR: Record<SubgraphName, string> = {
  orders: 'ORDERS_PORT',
  'after-sales': 'AFTER_SALES_PORT',
  exchange: 'EXCHANGE_PORT',
  offices: 'OFFICES_PORT',
};

export interface ChaosGraphOptions {
  sandbox?: SandboxOptions;
  /** Added to every process's environment (REDIS_URL, JD_TIMEOUT_MS, SHUTDOWN_DRAIN_MS, …). */
  env?: Record<string, string>;
}

export interface ChaosGraph {
  sandbox: Sandbox;
  env: Record<string, string>;
  gatewayUrl: string;
  gatewayBase: string;
  /** The gateway's Prometheus metrics (METRICS_PORT, on a port of their own). */
  gatewayMetricsUrl: string;
  gateway: Managed;
  subgraphs: Record<SubgraphName, { process: Managed; port: number }>;
  /** A customer's bearer token, signed with this run's JWT secret. */
  tokenFor(pin: string): Promise<string>;
  /** Starts a subgraph again on its port (after a kill). */
  restart(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
  await res.arrayBuffer();
  return res.ok;
}

/** Starts the sandbox here and the five processes; resolves once every process answers /health/live. */
export async function startChaosGraph(options: ChaosGraphOptions = {}): Promise<ChaosGraph> {
  const sandbox = await createSandbox({ port: 0, ...options.sandbox });
  const secret = () => randomBytes(36).toString('base64url');
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (n) => [n, await freePort()] as const))) as Record<
    SubgraphName,
    number
  >;
  const gatewayPort = await freePort();
  const metricsPort = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JD_SANDBOX_URL: sandbox.routerUrl,
    SUBGRAPH_SIGNING_SECRET: secret(),
    EXCHANGE_QUOTE_SECRET: secret(),
    JWT_ISSUER: 'jd-support-graph-chaos',
    JWT_AUDIENCE: 'jd-support-graph',
    JWT_HS256_SECRET: secret(),
    // The per-client rate limits would answer the chaos load 429 and hide what the faults do.
    CUSTOMER_RATE_LIMIT_PER_MINUTE: '0',
    ANONYMOUS_RATE_LIMIT_PER_MINUTE: '0',
    GATEWAY_PORT: String(gatewayPort),
    ...Object.fromEntries(SUBGRAPHS.map((n) => [PORT_VAR[n], String(ports[n])])),
    ...Object.fromEntries(
      SUBGRAPHS.map((n) => [`SUBGRAPH_URL_${PORT_VAR[n].replace(/_PORT$/, '')}`, `http://127.0.0.1:${ports[n]}/graphql`]),
    ),
    ...options.env,
  };
  const spawnPart = async (name: SubgraphName | 'gateway', port: number) => {
    const partEnv = name === 'gateway' ? { ...env, METRICS_PORT: String(metricsPort) } : env;
    const managed = startProcess(process.execPath, ['-r', '@swc-node/register', ENTRY[name]], { cwd: ROOT, env: partEnv });
    await waitUntilReady(name, managed, () => answers(`http://127.0.0.1:${port}/health/live`));
    return managed;
  };
  const started: Managed[] = [];
  try {
    const subgraphProcesses = await Promise.all(SUBGRAPHS.map((n) => spawnPart(n, ports[n]).then((m) => (started.push(m), m))));
    const gateway = await spawnPart('gateway', gatewayPort);
    started.push(gateway);
    const subgraphs = Object.fromEntries(
      SUBGRAPHS.map((n, i) => [n, { process: subgraphProcesses[i], port: ports[n] }]),
    ) as ChaosGraph['subgraphs'];
    const jwt = loadGatewayConfig(env).jwt;
    return {
      sandbox,
      env,
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      gatewayBase: `http://127.0.0.1:${gatewayPort}`,
      gatewayMetricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
      gateway,
      subgraphs,
      tokenFor: (pin) => issueCustomerToken(jwt, pin),
      async restart(name) {
        subgraphs[name].process = await spawnPart(name, ports[name]);
      },
      async stop() {
        await Promise.all([gateway, ...SUBGRAPHS.map((n) => subgraphs[n].process)].map((m) => forceStop(m)));
        await sandbox.stop();
      },
    };
  } catch (err) {
    await Promise.all(started.map((m) => forceStop(m)));
    await sandbox.stop();
    throw err;
  }
}

/** A stopped (SIGSTOP) process cannot act on SIGTERM: continue it first, and never wait longer than 10 s. */
function forceStop(m: Managed): Promise<void> {
  m.child.kill('SIGCONT');
  return m.stop();
}

/** What a graph shared by several scenarios needs: a JD timeout the applies' hangs exceed, and the SIGTERM scenario's drain window. */
export const CHAOS_ENV = { JD_TIMEOUT_MS: '1500', SHUTDOWN_DRAIN_MS: '8000' } as const;
