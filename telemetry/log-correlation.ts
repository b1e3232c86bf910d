import { trace, type Span } from '@opentelemetry/api';

/**
 * `trace_id` and `span_id` of `span`, by default the one active where a log line is written, for a pino `mixin`:
 * a log line and the trace it belongs to can then be found from each other. Empty when no span is
 * recording (tracing off, or outside any request).
 */
export function traceLogFields(span: Span | undefined = trace.getActiveSpan()): { trace_id?: string; span_id?: string } {
  if (!span?.isRecording()) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}
