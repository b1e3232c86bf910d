import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { DEFAULT_SHUTDOWN_DRAIN_MS, trackForDrain, type ShutdownSettings } from '../../../config';
import { baseContextFrom, type BaseContext } from '../context';
import type { Identity } from '../identity/identity';
import { createSubgraphApolloServer } from './create-apollo-server';
import { healthRouter } from './health';
import { identityGuard } from './identity-guard';
import { requestLifetime } from './request-deadline';
import { operationSpan, operationSpanPlugin } from './operation-span';
import { staleAnswersPlugin } from './stale-answers';

/** How to serve one subgraph. */
/** Where and how a subgraph listens: what every subgraph's server factory takes from its config. */
export interface SubgraphServerSettings {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  signingSecret: string;
  /** How old a gateway signature may be (default 30 s, at most 60 s). */
  signatureMaxAgeMs?: number;
  /** How far in the future a gateway signature's time may be (default 2 s). */
  signatureClockSkewMs?: number;
  production?: boolean;
  /** Backs /health/ready, e.g. "the JD sandbox answers". */
  checkReady?(): Promise<boolean>;
  /** SIGTERM's readiness delay and drain window; default none and DEFAULT_SHUTDOWN_DRAIN_MS. */
  shutdown?: ShutdownSettings;
}

export interface StartSubgraphOptions<C extends BaseContext> extends SubgraphServerSettings {
  name: string;
  schema: GraphQLSchema;
  /** Per request: build loaders and data sources here. */
  createContext(base: BaseContext): C | Promise<C>;
}

/** Just the listening settings out of a subgraph's wider options (which also carry its own dependencies). */
export function serverSettings(opts: SubgraphServerSettings): SubgraphServerSettings {
  const { port, host, signingSecret, signatureMaxAgeMs, signatureClockSkewMs, production, checkReady, shutdown } = opts;
  return { port, host, signingSecret, signatureMaxAgeMs, signatureClockSkewMs, production, checkReady, shutdown };
}

/** A running subgraph. */
export interface RunningSubgraph {
  url: string;
  port: number;
  /** From now on /health/ready answers 503; requests still work. */
  reportNotReady(): void;
  /**
   * Reports not-ready, waits the readiness delay, stops accepting, lets requests in flight finish within
   * the drain window, answers what is left 503 SHUTTING_DOWN and closes. `options` override the settings.
   */
  stop(options?: Partial<ShutdownSettings>): Promise<void>;
}

/** The answer to a request still running when the drain window closes. */
const SHUTTING_DOWN_BODY = JSON.stringify({
  errors: [{ message: 'The subgraph is shutting down and this request did not finish in time.', extensions: { code: 'SHUTTING_DOWN' } }],
});

/** Serves POST /graphql (identity signed for this subgraph and this body required), GET /health/live and GET /health/ready. */
export async function startSubgraph<C extends BaseContext>(opts: StartSubgraphOptions<C>): Promise<RunningSubgraph> {
  const host = opts.host ?? '127.0.0.1';
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const server = createSubgraphApolloServer<C>({
    schema: opts.schema,
    production: opts.production ?? false,
    plugins: [operationSpanPlugin<C>(), staleAnswersPlugin<C>()],
  });
  await server.start();
  const httpDrain = trackForDrain(httpServer, (_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
    res.end(SHUTTING_DOWN_BODY);
  });
  let shuttingDown = false;
  const checkReady = opts.checkReady ?? (async () => true);

  app.use(healthRouter(opts.name, async () => !shuttingDown && (await checkReady())));
  app.use(
    '/graphql',
    ...identityGuard({
      subgraph: opts.name,
      signingSecret: opts.signingSecret,
      maxAgeMs: opts.signatureMaxAgeMs,
      clockSkewMs: opts.signatureClockSkewMs,
    }),
    operationSpan(opts.name),
    expressMiddleware(server, {
      context: async ({ req, res }) =>
        opts.createContext(baseContextFrom(res.locals.identity as Identity, req.headers, requestLifetime(req, res))),
    }),
  );

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(opts.port, host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await server.stop();
    throw new Error(`subgraph ${opts.name}: cannot listen on ${host}:${opts.port}: ${(error as Error).message}`, { cause: error });
  }

  const { port } = httpServer.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/graphql`,
    port,
    reportNotReady: () => void (shuttingDown = true),
    stop: (options = {}) =>
      (stopped ??= (async () => {
        const { readinessDelayMs, drainMs } = { readinessDelayMs: 0, drainMs: DEFAULT_SHUTDOWN_DRAIN_MS, ...opts.shutdown, ...options };
        shuttingDown = true;
        if (readinessDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, readinessDelayMs));
        await httpDrain.drain(drainMs);
        await server.stop();
      })()),
  };
}
