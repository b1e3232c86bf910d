import type { NextFunction, Request, Response } from 'express';
import { ROOT_CONTEXT, SpanKind, context, propagation, trace, type Span } from '@opentelemetry/api';
import { tracer } from '../../telemetry';

/** The request's server span (the access log names its trace). */
export function requestSpanOf(res: Response): Span | undefined {
  return res.locals.span as Span | undefined;
}

/**
 * The root of a gateway request's trace: a server span that continues the caller's W3C `traceparent`
 * when there is one. The rest of the request (Apollo's own `gateway.*` spans, the subgraph fetches)
 * runs inside it. Mounted after the body parser, so that everything downstream runs in its context.
 * Attributes name the method, route and status only: never a header, so no token or key gets in.
 */
export function requestSpan(route: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      `${req.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'http.route': route } },
      parent,
    );
    if (!span.isRecording()) return next();
    res.locals.span = span;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: 2 });
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    context.with(trace.setSpan(parent, span), next);
  };
}
