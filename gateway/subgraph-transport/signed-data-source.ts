import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GatewayContext } from '../context';
import { ANONYMOUS } from '../auth';
import { IDENTITY_HEADER, IDENTITY_HEADERS, identityJson, identityPayload } from '../identity/sign';
import { subgraphFetcher } from './subgraph-fetcher';
import { signingFetcher } from './signing-fetcher';
import { sharingKey, type InflightSharing } from './inflight-sharing';
import { fetchDeadline, type FetchDeadline } from './fetch-deadline';
import { SUBGRAPH_ERROR_CODES, subgraphTimeoutError, subgraphUnavailableError } from './subgraph-errors';
import { CircuitOpenError, type SubgraphBreaker } from './subgraph-breaker';
import type { WriteEpochs } from '../operation-sharing';

/** The header that tells a subgraph how many ms are left for its answer (unsigned, and capped by the subgraph: identity-headers.md). */
const DEADLINE_HEADER = 'x-deadline-ms';

export interface SignedDataSourceOptions {
  /** The subgraph's name in the supergraph. */
  name: string;
  url: string;
  secret: string;
  /** The fetch timeout (SUBGRAPH_TIMEOUT_MS or its per-subgraph override); never longer than the request's deadline. */
  timeoutMs: number;
  observe?: SubgraphFetchObserver;
  /** Lets identical query fetches of the same verified caller share one in flight. */
  sharing?: InflightSharing;
  /** The callers' write epochs: a fetch never joins one that started before its caller's latest write. */
  writeEpochs?: WriteEpochs;
  /** Where the transport's own failure text goes (it never reaches the client). */
  log?: Logger;
  /** The subgraph's circuit: open, fetches are refused at once (SUBGRAPH_UNAVAILABLE) instead of waiting on a dead subgraph. */
  breaker?: SubgraphBreaker;
  /** Told each fetch the open circuit refused. */
  onRefused?(subgraph: string): void;
}

const SUBGRAPH_CODES = new Set<unknown>(Object.values(SUBGRAPH_ERROR_CODES));
import { injectTraceContext, tracedFetch } from './fetch-span';
import { noteSubgraphStaleness } from '../staleness/stale-answers';

export interface SubgraphFetchObserver {
  (subgraph: string, outcome: 'ok' | 'error', seconds: number): void;
}

