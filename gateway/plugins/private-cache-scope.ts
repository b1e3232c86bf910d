import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';

/** A response to an identified caller (customer or partner) is never marked public, whatever the subgraphs hinted. */
export function privateCacheScopePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue, overallCachePolicy }) {
          if (contextValue.identity.kind !== 'anonymous') overallCachePolicy.restrict({ scope: 'PRIVATE' });
        },
      };
    },
  };
}
