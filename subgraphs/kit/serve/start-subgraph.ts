import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { baseContextFrom, type BaseContext } from '../context';
import type { Identity } from '../identity/identity';
import { createSubgraphApolloServer } from './create-apollo-server';
import { healthRouter } from './health';
import { identityGuard } from './identity-guard';
import { requestLifetime } from './request-deadline';
import { operationSpan, operationSpanPlugin } from './operation-span';

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
}

export interface StartSubgraphOptions<C extends BaseContext> extends SubgraphServerSettings {
  name: string;
  schema: GraphQLSchema;
  /** Per request: build loaders and data sources here. */
  createContext(base: BaseContext): C | Promise<C>;
}

/** Just the listening settings out of a subgraph's wider options (which also carry its own dependencies). */
export function serverSettings(opts: SubgraphServerSettings): SubgraphServerSettings {
  const { port, host, signingSecret, signatureMaxAgeMs, signatureClockSkewMs, production, checkReady } = opts;
  return { port, host, signingSecret, signatureMaxAgeMs, signatureClockSkewMs, production, checkReady };
}

/** A running subgraph. */
export interface RunningSubgraph {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Serves POST /graphql (identity signed for this subgraph and this body required), GET /health/live and GET /health/ready. */
export async function startSubgraph<C extends BaseContext>(opts: StartSubgraphOptions<C>): Promise<RunningSubgraph> {
  const host = opts.host ?? '127.0.0.1';
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const server = createSubgraphApolloServer<C>({
    schema: opts.schema,
    production: opts.production ?? false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), operationSpanPlugin<C>()],
  });
  await server.start();

  app.use(healthRouter(opts.name, opts.checkReady));
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
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/graphql`,
    port,
    // The drain plugin closes the HTTP server once in-flight requests finish.
    stop: () => server.stop(),
  };
}
