/**
 * The whole graph's configuration, read once and validated before anything listens: the sandbox,
 * the JD client, the four subgraphs and the gateway each validate their own variables, and every
 * problem of every part is reported in one ConfigError so one run shows everything to fix.
 */
import { envReader, type Env } from '../config';
import { loadJdConfig, type JdConfig } from '../jd/client';
import { loadSandboxConfig } from '../jd/sandbox';
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
  /**
   * Set when JD_API_URL and JD_SANDBOX_URL are unset (deployment mode `sandbox`, no sandbox elsewhere):
   * the embedded sandbox runs in this process.
   */
  sandbox?: ReturnType<typeof loadSandboxConfig>;
  orders: OrdersConfig;
  afterSales: AfterSalesConfig;
  exchange: ExchangeConfig;
  offices: OfficesConfig;
  gateway: GatewayConfig;
  /** Shared JD cache (Redis when set, else memory); the gateway's APQ store uses the same URL. */
  redisUrl?: string;
  /** JD_CACHE_NAMESPACE, as the JD-backed subgraphs read it. */
  cacheNamespace: string;
}

const HEADLINE = 'Cannot start the JD Support Graph; fix the environment and try again';

/**
 * Reads and validates every part's settings from `env`; `ports` (tests) win over the *_PORT variables.
 * Throws one ConfigError with the problems of every part.
 */
export function loadStackConfig(env: Env, ports: Partial<StackPorts> = {}): StackConfig {
  const read = envReader(env, 'JD Support Graph');
  const jd = read.adopt(() => loadJdConfig(env));
  // A sandbox named by JD_SANDBOX_URL (another container, or a bench's own process) replaces the embedded one.
  const embedSandbox = read.mode.data === 'sandbox' && !env.JD_SANDBOX_URL;
  const sandbox = embedSandbox ? read.adopt(() => loadSandboxConfig(env)) : undefined;
  const orders = read.adopt(() => loadOrdersConfig(env));
  const afterSales = read.adopt(() => loadAfterSalesConfig(env));
  const exchange = read.adopt(() => loadExchangeConfig(env));
  const offices = read.adopt(() => loadOfficesConfig(env));
  const gateway = read.adopt(() => loadGatewayConfig(env));
  read.finish(HEADLINE);
  // finish() returned, so no loader failed and every part is there (adopt rethrows anything but a ConfigError).
  if (!jd || !orders || !afterSales || !exchange || !offices || !gateway || (embedSandbox && !sandbox)) {
    throw new Error('a configuration loader returned nothing without a ConfigError');
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
    cacheNamespace: orders.cacheNamespace,
  };
}
