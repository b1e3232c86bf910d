/**
 * The whole graph's configuration, read once and validated before anything listens: the sandbox,
 * the JD client, the four subgraphs and the gateway each validate their own variables, and every
 * problem is reported together so one run shows everything to fix.
 */
import { loadJdConfig, type JdConfig } from '../jd/client';
import { loadSandboxConfig, type SandboxOptions } from '../jd/sandbox';
import { loadGatewayConfig, type GatewayConfig } from '../gateway/config';
import { loadOrdersConfig, type OrdersConfig } from '../subgraphs/orders/config';
import { loadAfterSalesConfig, type AfterSalesConfig } from '../subgraphs/after-sales/config';
import { loadOfficesConfig, type OfficesConfig } from '../subgraphs/offices/config';
import { loadExchangeConfig, type ExchangeConfig } from '../subgraphs/exchange/config';

/** Ports of every process part; 0 picks a free port (tests). */
export interface StackPorts {
  sandbox: number;
  orders: number;
  afterSales: number;
  exchange: number;
  offices: number;
  gateway: number;
}

export interface StackConfig {
  jd: JdConfig;
  /** Set when JD_API_URL is unset: the embedded sandbox runs in this process. */
  sandbox?: Required<Pick<SandboxOptions, 'port' | 'host' | 'seed' | 'scale' | 'credentials' | 'faults'>>;
  orders: OrdersConfig;
  afterSales: AfterSalesConfig;
  exchange: ExchangeConfig;
  offices: OfficesConfig;
  gateway: GatewayConfig;
  /** Shared JD cache (Redis when set, else memory); the gateway's APQ store uses the same URL. */
  redisUrl?: string;
}

/** Thrown with every configuration problem of every part, so start-up stops with one message. */
export class StackConfigError extends Error {
  override name = 'StackConfigError';
}

type Env = Record<string, string | undefined>;

function attempt<T>(problems: string[], load: () => T): T | undefined {
  try {
    return load();
  } catch (err) {
    problems.push((err as Error).message);
    return undefined;
  }
}

/** Reads and validates every part's settings from `env`; `ports` (tests) win over the *_PORT variables. */
export function loadStackConfig(env: Env, ports: Partial<StackPorts> = {}): StackConfig {
  const problems: string[] = [];
  const jd = attempt(problems, () => loadJdConfig(env));
  const sandbox = jd?.sandbox ? attempt(problems, () => loadSandboxConfig(env)) : undefined;
  const orders = attempt(problems, () => loadOrdersConfig(env));
  const afterSales = attempt(problems, () => loadAfterSalesConfig(env));
  const exchange = attempt(problems, () => loadExchangeConfig(env));
  const offices = attempt(problems, () => loadOfficesConfig(env));
  const gateway = attempt(problems, () => loadGatewayConfig(env));
  if (problems.length > 0 || !jd || !orders || !afterSales || !exchange || !offices || !gateway || (jd.sandbox && !sandbox)) {
    // Each part's message already names its variables; de-duplicate the ones several parts share (JD_*).
    throw new StackConfigError(`Cannot start the JD Support Graph; fix the environment and try again:\n${[...new Set(problems)].join('\n')}`);
  }
  if (gateway.subgraphSigningSecret !== orders.subgraph.signingSecret) {
    throw new StackConfigError('Cannot start the JD Support Graph: the gateway and the subgraphs disagree on SUBGRAPH_SIGNING_SECRET');
  }
  const port = (given: number | undefined, fallback: number) => given ?? fallback;
  return {
    jd,
    sandbox: sandbox && { ...sandbox, port: port(ports.sandbox, sandbox.port) },
    orders: { ...orders, subgraph: { ...orders.subgraph, port: port(ports.orders, orders.subgraph.port) } },
    afterSales: { ...afterSales, subgraph: { ...afterSales.subgraph, port: port(ports.afterSales, afterSales.subgraph.port) } },
    exchange: { ...exchange, subgraph: { ...exchange.subgraph, port: port(ports.exchange, exchange.subgraph.port) } },
    offices: { ...offices, subgraph: { ...offices.subgraph, port: port(ports.offices, offices.subgraph.port) } },
    gateway: { ...gateway, port: port(ports.gateway, gateway.port) },
    redisUrl: orders.redisUrl,
  };
}
