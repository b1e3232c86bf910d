/**
 * Labels a subgraph response that holds JD answers served past their TTL (stale-while-revalidate):
 * `extensions.staleness = { oldestAgeMs, methods }` and an `Age` header, so the gateway can tell
 * the caller. The record is the request's own (BaseContext's `staleness`, handed to its loaders).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { BaseContext } from '../context';

/** Adds the staleness extension and header to a response that served anything stale. */
export function staleAnswersPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const record = contextValue.staleness;
          if (record?.oldestAgeMs === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, staleness: { oldestAgeMs: record.oldestAgeMs, methods: [...record.methods].sort() } };
          response.http.headers.set('age', String(Math.floor(record.oldestAgeMs / 1000)));
        },
      };
    },
  };
}
