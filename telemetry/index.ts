/**
 * OpenTelemetry for every process of the graph: the SDK set-up from the standard OTEL_* variables
 * (off when none is set), the shared tracer and span helpers, and trace ids for log lines.
 *
 * A leaf module: it imports only npm packages, so every other folder may use it.
 */
export { startTracing, tracingEnabled } from './start-tracing';
export { tracer, inSpan, recordFailure } from './spans';
export { traceLogFields } from './log-correlation';
export { redisSpan } from './redis-span';
