/**
 * Labels a subgraph response that holds JD answers served past their TTL (stale-while-revalidate):
 * `extensions.staleness = { oldestAgeMs, methods }` and an `Age` header, so the gateway can tell
 * the caller. The record is the request's own (see jd/loaders' staleness: one per request).
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import { currentStaleness, withStalenessRecord } from '../../../jd/loaders';

/** Express middleware: the rest of the request runs with its own staleness record. */
export function stalenessScope(): RequestHandler {
  return (_req, _res, next) => withStalenessRecord(() => next());
}

/** Adds the staleness extension and header to a response that served anything stale. */
export function staleAnswersPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const record = currentStaleness();
          if (record?.oldestAgeMs === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, staleness: { oldestAgeMs: record.oldestAgeMs, methods: [...record.methods].sort() } };
          response.http.headers.set('age', String(Math.floor(record.oldestAgeMs / 1000)));
        },
      };
    },
  };
}
