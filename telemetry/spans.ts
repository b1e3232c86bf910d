import { SpanStatusCode, trace, type Attributes, type Span, type SpanOptions, type Tracer } from '@opentelemetry/api';

/** The project's tracer; every layer names its spans under it (`gateway.*`, `subgraph.*`, `jd.*`, `redis.*`). */
export const tracer: Tracer = trace.getTracer('jd-support-graph');

/** Marks `span` failed with the error's class and message; never its stack or cause, which may quote a request. */
export function recordFailure(span: Span, error: unknown, attributes: Attributes = {}): void {
  const err = error instanceof Error ? error : new Error(String(error));
  span.setAttributes({ 'error.type': err.name, ...attributes });
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
}

/**
 * Runs `work` inside a new active span and ends it when `work` settles, marking it failed when it throws.
 * With tracing off the span is the API's no-op and this costs one closure.
 */
export function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, options, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}