// A subgraph operation the planner wrote: "query Name…", "query(…" or "{…".
const QUERY_TEXT = /^\s*(query\b|\{)/;

/** The verified identity of a fetch that may share an identical one in flight (with the caller's write epoch); undefined when it must be sent on its own. */
function shareableIdentity(options: GraphQLDataSourceProcessOptions<GatewayContext>, epochs?: WriteEpochs): string | undefined {
  // Health checks and schema loads (no incoming request) are never shared.
  if (!('incomingRequestContext' in options) || !options.context?.identity) return undefined;
  // Every fetch of a mutation goes on its own, reads after its writes included: a read shared with an
  // earlier identical one could have been answered before this request's own write.
  if (options.incomingRequestContext.operation?.operation !== 'query') return undefined;
  // The planner only makes queries of a query; the text check keeps that from being an assumption.
  if (!QUERY_TEXT.test(options.request.query ?? '')) return undefined;
  const identity = identityJson(options.context.identity);
  return epochs ? `${epochs.of(identity)}:${identity}` : identity;
}

/**
 * Talks to one subgraph: strips client identity headers, signs the verified one (for this subgraph and
 * each fetch's body), forwards trace headers, gives each fetch a deadline it sends along (`x-deadline-ms`),
 * turns a subgraph that fails to answer into SUBGRAPH_TIMEOUT / SUBGRAPH_UNAVAILABLE, and (with `sharing`)
 * lets identical query fetches of the same verified caller share one in flight.
 */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraphName: string;
  private readonly observe?: SubgraphFetchObserver;
  private readonly sharing?: InflightSharing;

  constructor(private readonly options: SignedDataSourceOptions) {
    // Keep-alive node:http instead of Apollo's default make-fetch-happen (see subgraph-fetcher.ts),
    // signing each fetch for this subgraph and its body as it leaves (see signing-fetcher.ts).
    super({ url: options.url, fetcher: signingFetcher(options.name, options.secret, subgraphFetcher) });
    this.subgraphName = options.name;
    this.observe = options.observe;
    this.sharing = options.sharing;
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
    // With tracing on, the fetch's own span replaces the caller's traceparent (it is that span's child).
    injectTraceContext(headers);
    if (context?.acceptLanguage) headers.set('accept-language', context.acceptLanguage);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    // Health checks and schema loads have no request: the subgraph's timeout alone bounds them.
    const deadline = fetchDeadline(this.options.timeoutMs, options.context as Partial<GatewayContext> | undefined);
    try {
      // Out of time before it starts: nothing is sent.
      if (deadline.stopped()) throw deadline.signal.reason;
      const { breaker } = this.options;
      // The subgraph's own fault only counts against its circuit: a client that left or ran out of its own time says nothing about it.
      const ownFault = () => !['deadline', 'disconnected'].includes(deadline.stopped() ?? '');
      const send = () => this.send(options, deadline);
      const response = await tracedFetch(
        this.subgraphName,
        this.url,
        () => (breaker ? breaker.execute(send, ownFault) : send()),
        (r) => Boolean(r.errors?.length),
      );
      noteSubgraphStaleness(options.context, response.extensions);
      this.observe?.(this.subgraphName, response.errors?.length ? 'error' : 'ok', seconds());
      return response;
    } catch (err) {
      this.observe?.(this.subgraphName, 'error', seconds());
      throw this.asSubgraphError(err, deadline, options.context as Partial<GatewayContext> | undefined);
    } finally {
      deadline.done();
    }
  }

  /** A failed fetch as the client may see it: a stable code and the subgraph's name; the details go to the log. */
  private asSubgraphError(err: unknown, deadline: FetchDeadline, context: Partial<GatewayContext> | undefined): GraphQLError {
    if (err instanceof GraphQLError && SUBGRAPH_CODES.has(err.extensions.code)) return err;
    if (err instanceof CircuitOpenError) {
      this.options.onRefused?.(this.subgraphName);
      return subgraphUnavailableError(this.subgraphName);
    }
    const stopped = deadline.stopped();
    (context?.log ?? this.options.log)?.warn(
      { subgraph: this.subgraphName, stopped, err: err instanceof Error ? err.message : String(err) },
      stopped ? 'subgraph fetch stopped before its answer' : 'subgraph fetch failed',
    );
    return stopped ? subgraphTimeoutError(this.subgraphName) : subgraphUnavailableError(this.subgraphName);
  }

  private send(options: GraphQLDataSourceProcessOptions<GatewayContext>, deadline: FetchDeadline): Promise<GatewayGraphQLResponse> {
    // Every fetch carries a signal (its deadline's, or a shared flight's) and tells the subgraph how long it has left.
    const timed = (url: string, init: FetcherRequestInit, signal: AbortSignal) =>
      this.fetcher(url, {
        ...init,
        signal,
        headers: { ...init.headers, [DEADLINE_HEADER]: String(deadline.remainingMs()) },
      });
    const identity = this.sharing && shareableIdentity(options, this.options.writeEpochs);
    const sharing = this.sharing;
    // Apollo's process() sends through this.fetcher, which cannot see the request; so this request runs on a
    // view of the data source whose fetcher carries its deadline and, when it may share, keys the sharing on
    // the verified identity. A fetch that joined another's still ends at its own deadline, and the fetch sent
    // stops only when every request waiting on it has (inflight-sharing.ts).
    const fetcher: Fetcher =
      sharing && identity !== undefined
        ? (url, init = {}) =>
            sharing.fetch(sharingKey(identity, url, init), (flightSignal) => timed(url, init, flightSignal), deadline.signal)
        : (url, init = {}) => timed(url, init, deadline.signal);
    const view = Object.create(this, { fetcher: { value: fetcher } }) as this;
    return super.process.call(view, options);
  }
}
