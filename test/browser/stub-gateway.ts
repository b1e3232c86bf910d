import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { parse } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { loadGatewayConfig } from '../../gateway/config';
import { createExplorerRouter, explorerOptionsFor } from '../../gateway/explorer';
import type { ExplorerTarget } from './explorer-target';

/** A marker the stub's directory answers with, so the test can find it on the page. */
export const STUB_OFFICE_NAME = 'Stub Office Frankfurt (explorer test)';

const office = {
  id: 'stub-fra',
  name: STUB_OFFICE_NAME,
  city: 'Frankfurt',
  region: 'EUROPE',
  coverage: 'Germany',
  countries: ['DE'],
  address: null,
  phone: null,
  email: 'fra@example.invalid',
  languages: ['German', 'English'],
  timeZone: 'Europe/Berlin',
  hoursDescription: 'Mon–Fri 09:00–18:00',
  weeklyHours: [],
  openNow: true,
  nextOpensAt: null,
};

/**
 * Stand-in for the gateway until it mounts the explorer: the explorer router plus an Apollo Server
 * at /graphql with the offices subgraph's real SDL (CSRF prevention on, as in the gateway). It records
 * the headers of every GraphQL request so the test can check what GraphiQL sent.
 */
export async function startStubGateway(): Promise<ExplorerTarget> {
  const typeDefs = parse(readFileSync(join(__dirname, '..', '..', 'schema', 'offices.graphql'), 'utf8'));
  const schema = buildSubgraphSchema({
    typeDefs,
    resolvers: { Query: { supportOffices: () => [office], hotlines: () => [], supportChannels: () => [] } },
  });
  const server = new ApolloServer({
    schema,
    csrfPrevention: true,
    introspection: true,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();
  const requests: NonNullable<ExplorerTarget['graphqlRequests']> = [];
  const app = express();
  // Configured exactly as the gateway configures it on sandbox data (default settings).
  app.use('/explorer', createExplorerRouter(await explorerOptionsFor(loadGatewayConfig({}))));
  app.use('/graphql', express.json(), (req, _res, next) => {
    requests.push({ method: req.method, headers: { ...req.headers }, query: (req.body as { query?: string } | undefined)?.query });
    next();
  });
  app.use('/graphql', expressMiddleware(server));
  const httpServer = http.createServer(app);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    partnerResultText: STUB_OFFICE_NAME,
    graphqlRequests: requests,
    stop: async () => {
      await server.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve, reject) => httpServer.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
