import pino, { type Logger } from 'pino';
import { traceLogFields } from '../telemetry';

/**
 * Structured JSON logs on stdout; every request logs through a child carrying its requestId, and a line
 * written inside a traced request carries the `trace_id` and `span_id` of the span active there.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { service: 'gateway' }, timestamp: pino.stdTimeFunctions.isoTime, mixin: () => traceLogFields() },
    destination,
  );
}
