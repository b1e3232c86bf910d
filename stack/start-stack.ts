/**
 * The whole JD Support Graph in one process: the JD sandbox (unless JD_API_URL points at JD), the four
 * subgraphs and the gateway. Used by `npm start` (start.ts) and by the end-to-end tests (ports 0).
 * The subgraphs share one JD client (one rate limiter per app key), one cache and one set of loader stats.
 */
import 'reflect-metadata';
import type { Logger } from 'pino';
import type { JdClient, RateLimiter } from '../jd/client';
import { createJdLoaderStats, type JdCache, type JdLoaderStats, type JdTtlOverrides } from '../jd/loaders';
import { createJdMetrics, type JdMetrics } from '../jd/metrics';
import { createSandbox, type Sandbox } from '../jd/sandbox';
import { createGateway, type RunningGateway } from '../gateway/server';
import { createLogger } from '../gateway/logger';
import { createJdRuntime, type RunningSubgraph } from '../subgraphs/kit';
import { subgraphEnvName } from '../gateway/config';
import { loadStackConfig, type StackConfig, type StackPorts } from './stack-config';
import { startFourSubgraphs, type SubgraphName } from './start-subgraphs';

export interface StackOverrides {
  /** Ports that win over the *_PORT variables; 0 picks a free port. */
  ports?: Partial<StackPorts>;
  /** The gateway's logger (tests pass a silent or capturing one). */
  logger?: Logger;
  /** JD cache TTLs in ms per JD method (tests shorten them to watch JD-side changes arrive). */
  jdTtl?: JdTtlOverrides;
}

export interface RunningStack {
  config: StackConfig;
  urls: {
    gateway: string;
    /** Base URL of the gateway (health, metrics): http://host:port */
    gatewayBase: string;
    /** Absent when JD_API_URL points at the real JD. */
    sandbox?: string;
    jdRouter: string;
    subgraphs: Record<SubgraphName, string>;
  };
  /** The embedded JD sandbox; undefined with real JD. */
  sandbox?: Sandbox;
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  jd: { client: JdClient; limiter: RateLimiter; cache: JdCache; stats: JdLoaderStats; metrics: JdMetrics };
  /** SUBGRAPH_URL_<NAME> for every running subgraph: give them to a second gateway to front the same subgraphs. */
  subgraphUrlEnv(): Record<string, string>;
  /**
   * SIGTERM's order: every part reports not-ready, the readiness delay, the gateway stops accepting and
   * drains (what is left after the window is answered SHUTTING_DOWN), then the subgraphs, the sandbox and the cache close.
   */
  stop(): Promise<void>;
}

/** Reads and validates `env` once, then starts sandbox, subgraphs and gateway; stops what started if a later part fails. */
export async function startStack(env: Record<string, string | undefined>, overrides: StackOverrides = {}): Promise<RunningStack> {
  const config = loadStackConfig(env, overrides.ports);
  const started: { stop(): Promise<void> }[] = [];
  const stopStarted = async () => {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
  };
  try {
    return await startParts(config, overrides, started);
  } catch (err) {
    await stopStarted();
    throw err;
  }
}

async function startParts(config: StackConfig, overrides: StackOverrides, started: { stop(): Promise<void> }[]): Promise<RunningStack> {
  const sandbox = config.sandbox ? await createSandbox(config.sandbox) : undefined;
  if (sandbox) started.push(sandbox);
  // With the embedded sandbox the client talks to wherever it actually listens, with the sandbox's own credentials.
  const jdConfig = sandbox ? { ...config.jd, apiUrl: sandbox.routerUrl, ...sandbox.credentials } : config.jd;

  // One runtime for all subgraphs (one rate limiter per app key, one cache), counted by the JD metrics.
  const stats = createJdLoaderStats();
  const metrics = createJdMetrics({ loaderStats: stats });
  const jd = createJdRuntime({
    jd: jdConfig,
    redisUrl: config.redisUrl,
    cacheNamespace: config.cacheNamespace,
    observer: metrics.observe,
    onBreakerStateChange: metrics.observeBreaker,
    stats,
    ttl: overrides.jdTtl,
  });
  started.push({ stop: () => jd.close() });
  const subgraphs = await startFourSubgraphs(config, jd, (s) => started.push(s));

  const subgraphUrlEnv = () =>
    Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [`SUBGRAPH_URL_${subgraphEnvName(name)}`, s.url]));
  // Point the gateway at the subgraphs this process runs (their ports may be free ones);
  // an explicit SUBGRAPH_URL_<NAME> in the environment still wins.
  const running = Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [subgraphEnvName(name), s.url]));
  const gatewayConfig = { ...config.gateway, subgraphUrlOverrides: { ...running, ...config.gateway.subgraphUrlOverrides } };
  const gateway = await createGateway(gatewayConfig, { logger: overrides.logger ?? createLogger(gatewayConfig.logLevel) });
  gateway.registerExternalMetrics(metrics.registry);

  const gatewayBase = gateway.url.replace(/\/graphql$/, '');
  let stopping: Promise<void> | undefined;
  return {
    config: { ...config, gateway: gatewayConfig },
    urls: {
      gateway: gateway.url,
      gatewayBase,
      sandbox: sandbox?.url,
      jdRouter: jdConfig.apiUrl,
      subgraphs: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])) as Record<SubgraphName, string>,
    },
    sandbox,
    gateway,
    subgraphs,
    jd: { client: jd.client, limiter: jd.limiter, cache: jd.cache, stats, metrics },
    subgraphUrlEnv,
    stop: () =>
      (stopping ??= (async () => {
        const { readinessDelayMs, drainMs } = gatewayConfig.shutdown;
        // Every part reports not-ready at once and the graph waits its readiness delay once.
        gateway.reportNotReady();
        for (const s of Object.values(subgraphs)) s.reportNotReady();
        if (readinessDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, readinessDelayMs));
        await gateway.stop({ readinessDelayMs: 0, drainMs });
        // The gateway has answered or ended every request, so nobody waits for what a subgraph still runs.
        await Promise.all(Object.values(subgraphs).map((s) => s.stop({ readinessDelayMs: 0, drainMs: 0 })));
        if (sandbox) await sandbox.stop();
        await jd.close();
      })()),
  };
}
