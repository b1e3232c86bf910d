import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GatewayContext } from '../context';
import { ANONYMOUS } from '../auth';
import { IDENTITY_HEADERS, signIdentity } from '../identity/sign';
import { subgraphFetcher } from './subgraph-fetcher';

export interface SubgraphFetchObserver {
  (subgraph: string, outcome: 'ok' | 'error', seconds: number): void;
}

/** Talks to one subgraph: strips client identity headers, signs the verified one, forwards trace headers. */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly secret: string,
    private readonly observe?: SubgraphFetchObserver,
  ) {
    // Keep-alive node:http instead of Apollo's default make-fetch-happen (see subgraph-fetcher.ts).
    super({ url, fetcher: subgraphFetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    for (const name of IDENTITY_HEADERS) headers.delete(name);
    // Health checks and schema loads have no request context: they go out as anonymous.
    const identity = context?.identity ?? ANONYMOUS;
    for (const [name, value] of Object.entries(signIdentity(identity, this.secret))) headers.set(name, value);
    if (context?.requestId) headers.set('x-request-id', context.requestId);
    if (context?.traceparent) headers.set('traceparent', context.traceparent);
    if (context?.acceptLanguage) headers.set('accept-language', context.acceptLanguage);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const response = await super.process(options);
      this.observe?.(this.subgraphName, response.errors?.length ? 'error' : 'ok', seconds());
      return response;
    } catch (err) {
      this.observe?.(this.subgraphName, 'error', seconds());
      throw err;
    }
  }
}
