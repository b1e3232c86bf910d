import type { ApolloServerPlugin } from '@apollo/server';
import { context, trace, type Span } from '@opentelemetry/api';
import { tracer, recordFailure } from '../../telemetry';
import type { GatewayContext } from '../context';

/** A child of the request span for one phase of Apollo Server's pipeline; ended by the returned hook. */
function phase(name: string): (error?: unknown) => Promise<void> {
  const span = tracer.startSpan(name);
  return async (error) => {
    if (error) recordFailure(span, error);
    span.end();
  };
}

function errorCodes(errors: readonly { extensions?: Record<string, unknown> }[]): string[] {
  return [...new Set(errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))].sort();
}

/**
 * Names the gateway request's span after its GraphQL operation and caller, and records the phases
 * Apollo Server runs before @apollo/gateway takes over (`graphql.parse`, `graphql.validate`); the
 * gateway then adds `gateway.request`, `gateway.plan`, `gateway.execute` and one `gateway.fetch` per
 * fetch. Attributes carry the caller's kind, never its pin, token or key.
 */
export function tracingPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const span: Span | undefined = trace.getActiveSpan();
      if (!span?.isRecording()) return;
      const apqHash = (request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
      span.setAttributes({
        'jd.caller.kind': contextValue.identity.kind,
        ...(contextValue.clientName ? { 'graphql.client.name': contextValue.clientName.slice(0, 100) } : {}),
        ...(typeof apqHash === 'string' ? { 'graphql.apq.hash': apqHash.slice(0, 64) } : {}),
      });
      const active = context.active();
      return {
        async parsingDidStart() {
          return context.with(active, () => phase('graphql.parse'));
        },
        async validationDidStart() {
          const end = context.with(active, () => phase('graphql.validate'));
          return (errors) => end(errors?.[0]);
        },
        async didResolveOperation({ operationName, operation }) {
          const type = operation?.operation ?? 'query';
          span.setAttributes({ 'graphql.operation.name': operationName ?? '', 'graphql.operation.type': type });
          span.updateName(`${type} ${operationName ?? '(anonymous)'}`);
        },
        async didEncounterErrors({ errors }) {
          const codes = errorCodes(errors);
          span.setAttribute('graphql.error.codes', codes);
          recordFailure(span, errors[0], { 'error.type': codes[0] });
        },
      };
    },
  };
}
