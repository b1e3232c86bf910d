/**
 * Tells the caller when an answer holds JD data served past its cache TTL (within its grace, while
 * it is refreshed): the subgraphs label their responses (`extensions.staleness.oldestAgeMs`); the
 * gateway keeps the oldest per request and answers with `extensions.staleness = { oldestAgeMs }`,
 * an `Age` header in seconds, and a cache policy of max-age 0 so no cache keeps it any longer.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';

const oldestByRequest = new WeakMap<object, number>();

/** Called with each subgraph response of a request: remembers the oldest stale age it reports. */
export function noteSubgraphStaleness(context: object | undefined, extensions: unknown): void {
  const age = (extensions as { staleness?: { oldestAgeMs?: unknown } } | undefined)?.staleness?.oldestAgeMs;
  if (!context || typeof age !== 'number' || !Number.isFinite(age) || age < 0) return;
  keepOldest(context, age);
}

/** Hands one request's stale age to another that took its answer (an operation shared in flight). */
export function copyStaleness(from: object, to: object): void {
  const age = oldestByRequest.get(from);
  if (age !== undefined) keepOldest(to, age);
}

function keepOldest(context: object, age: number): void {
  oldestByRequest.set(context, Math.max(oldestByRequest.get(context) ?? 0, age));
}

/** Register before the cache-control plugin: its header is computed from the policy this restricts. */
export function staleAnswersPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, overallCachePolicy }) {
          const oldest = oldestByRequest.get(contextValue);
          if (oldest === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, staleness: { oldestAgeMs: oldest } };
          overallCachePolicy.restrict({ maxAge: 0 });
          response.http.headers.set('age', String(Math.floor(oldest / 1000)));
        },
      };
    },
  };
}
