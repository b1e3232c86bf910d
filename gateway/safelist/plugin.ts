import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { SafelistMode } from '../config';
import type { GatewayContext } from '../context';
import type { Safelist } from './manifest';

export const NOT_IN_SAFELIST = 'OPERATION_NOT_IN_SAFELIST';

export interface SafelistOptions {
  mode: SafelistMode;
  safelist: Safelist;
  /** Enforce only for these `apollographql-client-name`s; empty means everyone. */
  clientNames: string[];
  onUnknown?: (clientName: string | undefined, rejected: boolean) => void;
}

/** Runs only manifest operations (enforce), or notes the others (log-unknown). */
export function safelistPlugin({ mode, safelist, clientNames, onUnknown }: SafelistOptions): ApolloServerPlugin<GatewayContext> {
  const enforcedFor = (client: string | undefined) => clientNames.length === 0 || (client !== undefined && clientNames.includes(client));
  return {
    async requestDidStart() {
      if (mode === 'off') return;
      return {
        async didResolveOperation({ source, contextValue, operationName }) {
          if (safelist.admits(source)) return;
          const client = contextValue.clientName;
          const rejected = mode === 'enforce' && enforcedFor(client);
          onUnknown?.(client, rejected);
          contextValue.log.warn({ operationName, clientName: client, rejected }, 'operation not in the persisted-query safelist');
          if (rejected) {
            throw new GraphQLError('This operation is not in the persisted-operation safelist for this client', {
              extensions: { code: NOT_IN_SAFELIST, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
