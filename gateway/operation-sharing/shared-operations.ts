import type { GatewayExecutionResult, GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { trace, type SpanContext } from '@opentelemetry/api';
import type { GatewayContext } from '../context';
import { identityJson } from '../identity/sign';
import { copyStaleness } from '../staleness/stale-answers';
import { flightCachePolicy } from './flight-cache-policy';
import type { WriteEpochs } from './write-epochs';

type RequestContext = GatewayGraphQLRequestContext<GatewayContext>;

export interface OperationSharingOptions {
  /** OPERATION_SHARING: identical queries in flight share one run. Off, only the write epochs are kept. */
  shareQueries: boolean;
  epochs: WriteEpochs;
  /** Told each request answered by an identical operation already in flight. */
  onShared?(context: GatewayContext): void;
}

/**
 * How much more time than the run started with a request may have and still join it. Requests of the
 * same REQUEST_TIMEOUT_MS differ only by how long each took to reach execution; a client's shorter
 * `timeout` header is what this keeps from cutting short the answer of a caller who has more time.
 */
const JOIN_BUDGET_TOLERANCE_MS = 1000;

/** One run of an operation on behalf of every request that asked for it while it was in flight. */
interface Flight {
  result: Promise<GatewayExecutionResult>;
  /** The run's own context: the first request's, with the flight's deadline and signal (see `run`). */
  context: GatewayContext;
  /** The run's own cache policy, restricted by the subgraphs' answers; each request applies it to its own. */
  policy: ReturnType<typeof flightCachePolicy>;
  /** Requests still waiting; the run is cancelled when the last one stops. */
  waiting: number;
  /** The latest deadline of the requests that joined: fetches the run starts later may use it. */
  latestDeadline: number;
  /** The time the run started with (the first request's deadline minus the start): fetches already under way keep it. */
  budgetMs: number;
  controller: AbortController;
  /** The span of the request that started the run (with tracing on): the one whose trace holds the fetches. */
  startedBy?: SpanContext;
}

/**
 * The key under which identical queries share one run: the verified identity and its write epoch,
 * the language asked for, the exact document (Apollo's hash of its text), the operation and its
 * variables. Undefined when the request must run on its own: anything but a query, or no request context.
 */
function sharingKey(request: RequestContext, epochs: WriteEpochs): string | undefined {
  const context = request.context;
  if (request.operation?.operation !== 'query' || !context?.identity || !context.signal) return undefined;
  const identity = identityJson(context.identity);
  return JSON.stringify([
    identity,
    epochs.of(identity),
    context.acceptLanguage ?? null,
    request.queryHash,
    request.operationName ?? null,
    request.request.variables ?? null,
  ]);
}

/**
 * Wraps Apollo Gateway's executor so that identical queries in flight at the same moment run once:
 * one query plan executed, one set of subgraph fetches, one result shaped, and every request that
 * asked gets that answer. This is request coalescing (single flight), not a cache: nothing is kept
 * once the answer is in, and a request that arrives after it runs afresh. It is what makes a retry
 * storm, or many screens of one customer refreshing at once, cost one operation instead of hundreds.
 *
 * What must never be shared, is not: requests of different callers (the key is the verified identity,
 * never a header), mutations (they always run alone), and a caller's query after their own write
 * (every mutation moves the caller's write epoch on, at its start and its end; see write-epochs.ts).
 *
 * Each request keeps its own time. One with more time than the run started with (another client's
 * shorter `timeout` header) runs alone rather than join it. The run's later fetches may use the latest
 * deadline among the requests waiting on it, and it stops when the last of them stops (deadline or
 * disconnect); that last one gets what the run had fetched, as an unshared request would. One that
 * stops while others still wait answers on its own at once, already stopped: its subgraph fields null
 * with SUBGRAPH_TIMEOUT.
 */
export function shareIdenticalOperations(executor: GatewayExecutor, options: OperationSharingOptions): GatewayExecutor {
  const flights = new Map<string, Flight>();
  const forget = (key: string, flight: Flight) => {
    if (flights.get(key) === flight) flights.delete(key);
  };

  const run = (key: string, request: RequestContext): Flight => {
    const own = request.context;
    const controller = new AbortController();
    const flight: Flight = {
      result: undefined as unknown as Flight['result'],
      context: undefined as unknown as GatewayContext,
      policy: flightCachePolicy(),
      waiting: 0,
      latestDeadline: own.deadline,
      budgetMs: own.deadline - Date.now(),
      controller,
      startedBy: trace.getActiveSpan()?.spanContext(),
    };
    // The first request's context (its identity, language, request id and logger), with the flight's
    // deadline and signal: every subgraph fetch of the run reads those (fetch-deadline.ts).
    flight.context = {
      ...own,
      signal: controller.signal,
      get deadline() {
        return flight.latestDeadline;
      },
    };
    // The run's own cache policy and context, so what the subgraphs say lands on the flight, not on the first request.
    const runContext = { ...request, context: flight.context, overallCachePolicy: flight.policy } as RequestContext;
    flight.result = executor(runContext).finally(() => forget(key, flight));
    // Every waiter handles the outcome; this keeps a failure nobody waits for any more from going unhandled.
    flight.result.catch(() => undefined);
    flights.set(key, flight);
    return flight;
  };

  /**
   * The flight's result, or undefined when this request stopped (deadline, disconnect) while others
   * still wait. The last request to stop stops the run and keeps waiting: its fetches end at once, and
   * the run answers with what it had, as an unshared request at its deadline would.
   */
  const wait = (key: string, flight: Flight, own: GatewayContext): Promise<GatewayExecutionResult | undefined> => {
    flight.waiting++;
    flight.latestDeadline = Math.max(flight.latestDeadline, own.deadline);
    return new Promise((resolve, reject) => {
      let settled = false;
      let counted = true;
      const leave = () => {
        if (settled) return;
        counted = false;
        if (--flight.waiting > 0) {
          settled = true;
          resolve(undefined);
          return;
        }
        // Nobody else wants the answer: stop the run, and let the next identical request start afresh.
        forget(key, flight);
        flight.controller.abort(own.signal.reason);
      };
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        own.signal.removeEventListener('abort', leave);
        if (counted) flight.waiting--;
        finish();
      };
      own.signal.addEventListener('abort', leave, { once: true });
      flight.result.then(
        (result) => settle(() => resolve(result)),
        (err: unknown) => settle(() => reject(err)),
      );
    });
  };

  return async (request) => {
    const gatewayRequest = request as RequestContext;
    const own = gatewayRequest.context;
    if (request.operation?.operation === 'mutation' && own?.identity) {
      // Whatever is in flight for this caller now, or starts while the write runs, may predate it.
      const identity = identityJson(own.identity);
      options.epochs.advance(identity);
      try {
        return await executor(request);
      } finally {
        options.epochs.advance(identity);
      }
    }
    const key = options.shareQueries ? sharingKey(gatewayRequest, options.epochs) : undefined;
    // Already stopped (the client left, or no time is left): nothing to share, it answers as a stopped request.
    if (key === undefined || own.signal.aborted) return executor(request);

    let flight = flights.get(key);
    // A run started with less time than this request has could end before this request must: run alone.
    if (flight && own.deadline - Date.now() > flight.budgetMs + JOIN_BUDGET_TOLERANCE_MS) return executor(request);
    if (flight) {
      options.onShared?.(own);
      own.log.debug({ sharedWith: flight.context.requestId }, 'operation answered by an identical one in flight');
      // This request's trace has no fetches of its own: say so, and link the trace that has them.
      const span = trace.getActiveSpan();
      if (span?.isRecording()) {
        span.setAttribute('gateway.operation.shared', true);
        if (flight.startedBy) span.addLink({ context: flight.startedBy });
      }
    } else {
      flight = run(key, gatewayRequest);
    }
    const result = await wait(key, flight, own);
    // Stopped while others still wait for the run: answer alone, already stopped (its fetches refused at once).
    if (!result) return executor(request);
    request.overallCachePolicy.restrict({ maxAge: flight.policy.maxAge, scope: flight.policy.scope });
    copyStaleness(flight.context, own);
    // Apollo Server builds each response from its own copy and plugins replace extensions rather than
    // edit them; data and errors are only read from here on.
    return { ...result, ...(result.extensions && { extensions: { ...result.extensions } }) };
  };
}
