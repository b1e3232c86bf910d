import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { parse } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';

export interface StubSubgraph {
  name: string;
  url: string;
  sdl: string;
  /** Headers of every GraphQL request the stub received, lower-cased names. */
  received: http.IncomingHttpHeaders[];
  /** The raw body of each of those requests, same order (what the gateway's signature covers). */
  bodies: string[];
  stop(): Promise<void>;
}

/** A tiny real subgraph on a free port that records the headers the gateway sent it. */
export async function startStubSubgraph(
  name: string,
  typeDefs: string,
  resolvers: GraphQLResolverMap<unknown>,
  opts: {
    cacheControl?: string;
    /** The resolvers' context, built from the request the gateway sent (e.g. its identity header). */
    context?: (req: http.IncomingMessage) => object;
  } = {},
): Promise<StubSubgraph> {
  const schema = buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers });
  const server = new ApolloServer({ schema, plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled()] });
  await server.start();
  const received: http.IncomingHttpHeaders[] = [];
  const bodies: string[] = [];
  const app = express();
  app.get('/health/live', (_req, res) => void res.json({ status: 'live' }));
  app.post(
    '/graphql',
    (req, res, next) => {
      received.push({ ...req.headers });
      if (opts.cacheControl) res.setHeader('cache-control', opts.cacheControl);
      next();
    },
    express.json({ verify: (_req, _res, buf) => void bodies.push(buf.toString('utf8')) }),
    expressMiddleware(server, { context: async ({ req }) => opts.context?.(req) ?? {} }),
  );
  const httpServer = http.createServer(app);
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', () => r()));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    sdl: printSubgraphSchema(schema),
    received,
    bodies,
    stop: async () => {
      await server.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((r) => httpServer.close(() => r()));
    },
  };
}
