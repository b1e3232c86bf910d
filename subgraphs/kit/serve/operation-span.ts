import type { NextFunction, Request, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { ROOT_CONTEXT, SpanKind, context, propagation, trace } from '@opentelemetry/api';
import { recordFailure, tracer } from '../../../telemetry';
import type { BaseContext } from '../context';

/**
 * One subgraph operation as a server span (`subgraph <name>`) that continues the gateway's trace from
 * the fetch's `traceparent`; the JD spans of its resolvers are its children. Mounted after the body
 * parser, so the whole operation runs in its context.
 */
export function operationSpan(subgraph: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(`subgraph ${subgraph}`, { kind: SpanKind.SERVER, attributes: { 'jd.subgraph.name': subgraph } }, parent);
    if (!span.isRecording()) return next();
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Adds the operation (the planner's name, e.g. `CustomerDashboard__orders__0`), the caller's kind and error codes to the span. */
export function operationSpanPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const span = trace.getActiveSpan();
      if (!span?.isRecording()) return;
      span.setAttribute('jd.caller.kind', contextValue.identity.kind);
      return {
        async didResolveOperation({ operationName, operation }) {
          span.setAttributes({ 'graphql.operation.name': operationName ?? '', 'graphql.operation.type': operation?.operation ?? 'query' });
        },
        async didEncounterErrors({ errors }) {
          const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))].sort();
          span.setAttribute('graphql.error.codes', codes);
          recordFailure(span, errors[0], { 'error.type': codes[0] });
        },
      };
    },
  };
}
