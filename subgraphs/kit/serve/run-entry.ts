import { SHUTDOWN_CLOSE_ROOM_MS, stopOnSignals, type ShutdownSettings } from '../../../config';
import { startTracing } from '../../../telemetry';

/**
 * The shape every subgraph entry point shares: tracing when OTEL_* asks for it, start once, print one
 * line, on SIGINT/SIGTERM report not-ready, drain, flush spans and exit 0 (bounded by its shutdown
 * settings), and turn a start-up failure (usually bad configuration) into its message and exit 1.
 * `serviceName` is the trace's service.name unless OTEL_SERVICE_NAME says otherwise.
 */
export async function runSubgraphEntry(
  serviceName: string,
  start: () => Promise<{ banner: string; shutdown: ShutdownSettings; stop(): Promise<void> }>,
): Promise<void> {
  const tracing = startTracing({ serviceName });
  try {
    const running = await start();
    console.log(running.banner);
    const { readinessDelayMs, drainMs } = running.shutdown;
    stopOnSignals(() => running.stop().then(() => tracing.shutdown()), {
      backstopMs: readinessDelayMs + drainMs + SHUTDOWN_CLOSE_ROOM_MS,
      say: (message) => console.log(message),
    });
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
