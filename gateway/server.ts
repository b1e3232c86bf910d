import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloGateway } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginUsageReportingDisabled, ApolloServerPluginSchemaReportingDisabled } from '@apollo/server/plugin/disabled';
import { subgraphTimeoutMs, type GatewayConfig } from './config';
import { trackForDrain } from '../config';
import type { GatewayContext } from './context';
import { createLogger } from './logger';
import { createAuthenticator } from './auth';
import { InflightSharing, SignedIdentityDataSource, SubgraphBreaker, type SubgraphBreakerState } from './subgraph-transport';
import { fileSupergraph, type FileSupergraph } from './supergraph/file-supergraph';
import { resolveSubgraphUrl } from './supergraph/subgraph-urls';
import { createApqCache } from './apq/apq-cache';
import { connectRedis } from '../shared-state';
import { createResponseStore, publicResponseCachePlugin } from './response-cache';
import { loadManifest, safelistFromManifest } from './safelist/manifest';
import { safelistPlugin } from './safelist/plugin';
import { createGatewayMetrics, safelistObserver, type GatewayMetrics } from './metrics/gateway-metrics';
import { metricsEndpoint } from './metrics/metrics-endpoint';
import { metricsPlugin } from './plugins/metrics-plugin';
import { privateCacheScopePlugin } from './plugins/private-cache-scope';
import { staleAnswersPlugin } from './staleness/stale-answers';
import { createFormatError } from './plugins/format-error';
import { internalErrorsPlugin } from './plugins/internal-errors';
import { operationResolutionPlugin } from './plugins/operation-resolution';
import { batchLimit, operationLimitRules, OperationLimitError, tokenLimit } from './limits';
import { requestId } from './http/request-id';
import { jsonErrors, jsonNotFound, requireJsonPost } from './http/json-errors';
import { cors } from './http/cors';
import { accessLog } from './http/access-log';
import { readiness } from './http/health';
import { apolloLandingPagePlugin, createLandingRouter } from './landing';
import { createEdgeRateLimit } from './rate-limit';
import { createExplorerRouter, explorerOptionsFor } from './explorer';
import { requestLifetime } from './deadline';
import { requestSpan, tracingPlugin } from './tracing';
import { demandControlPlugin } from './demand-control';
import { shareIdenticalOperations, withWrappedExecutor, WriteEpochs } from './operation-sharing';

export const SANDBOX_HEADER = 'x-jd-sandbox';

export interface GatewayOverrides {
  logger?: Logger;
}

/** Extra Prometheus text for /metrics: a prom-client Registry, or a function that renders one. */
export type ExternalMetrics = Registry | (() => string | Promise<string>);

export interface RunningGateway {
  url: string;
  port: number;
  metrics: GatewayMetrics;
  /** Where /metrics is served (METRICS_PORT, or the API port with METRICS_TOKEN); undefined when it is not. */
  metricsUrl?: string;
  supergraph: FileSupergraph;
  registerExternalMetrics(source: ExternalMetrics): void;
  /** From now on /health/ready answers 503, so that load balancers stop sending; requests still work. */
  reportNotReady(): void;
  /**
   * SIGTERM's steps: report not-ready, wait the readiness delay, stop accepting, let requests in flight
   * finish within the drain window, answer what is left 503 SHUTTING_DOWN, then close everything.
   * `options` override the configured delay and window (the whole graph waits its delay once for every part).
   */
  stop(options?: Partial<GatewayConfig['shutdown']>): Promise<void>;
}

/** The answer to a request still running when the drain window closes. */
const SHUTTING_DOWN_BODY = JSON.stringify({
  errors: [
    {
      message: 'The gateway is shutting down and this request did not finish in time; it may or may not have taken effect. Retry it.',
      extensions: { code: 'SHUTTING_DOWN' },
    },
  ],
});

