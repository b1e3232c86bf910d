import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { BaseContext } from '../context';
import { formatSubgraphError } from '../errors/format-subgraph-error';

/** The Apollo Server every subgraph runs (HTTP or in-process): masking, cache hints, no landing page. */
export function createSubgraphApolloServer<C extends BaseContext>(opts: {
  schema: GraphQLSchema;
  production: boolean;
  plugins?: ApolloServerPlugin<C>[];
}): ApolloServer<C> {
  const { production } = opts;
  return new ApolloServer<C>({
    schema: opts.schema,
    formatError: (formatted, error) => formatSubgraphError(formatted, error, { production }),
    includeStacktraceInErrorResponses: !production,
    // Only the gateway talks to a subgraph, and it reads SDL from the committed files.
    introspection: !production,
    plugins: [
      // Uncached unless the schema says otherwise; the header tells the gateway each subgraph's policy.
      ApolloServerPluginCacheControl({ defaultMaxAge: 0 }),
      ApolloServerPluginLandingPageDisabled(),
      // Federated traces only feed Apollo Studio, which this project does not use.
      ApolloServerPluginInlineTraceDisabled(),
      ...(opts.plugins ?? []),
    ],
  });
}
