import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GatewayContext } from '../context';
import { ANONYMOUS } from '../auth';
import { IDENTITY_HEADER, IDENTITY_HEADERS, identityJson, identityPayload } from '../identity/sign';
import { subgraphFetcher } from './subgraph-fetcher';
import { signingFetcher } from './signing-fetcher';
import { sharingKey, type InflightSharing } from './inflight-sharing';

export interface SubgraphFetchObserver {
  (subgraph: string, outcome: 'ok' | 'error', seconds: number): void;
}

// A subgraph operation the planner wrote: "query Name…", "query(…" or "{…".
const QUERY_TEXT = /^\s*(query\b|\{)/;

/** The verified identity of a fetch that may share an identical one in flight; undefined when it must be sent on its own. */
function shareableIdentity(options: GraphQLDataSourceProcessOptions<GatewayContext>): string | undefined {
  // Health checks and schema loads (no incoming request) are never shared.
  if (!('incomingRequestContext' in options) || !options.context?.identity) return undefined;
  // Every fetch of a mutation goes on its own, reads after its writes included: a read shared with an
  // earlier identical one could have been answered before this request's own write.
  if (options.incomingRequestContext.operation?.operation !== 'query') return undefined;
  // The planner only makes queries of a query; the text check keeps that from being an assumption.
  if (!QUERY_TEXT.test(options.request.query ?? '')) return undefined;
  return identityJson(options.context.identity);
}

/**
 * Talks to one subgraph: strips client identity headers, signs the verified one (for this subgraph and
 * each fetch's body), forwards trace headers,
 * and (with `sharing`) lets identical query fetches of the same verified caller share one in flight.
 */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    secret: string,
    private readonly observe?: SubgraphFetchObserver,
    private readonly sharing?: InflightSharing,
  ) {
    // Keep-alive node:http instead of Apollo's default make-fetch-happen (see subgraph-fetcher.ts),
    // signing each fetch for this subgraph and its body as it leaves (see signing-fetcher.ts).
    super({ url, fetcher: signingFetcher(subgraphName, secret, subgraphFetcher) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    for (const name of IDENTITY_HEADERS) headers.delete(name);
    // Health checks and schema loads have no request context: they go out as anonymous.
    const identity = context?.identity ?? ANONYMOUS;
    // Only who is calling here; the fetcher adds the time and the signature once the body is written.
    headers.set(IDENTITY_HEADER, identityPayload(identity));
    if (context?.requestId) headers.set('x-request-id', context.requestId);
    if (context?.traceparent) headers.set('traceparent', context.traceparent);
    if (context?.acceptLanguage) headers.set('accept-language', context.acceptLanguage);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const response = await this.send(options);
      this.observe?.(this.subgraphName, response.errors?.length ? 'error' : 'ok', seconds());
      return response;
    } catch (err) {
      this.observe?.(this.subgraphName, 'error', seconds());
      throw err;
    }
  }

  private send(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const identity = this.sharing && shareableIdentity(options);
    if (!this.sharing || identity === undefined) return super.process(options);
    // Apollo's process() sends through this.fetcher, which cannot see the request's verified identity;
    // so this request runs on a view of the data source whose fetcher keys the sharing on it.
    const sharing = this.sharing;
    const fetcher: Fetcher = (url, init = {}) => sharing.fetch(sharingKey(identity, url, init), () => this.fetcher(url, init));
    const view = Object.create(this, { fetcher: { value: fetcher } }) as this;
    return super.process.call(view, options);
  }
}
