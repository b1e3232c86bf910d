import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../context';
import { claimInternalError } from './format-error';

/**
 * Names the request in each internal error it answers (`extensions.requestId`, the id the client can
 * quote to support) and logs the error once through the request's logger, which carries that id.
 * formatError has already replaced the text; it kept the original, truncated, for this log line.
 */
export function internalErrorsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors?.length) return;
          result.errors = result.errors.map((error): GraphQLFormattedError => {
            const record = claimInternalError(error);
            if (!record) return error;
            contextValue.log.error(record, 'internal error');
            return { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } };
          });
        },
      };
    },
  };
}
