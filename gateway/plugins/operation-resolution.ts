import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

const MAX_ECHOED_NAME = 100;

/**
 * An operationName the document does not define (or none, for a document with several operations)
 * is the client's mistake. Apollo Server would hand the gateway no operation and answer 500; this
 * refuses it with 400 before anything is planned.
 */
export function operationResolutionPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const name = request.operationName;
          const message = name
            ? `The document has no operation named "${name.slice(0, MAX_ECHOED_NAME)}"`
            : 'The document has several operations: say which to run with operationName';
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        },
      };
    },
  };
}
