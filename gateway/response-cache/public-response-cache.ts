import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { KeyvAdapter } from '@apollo/utils.keyvadapter';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { GatewayContext } from '../context';

type ResponseCacheLookup = 'hit' | 'miss';

const anonymous = (rc: GraphQLRequestContext<GatewayContext>) => rc.contextValue.identity.kind === 'anonymous';

/**
 * A whole-response cache for public data (the directory, nearestSupportOffice, hotlines), on Apollo's
 * own response-cache plugin. It fits the gateway as it is:
 * - The policy it stores is Apollo Gateway's overall cache policy, which RemoteGraphQLDataSource
 *   restricts with every subgraph answer's Cache-Control header; an answer without one is maxAge 0,
 *   so nothing is cached unless every subgraph the plan touched said it may be, for how long.
 * - Only anonymous callers read or write it. privateCacheScopePlugin makes every identified caller's
 *   response PRIVATE and no sessionId is given, so a customer's or partner's answer is never stored;
 *   and since a hit replaces the request's cache policy with the stored public one (before
 *   privateCacheScopePlugin could restrict it), identified callers never read it either.
 * - Mutations are never cached (the plugin caches queries only), nor answers with errors.
 * - The key is the operation text, its name, the variables and accept-language (the one request
 *   header the subgraphs' answers depend on: it picks JD's zh or en descriptions). Identity headers
 *   need not be part of it: only anonymous requests get here.
 * - A hit says `age` (seconds since it was fetched) next to the stored `cache-control: max-age=N, public`
 *   (ApolloServerPluginCacheControl writes it from the replaced policy), which is how an HTTP cache
 *   (RFC 9111) works out the remaining freshness; the entry itself expires after maxAge.
 */
export function publicResponseCachePlugin(options: {
  cache: KeyvAdapter<string>;
  onLookup?(result: ResponseCacheLookup): void;
}): ApolloServerPlugin<GatewayContext> {
  const inner = responseCachePlugin<GatewayContext>({
    cache: options.cache,
    // Defined (never a session) so that a PRIVATE answer is skipped quietly instead of with a warning per request.
    sessionId: async () => null,
    extraCacheKeyData: async (rc) => ({ acceptLanguage: rc.contextValue.acceptLanguage ?? null }),
    shouldReadFromCache: async (rc) => anonymous(rc),
    shouldWriteToCache: async (rc) => anonymous(rc),
  });
  const onLookup = options.onLookup;
  if (!onLookup) return inner;
  return {
    async requestDidStart(rc) {
      const hooks = await inner.requestDidStart!(rc);
      if (!hooks?.responseForOperation) return hooks;
      const lookup = hooks.responseForOperation.bind(hooks);
      return {
        ...hooks,
        async responseForOperation(ctx) {
          const response = await lookup(ctx);
          if (ctx.operation?.operation === 'query' && anonymous(ctx)) onLookup(response ? 'hit' : 'miss');
          return response;
        },
      };
    },
  };
}
