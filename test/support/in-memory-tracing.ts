import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '../../telemetry';
import { eventually } from './eventually';

/** Tracing as the process entries start it, exporting into memory for a test to read. */
export interface InMemoryTracing {
  exporter: InMemorySpanExporter;
  /** The finished spans once no more arrive: subgraph spans end when their response closes, possibly after the gateway answered. */
  settledSpans(): Promise<ReadableSpan[]>;
  /** Shuts the SDK down and unregisters the global tracer, context and propagator, so later suites start clean. */
  stop(): Promise<void>;
}

export function startInMemoryTracing(serviceName: string): InMemoryTracing {
  const exporter = new InMemorySpanExporter();
  const telemetry = startTracing({ serviceName, spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return {
    exporter,
    async settledSpans() {
      let count = -1;
      await eventually(() => {
        const now = exporter.getFinishedSpans().length;
        const settled = now > 0 && now === count;
        count = now;
        return settled;
      }, 'the trace complete');
      return exporter.getFinishedSpans();
    },
    async stop() {
      await telemetry.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