/** Builds and starts the gateway HTTP server described by `config`. */
export async function createGateway(config: GatewayConfig, overrides: GatewayOverrides = {}): Promise<RunningGateway> {
  const log = overrides.logger ?? createLogger(config.logLevel);
  const metrics = createGatewayMetrics();
  const external: ExternalMetrics[] = [];
  const supergraph = fileSupergraph(config.supergraphPath, log);
  const authenticate = createAuthenticator(config);
  // One guarded connection for what replicas share through Redis: APQ registrations, the rate-limit
  // counters and the public response cache. A slow or dead Redis costs a fallback to memory, never a request its answer.
  const redis = config.redisUrl
    ? connectRedis({
        url: config.redisUrl,
        operationTimeoutMs: config.redisOperationTimeoutMs,
        onStateChange: (state) => {
          metrics.redisUp.set(state === 'up' ? 1 : 0);
          log[state === 'up' ? 'info' : 'warn']({ redis: state }, `gateway Redis connection ${state}`);
        },
      })
    : undefined;
  const rateLimit = createEdgeRateLimit({ ...config.rateLimit, redis, registry: metrics.registry, log });
  const safelist = config.safelist.mode === 'off' ? undefined : safelistFromManifest(loadManifest(config.safelist.manifestPath));
  const apq = config.apq
    ? createApqCache({ redis, onRedisFailure: (operation) => metrics.apqRedisFailures.inc({ operation }) })
    : undefined;

  const observeFetch = (subgraph: string, outcome: 'ok' | 'error', seconds: number) => {
    metrics.subgraphFetches.inc({ subgraph, outcome });
    metrics.subgraphLatency.observe({ subgraph }, seconds);
  };
  const BREAKER_STATE_VALUE: Record<SubgraphBreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };
  const onBreakerStateChange = (subgraph: string, state: SubgraphBreakerState) => {
    metrics.subgraphBreakerState.set({ subgraph }, BREAKER_STATE_VALUE[state]);
    if (state === 'open') log.warn({ subgraph, state }, `subgraph ${subgraph}: circuit open, fetches refused at once`);
    else log.info({ subgraph, state }, `subgraph ${subgraph}: circuit ${state}`);
  };
  // Callers' writes, so that neither a shared operation nor a shared subgraph fetch predates a caller's own write.
  const writeEpochs = new WriteEpochs();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.hook,
    logger: log,
    buildService: ({ name, url }) =>
      new SignedIdentityDataSource({
        name,
        url: resolveSubgraphUrl({ name, url: url ?? '' }, config.subgraphUrlOverrides),
        secret: config.subgraphSigningSecret,
        timeoutMs: subgraphTimeoutMs(config.timeouts, name),
        observe: observeFetch,
        sharing: new InflightSharing(() => metrics.subgraphSharedFetches.inc({ subgraph: name })),
        writeEpochs,
        log,
        breaker: new SubgraphBreaker(name, { ...config.timeouts.breaker, onStateChange: onBreakerStateChange }),
        onRefused: (subgraph) => metrics.subgraphBreakerRefused.inc({ subgraph }),
      }),
  });

  const app = express();
  app.disable('x-powered-by');
  // req.ip is then the address the outermost trusted proxy saw; with 0 hops X-Forwarded-For is ignored, so it cannot be spoofed.
  if (config.trustedProxyHops > 0) app.set('trust proxy', config.trustedProxyHops);
  const httpServer = http.createServer(app);
  // Our own drain rather than Apollo's plugin: it answers what is left with a coded error and cuts every connection.
  const httpDrain = trackForDrain(httpServer, (_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
    res.end(SHUTTING_DOWN_BODY);
  });
  metrics.countRequestsInFlightWith(() => httpDrain.inFlight);
  let shuttingDown = false;
  const plugins: ApolloServerPlugin<GatewayContext>[] = [
    // Before cache control: it restricts the policy the cache-control header is computed from.
    staleAnswersPlugin(),
    ApolloServerPluginCacheControl({ calculateHttpHeaders: true }),
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
    privateCacheScopePlugin(),
    metricsPlugin(metrics),
    operationResolutionPlugin(),
    tracingPlugin(),
    internalErrorsPlugin(),
  ];
  if (config.responseCache.enabled) {
    const cache = createResponseStore({
      maxMemoryEntries: config.responseCache.maxEntries,
      redis,
      onRedisFailure: (operation) => metrics.responseCacheRedisFailures.inc({ operation }),
    });
    plugins.push(publicResponseCachePlugin({ cache, onLookup: (result) => metrics.responseCache.inc({ result }) }));
  }
  const limits = config.operationLimits;
  const onRefusal = (refusal: OperationLimitError) => metrics.operationLimitRefusals.inc({ limit: refusal.limitName });
  const tokens = limits.tokens > 0 ? tokenLimit(limits.tokens) : undefined;
  if (tokens) plugins.push(tokens.plugin);
  if (safelist) plugins.push(safelistPlugin({ ...config.safelist, safelist, onUnknown: safelistObserver(metrics) }));
  plugins.push(
    demandControlPlugin({
      ...config.demandControl,
      supergraphSdl: supergraph.current,
      observe: {
        estimated: (caller, cost) => metrics.operationCost.observe({ caller }, cost),
        overBudget: (caller, refused) => metrics.operationsOverBudget.inc({ caller, refused: String(refused) }),
      },
    }),
  );
  plugins.push(apolloLandingPagePlugin(config.apolloSandboxLandingPage));

  const server = new ApolloServer<GatewayContext>({
    gateway: withWrappedExecutor(gateway, (executor) =>
      shareIdenticalOperations(executor, {
        shareQueries: config.operationSharing,
        epochs: writeEpochs,
        onShared: (context) => metrics.operationsShared.inc({ caller: context.identity.kind }),
      }),
    ),
    csrfPrevention: true,
    introspection: config.introspection,
    persistedQueries: apq ? { cache: apq, ttl: 24 * 3600 } : false,
    // Every operation limit is checked before the gateway plans: tokens while parsing, the others as validation rules.
    parseOptions: tokens?.parseOptions,
    validationRules: operationLimitRules(limits),
    allowBatchedHttpRequests: limits.batchSize !== 1,
    includeStacktraceInErrorResponses: config.errorDetails,
    // "Did you mean …?" would describe the schema that disabled introspection hides.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    formatError: createFormatError({
      details: config.errorDetails,
      log,
      onRefusal,
      refusalOf: (error) =>
        (error as { originalError?: unknown } | undefined)?.originalError instanceof OperationLimitError
          ? (error as { originalError: OperationLimitError }).originalError
          : tokens?.refusalOf(error),
    }),
    stopOnTerminationSignals: false,
    logger: log,
    plugins,
  });
  try {
    await server.start();
  } catch (err) {
    await redis?.close();
    throw err;
  }

  // First, so that every response (CORS preflights, 404s, errors, 429s) says the data is simulated.
  const sandboxData = config.deployment.data === 'sandbox';
  if (sandboxData) app.use((_req, res, next) => void (res.setHeader(SANDBOX_HEADER, 'simulated'), next()));
  app.use(requestId, accessLog(log), cors(config.corsOrigins));
  app.use(
    createLandingRouter({
      sandbox: sandboxData,
      explorerPath: config.explorer.enabled ? '/explorer' : undefined,
      graphqlPath: '/graphql',
      apolloSandbox: config.apolloSandboxLandingPage,
    }),
  );
  // The self-hosted GraphiQL (no CDN); off on real JD data unless EXPLORER=true.
  if (config.explorer.enabled) app.use('/explorer', createExplorerRouter(await explorerOptionsFor(config)));
  app.get('/health/live', (_req, res) => void res.json({ status: 'live' }));
  app.get(
    '/health/ready',
    readiness(supergraph.current, config.subgraphUrlOverrides, () => shuttingDown),
  );
  const scrape = metricsEndpoint(async () => {
    const parts = [await metrics.registry.metrics()];
    for (const source of external) parts.push(typeof source === 'function' ? await source() : await source.metrics());
    return { contentType: metrics.registry.contentType, text: parts.join('\n') };
  }, config.metrics.token);
  // On the API port only behind a token: anyone who reaches the API must not read the gateway's insides.
  if (config.metrics.token !== undefined) app.get('/metrics', scrape);
  app.all(
    '/graphql',
    express.json({ limit: '1mb' }),
    requestSpan('/graphql'),
    requireJsonPost,
    batchLimit(limits.batchSize, onRefusal),
    expressMiddleware(server, {
      context: async ({ req, res }): Promise<GatewayContext> => {
        // Before authentication, so the time a JWKS lookup takes counts against the request's budget too.
        const lifetime = requestLifetime(req, res, config.timeouts.requestMs);
        const requestIdValue = res.locals.requestId as string;
        const identity = await authenticate({ authorization: req.header('authorization'), apiKey: req.header('x-api-key') });
        const verdict = await rateLimit({ identity, clientAddress: req.ip });
        for (const [name, value] of Object.entries(verdict.headers)) res.setHeader(name, value);
        if (verdict.refusal) throw verdict.refusal;
        return {
          identity,
          requestId: requestIdValue,
          traceparent: req.header('traceparent'),
          acceptLanguage: req.header('accept-language'),
          clientName: req.header('apollographql-client-name'),
          log: log.child({ requestId: requestIdValue }),
          ...lifetime,
        };
      },
    }),
  );
  app.use(jsonNotFound);
  app.use(jsonErrors(log));

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    await server.stop();
    await redis?.close();
    throw err;
  }
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}/graphql`;
  let metricsServer: http.Server | undefined;
  let metricsUrl = config.metrics.token !== undefined ? `http://${config.host}:${port}/metrics` : undefined;
  if (config.metrics.port !== undefined) {
    const metricsApp = express();
    metricsApp.disable('x-powered-by');
    metricsApp.get('/metrics', scrape);
    metricsApp.use(jsonNotFound);
    metricsServer = http.createServer(metricsApp);
    const listening = metricsServer;
    try {
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(config.metrics.port, config.host, () => resolve());
      });
    } catch (err) {
      await server.stop();
      await redis?.close();
      throw err;
    }
    metricsUrl = `http://${config.host}:${(listening.address() as AddressInfo).port}/metrics`;
  }
  log.info(
    {
      mode: config.deployment.data,
      production: config.deployment.production,
      introspection: config.introspection,
      explorer: config.explorer.enabled,
      apolloSandboxLandingPage: config.apolloSandboxLandingPage,
      partnerRateLimitPerMinute: config.rateLimit.perMinute.partner,
      rateLimitsPerMinute: config.rateLimit.perMinute,
      rateLimitCounters: redis ? 'redis' : 'memory',
      trustedProxyHops: config.trustedProxyHops,
      demandControl: config.demandControl.mode,
      costBudgets: config.demandControl.budgets,
    },
    sandboxData ? 'sandbox mode: simulated JD data, responses labelled x-jd-sandbox: simulated' : 'JD mode: real JD data',
  );
  log.info(
    {
      url,
      metricsUrl: metricsUrl ?? 'off (set METRICS_PORT or METRICS_TOKEN)',
      metricsToken: config.metrics.token !== undefined,
      sandbox: sandboxData,
      safelist: config.safelist.mode,
      apq: config.apq ? (config.redisUrl ? 'redis' : 'memory') : 'off',
    },
    'gateway listening',
  );

  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    metrics,
    metricsUrl,
    supergraph,
    registerExternalMetrics: (source) => void external.push(source),
    reportNotReady: () => void (shuttingDown = true),
    stop: (options = {}) =>
      (stopped ??= (async () => {
        const { readinessDelayMs, drainMs } = { ...config.shutdown, ...options };
        shuttingDown = true;
        if (readinessDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, readinessDelayMs));
        const { finished, ended } = await httpDrain.drain(drainMs);
        log.info({ finished, ended, drainMs }, 'gateway drained: listener closed, requests in flight finished or ended');
        await server.stop();
        await redis?.close();
        if (metricsServer) {
          metricsServer.closeAllConnections();
          await new Promise<void>((resolve) => metricsServer?.close(() => resolve()));
        }
      })()),
  };
}
