import { SpanKind, context, propagation } from '@opentelemetry/api';
import { inSpan } from '../../telemetry';

const hosts = new Map<string, string>();
/** host:port of a subgraph URL, parsed once per URL (a fetch must not pay for it while tracing is off). */
function hostOf(url: string): string {
  let host = hosts.get(url);
  if (host === undefined) {
    host = URL.canParse(url) ? new URL(url).host : '';
    hosts.set(url, host);
  }
  return host;
}

/**
 * One subgraph fetch as a client span (`subgraph.fetch <name>`), the child of @apollo/gateway's
 * `gateway.fetch`. Its context is active while the request is built, so `injectTraceContext` puts
 * this span in the fetch's `traceparent` and the subgraph's own span continues the same trace.
 */
export function tracedFetch<T>(subgraph: string, url: string, send: () => Promise<T>, failed: (result: T) => boolean): Promise<T> {
  return inSpan(
    `subgraph.fetch ${subgraph}`,
    { kind: SpanKind.CLIENT, attributes: { 'jd.subgraph.name': subgraph, 'server.address': hostOf(url) } },
    async (span) => {
      const result = await send();
      if (failed(result)) span.setAttribute('jd.subgraph.graphql_errors', true);
      return result;
    },
  );
}

/** Writes the active span's W3C `traceparent` (and `tracestate`) into a fetch's headers; nothing while tracing is off. */
export function injectTraceContext(headers: { set(name: string, value: string): void }): void {
  propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
}
